/**
 * Editor benchmark (run by `npm run bench` after the build, or alone: `npx tsx scripts/bench-editor.ts`
 * against an existing dist/, or FLOWBOOK_DIST=<dir>). Prints figures only; asserts nothing.
 *
 * - the modeller page's JavaScript before any interaction (gzip), target ≤ 350 KB;
 * - time from navigation until a 500-symbol document is on screen and interactive;
 * - frame times (median, p95) while dragging a symbol of that document, beside the same diagram in
 *   a bare React Flow page built the same way (/bench/bare-flow/), as a ratio (target ≤ 1.5).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { chromium, type Browser, type Page } from 'playwright';
import LZString from 'lz-string';
import { launchOptions } from '../src/lib/chromium.mjs';
import { benchDocument } from '../src/editor/bench/sample.ts';
import { lint, serializeDocument } from '../src/lib/dfd/index.ts';

const SIZE = 500;
const RUNS = 3;
const dist = process.env.FLOWBOOK_DIST ?? join(process.cwd(), 'dist');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
}

/** Module scripts of a page and everything they import statically (dynamic import() is lazy). */
function initialJs(html: string): { gz: number; bytes: number; files: number } {
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  let inline = '';
  for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) inline += m[1];
  for (const m of inline.matchAll(/import\s*(?:[^'"]*from\s*)?["'](\/_astro\/[^"']+)["']/g)) queue.push(m[1]!);
  for (const m of html.matchAll(/<astro-island[^>]*\scomponent-url="([^"]+)"[^>]*\srenderer-url="([^"]+)"/g)) queue.push(m[1]!, m[2]!);
  let bytes = Buffer.byteLength(inline);
  let gz = inline ? gzipSync(inline).length : 0;
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url) || !url.startsWith('/_astro/')) continue;
    seen.add(url);
    const code = readFileSync(join(dist, url));
    bytes += code.length;
    gz += gzipSync(code).length;
    for (const m of code.toString('utf8').matchAll(/(?:^|[;\s}])import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+)["']/g)) queue.push(`/_astro/${m[1]}`);
  }
  return { gz, bytes, files: seen.size };
}

function serve(): Promise<Server> {
  const handler = sirv(dist, { dev: true, extensions: ['html'] });
  const server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    }),
  );
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Milliseconds from navigation until every symbol is painted (measured, visible). */
async function timeToInteractive(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    `(() => {
      const els = document.querySelectorAll(${JSON.stringify(selector)});
      if (els.length < ${SIZE}) return false;
      for (const el of els) if (el.style.visibility === 'hidden') return false;
      return performance.now();
    })()`,
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

const MOVES = 120;

/** Frame intervals while dragging a symbol near the middle of the diagram, and the time per pointer move. */
async function dragFrames(page: Page, selector: string): Promise<{ frames: number[]; perMove: number }> {
  const target = page.locator(selector).nth(Math.floor(SIZE / 2) + 12);
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const x0 = box.x + box.width / 2;
  const y0 = box.y + box.height / 2;
  await page.mouse.move(x0, y0);
  // (Strings, not functions: tsx would wrap named functions in a helper the page does not have.)
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__run = true;
    const tick = (t) => { window.__frames.push(t); if (window.__run) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.down();
  const t0 = performance.now();
  for (let i = 1; i <= MOVES; i++) await page.mouse.move(x0 + i * 2, y0 + Math.sin(i / 10) * 20);
  const perMove = (performance.now() - t0) / MOVES;
  const frames = (await page.evaluate('(() => { window.__run = false; return window.__frames; })()')) as number[];
  await page.mouse.up();
  return { frames: frames.slice(1).map((t, i) => t - frames[i]!), perMove };
}

async function measure(browser: Browser, url: string, selector: string) {
  const tti: number[] = [];
  const frames: number[] = [];
  const perMove: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    tti.push(await timeToInteractive(page, url, selector));
    await page.waitForTimeout(300);
    const d = await dragFrames(page, selector);
    frames.push(...d.frames);
    perMove.push(d.perMove);
    await context.close();
  }
  return { tti: median(tti), median: median(frames), p95: percentile(frames, 95), frames: frames.length, perMove: median(perMove) };
}

async function main() {
  if (!existsSync(join(dist, 'modeller', 'index.html'))) {
    console.log(`no built modeller in ${dist}: run \`npm run build\` first`);
    return;
  }
  const js = initialJs(readFileSync(join(dist, 'modeller', 'index.html'), 'utf8'));
  console.log(`modeller JavaScript before interaction: ${js.files} files, ${kb(js.bytes)}, ${kb(js.gz)} gzip (target ≤ 350 KB)`);

  const doc = benchDocument(SIZE);
  const t0 = performance.now();
  const findings = lint(doc, {});
  console.log(`lint of the ${SIZE}-symbol document (Node): ${ms(performance.now() - t0)}, ${findings.length} findings`);

  const hasBare = existsSync(join(dist, 'bench', 'bare-flow', 'index.html'));
  const server = await serve();
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch(launchOptions());
  try {
    const share = `${base}/modeller/#share=${LZString.compressToEncodedURIComponent(serializeDocument(doc))}`;
    const editor = await measure(browser, share, '.fb-modeller .react-flow__node');
    console.log(`modeller, ${SIZE} symbols: interactive after ${ms(editor.tti)} (median of ${RUNS} loads)`);
    console.log(`modeller, dragging: frame median ${ms(editor.median)}, p95 ${ms(editor.p95)} (${editor.frames} frames); ${ms(editor.perMove)} per pointer move`);
    if (hasBare) {
      const bare = await measure(browser, `${base}/bench/bare-flow/?n=${SIZE}`, '.react-flow__node');
      console.log(`bare React Flow, ${SIZE} nodes: interactive after ${ms(bare.tti)}`);
      console.log(`bare React Flow, dragging: frame median ${ms(bare.median)}, p95 ${ms(bare.p95)} (${bare.frames} frames); ${ms(bare.perMove)} per pointer move`);
      console.log(
        `ratio modeller / bare: frame median ${(editor.median / bare.median).toFixed(2)}, p95 ${(editor.p95 / bare.p95).toFixed(2)} (target ≤ 1.5); per pointer move ${(editor.perMove / bare.perMove).toFixed(2)}`,
      );
      const full = await measure(browser, `${base}/bench/bare-flow/?n=${SIZE}&chrome=1`, '.react-flow__node');
      console.log(`bare React Flow with background, controls and minimap, dragging: frame median ${ms(full.median)}, p95 ${ms(full.p95)}; ${ms(full.perMove)} per pointer move`);
    } else {
      console.log('no /bench/bare-flow/ page in the build: ratio not measured');
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();

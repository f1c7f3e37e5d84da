/**
 * Build-time Mermaid rendering: Mermaid text → two standalone SVGs (light, dark).
 * Runs Mermaid inside the system Chromium (the page and scripts mermaid-isomorphic uses); no
 * Mermaid code reaches the browser. Results are cached on disk by content hash so rebuilds are quick.
 *
 * Two browser pages, one per theme, stay warm for the whole build: `renderMermaid` only queues a
 * diagram, and the queue is rendered in batches, every diagram waiting at that moment in one call
 * to each page, the light and dark pages at the same time (on two cores, 0.09 s a diagram for both
 * themes against 0.13 s with the themes one after the other in one page). Rendering each diagram
 * by its own mermaid-isomorphic call opened a page and loaded Mermaid's 3 MB script twice a
 * diagram, and relaunched Chromium whenever the queue ran dry: minutes of mostly waiting. The remark plugin, loaded with the Astro config, and
 * DfdDiagram, bundled into the build's server chunks, are two copies of this module: the state
 * lives on `globalThis` so they share one browser, one queue and one memory cache.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
// A static import: the Astro config's modules cannot import() later, once Vite's loader is closed.
import { chromium, type Browser, type Page } from 'playwright';
import { launchOptions } from '../chromium.mjs';
import { darkTheme, lightTheme, mermaidConfig, type DiagramTheme } from './theme.ts';

export interface RenderedDiagram {
  light: string;
  dark: string;
  width: number;
  height: number;
  title?: string;
  description?: string;
  /** Visible label texts in drawing order, for the text alternative. */
  labels: string[];
}

export class MermaidSyntaxError extends Error {
  constructor(
    message: string,
    readonly diagramLine: number | undefined,
  ) {
    super(message);
    this.name = 'MermaidSyntaxError';
  }
}

const CACHE_VERSION = '3';
/** FLOWBOOK_MERMAID_CACHE moves the cache, e.g. to time a cold build without emptying a shared one. */
export const mermaidCacheDir = () => process.env.FLOWBOOK_MERMAID_CACHE || join(process.cwd(), 'node_modules', '.cache', 'flowbook-mermaid');
const cacheDir = mermaidCacheDir;
/** True when the disk cache holds no diagram (a fresh clone, or a cold build being timed). */
export function mermaidCacheIsEmpty(): boolean {
  try {
    return !readdirSync(cacheDir()).some((f) => f.endsWith('.json'));
  } catch {
    return true;
  }
}

/** At most this many diagrams a call to the page (each call returns its results at once). */
const MAX_BATCH = 24;
/** The browser is closed when no diagram has been asked for this long (and at the end of a build). */
const IDLE_MS = 5_000;
const THEMES = [lightTheme, darkTheme] as const;

interface Job {
  source: string;
  resolve: (r: RenderedDiagram) => void;
  reject: (e: unknown) => void;
}

export interface MermaidStats {
  /** Diagrams rendered in the browser (cache misses). */
  rendered: number;
  /** Diagrams read from the disk cache. */
  cached: number;
  batches: number;
  /** Time spent starting Chromium and loading Mermaid into the page, ms. */
  startMs: number;
  /** Time the page spent rendering batches (both themes), ms. */
  renderMs: number;
}

/** The browser and one warm page per theme (each page renders its theme, the two at once). */
interface Session {
  browser: Browser;
  pages: Page[];
}

interface Service {
  memory: Map<string, Promise<RenderedDiagram>>;
  queue: Job[];
  draining: boolean;
  session?: Promise<Session>;
  idle?: ReturnType<typeof setTimeout>;
  stats: MermaidStats;
  log?: (message: string) => void;
  /** Distinct diagrams the last build drew (from the cache folder), for "done of total" progress. */
  expected?: number;
}

const service: Service = ((globalThis as Record<symbol, unknown>)[Symbol.for('flowbook.mermaid.v1')] ??= {
  memory: new Map(),
  queue: [],
  draining: false,
  stats: { rendered: 0, cached: 0, batches: 0, startMs: 0, renderMs: 0 },
} satisfies Service) as Service;

/** Figures of this process's rendering so far. */
export function mermaidStats(): MermaidStats {
  return { ...service.stats };
}

/** The count of distinct diagrams the last build drew, kept beside the cache for progress lines. */
const lastCountFile = () => join(cacheDir(), 'last-build-diagrams.txt');

/** Remembers how many distinct diagrams there are: the next build's progress says "of N". */
export function expectDiagramsFromLastBuild(): void {
  try {
    const n = Number(readFileSync(lastCountFile(), 'utf8').trim());
    service.expected = Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    service.expected = undefined;
  }
}

/** Writes this build's count of distinct diagrams for the next build's progress lines. */
export function recordDiagramCount(): void {
  const n = service.memory.size;
  if (!n) return;
  mkdirSync(cacheDir(), { recursive: true });
  writeFileSync(lastCountFile(), `${n}\n`);
}

/** Where progress lines go (the build's logger); none by default. */
export function setMermaidLog(log: ((message: string) => void) | undefined): void {
  service.log = log;
}

/**
 * Starts Chromium and loads Mermaid now, so the first diagrams do not wait for it (the build calls
 * this as it starts; an unused browser is closed after the idle time).
 */
export function warmMermaidRenderer(): void {
  if (service.session) return;
  const session = startSession();
  service.session = session;
  session.catch(() => {
    if (service.session === session) service.session = undefined;
  });
  if (!service.draining) {
    if (service.idle) clearTimeout(service.idle);
    service.idle = setTimeout(() => void closeMermaidRenderer(), IDLE_MS * 6);
    service.idle.unref?.();
  }
}

/** Closes the browser now (the end of a build); a later diagram starts it again. */
export async function closeMermaidRenderer(): Promise<void> {
  if (service.idle) clearTimeout(service.idle);
  service.idle = undefined;
  const session = service.session;
  service.session = undefined;
  if (session) await session.then(({ browser }) => browser.close()).catch(() => {});
}

/** The files mermaid-isomorphic renders with: its blank page, Mermaid's browser build, icon and math CSS. */
function pageFiles() {
  const require = createRequire(import.meta.url);
  const iso = require.resolve('mermaid-isomorphic');
  const fromIso = createRequire(iso);
  return {
    html: pathToFileURL(join(dirname(iso), '..', 'index.html')).href,
    css: [fromIso.resolve('@fortawesome/fontawesome-free/css/all.css'), fromIso.resolve('katex/dist/katex.css')],
    script: fromIso.resolve('mermaid/dist/mermaid.js'),
  };
}

async function startSession(): Promise<Session> {
  const t0 = performance.now();
  const browser = await chromium.launch(launchOptions());
  try {
    const context = await browser.newContext({ bypassCSP: true });
    const files = pageFiles();
    const pages = await Promise.all(
      THEMES.map(async () => {
        const page = await context.newPage();
        await page.goto(files.html);
        await Promise.all([...files.css.map((f) => page.addStyleTag({ url: pathToFileURL(f).href })), page.addScriptTag({ url: pathToFileURL(files.script).href })]);
        return page;
      }),
    );
    service.stats.startMs += performance.now() - t0;
    return { browser, pages };
  } catch (e) {
    await browser.close().catch(() => {});
    throw e;
  }
}

interface PageResult {
  svg?: string;
  title?: string;
  description?: string;
  error?: string;
}

/**
 * Runs in a browser page: renders every source in every config, configs one after the other
 * (Mermaid's configuration is global; the build gives each page one config, its theme). Each diagram gets the id mermaid-isomorphic gave it when
 * rendered alone (`<prefix>-0`), and the SVG is serialized as it does, so the output is the same.
 */
/* eslint-disable no-restricted-globals -- this function is sent to the browser page (page.evaluate), where the DOM is */
async function renderInPage(args: { sources: string[]; configs: Array<{ config: Record<string, unknown>; prefix: string }> }): Promise<PageResult[][]> {
  const w = window as unknown as {
    mermaid: {
      initialize(c: unknown): void;
      registerIconPacks(p: unknown[]): void;
      render(id: string, text: string, container: Element): Promise<{ svg: string }>;
    };
  };
  await Promise.all(Array.from(document.fonts, (font) => font.load()));
  const parser = new DOMParser();
  const serializer = new XMLSerializer();
  const container = document.createElement('div');
  container.ariaHidden = 'true';
  container.style.maxHeight = '0';
  container.style.opacity = '0';
  container.style.overflow = 'hidden';
  document.body.append(container);
  w.mermaid.registerIconPacks([]);
  const out: PageResult[][] = args.sources.map(() => []);
  try {
    for (const { config, prefix } of args.configs) {
      w.mermaid.initialize({ fontFamily: 'arial,sans-serif', ...config });
      for (let i = 0; i < args.sources.length; i++) {
        // A diagram that failed in the first theme fails in the others: its error is kept.
        if (out[i]!.some((r) => r.error !== undefined)) continue;
        try {
          const { svg } = await w.mermaid.render(`${prefix}-0`, args.sources[i]!, container);
          const element = parser.parseFromString(svg, 'text/html').getElementsByTagName('svg')[0]!;
          const r: PageResult = { svg: serializer.serializeToString(element) };
          // The texts the aria references point at (no named helper: this function's source is
          // sent to the page as it is, and a build tool may wrap named functions in helpers).
          for (const [attribute, key] of [
            ['aria-describedby', 'description'],
            ['aria-labelledby', 'title'],
          ] as const) {
            const value = element.getAttribute(attribute);
            if (!value) continue;
            let text = '';
            for (const id of value.split(/\s+/)) text += element.getElementById(id)?.textContent ?? '';
            if (text) r[key] = text;
          }
          out[i]!.push(r);
        } catch (e) {
          out[i]!.push({ error: e instanceof Error ? e.message : String(e) });
        }
        container.replaceChildren();
      }
    }
  } finally {
    container.remove();
  }
  return out;
}
/* eslint-enable no-restricted-globals */

function settle(job: Job, results: PageResult[]) {
  const failed = results.find((r) => r.error !== undefined);
  if (failed) {
    const msg = failed.error!.split('\n').slice(0, 6).join('\n');
    job.reject(new MermaidSyntaxError(msg, lineOf(msg)));
    return;
  }
  const [l, d] = results as [PageResult, PageResult];
  const ls = standaloneSvg(l.svg!, lightTheme);
  const ds = standaloneSvg(d.svg!, darkTheme);
  job.resolve({
    light: ls.svg,
    dark: ds.svg,
    width: ls.width,
    height: ls.height,
    title: l.title || undefined,
    description: l.description || undefined,
    labels: svgLabels(l.svg!),
  });
}

/** Renders what is queued, a batch at a time, until the queue is empty. */
async function drain() {
  if (service.draining) return;
  service.draining = true;
  if (service.idle) clearTimeout(service.idle);
  service.idle = undefined;
  try {
    // Let the callers of this tick queue their diagrams before the first batch leaves.
    await new Promise((r) => setImmediate(r));
    while (service.queue.length) {
      let pages: Page[];
      try {
        service.session ??= startSession();
        ({ pages } = await service.session);
      } catch (e) {
        service.session = undefined;
        for (const job of service.queue.splice(0)) job.reject(e);
        break;
      }
      const batch = service.queue.splice(0, MAX_BATCH);
      const t0 = performance.now();
      try {
        const sources = batch.map((j) => j.source);
        const byTheme = await Promise.all(
          THEMES.map((t, k) =>
            pages[k]!.evaluate(renderInPage, {
              sources,
              configs: [{ config: mermaidConfig(t) as Record<string, unknown>, prefix: `fb-${t.name}` }],
            }),
          ),
        );
        batch.forEach((job, i) =>
          settle(
            job,
            byTheme.map((results) => results[i]![0]!),
          ),
        );
      } catch (e) {
        // The page or the browser broke (not a diagram): fail this batch, start afresh for the next.
        for (const job of batch) job.reject(e);
        const broken = service.session;
        service.session = undefined;
        void broken?.then(({ browser }) => browser.close()).catch(() => {});
      }
      const ms = performance.now() - t0;
      service.stats.batches += 1;
      service.stats.rendered += batch.length;
      service.stats.renderMs += ms;
      const done = service.stats.rendered + service.stats.cached;
      const total = service.expected && service.expected >= done ? ` of ${service.expected}` : '';
      service.log?.(
        `${batch.length} diagram(s) rendered in ${(ms / 1000).toFixed(1)} s: ${done}${total} diagrams done ` +
          `(${service.stats.rendered} rendered, ${service.stats.cached} from the cache), ${service.queue.length} waiting`,
      );
    }
  } finally {
    service.draining = false;
    if (service.queue.length) void drain();
    else if (service.session) {
      service.idle = setTimeout(() => void closeMermaidRenderer(), IDLE_MS);
      service.idle.unref?.();
    }
  }
}

function queueRender(source: string): Promise<RenderedDiagram> {
  return new Promise((resolve, reject) => {
    service.queue.push({ source, resolve, reject });
    void drain();
  });
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** The texts of the diagram's labels, in document order, without repeats. */
export function svgLabels(svg: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const m of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    const inner = m[1]!
      .replace(/<tspan\b[^>]*>/g, '')
      .replace(/<\/tspan>/g, '')
      .replace(/<[^>]+>/g, '');
    const text = decodeEntities(inner).replace(/\s+/g, ' ').trim();
    if (text && !seen.has(text)) {
      seen.add(text);
      out.push(text);
    }
  }
  return out;
}

/** Makes Mermaid's SVG standalone: fixed pixel size, a solid background, no page-dependent CSS. */
export function standaloneSvg(svg: string, theme: DiagramTheme): { svg: string; width: number; height: number } {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('Mermaid returned no <svg> element');
  let tag = open[0];
  const vb = /viewBox="([-\d.eE]+)[ ,]+([-\d.eE]+)[ ,]+([-\d.eE]+)[ ,]+([-\d.eE]+)"/.exec(tag);
  const [x, y, w, h] = vb ? vb.slice(1).map(Number) : [0, 0, 0, 0];
  const width = Math.ceil(w!);
  const height = Math.ceil(h!);
  tag = tag
    .replace(/\swidth="[^"]*"/, '')
    .replace(/\sheight="[^"]*"/, '')
    .replace(/\sstyle="[^"]*"/, '')
    .replace(/^<svg\b/, `<svg width="${width}" height="${height}"`);
  if (!/\sxmlns="/.test(tag)) tag = tag.replace(/^<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"');
  if (!/\sxmlns:xlink="/.test(tag) && svg.includes('xlink:')) {
    tag = tag.replace(/^<svg\b/, '<svg xmlns:xlink="http://www.w3.org/1999/xlink"');
  }
  const bg = `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${theme.background}"/>`;
  const body = svg.slice(open.index + open[0].length);
  return { svg: tag + bg + body, width, height };
}

function cacheKey(source: string): string {
  return createHash('sha256')
    .update(CACHE_VERSION)
    .update(JSON.stringify([mermaidConfig(lightTheme), mermaidConfig(darkTheme)]))
    .update(source)
    .digest('hex')
    .slice(0, 32);
}

function lineOf(message: string): number | undefined {
  const m = /line (\d+)/i.exec(message);
  return m ? Number(m[1]) : undefined;
}

/**
 * Renders one Mermaid diagram in both themes. Throws MermaidSyntaxError on a bad diagram.
 * Diagrams asked for together (in the same tick, or while a batch is in the page) go in one batch.
 */
export function renderMermaid(source: string): Promise<RenderedDiagram> {
  const key = cacheKey(source);
  const memory = service.memory;
  const hit = memory.get(key);
  if (hit) return hit;
  const dir = cacheDir();
  const file = join(dir, `${key}.json`);
  const p = (async () => {
    if (existsSync(file)) {
      try {
        const cached = JSON.parse(readFileSync(file, 'utf8')) as RenderedDiagram;
        service.stats.cached += 1;
        return cached;
      } catch {
        // a damaged cache entry is rendered again
      }
    }
    const out = await queueRender(source);
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(out));
    return out;
  })();
  memory.set(key, p);
  p.catch(() => memory.delete(key));
  return p;
}

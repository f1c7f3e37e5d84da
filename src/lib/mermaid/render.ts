/**
 * Build-time Mermaid rendering: Mermaid text → two standalone SVGs (light, dark).
 * Runs Mermaid inside the system Chromium (the page and scripts mermaid-isomorphic uses); no
 * Mermaid code reaches the browser. Results are cached on disk by content hash so rebuilds are quick.
 *
 * Two browser pages stay warm for the whole build: `renderMermaid` only queues a diagram, and the
 * queue is rendered in batches, every diagram waiting at that moment, half of the batch in each page
 * at the same time. Each diagram is rendered once, in the light theme; its dark file is derived
 * from it (deriveDark): a flowchart's light and dark SVGs differ only by their <style> block, the
 * same for every flowchart and taken from a probe rendered in both themes when the pages start,
 * and by a few inline colours, mapped through the themes' variables. A diagram that does not fit
 * that pattern (another diagram type, its own styles, an unknown inline colour) is rendered in the
 * dark theme too, as every diagram was before (two pages, one per theme: 0.09 s a diagram for both
 * themes on two cores). Rendering each diagram
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
  /** Dark files derived from the light rendering (the others were rendered in the dark theme too). */
  darkDerived: number;
}

/** The browser and two warm pages (each renders half of a batch, the two at once). */
interface Session {
  browser: Browser;
  pages: Page[];
  /** The <style> block of a flowchart in each theme, its id replaced by ID_MARK (from a probe). */
  flowchartStyle?: { light: string; dark: string };
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
  stats: { rendered: 0, cached: 0, batches: 0, startMs: 0, renderMs: 0, darkDerived: 0 },
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
    // The probe: one flowchart in both themes, for the <style> block dark files are derived with.
    const [probe] = await pages[0]!.evaluate(renderInPage, {
      sources: [PROBE],
      configs: THEMES.map((t) => ({ config: mermaidConfig(t) as Record<string, unknown>, prefix: `fb-${t.name}` })),
    });
    const styles = probe!.map((r) => (r.svg ? styleOf(r.svg) : undefined));
    const flowchartStyle = styles[0] && styles[1] ? { light: styles[0], dark: styles[1] } : undefined;
    service.stats.startMs += performance.now() - t0;
    return { browser, pages, ...(flowchartStyle ? { flowchartStyle } : {}) };
  } catch (e) {
    await browser.close().catch(() => {});
    throw e;
  }
}

const PROBE = 'flowchart LR\n  a --> b';
const ID_MARK = '\u0000ID\u0000';

/** The id of Mermaid's <svg> element. */
function svgId(svg: string): string | undefined {
  return /^<svg\b[^>]*\sid="([^"]+)"/.exec(svg)?.[1];
}

/** A flowchart SVG's only <style> block, its id replaced by ID_MARK; undefined for anything else. */
function styleOf(svg: string): string | undefined {
  const id = svgId(svg);
  if (!id || !/^<svg\b[^>]*\saria-roledescription="flowchart-v2"/.test(svg)) return undefined;
  const blocks = svg.match(/<style\b[^>]*>[\s\S]*?<\/style>/g);
  return blocks?.length === 1 ? blocks[0]!.split(id).join(ID_MARK) : undefined;
}

/** Light colour → dark colour, from the two themes' variables: only colours that map one way. */
const DARK_COLOUR: Map<string, string> = (() => {
  const seen = new Map<string, Set<string>>();
  for (const [key, value] of Object.entries(lightTheme.variables)) {
    const dark = darkTheme.variables[key];
    if (typeof value !== 'string' || typeof dark !== 'string' || !/^#[0-9a-f]{6}$/i.test(value) || !/^#[0-9a-f]{6}$/i.test(dark)) continue;
    const set = seen.get(value.toLowerCase()) ?? new Set<string>();
    set.add(dark.toLowerCase());
    seen.set(value.toLowerCase(), set);
  }
  const map = new Map<string, string>();
  for (const [light, darks] of seen) if (darks.size === 1) map.set(light, [...darks][0]!);
  // Mermaid's own black (marker outlines and the like) is the same in both themes.
  if (!seen.has('#000000')) map.set('#000000', '#000000');
  return map;
})();

/**
 * The dark SVG of a flowchart rendered in the light theme: its <style> block swapped for the dark
 * one and its inline colours mapped (DARK_COLOUR). Undefined when the SVG does not fit the pattern
 * (another diagram type, styles of its own, a colour that maps to more than one dark colour or to
 * none, a colour written another way): then it is rendered in the dark theme. Exported for tests.
 */
export function deriveDark(lightSvg: string, flowchartStyle: { light: string; dark: string }): string | undefined {
  const id = svgId(lightSvg);
  const style = styleOf(lightSvg);
  if (!id || style !== flowchartStyle.light) return undefined;
  const [before, block, after] = lightSvg.split(/(<style\b[^>]*>[\s\S]*?<\/style>)/);
  if (block === undefined || after === undefined) return undefined;
  // Colours are read in tags only (attributes and inline styles), never in label text.
  const tags = (before! + after).match(/<[^>]*>/g) ?? [];
  if (tags.some((t) => /rgba?\(|hsla?\(|#[0-9a-f]{3}\b|#[0-9a-f]{8}\b/i.test(t))) return undefined;
  let unknown = false;
  const recolour = (s: string) =>
    s.replace(/<[^>]*>/g, (tag) =>
      tag.replace(/#[0-9a-f]{6}\b/gi, (c) => {
        const d = DARK_COLOUR.get(c.toLowerCase());
        if (d === undefined) unknown = true;
        return d ?? c;
      }),
    );
  const out = recolour(before!) + flowchartStyle.dark.split(ID_MARK).join(id) + recolour(after);
  return unknown ? undefined : out;
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
      let session: Session;
      let pages: Page[];
      try {
        service.session ??= startSession();
        session = await service.session;
        pages = session.pages;
      } catch (e) {
        service.session = undefined;
        for (const job of service.queue.splice(0)) job.reject(e);
        break;
      }
      const batch = service.queue.splice(0, MAX_BATCH);
      const t0 = performance.now();
      try {
        const sources = batch.map((j) => j.source);
        const light = { config: mermaidConfig(lightTheme) as Record<string, unknown>, prefix: 'fb-light' };
        const dark = { config: mermaidConfig(darkTheme) as Record<string, unknown>, prefix: 'fb-dark' };
        // Half of the batch in each page, in the light theme.
        const half = Math.ceil(sources.length / 2);
        const parts = await Promise.all(
          [sources.slice(0, half), sources.slice(half)].map((part, k) => (part.length ? pages[k]!.evaluate(renderInPage, { sources: part, configs: [light] }) : [])),
        );
        const lights = parts.flat().map((r) => r[0]!);
        // Dark files derived from the light ones where the pattern holds; the others rendered dark.
        // FLOWBOOK_MERMAID_DERIVE=0 renders every dark file (to compare, or should a derived one ever be wrong).
        const style = process.env.FLOWBOOK_MERMAID_DERIVE === '0' ? undefined : session.flowchartStyle;
        const darks: Array<PageResult | undefined> = lights.map((r) => {
          if (r.error !== undefined || !r.svg || !style) return undefined;
          const svg = deriveDark(r.svg, style);
          return svg === undefined ? undefined : { ...r, svg };
        });
        const rest = sources.map((src, i) => (darks[i] || lights[i]!.error !== undefined ? undefined : { src, i })).filter((x) => x !== undefined);
        if (rest.length) {
          const rendered = await pages[1]!.evaluate(renderInPage, { sources: rest.map((x) => x.src), configs: [dark] });
          rest.forEach((x, k) => (darks[x.i] = rendered[k]![0]!));
        }
        service.stats.darkDerived += darks.filter((d, i) => d && !rest.some((x) => x.i === i)).length;
        batch.forEach((job, i) => settle(job, lights[i]!.error !== undefined ? [lights[i]!] : [lights[i]!, darks[i]!]));
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

/**
 * Build-time Mermaid rendering: Mermaid text → two standalone SVGs (light, dark).
 * Runs Mermaid inside the system Chromium through mermaid-isomorphic; no Mermaid code reaches
 * the browser. Results are cached on disk by content hash so rebuilds are quick.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createMermaidRenderer, type MermaidRenderer } from 'mermaid-isomorphic';
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
const cacheDir = join(process.cwd(), 'node_modules', '.cache', 'flowbook-mermaid');
const memory = new Map<string, Promise<RenderedDiagram>>();
let renderer: MermaidRenderer | undefined;

function getRenderer(): MermaidRenderer {
  renderer ??= createMermaidRenderer({ launchOptions: launchOptions() });
  return renderer;
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
    const inner = m[1]!.replace(/<tspan\b[^>]*>/g, '').replace(/<\/tspan>/g, '').replace(/<[^>]+>/g, '');
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

async function renderUncached(source: string): Promise<RenderedDiagram> {
  const r = getRenderer();
  const [light, dark] = await Promise.all(
    [lightTheme, darkTheme].map((t) =>
      r([source], { mermaidConfig: mermaidConfig(t) as never, prefix: `fb-${t.name}` }).then((res) => res[0]!),
    ),
  );
  for (const res of [light, dark]) {
    if (res!.status === 'rejected') {
      const reason = res!.reason as Error;
      const msg = String(reason?.message ?? reason).split('\n').slice(0, 6).join('\n');
      throw new MermaidSyntaxError(msg, lineOf(msg));
    }
  }
  const l = (light as PromiseFulfilledResult<import('mermaid-isomorphic').RenderResult>).value;
  const d = (dark as PromiseFulfilledResult<import('mermaid-isomorphic').RenderResult>).value;
  const ls = standaloneSvg(l.svg, lightTheme);
  const ds = standaloneSvg(d.svg, darkTheme);
  return {
    light: ls.svg,
    dark: ds.svg,
    width: ls.width,
    height: ls.height,
    title: l.title || undefined,
    description: l.description || undefined,
    labels: svgLabels(l.svg),
  };
}

/** Renders one Mermaid diagram in both themes. Throws MermaidSyntaxError on a bad diagram. */
export function renderMermaid(source: string): Promise<RenderedDiagram> {
  const key = cacheKey(source);
  const hit = memory.get(key);
  if (hit) return hit;
  const file = join(cacheDir, `${key}.json`);
  const p = (async () => {
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as RenderedDiagram;
      } catch {
        // a damaged cache entry is rendered again
      }
    }
    const out = await renderUncached(source);
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(file, JSON.stringify(out));
    return out;
  })();
  memory.set(key, p);
  p.catch(() => memory.delete(key));
  return p;
}

/**
 * Diagram SVGs as files of the built site, not data URIs in the HTML: every figure points its
 * `<img>` at `/_diagrams/<content hash>-<theme>.svg`. Inlining each diagram twice (light and dark)
 * as a data URI made exercise pages 700 KB of HTML; as files they are cached by the browser, shared
 * by the Chinese and English copies of a page, and only the shown theme's file is fetched.
 *
 * `diagramFileUrl` is called while pages render (remark plugin, DfdDiagram); it keeps the SVG in
 * memory and in a disk store beside the Mermaid cache (the content layer may reuse a Markdown
 * page's rendered HTML without running the remark plugin again). When the build is done,
 * `writeDiagramFiles` writes into dist/_diagrams/ every file a built page refers to, and fails
 * the build if one is missing. Like the renderer, the state lives on `globalThis`: the Astro
 * config's modules and the build's server chunks are two copies of this module.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mermaidCacheDir } from './render.ts';

export const DIAGRAM_DIR = '_diagrams';
/** File names of diagram SVGs: 16 hex digits of the SVG's SHA-256, then the theme. */
export const DIAGRAM_FILE = /^[0-9a-f]{16}-(?:(?:light|dark)\.svg|source\.txt)$/;
const REFERENCE = /\/_diagrams\/([0-9a-f]{16}-(?:(?:light|dark)\.svg|source\.txt))/g;

const files: Map<string, string> = ((globalThis as Record<symbol, unknown>)[Symbol.for('flowbook.diagram-files.v1')] ??= new Map<string, string>()) as Map<string, string>;

const storeDir = () => join(mermaidCacheDir(), 'svg');

/**
 * The site URL of a diagram's SVG (content-hashed), remembered for `writeDiagramFiles`; with
 * 'source', of its Mermaid source as a text file (figures whose source would weigh too much in
 * the page fetch it when it is copied, see figure.ts).
 */
export function diagramFileUrl(svg: string, theme: 'light' | 'dark' | 'source'): string {
  const name = `${createHash('sha256').update(svg).digest('hex').slice(0, 16)}-${theme === 'source' ? 'source.txt' : `${theme}.svg`}`;
  if (!files.has(name)) {
    files.set(name, svg);
    const dir = storeDir();
    const file = join(dir, name);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, svg);
    }
  }
  return `/${DIAGRAM_DIR}/${name}`;
}

/** The SVG of a diagram file name (from this process, or else from the disk store); undefined if unknown. */
export function diagramFile(name: string): string | undefined {
  if (!DIAGRAM_FILE.test(name)) return undefined;
  const known = files.get(name);
  if (known !== undefined) return known;
  try {
    return readFileSync(join(storeDir(), name), 'utf8');
  } catch {
    return undefined;
  }
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
}

/**
 * Writes into `<outDir>/_diagrams/` every diagram file the built pages refer to. Throws, naming
 * the pages, when a referenced file's SVG is unknown (a page would show a broken image).
 */
export function writeDiagramFiles(outDir: string): { files: number; bytes: number } {
  const wanted = new Map<string, string>();
  for (const page of htmlFiles(outDir)) {
    for (const m of readFileSync(page, 'utf8').matchAll(REFERENCE)) if (!wanted.has(m[1]!)) wanted.set(m[1]!, page);
  }
  const target = join(outDir, DIAGRAM_DIR);
  mkdirSync(target, { recursive: true });
  const missing: string[] = [];
  let bytes = 0;
  for (const [name, page] of wanted) {
    const svg = diagramFile(name);
    if (svg === undefined) {
      missing.push(`${name} (${page})`);
      continue;
    }
    writeFileSync(join(target, name), svg);
    bytes += Buffer.byteLength(svg);
  }
  if (missing.length) throw new Error(`Diagram files referenced by pages but never rendered:\n  ${missing.join('\n  ')}`);
  return { files: wanted.size, bytes };
}

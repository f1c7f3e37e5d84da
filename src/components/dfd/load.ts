/**
 * Build-time helper of DfdDiagram.astro: reads a `.dfd.json` file of the project, draws the
 * chosen diagram(s) with Mermaid (via the DFD core's toMermaid) and returns figure HTML, the same
 * figure ```mermaid blocks produce (with export controls).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { readDocument, toMermaid, type DfdDiagram, type DfdDocument } from '../../lib/dfd/index.ts';
import { renderMermaid } from '../../lib/mermaid/render.ts';
import { figureHast } from '../../lib/mermaid/figure.ts';

export interface DfdFigureProps {
  /** Path relative to the project root, e.g. `content/dfd/exercises/jinshu.dfd.json`. */
  src: string;
  /** Diagram id; default: every diagram, one figure each. */
  diagram?: string;
  title?: string;
  /** Layout direction: LR (default, the textbook's left-to-right) or TD, which keeps long chains readable on a phone. */
  direction?: 'LR' | 'TD';
}

/** The mark a figure adds to an optional element of a reference (one a correct answer may add or leave out). */
export const OPTIONAL_MARK = '（可选）';

/** The document with each optional node's and flow's label marked, so a figure shows which they are. */
export function markOptional(doc: DfdDocument): DfdDocument {
  if (!doc.diagrams.some((d) => d.nodes.some((n) => n.optional) || d.flows.some((f) => f.optional))) return doc;
  return {
    ...doc,
    diagrams: doc.diagrams.map((d) => ({
      ...d,
      nodes: d.nodes.map((n) => (n.optional ? { ...n, label: `${n.label}${OPTIONAL_MARK}` } : n)),
      flows: d.flows.map((f) => (f.optional ? { ...f, label: `${f.label ?? ''}${OPTIONAL_MARK}` } : f)),
    })),
  };
}

export class DfdDiagramError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DfdDiagramError';
  }
}

export async function dfdFiguresHtml(props: DfdFigureProps, root = process.cwd()): Promise<string> {
  let text: string;
  try {
    text = readFileSync(resolve(root, props.src), 'utf8');
  } catch (e) {
    throw new DfdDiagramError(`DfdDiagram: 无法打开 ${props.src} (cannot open): ${(e as Error).message}`);
  }
  const r = readDocument(text);
  if (!r.ok) throw new DfdDiagramError(`DfdDiagram: ${props.src}: ${r.error.zh} (${r.error.en})`);
  const doc = markOptional(r.doc);
  let diagrams: DfdDiagram[] = doc.diagrams;
  if (props.diagram !== undefined) {
    const d = doc.diagrams.find((x) => x.id === props.diagram);
    if (!d) throw new DfdDiagramError(`DfdDiagram: ${props.src} 中没有 id 为 "${props.diagram}" 的图 (no diagram with that id)`);
    diagrams = [d];
  }
  const single = diagrams.length === 1;
  const parts = await Promise.all(
    diagrams.map(async (d) => {
      const own = d.title?.trim() || (single ? doc.title?.trim() : undefined) || d.id;
      const title = single ? props.title?.trim() || own : props.title?.trim() ? `${props.title.trim()}：${own}` : own;
      const source = toMermaid(doc, { diagram: d.id, direction: props.direction });
      const rendered = await renderMermaid(source);
      return toHtml(figureHast(rendered, { title, source }));
    }),
  );
  return parts.join('\n');
}

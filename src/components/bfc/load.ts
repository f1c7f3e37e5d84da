/**
 * Build-time helper of BfcDiagram.astro: reads a `.bfc.json` file of the project, draws it with the
 * business flow chart core's bfcSvg (light and dark) and returns the figure HTML that ```mermaid
 * blocks and DFD figures use (SVG files, caption, SVG and PNG download, and the chart as Mermaid
 * text to copy, from bfcToMermaid).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { bfcSvg, bfcToMermaid, readBfc, type BfcDocument } from '../../lib/bfc/index.ts';
import { figureHast } from '../../lib/mermaid/figure.ts';

export interface BfcFigureProps {
  /** Path relative to the project root, e.g. `content/bfc/rules/branch-pair/wrong.bfc.json`. */
  src: string;
  title?: string;
}

export class BfcDiagramError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BfcDiagramError';
  }
}

export function loadBfc(src: string, root = process.cwd()): BfcDocument {
  let text: string;
  try {
    text = readFileSync(resolve(root, src), 'utf8');
  } catch (e) {
    throw new BfcDiagramError(`BfcDiagram: 无法打开 ${src} (cannot open): ${(e as Error).message}`);
  }
  const r = readBfc(text);
  if (!r.ok) throw new BfcDiagramError(`BfcDiagram: ${src}: ${r.error.zh} (${r.error.en})`);
  return r.doc;
}

/** What the chart shows, in reading order, for the text alternative. */
export function bfcLabels(doc: BfcDocument): string[] {
  const kinds = { process: '业务处理', form: '表格', store: '数据存储', collect: '收集资料' } as const;
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const out = doc.lanes.map((l) => `业务处理单位「${l.label}」`);
  for (const n of doc.nodes) out.push(`${kinds[n.kind]}「${n.label}」${n.kind === 'form' && (n.copies ?? 1) > 1 ? `（${n.copies} 联）` : ''}`);
  for (const f of doc.flows) {
    const a = nodes.get(f.from)?.label ?? f.from;
    const b = nodes.get(f.to)?.label ?? f.to;
    const extra = [f.label, f.condition ? `条件：${f.condition}` : undefined].filter(Boolean).join('，');
    out.push(`${a} → ${b}${extra ? `（${extra}）` : ''}`);
  }
  return out;
}

export function bfcFigureHtml(props: BfcFigureProps, root = process.cwd()): string {
  const doc = loadBfc(props.src, root);
  const light = bfcSvg(doc, { theme: 'light' });
  const dark = bfcSvg(doc, { theme: 'dark' });
  const title = props.title?.trim() || doc.title?.trim() || doc.titleBlock?.business?.trim() || '业务流程图';
  const fig = figureHast({ light: light.svg, dark: dark.svg, width: light.width, height: light.height, labels: bfcLabels(doc) }, { title, source: bfcToMermaid(doc) });
  return toHtml(fig);
}

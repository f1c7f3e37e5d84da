/**
 * Build-time helper of BfcDiagram.astro (rule pages) and BfcFigure.astro (exercise pages): reads a
 * `.bfc.json` file of the project, draws it with the business flow chart core's bfcSvg (light and
 * dark) and returns the figure HTML that ```mermaid blocks and DFD figures use (SVG files, caption,
 * SVG and PNG download, and the chart as Mermaid text to copy, from bfcToMermaid), plus a text
 * version listing every unit with its symbols and every line, for screen readers and for reading
 * without the picture. Optional elements of a reference are marked （可选）.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import { bfcFlowText, bfcSvg, bfcToMermaid, readBfc, type BfcDocument } from '../../lib/bfc/index.ts';
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

const KINDS = { process: '业务处理', form: '表格', store: '数据存储', collect: '收集资料' } as const;

/** What the chart shows, in reading order, for the text alternative. */
export function bfcLabels(doc: BfcDocument): string[] {
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const out = doc.lanes.map((l) => `业务处理单位「${l.label}」`);
  for (const n of doc.nodes) out.push(`${KINDS[n.kind]}「${n.label}」${n.kind === 'form' && (n.copies ?? 1) > 1 ? `（${n.copies} 联）` : ''}`);
  for (const f of doc.flows) {
    const a = nodes.get(f.from)?.label ?? f.from;
    const b = nodes.get(f.to)?.label ?? f.to;
    const extra = [f.label, f.condition ? `条件：${f.condition}` : undefined].filter(Boolean).join('，');
    out.push(`${a} → ${b}${extra ? `（${extra}）` : ''}`);
  }
  return out;
}

/** The mark a figure adds to an optional element of a reference (one a correct answer may add or leave out). */
export const OPTIONAL_MARK = '（可选）';

/** The chart with each optional element's label marked, so the figure shows which they are. */
export function markOptionalBfc(doc: BfcDocument): BfcDocument {
  if (!doc.nodes.some((n) => n.optional) && !doc.flows.some((f) => f.optional) && !doc.lanes.some((l) => l.optional)) return doc;
  return {
    ...doc,
    lanes: doc.lanes.map((l) => (l.optional ? { ...l, label: `${l.label}${OPTIONAL_MARK}` } : l)),
    nodes: doc.nodes.map((n) => (n.optional ? { ...n, label: `${n.label}${OPTIONAL_MARK}` } : n)),
    flows: doc.flows.map((f) => (f.optional ? { ...f, label: `${f.label ?? ''}${OPTIONAL_MARK}` } : f)),
  };
}

/** The text version: per unit its symbols, then every line in order with its condition and label, then the title block. */
export function bfcTextVersion(doc: BfcDocument): Element {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const units = doc.lanes.map((l) =>
    h('li', [
      h('strong', `${l.label}${l.external ? '（外部单位）' : ''}`),
      '：',
      doc.nodes
        .filter((n) => n.lane === l.id)
        .map((n) => `${KINDS[n.kind]}「${n.label}」${n.kind === 'form' && (n.copies ?? 1) > 1 ? `（${n.copies} 联）` : ''}`)
        .join('；') || '（无符号）',
    ]),
  );
  const lines = doc.flows
    .filter((f) => byId.has(f.from) && byId.has(f.to))
    .map((f) => {
      const said = bfcFlowText(f);
      return h('li', `${byId.get(f.from)!.label} → ${byId.get(f.to)!.label}${said ? `（${said}）` : ''}`);
    });
  const tb = doc.titleBlock;
  const block = tb
    ? [
        h(
          'p',
          `图题栏：业务名称 ${tb.business ?? '—'}；制图 ${tb.drawnBy ?? '—'}；审核 ${tb.reviewedBy ?? '—'}；日期 ${tb.date ?? '—'}；第 ${tb.sheet ?? 1} 图 共 ${tb.sheets ?? tb.sheet ?? 1} 张`,
        ),
      ]
    : [];
  return h('details.fb-bfc-text', { dataPagefindIgnore: '' }, [
    h('summary', '图的文字说明'),
    h('p', '业务处理单位及其符号：'),
    h('ul', units),
    h('p', '信息传递（按图中顺序）：'),
    h('ol', lines),
    ...block,
  ]);
}

/** The figure of a chart; `textVersion` adds the text version under the caption (the exercise pages' reference charts). */
export function bfcFigureHtml(props: BfcFigureProps, root = process.cwd(), opts: { textVersion?: boolean } = {}): string {
  const doc = markOptionalBfc(loadBfc(props.src, root));
  const light = bfcSvg(doc, { theme: 'light' });
  const dark = bfcSvg(doc, { theme: 'dark' });
  const title = props.title?.trim() || doc.title?.trim() || doc.titleBlock?.business?.trim() || '业务流程图';
  const fig = figureHast({ light: light.svg, dark: dark.svg, width: light.width, height: light.height, labels: bfcLabels(doc) }, { title, source: bfcToMermaid(doc) });
  fig.properties = { ...fig.properties, dataKind: 'bfc' };
  if (opts.textVersion) {
    const at = fig.children.findIndex((c) => c.type === 'element' && c.tagName === 'figcaption');
    fig.children.splice(at + 1, 0, bfcTextVersion(doc));
  }
  return toHtml(fig);
}

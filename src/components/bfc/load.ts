/**
 * Build-time helper of BfcFigure.astro: reads a `.bfc.json` file of the project, draws it with the
 * business flow chart core (bfcSvg, light and dark) and returns figure HTML in the site's diagram
 * figure style: the two SVGs as external files (/_diagrams/<hash>-<theme>.svg, one lazy <img> each,
 * the theme shows one), a caption, 放大查看 (the full-screen viewer), 下载 SVG / 下载 PNG, and a text version listing every unit with its
 * symbols and every line with its condition, for screen readers and for reading without the picture.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import { bfcSvg, bfcFlowText, readBfc, type BfcDocument } from '../../lib/bfc/index.ts';
import { diagramFileUrl } from '../../lib/mermaid/files.ts';
import { fileNameFor, minDisplayWidth, printsLong } from '../../lib/mermaid/figure.ts';

export interface BfcFigureProps {
  /** Path relative to the project root, e.g. `content/bfc/exercises/material-ordering.bfc.json`. */
  src: string;
  title?: string;
}

export class BfcFigureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BfcFigureError';
  }
}

/** The mark a figure adds to an optional element of a reference (one a correct answer may add or leave out). */
export const OPTIONAL_MARK = '（可选）';

const KIND: Record<string, string> = { process: '业务处理', form: '表格', store: '数据存储', collect: '收集资料' };

/** The chart with each optional element's label marked, so the figure shows which they are. */
export function markOptionalBfc(doc: BfcDocument): BfcDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n.optional ? { ...n, label: `${n.label}${OPTIONAL_MARK}` } : n)),
    flows: doc.flows.map((f) => (f.optional ? { ...f, label: `${f.label ?? ''}${OPTIONAL_MARK}` } : f)),
  };
}

/** Short text alternative of the picture: the title and the units (the text version below has the rest). */
export function bfcAlt(title: string, doc: BfcDocument): string {
  const units = doc.lanes.map((l) => `${l.label}${l.external ? '（外部）' : ''}`).join('、');
  const full = `${title}。业务处理单位：${units}；共 ${doc.nodes.length} 个符号、${doc.flows.length} 条连线，逐项列在图下的文字说明中`;
  return full.length > 600 ? `${full.slice(0, 599)}…` : full;
}

/** The text version: per unit its symbols, then every line in order with its condition and label. */
export function bfcTextVersion(doc: BfcDocument): Element {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const units = doc.lanes.map((l) =>
    h('li', [
      h('strong', `${l.label}${l.external ? '（外部单位）' : ''}`),
      '：',
      doc.nodes
        .filter((n) => n.lane === l.id)
        .map((n) => `${KIND[n.kind]}「${n.label}」${n.kind === 'form' && (n.copies ?? 1) > 1 ? `（${n.copies} 联）` : ''}`)
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

export function bfcFigureHtml(props: BfcFigureProps, root = process.cwd()): string {
  let text: string;
  try {
    text = readFileSync(resolve(root, props.src), 'utf8');
  } catch (e) {
    throw new BfcFigureError(`BfcFigure: 无法打开 ${props.src} (cannot open): ${(e as Error).message}`);
  }
  const r = readBfc(text);
  if (!r.ok) throw new BfcFigureError(`BfcFigure: ${props.src}: ${r.error.path} ${r.error.zh} (${r.error.en})`);
  const doc = markOptionalBfc(r.doc);
  const title = props.title?.trim() || doc.title?.trim() || '业务流程图';
  const light = bfcSvg(doc, { theme: 'light' });
  const dark = bfcSvg(doc, { theme: 'dark' });
  const lightUrl = diagramFileUrl(light.svg, 'light');
  const darkUrl = diagramFileUrl(dark.svg, 'dark');
  const alt = bfcAlt(title, doc);
  const style = `width:${light.width}px;min-width:${minDisplayWidth(light.width)}px`;
  const img = (theme: 'light' | 'dark', src: string) =>
    h(`img.fb-diagram__img.fb-diagram__img--${theme}`, { src, alt, width: light.width, height: light.height, style, loading: 'lazy', decoding: 'async' });
  const figure = h(
    printsLong(light.width, light.height) ? 'figure.fb-diagram.fb-diagram--long.not-content' : 'figure.fb-diagram.not-content',
    { dataDiagram: fileNameFor(title), dataWidth: light.width, dataHeight: light.height, dataKind: 'bfc' },
    [
      h('div.fb-diagram__scroll', { tabIndex: 0, role: 'group', ariaLabel: `${title}（图，可在框内滚动；“放大查看”可缩放）` }, [img('light', lightUrl), img('dark', darkUrl)]),
      h('figcaption.fb-diagram__caption', title),
      bfcTextVersion(doc),
      h('div.fb-diagram__actions', { role: 'group', ariaLabel: `导出「${title}」`, dataPagefindIgnore: '' }, [
        // The same full-screen viewer as the Mermaid and DFD figures (src/lib/mermaid/figure.ts).
        h('button.fb-diagram__action.fb-diagram__action--zoom', { type: 'button', dataAction: 'zoom', ariaHaspopup: 'dialog' }, '放大查看'),
        h('a.fb-diagram__action', { href: lightUrl, download: `${fileNameFor(title)}.svg`, dataAction: 'svg' }, '下载 SVG'),
        h('button.fb-diagram__action', { type: 'button', dataAction: 'png' }, '下载 PNG'),
        h('span.fb-diagram__status', { role: 'status', ariaLive: 'polite' }),
      ]),
    ],
  );
  return toHtml(figure);
}

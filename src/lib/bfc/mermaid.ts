/**
 * A business flow chart as Mermaid flowchart text, for the figures' 复制 Mermaid 源码 control and
 * anyone who wants to paste the chart elsewhere: each unit a subgraph, the textbook shapes as the
 * learn page draws them (业务处理 rect, 表格 doc or, with copies, the stacked docs, 数据存储
 * datastore, 收集资料 notch-rect), each line labelled with what it passes and its condition in
 * brackets. Any label text is safe (the DFD export's escaping). Lines whose ends are not symbols of
 * the chart are left out.
 */
import type { BfcDocument, BfcNode } from '../../schemas/bfc.ts';
import { edgeLabelSource, lineText, nodeLabelSource } from '../dfd/mermaid/escape.ts';
import { normalizeLabel } from '../dfd/text.ts';

export const BFC_MERMAID_SHAPES = { process: 'rect', form: 'doc', forms: 'docs', store: 'datastore', collect: 'notch-rect' } as const;

const SAFE_ID = /^[A-Za-z0-9_]+$/;

function shapeOf(n: BfcNode): string {
  if (n.kind === 'form') return (n.copies ?? 1) > 1 ? BFC_MERMAID_SHAPES.forms : BFC_MERMAID_SHAPES.form;
  return BFC_MERMAID_SHAPES[n.kind];
}

/** What a line shows: what it passes, then its condition in brackets (合格), or the condition alone. */
export function bfcEdgeText(f: { label?: string | undefined; condition?: string | undefined }): string {
  const label = normalizeLabel(f.label ?? '');
  const condition = normalizeLabel(f.condition ?? '');
  if (label && condition) return `${label}（${condition}）`;
  return label || condition;
}

export function bfcToMermaid(doc: BfcDocument, options: { direction?: 'TD' | 'LR' } = {}): string {
  const ids = new Map<string, string>();
  doc.nodes.forEach((n, i) => {
    if (!ids.has(n.id)) ids.set(n.id, SAFE_ID.test(n.id) ? `n_${n.id}` : `n${i + 1}`);
  });
  const lines = [`flowchart ${options.direction ?? 'TD'}`];
  const title = lineText(doc.title ?? doc.titleBlock?.business ?? '');
  if (title) lines.push(`  accTitle: ${title}`);
  const node = (n: BfcNode, indent: string) => {
    const label = n.label.trim() + (n.kind === 'form' && (n.copies ?? 1) > 1 ? `（${n.copies} 联）` : '');
    return `${indent}${ids.get(n.id)}@{ shape: ${shapeOf(n)}, label: ${nodeLabelSource(label || ' ')}, labelType: string }`;
  };
  const seen = new Set<string>();
  doc.lanes.forEach((lane, i) => {
    if (seen.has(`lane:${lane.id}`)) return;
    seen.add(`lane:${lane.id}`);
    lines.push(`  subgraph lane${i + 1} ["${edgeLabelSource(lane.label.trim() || ' ')}"]`);
    for (const n of doc.nodes) {
      if (n.lane !== lane.id || seen.has(n.id)) continue;
      seen.add(n.id);
      lines.push(node(n, '    '));
    }
    lines.push('  end');
  });
  for (const n of doc.nodes) {
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    lines.push(node(n, '  '));
  }
  for (const f of doc.flows) {
    const from = ids.get(f.from);
    const to = ids.get(f.to);
    if (!from || !to) continue;
    const text = bfcEdgeText(f);
    lines.push(text ? `  ${from} -->|"${edgeLabelSource(text)}"| ${to}` : `  ${from} --> ${to}`);
  }
  return lines.join('\n') + '\n';
}

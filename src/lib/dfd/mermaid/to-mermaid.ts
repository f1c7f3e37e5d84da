/**
 * DFD → Mermaid flowchart text, one diagram. Entity, process and store get three distinct shapes
 * (rectangle; rounded rectangle, or circle in Yourdon notation; Mermaid's DFD `datastore`, the
 * open-ended box); codes are shown above labels; flows are labelled. Any label text is safe, see
 * escape.ts. Flows whose ends are not nodes of the diagram are left out.
 */
import type { DfdDiagram, DfdDocument, DfdNode } from '../../../schemas/dfd.ts';
import { codeOf } from '../model.ts';
import { edgeLabelSource, lineText, nodeLabelSource } from './escape.ts';

export const SHAPES = {
  entity: 'rect',
  process: 'rounded',
  processYourdon: 'circle',
  store: 'datastore',
} as const;

const SAFE_ID = /^[A-Za-z0-9_]+$/;

function pickDiagram(doc: DfdDocument, id: string | undefined): DfdDiagram {
  if (id === undefined) return doc.diagrams[0]!;
  const d = doc.diagrams.find((x) => x.id === id);
  if (!d) throw new Error(`toMermaid: no diagram with id "${id}" (图 "${id}" 不存在)`);
  return d;
}

/** The text a node shows: its code on the first line, then its label. */
export function nodeText(n: Pick<DfdNode, 'code' | 'label'>): string {
  const code = codeOf(n);
  const label = n.label.trim();
  if (code && label) return `${code}\n${label}`;
  return code ?? label;
}

/** The text a flow shows: its code, a space, its label. */
export function flowText(f: { code?: string | undefined; label?: string | undefined }): string {
  const code = codeOf(f);
  const label = (f.label ?? '').trim();
  if (code && label) return `${code} ${label}`;
  return code ?? label;
}

export function toMermaid(doc: DfdDocument, options: { diagram?: string; direction?: 'LR' | 'TD' } = {}): string {
  const d = pickDiagram(doc, options.diagram);
  const ids = new Map<string, string>();
  d.nodes.forEach((n, i) => {
    if (!ids.has(n.id)) ids.set(n.id, SAFE_ID.test(n.id) ? `n_${n.id}` : `n${i + 1}`);
  });
  const lines = [`flowchart ${options.direction ?? 'LR'}`];
  const title = d.title ? lineText(d.title) : '';
  if (title) lines.push(`  accTitle: ${title}`);
  const yourdon = doc.notation === 'yourdon';
  const seen = new Set<string>();
  for (const n of d.nodes) {
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    const shape = n.kind === 'entity' ? SHAPES.entity : n.kind === 'store' ? SHAPES.store : yourdon ? SHAPES.processYourdon : SHAPES.process;
    const text = nodeText(n);
    // An empty label would make Mermaid show the node id; a space shows nothing.
    lines.push(`  ${ids.get(n.id)}@{ shape: ${shape}, label: ${nodeLabelSource(text || ' ')}, labelType: string }`);
  }
  const flowIds = new Set<string>();
  for (const f of d.flows) {
    const from = ids.get(f.from);
    const to = ids.get(f.to);
    if (!from || !to) continue;
    let edgeId = '';
    if (SAFE_ID.test(f.id) && !flowIds.has(f.id)) {
      flowIds.add(f.id);
      edgeId = ` f_${f.id}@`;
    }
    const text = flowText(f);
    const arrow = edgeId ? `${edgeId}-->` : ' -->';
    lines.push(text ? `  ${from}${arrow}|"${edgeLabelSource(text)}"| ${to}` : `  ${from}${arrow} ${to}`);
  }
  return lines.join('\n') + '\n';
}

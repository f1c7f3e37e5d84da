/**
 * DFD → Mermaid flowchart text, one diagram. Entity, process and store get three distinct shapes
 * (rectangle; rounded rectangle, or circle in Yourdon notation; Mermaid's DFD `datastore`, the
 * open-ended box); codes are shown above labels; flows are labelled. Any label text is safe, see
 * escape.ts. Flows whose ends are not nodes of the diagram are left out.
 */
import type { DfdDiagram, DfdDocument, DfdNode } from '../../../schemas/dfd.ts';
import { codeOf } from '../model.ts';
import { edgeLabelSource, lineText, nodeLabelSource, WORD_JOINER } from './escape.ts';

/** What fromMermaid reads as a code when it is the first line of a node or the first word of a flow. */
export const CODE = /^[A-Za-z]{1,4}\d+(?:\.\d+)*$/;

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
    // The code on a line of its own (kept when the label is blank); a label without a code whose
    // first line looks like one gets a marker first, so it is not read back as the code.
    const code = codeOf(n);
    const label = n.label.trim();
    const source = code ? nodeLabelSource(`${code}\n${label}`) : nodeLabelSource(label, CODE.test(label.split('\n')[0]!.trim()));
    // An empty label would make Mermaid show the node id; a space shows nothing.
    lines.push(`  ${ids.get(n.id)}@{ shape: ${shape}, label: ${code || label ? source : nodeLabelSource(' ')}, labelType: string }`);
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
    const code = codeOf(f);
    const label = (f.label ?? '').trim();
    // As for nodes: a first word that looks like a code, without a code, gets a marker; a code that
    // would not be read as a flow's code alone (not F…) gets a marker after it.
    let source: string;
    if (code && label) source = `${edgeLabelSource(code)} ${edgeLabelSource(label)}`;
    else if (code) source = /^[A-Za-z]*[Ff]/.test(code) && CODE.test(code) ? code : `${code} ${WORD_JOINER}`;
    else source = label ? edgeLabelSource(label, CODE.test(label.split(/\s/)[0]!)) : '';
    const arrow = edgeId ? `${edgeId}-->` : ' -->';
    lines.push(source ? `  ${from}${arrow}|"${source}"| ${to}` : `  ${from}${arrow} ${to}`);
  }
  return lines.join('\n') + '\n';
}

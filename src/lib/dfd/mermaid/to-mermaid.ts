/**
 * DFD → Mermaid flowchart text, one diagram, in the document's notation, with the Mermaid 11 shapes
 * closest to the textbook symbols the modeller draws (NOTATION_SHAPES):
 *
 * | symbol   | Gane-Sarson                                   | Yourdon-DeMarco                          |
 * |----------|-----------------------------------------------|------------------------------------------|
 * | entity   | `rect`: a box, code above the name            | `rect`                                   |
 * | process  | `rounded`: code, name, executor (owner) lines | `circle`: code, name, executor lines     |
 * | store    | `lin-rect`: a box with an id cell on the left, "D1 │ 名称" | `datastore`: two parallel lines, "D1\u3000名称" |
 *
 * Flows are labelled with their code and name. Any label text is safe and read back exactly by
 * fromMermaid (see escape.ts): the code is the first line (or, in a store, the first word before
 * the cell bar or ideographic space), the executor the last line after a marked `<br/>`. Flows
 * whose ends are not nodes of the diagram are left out.
 */
import type { DfdDiagram, DfdDocument, DfdNode, NodeKind } from '../../../schemas/dfd.ts';
import { codeOf } from '../model.ts';
import { edgeLabelSource, lineText, nodeLabelBody, WORD_JOINER, yamlQuoted } from './escape.ts';

/** What fromMermaid reads as a code when it is the first line of a node or the first word of a flow. */
export const CODE = /^[A-Za-z]{1,4}\d+(?:\.\d+)*$/;

export type MermaidNotation = 'gane-sarson' | 'yourdon';

/** The Mermaid shape of each symbol, per notation: the shared vocabulary of the site's figures and the modeller. */
export const NOTATION_SHAPES = {
  'gane-sarson': { entity: 'rect', process: 'rounded', store: 'lin-rect' },
  yourdon: { entity: 'rect', process: 'circle', store: 'datastore' },
} as const satisfies Record<MermaidNotation, Record<NodeKind, string>>;

/** Between a store's code and its name, on one line: the id cell's wall (Gane-Sarson), a gap (Yourdon). */
export const STORE_CELL = { 'gane-sarson': ' │ ', yourdon: '\u3000' } as const satisfies Record<MermaidNotation, string>;

/** A first line read as a store's code and name ("D1 │ 库存帐", "D1 | 库存帐", "D1\u3000库存帐"): the code, then the rest. */
export const CELL_LINE = /^([A-Za-z]{1,4}\d+(?:\.\d+)*)(?:[ \t]*[│|][ \t]*|\u3000+)([\s\S]*)$/;

/** Marks the executor line of a process: a `<br/>` after a marker (text of a label never holds a raw `<`). */
export const OWNER_BREAK = `${WORD_JOINER}<br/>`;
const SAFE_ID = /^[A-Za-z0-9_]+$/;

function pickDiagram(doc: DfdDocument, id: string | undefined): DfdDiagram {
  if (id === undefined) return doc.diagrams[0]!;
  const d = doc.diagrams.find((x) => x.id === id);
  if (!d) throw new Error(`toMermaid: no diagram with id "${id}" (图 "${id}" 不存在)`);
  return d;
}

/**
 * The text a node shows, line by line: its code on the first line (a store: code and name on one
 * line, as in its id cell), then its name, then (a process) its executor.
 */
export function nodeText(n: Pick<DfdNode, 'code' | 'label' | 'kind' | 'owner'>, notation: MermaidNotation = 'gane-sarson'): string {
  const code = codeOf(n);
  const label = n.label.trim();
  const owner = n.kind === 'process' ? (n.owner ?? '').trim() : '';
  let text = code && label ? (n.kind === 'store' ? `${code}${STORE_CELL[notation]}${label}` : `${code}\n${label}`) : (code ?? label);
  // A code without a name keeps the name's (empty) line, as nodeSource writes it.
  if (owner) text += code && !label ? `\n\n${owner}` : `\n${owner}`;
  return text;
}

/** The text a flow shows: its code, a space, its label. */
export function flowText(f: { code?: string | undefined; label?: string | undefined }): string {
  const code = codeOf(f);
  const label = (f.label ?? '').trim();
  if (code && label) return `${code} ${label}`;
  return code ?? label;
}

/** Would a label's first line be read as a code (a line of its own, or a store's cell line)? Then it gets a marker first. */
function looksLikeCode(label: string): boolean {
  const first = label.split('\n')[0]!.trim();
  return CODE.test(first) || CELL_LINE.test(first);
}

/** The YAML label of a node, read back exactly by fromMermaid. */
function nodeSource(n: DfdNode, notation: MermaidNotation): string {
  const code = codeOf(n);
  const label = n.label.trim();
  const owner = n.kind === 'process' ? (n.owner ?? '').trim() : '';
  // The code on a line of its own (kept when the label is blank), or in a store's cell; a label
  // without a code whose first line looks like one gets a marker first, so it is not read back as the code.
  let body: string;
  if (code && label && n.kind === 'store') body = nodeLabelBody(`${code}${STORE_CELL[notation]}`) + nodeLabelBody(label);
  else if (code) body = nodeLabelBody(`${code}\n${label}`);
  // An empty label would make Mermaid show the node id; a space shows nothing.
  else body = label ? nodeLabelBody(label, looksLikeCode(label)) : ' ';
  if (owner) body += OWNER_BREAK + nodeLabelBody(owner);
  return yamlQuoted(body);
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
  const notation: MermaidNotation = doc.notation === 'yourdon' ? 'yourdon' : 'gane-sarson';
  const seen = new Set<string>();
  for (const n of d.nodes) {
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    const shape = NOTATION_SHAPES[notation][n.kind];
    lines.push(`  ${ids.get(n.id)}@{ shape: ${shape}, label: ${nodeSource(n, notation)}, labelType: string }`);
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

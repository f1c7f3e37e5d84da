/**
 * Helpers over the document model: code prefixes, element identity across diagrams, and how an
 * element is named in messages. Types come from the zod schema (src/schemas/dfd.ts).
 */
import type { DfdDiagram, DfdDocument, DfdFlow, DfdNode } from '../../schemas/dfd.ts';
import { normalizeLabel } from './text.ts';

import { kindName, type ElementKind, type Locale } from './vocabulary.ts';

export type { Locale };
export { kindName };
export type CodeKind = ElementKind;

export const DEFAULT_CODES: Readonly<Record<CodeKind, string>> = { entity: 'E', process: 'P', store: 'D', flow: 'F' };

/** The prefix of each kind's code: the document's `codes`, missing keys keeping the default. */
export function codePrefixes(doc: Pick<DfdDocument, 'codes'>): Record<CodeKind, string> {
  const c = doc.codes ?? {};
  const pick = (k: CodeKind) => {
    const v = c[k];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : DEFAULT_CODES[k];
  };
  return { entity: pick('entity'), process: pick('process'), store: pick('store'), flow: pick('flow') };
}

/** A node's code, trimmed; undefined when absent or blank. */
export function codeOf(x: { code?: string | undefined }): string | undefined {
  const c = x.code?.trim();
  return c ? c : undefined;
}

/** Key of a node by kind and normalised label. */
export function kindLabelKey(node: Pick<DfdNode, 'kind' | 'label'>): string {
  return `${node.kind}\u0000${normalizeLabel(node.label)}`;
}

/**
 * A key for hashing nodes that are the same element: `code:<code>` for a node with a code,
 * `label:<kind>:<label>` otherwise. Two nodes with equal keys are the same element; nodes where
 * only one has a code may be the same element with different keys (the linter's index resolves
 * those: lint/doc-index.ts, ParentElements).
 */
export function sameElementKey(node: Pick<DfdNode, 'kind' | 'label' | 'code'>): string {
  const c = codeOf(node);
  return c !== undefined ? `code:${c}` : `label:${kindLabelKey(node)}`;
}

/** `P3.2「编目处理」`, or `"编目处理"` in English; the id when there is neither code nor label. */
export function nameOf(x: { id: string; code?: string | undefined; label?: string | undefined }, locale: Locale): string {
  const code = codeOf(x);
  const label = normalizeLabel(x.label ?? '');
  if (locale === 'zh-CN') {
    if (code && label) return `${code}「${label}」`;
    if (code) return `${code}（无名称）`;
    if (label) return `「${label}」`;
    return `（id ${x.id}，无名称）`;
  }
  if (code && label) return `${code} "${label}"`;
  if (code) return `${code} (unnamed)`;
  if (label) return `"${label}"`;
  return `(id ${x.id}, unnamed)`;
}

/** `处理 P3.2「编目处理」` / `process P3.2 "编目处理"`. */
export function describeNode(n: Pick<DfdNode, 'id' | 'kind' | 'label' | 'code'>, locale: Locale): string {
  const sep = locale === 'zh-CN' && !codeOf(n) ? '' : ' ';
  return `${kindName(n.kind, locale)}${sep}${nameOf(n, locale)}`;
}

/**
 * `数据流 F3.1「采购单」`; a flow without a label is named by its ends:
 * `数据流 F3.1（书商 → 审核采购单）`.
 */
export function describeFlow(f: DfdFlow, diagram: DfdDiagramLookup, locale: Locale): string {
  const code = codeOf(f);
  const label = normalizeLabel(f.label ?? '');
  const kind = kindName('flow', locale);
  if (label) {
    return locale === 'zh-CN' ? `${kind}${code ? ' ' + code : ''}「${label}」` : `${kind}${code ? ' ' + code : ''} "${label}"`;
  }
  const end = (id: string) => {
    const n = diagram.node(id);
    if (!n) return id;
    return codeOf(n) ?? (normalizeLabel(n.label) || n.id);
  };
  const ends = `${end(f.from)} → ${end(f.to)}`;
  return locale === 'zh-CN' ? `${kind}${code ? ' ' + code : ''}（${ends}）` : `${kind}${code ? ' ' + code : ''} (${ends})`;
}

/** What describeFlow needs of a diagram. */
export interface DfdDiagramLookup {
  node(id: string): DfdNode | undefined;
}

/**
 * `图「顶层图」` / `diagram "顶层图"`; the id when the diagram has no title. `role` names it more
 * precisely: `子图「P3 的分解」` / `child diagram "P3 的分解"`.
 */
export function describeDiagram(d: Pick<DfdDiagram, 'id' | 'title'>, locale: Locale, role: 'child' | 'parent' | 'context' | 'diagram' = 'diagram'): string {
  const t = normalizeLabel(d.title ?? '');
  if (locale === 'zh-CN') {
    const w = { diagram: '图', child: '子图', parent: '父图', context: '顶层图' }[role];
    return t ? `${w}「${t}」` : `${w} ${d.id}`;
  }
  const w = { diagram: 'diagram', child: 'child diagram', parent: 'parent diagram', context: 'context diagram' }[role];
  return t ? `${w} "${t}"` : `${w} ${d.id}`;
}

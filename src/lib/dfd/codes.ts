/**
 * The next free code for a new element (dfd-rules.md, code-format): E1, D1 (or the document's
 * prefixes), F1; processes numbered by level: P1 at the top (P0 for a context diagram's only
 * process), P3.1 in the child of P3, P1 in the child of P0; flows F3.1 in the child of P3.
 */
import type { DfdDocument } from '../../schemas/dfd.ts';
import { codeOf, codePrefixes } from './model.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function nextNumber(codes: Iterable<string>, prefix: string): number {
  const re = new RegExp(`^${esc(prefix)}(\\d+)$`);
  let max = 0;
  for (const c of codes) {
    const m = re.exec(c);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

export function nextCode(doc: DfdDocument, diagramId: string, kind: 'entity' | 'process' | 'store' | 'flow'): string {
  const prefixes = codePrefixes(doc);
  const d = doc.diagrams.find((x) => x.id === diagramId) ?? doc.diagrams[0]!;
  const P = prefixes.process;
  if (kind === 'entity' || kind === 'store') {
    // Entities and stores are elements of the whole document: number across all diagrams.
    const all: string[] = [];
    for (const dd of doc.diagrams) for (const n of dd.nodes) if (n.kind === kind && codeOf(n)) all.push(codeOf(n)!);
    return `${prefixes[kind]}${nextNumber(all, prefixes[kind])}`;
  }
  // The code of the process this diagram refines, if it has one.
  let parentCode: string | undefined;
  if (d.refines) {
    const parent = doc.diagrams.find((x) => x.id === d.refines!.diagram);
    const p = parent?.nodes.find((n) => n.id === d.refines!.process);
    parentCode = p ? codeOf(p) : undefined;
  }
  const hierarchical = parentCode !== undefined && parentCode !== `${P}0` && parentCode.startsWith(P);
  if (kind === 'process') {
    const codes = d.nodes.filter((n) => n.kind === 'process').map((n) => codeOf(n) ?? '');
    if (hierarchical) return `${parentCode}.${nextNumber(codes, `${parentCode}.`)}`;
    if (!d.refines && d.level === 'context' && !codes.some((c) => c !== '')) return `${P}0`;
    return `${P}${nextNumber(codes, P)}`;
  }
  const F = prefixes.flow;
  const codes = d.flows.map((f) => codeOf(f) ?? '');
  if (hierarchical) {
    const num = parentCode!.slice(P.length);
    return `${F}${num}.${nextNumber(codes, `${F}${num}.`)}`;
  }
  return `${F}${nextNumber(codes, F)}`;
}

/**
 * Grading a student's document against a reference solution (issue 6; formula documented on
 * content/docs/learn/rules/grading.mdx). Matching ignores ids, codes, positions, order, spaces,
 * full-width letters and digits, Traditional vs Simplified characters, and treats the names a
 * reference's dictionary entry lists as aliases as the entry's name.
 *
 * - Elements (entities, processes, stores) are taken across all diagrams, each once (an entity
 *   repeated in a child diagram is one element), and match by kind and label.
 * - Flows match when both ends are matched elements, in the same direction, and the labels agree
 *   (full credit). When the ends match and the labels do not, the flow gets half credit. A flow
 *   the reference leaves unnamed matches on its ends; a student may leave a flow to or from a
 *   data store unnamed.
 * - Flows whose ends are not nodes of their diagram are left out on both sides.
 * - score = the harmonic mean (F1) of recall and precision: with C the credit earned (1 for each
 *   matched element or flow, ½ for a partial flow), M the number of the student's elements and
 *   flows that matched something, R the reference's elements + flows and S the student's,
 *   recall = C / R, precision = M / S, score = ⌊100 × 2·P·R / (P + R)⌋ (0 when C is 0).
 *   So a missing item lowers recall, an extra one lowers precision, and a flow with the wrong name
 *   costs half of what a missing flow costs.
 * - With `given` (what an exercise hands the student, e.g. its context diagram), the reference
 *   items the given document already has in full are left out of R, and the student's matches to
 *   them out of C, M and S: the score measures only the student's own work, so handing in the
 *   starting document unchanged scores 0. A given item the student deleted still counts as missing.
 */
import type { DfdDocument, DfdFlow, DfdNode, NodeKind } from '../../schemas/dfd.ts';
import { lint } from './lint/engine.ts';
import type { Finding } from './lint/types.ts';
import { codeOf, type Locale } from './model.ts';
import { gradeKey, normalizeLabel } from './text.ts';

export interface GradeItem {
  type: NodeKind | 'flow';
  diagram: string;
  id: string;
  label: string;
  code?: string;
  /** For a flow: the labels of its ends. */
  from?: string;
  to?: string;
  /** How the item is named in messages. */
  text: { 'zh-CN': string; en: string };
}

export interface GradeMatch {
  reference: GradeItem;
  student: GradeItem;
  /** 1 for a full match, 0.5 for a flow whose ends match and whose label does not. */
  credit: 1 | 0.5;
}

export interface GradeResult {
  /** 0–100, 100 only for a perfect match. */
  score: number;
  matched: GradeMatch[];
  missing: GradeItem[];
  extra: GradeItem[];
  /** The linter's findings on the student's document. */
  findings: Finding[];
}

export interface GradeOptions {
  locale?: Locale;
  /** The document the student started from; what it already has is not the student's credit. */
  given?: DfdDocument;
}

interface Matching {
  matched: Array<GradeMatch & { ref: Element | FlowRec }>;
  missing: GradeItem[];
  extra: GradeItem[];
}

const KIND_ZH: Record<NodeKind, string> = { entity: '外部实体', process: '处理', store: '数据存储' };
const KIND_EN: Record<NodeKind, string> = { entity: 'external entity', process: 'process', store: 'data store' };

type Canon = (label: string | undefined) => string;

/** Label comparison for grading: normalised, Simplified, dictionary aliases → entry name. */
function canonicalizer(reference: DfdDocument): Canon {
  const alias = new Map<string, string>();
  for (const e of reference.dictionary ?? []) {
    const name = gradeKey(e.name);
    for (const a of e.aliases ?? []) {
      const k = gradeKey(a);
      if (k && !alias.has(k)) alias.set(k, name);
    }
  }
  return (label) => {
    const k = gradeKey(label);
    return alias.get(k) ?? k;
  };
}

interface Element {
  key: string;
  item: GradeItem;
}

interface FlowRec {
  fromKey: string | undefined;
  toKey: string | undefined;
  label: string;
  storeEnd: boolean;
  item: GradeItem;
}

function nodeItem(n: DfdNode, diagram: string): GradeItem {
  const label = normalizeLabel(n.label);
  const item: GradeItem = {
    type: n.kind,
    diagram,
    id: n.id,
    label,
    text: { 'zh-CN': `${KIND_ZH[n.kind]}「${label}」`, en: `${KIND_EN[n.kind]} "${label}"` },
  };
  const c = codeOf(n);
  if (c) item.code = c;
  return item;
}

function collect(doc: DfdDocument, canon: Canon): { elements: Element[]; flows: FlowRec[] } {
  const elements: Element[] = [];
  const seen = new Set<string>();
  const flows: FlowRec[] = [];
  for (const d of doc.diagrams) {
    const byId = new Map<string, DfdNode>();
    for (const n of d.nodes) {
      if (!byId.has(n.id)) byId.set(n.id, n);
      const key = `${n.kind}\u0000${canon(n.label)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      elements.push({ key, item: nodeItem(n, d.id) });
    }
    // A flow whose ends are not nodes of its diagram is a drawing error the linter reports; it
    // takes no part in grading.
    for (const f of d.flows) if (byId.has(f.from) && byId.has(f.to)) flows.push(flowRec(f, d.id, byId, canon));
  }
  return { elements, flows };
}

function flowRec(f: DfdFlow, diagram: string, byId: Map<string, DfdNode>, canon: Canon): FlowRec {
  const from = byId.get(f.from);
  const to = byId.get(f.to);
  const label = normalizeLabel(f.label ?? '');
  const fromL = from ? normalizeLabel(from.label) : f.from;
  const toL = to ? normalizeLabel(to.label) : f.to;
  const item: GradeItem = {
    type: 'flow',
    diagram,
    id: f.id,
    label,
    from: fromL,
    to: toL,
    text: {
      'zh-CN': `数据流${label ? `「${label}」` : '（无名称）'}（${fromL} → ${toL}）`,
      en: `data flow ${label ? `"${label}"` : '(unnamed)'} (${fromL} → ${toL})`,
    },
  };
  const c = codeOf(f);
  if (c) item.code = c;
  return {
    fromKey: from ? `${from.kind}\u0000${canon(from.label)}` : undefined,
    toKey: to ? `${to.kind}\u0000${canon(to.label)}` : undefined,
    label: canon(f.label),
    storeEnd: from?.kind === 'store' || to?.kind === 'store',
    item,
  };
}

function take<T>(m: Map<string, T[]>, key: string): T | undefined {
  const list = m.get(key);
  if (!list || list.length === 0) return undefined;
  return list.shift();
}

function group<T>(items: T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    if (k === undefined) continue;
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
}

function match(ref: { elements: Element[]; flows: FlowRec[] }, stu: { elements: Element[]; flows: FlowRec[] }): Matching {
  const matched: Matching['matched'] = [];
  const missing: GradeItem[] = [];
  const extra: GradeItem[] = [];

  // Elements: by kind and label.
  const stuElements = group(stu.elements, (e) => e.key);
  const matchedKeys = new Set<string>();
  for (const r of ref.elements) {
    const s = take(stuElements, r.key);
    if (s) {
      matched.push({ reference: r.item, student: s.item, credit: 1, ref: r });
      matchedKeys.add(r.key);
    } else missing.push(r.item);
  }
  for (const list of stuElements.values()) for (const s of list) extra.push(s.item);

  // Flows: ends must be matched elements (a reference element the student also has).
  const ends = (f: FlowRec) =>
    f.fromKey !== undefined && f.toKey !== undefined && matchedKeys.has(f.fromKey) && matchedKeys.has(f.toKey)
      ? `${f.fromKey}\u0001${f.toKey}`
      : undefined;
  const stuFlows = stu.flows.filter((f) => ends(f) !== undefined);
  const used = new Set<FlowRec>();
  const byFull = group(stuFlows, (f) => `${ends(f)}\u0001${f.label}`);
  const byEnds = group(stuFlows, ends);
  const pending: FlowRec[] = [];
  // 1. exact label matches
  for (const r of ref.flows) {
    const e = ends(r);
    if (e === undefined) {
      missing.push(r.item);
      continue;
    }
    let s: FlowRec | undefined;
    while ((s = take(byFull, `${e}\u0001${r.label}`)) && used.has(s));
    if (s) {
      used.add(s);
      matched.push({ reference: r.item, student: s.item, credit: 1, ref: r });
    } else pending.push(r);
  }
  // 2. same ends: full credit when the reference flow is unnamed, or the student left a store
  //    flow unnamed; half credit otherwise.
  for (const r of pending) {
    let s: FlowRec | undefined;
    while ((s = take(byEnds, ends(r)!)) && used.has(s));
    if (!s) {
      missing.push(r.item);
      continue;
    }
    used.add(s);
    const full = r.label === '' || (s.label === '' && (r.storeEnd || s.storeEnd));
    matched.push({ reference: r.item, student: s.item, credit: full ? 1 : 0.5, ref: r });
  }
  for (const s of stu.flows) if (!used.has(s)) extra.push(s.item);
  return { matched, missing, extra };
}

export function grade(student: DfdDocument, reference: DfdDocument, options: GradeOptions = {}): GradeResult {
  const canon = canonicalizer(reference);
  const ref = collect(reference, canon);
  const stu = collect(student, canon);
  const { matched, missing, extra } = match(ref, stu);

  // Reference items the starting document already has in full are not the student's work.
  const given = new Set<Element | FlowRec>();
  if (options.given) {
    for (const m of match(ref, collect(options.given, canon)).matched) if (m.credit === 1) given.add(m.ref);
  }
  const own = matched.filter((m) => !given.has(m.ref));
  const givenKept = matched.length - own.length;

  const credit = own.reduce((k, m) => k + m.credit, 0);
  const R = ref.elements.length + ref.flows.length - givenKept;
  const S = stu.elements.length + stu.flows.length - givenKept;
  let score = 0;
  if (credit > 0 && R > 0 && S > 0) {
    const recall = credit / R;
    const precision = own.length / S;
    score = Math.floor((100 * 2 * precision * recall) / (precision + recall) + 1e-9);
  } else if (R === 0 && S === 0) score = 100;
  return {
    score: Math.min(100, score),
    matched: matched.map(({ reference: r, student: st, credit: c }) => ({ reference: r, student: st, credit: c })),
    missing,
    extra,
    findings: lint(student, { locale: options.locale ?? 'zh-CN' }),
  };
}

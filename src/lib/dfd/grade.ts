/**
 * Grading a student's document against a reference solution (dfd-rules.md, "Grading"; the formula
 * is explained to students on content/docs/learn/rules/grading.mdx). Matching ignores ids, codes,
 * positions, order, spaces, full-width letters and digits, Traditional vs Simplified characters,
 * and treats the names a reference's dictionary entry lists as aliases as the entry's name.
 *
 * - **Diagrams are paired, not assumed.** Each student diagram is paired with at most one
 *   reference diagram: the pairs that share the most elements first (greedy, ties by document
 *   order), whatever their titles, levels, `refines` or order. A student who draws only the child
 *   of P3, as a document of one diagram, is graded against the reference's child of P3.
 * - Within a pair, elements (entities, processes, stores) match by kind and label, each once per
 *   diagram. Flows match when both ends are matched elements, in the same direction, and the
 *   labels agree (full credit); when the ends match and the labels do not, the flow gets half
 *   credit. A flow the reference leaves unnamed matches on its ends; a student may leave a flow to
 *   or from a data store unnamed. Flows whose ends are not nodes of their diagram take no part.
 * - **What is asked.** With `given` (what the exercise hands out, e.g. the context diagram and the
 *   0 层图), the given document is paired with the reference the same way; the reference items a
 *   given diagram already has in full are not the student's work: they are left out of R, and the
 *   student's matches to them out of C, M and S. So handing in the start unchanged scores 0, and
 *   a reference diagram the given document holds entirely asks for nothing. A given item the
 *   student deleted from a level they drew still counts as missing; a given level they left out
 *   (drawing only the level the exercise asks for) costs nothing.
 * - **Optional items** (`optional: true` in the reference) cost nothing when missing and count as
 *   matched, not extra, when present: they are left out of R and C, and count in M and S.
 * - A reference diagram no student diagram pairs with costs its items as missing; the items of a
 *   student diagram no reference diagram pairs with are extra.
 * - score = the harmonic mean (F1) of recall and precision: with C the credit earned (1 for each
 *   matched element or flow, ½ for a partial flow), M the number of the student's items that
 *   matched something, R the reference's items and S the student's, recall = C / R,
 *   precision = M / S, score = ⌊100 × 2·P·R / (P + R)⌋ (0 when C is 0). Each pair gets its own
 *   score by the same formula.
 * - **Hints that teach**, per pair: they name the student's own elements, point at one of them
 *   where they can, and describe what the reference has only by kind and position ("处理「审核采购单」
 *   还缺少一条输出数据流"), never by its labels; those appear only in `missing`.
 */
import type { DfdDiagram, DfdDocument, DfdFlow, DfdNode, NodeKind } from '../../schemas/dfd.ts';
import { lint } from './lint/engine.ts';
import type { Finding } from './lint/types.ts';
import { codeOf, type Locale } from './model.ts';
import { gradeKey, normalizeLabel } from './text.ts';
import { KIND_NAMES } from './vocabulary.ts';

export interface GradeItem {
  type: NodeKind | 'flow';
  diagram: string;
  id: string;
  label: string;
  code?: string;
  /** For a flow: the labels of its ends. */
  from?: string;
  to?: string;
  /** A reference item a correct answer may have or leave out. */
  optional?: boolean;
  /** How the item is named in messages. */
  text: { 'zh-CN': string; en: string };
}

export interface GradeMatch {
  reference: GradeItem;
  student: GradeItem;
  /** 1 for a full match, 0.5 for a flow whose ends match and whose label does not. */
  credit: 1 | 0.5;
}

/** One piece of feedback a learner can act on without being handed the answer. */
export interface GradeHint {
  /** missing: something the answer lacks; partial: a flow whose name differs; extra: something the reference does not have; level: a whole diagram missing or extra. */
  kind: 'missing' | 'partial' | 'extra' | 'level';
  /** The student's diagram it is about; absent when the student has no diagram for it. */
  diagram?: string;
  /** The student's node or flow to point at, when there is one. */
  element?: string;
  /** One sentence in the requested language; names only the student's own elements. */
  message: string;
}

/** The result for one reference diagram and the student diagram paired with it (or for an unpaired student diagram). */
export interface DiagramGrade {
  /** The reference diagram's id; absent for a student diagram no reference diagram pairs with. */
  reference?: string;
  /** The student's diagram; absent when no student diagram pairs with the reference diagram. */
  student?: string;
  /** False when the given document already holds every required item of the reference diagram: nothing is asked there. */
  asked: boolean;
  /** 0–100 by the same formula as the whole score, over this pair only. */
  score: number;
  matched: number;
  missing: number;
  extra: number;
  hints: GradeHint[];
}

export interface GradeResult {
  /** 0–100, 100 only for a perfect match. */
  score: number;
  matched: GradeMatch[];
  missing: GradeItem[];
  extra: GradeItem[];
  /** Per reference diagram (document order), then the student's unpaired diagrams. */
  diagrams: DiagramGrade[];
  /** Every hint of `diagrams`, in the student's diagram order. */
  hints: GradeHint[];
  /** The linter's findings on the student's document. */
  findings: Finding[];
}

export interface GradeOptions {
  locale?: Locale;
  /** The document the student started from; what it already has is not the student's credit. */
  given?: DfdDocument;
}

const KIND_ZH = (k: NodeKind) => KIND_NAMES[k]['zh-CN'];
const KIND_EN = (k: NodeKind) => KIND_NAMES[k].en;

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
  const memo = new Map<string, string>();
  return (label) => {
    const raw = label ?? '';
    let out = memo.get(raw);
    if (out === undefined) {
      const k = gradeKey(raw);
      out = alias.get(k) ?? k;
      memo.set(raw, out);
    }
    return out;
  };
}

interface Element {
  key: string;
  kind: NodeKind;
  node: DfdNode;
  optional: boolean;
  item: GradeItem;
}

interface FlowRec {
  fromKey: string;
  toKey: string;
  label: string;
  storeEnd: boolean;
  optional: boolean;
  flow: DfdFlow;
  item: GradeItem;
}

/** One diagram, ready to be matched. */
interface Side {
  diagram: DfdDiagram;
  elements: Element[];
  byKey: Map<string, Element>;
  flows: FlowRec[];
  /** Element key → the flows that start or end there (made on first use, for hints). */
  at?: Map<string, FlowRec[]>;
}

function flowsAt(sd: Side, key: string): readonly FlowRec[] {
  if (!sd.at) {
    const at = (sd.at = new Map<string, FlowRec[]>());
    const add = (k: string, f: FlowRec) => {
      const list = at.get(k);
      if (list) list.push(f);
      else at.set(k, [f]);
    };
    for (const f of sd.flows) {
      add(f.fromKey, f);
      if (f.toKey !== f.fromKey) add(f.toKey, f);
    }
  }
  return sd.at.get(key) ?? [];
}

function nodeItem(n: DfdNode, diagram: string): GradeItem {
  const label = normalizeLabel(n.label);
  const item: GradeItem = {
    type: n.kind,
    diagram,
    id: n.id,
    label,
    text: { 'zh-CN': `${KIND_ZH(n.kind)}「${label}」`, en: `${KIND_EN(n.kind)} "${label}"` },
  };
  const c = codeOf(n);
  if (c) item.code = c;
  if (n.optional === true) item.optional = true;
  return item;
}

function flowItem(f: DfdFlow, diagram: string, from: DfdNode, to: DfdNode): GradeItem {
  const label = normalizeLabel(f.label ?? '');
  const fromL = normalizeLabel(from.label);
  const toL = normalizeLabel(to.label);
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
  if (f.optional === true) item.optional = true;
  return item;
}

const nodeKey = (n: DfdNode, canon: Canon) => `${n.kind}\u0000${canon(n.label)}`;

function side(d: DfdDiagram, canon: Canon): Side {
  const elements: Element[] = [];
  const byKey = new Map<string, Element>();
  const byId = new Map<string, DfdNode>();
  for (const n of d.nodes) {
    if (!byId.has(n.id)) byId.set(n.id, n);
    const key = nodeKey(n, canon);
    const seen = byKey.get(key);
    if (seen) {
      // The same element drawn twice in one diagram is one element; it is optional only if every copy is.
      if (!n.optional) seen.optional = false;
      continue;
    }
    const e: Element = { key, kind: n.kind, node: n, optional: n.optional === true, item: nodeItem(n, d.id) };
    byKey.set(key, e);
    elements.push(e);
  }
  const flows: FlowRec[] = [];
  for (const f of d.flows) {
    const from = byId.get(f.from);
    const to = byId.get(f.to);
    // A flow whose ends are not nodes of its diagram is a drawing error the linter reports.
    if (!from || !to) continue;
    flows.push({
      fromKey: nodeKey(from, canon),
      toKey: nodeKey(to, canon),
      label: canon(f.label),
      storeEnd: from.kind === 'store' || to.kind === 'store',
      optional: f.optional === true,
      flow: f,
      item: flowItem(f, d.id, from, to),
    });
  }
  for (const e of elements) e.item.optional = e.optional || undefined;
  for (const e of elements) if (!e.item.optional) delete e.item.optional;
  return { diagram: d, elements, byKey, flows };
}

interface PairMatch {
  elements: Array<{ ref: Element; stu: Element }>;
  flows: Array<{ ref: FlowRec; stu: FlowRec; credit: 1 | 0.5 }>;
  missingElements: Element[];
  missingFlows: FlowRec[];
  extraElements: Element[];
  extraFlows: FlowRec[];
}

function take<T>(m: Map<string, T[]>, key: string): T | undefined {
  const list = m.get(key);
  if (!list || list.length === 0) return undefined;
  return list.shift();
}

function group<T>(items: readonly T[], key: (t: T) => string | undefined): Map<string, T[]> {
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

/** Matches one reference diagram with one student diagram (either may be absent). */
function matchPair(ref: Side | undefined, stu: Side | undefined): PairMatch {
  const out: PairMatch = { elements: [], flows: [], missingElements: [], missingFlows: [], extraElements: [], extraFlows: [] };
  if (!ref || !stu) {
    if (ref) {
      out.missingElements.push(...ref.elements);
      out.missingFlows.push(...ref.flows);
    }
    if (stu) {
      out.extraElements.push(...stu.elements);
      out.extraFlows.push(...stu.flows);
    }
    return out;
  }
  const matchedKeys = new Set<string>();
  for (const r of ref.elements) {
    const s = stu.byKey.get(r.key);
    if (s) {
      out.elements.push({ ref: r, stu: s });
      matchedKeys.add(r.key);
    } else out.missingElements.push(r);
  }
  for (const s of stu.elements) if (!matchedKeys.has(s.key)) out.extraElements.push(s);

  // Flows: both ends must be matched elements.
  const ends = (f: FlowRec) => (matchedKeys.has(f.fromKey) && matchedKeys.has(f.toKey) ? `${f.fromKey}\u0001${f.toKey}` : undefined);
  const used = new Set<FlowRec>();
  const byFull = group(stu.flows, (f) => {
    const e = ends(f);
    return e === undefined ? undefined : `${e}\u0001${f.label}`;
  });
  const byEnds = group(stu.flows, ends);
  const pending: FlowRec[] = [];
  // 1. exact label matches
  for (const r of ref.flows) {
    const e = ends(r);
    if (e === undefined) {
      out.missingFlows.push(r);
      continue;
    }
    let s: FlowRec | undefined;
    while ((s = take(byFull, `${e}\u0001${r.label}`)) && used.has(s));
    if (s) {
      used.add(s);
      out.flows.push({ ref: r, stu: s, credit: 1 });
    } else pending.push(r);
  }
  // 2. same ends: full credit when the reference flow is unnamed, or the student left a store
  //    flow unnamed; half credit otherwise.
  for (const r of pending) {
    let s: FlowRec | undefined;
    while ((s = take(byEnds, ends(r)!)) && used.has(s));
    if (!s) {
      out.missingFlows.push(r);
      continue;
    }
    used.add(s);
    const full = r.label === '' || (s.label === '' && (r.storeEnd || s.storeEnd));
    out.flows.push({ ref: r, stu: s, credit: full ? 1 : 0.5 });
  }
  for (const s of stu.flows) if (!used.has(s)) out.extraFlows.push(s);
  return out;
}

/**
 * Pairs diagrams of `a` with diagrams of `b`: the pairs that share the most elements first, ties
 * by document order; a diagram sharing no element with any other stays unpaired. Returns, per
 * diagram of `a`, the index of its partner in `b` (or -1).
 */
function pairDiagrams(a: readonly Side[], b: readonly Side[]): number[] {
  const where = new Map<string, number[]>(); // element key → diagrams of b holding it
  b.forEach((s, j) => {
    for (const e of s.elements) {
      const list = where.get(e.key);
      if (list) list.push(j);
      else where.set(e.key, [j]);
    }
  });
  const candidates: Array<{ i: number; j: number; shared: number }> = [];
  const counts = new Map<number, number>();
  a.forEach((s, i) => {
    counts.clear();
    for (const e of s.elements) for (const j of where.get(e.key) ?? []) counts.set(j, (counts.get(j) ?? 0) + 1);
    for (const [j, shared] of counts) candidates.push({ i, j, shared });
  });
  candidates.sort((x, y) => y.shared - x.shared || Math.abs(x.i - x.j) - Math.abs(y.i - y.j) || x.i - y.i || x.j - y.j);
  const partner = new Array<number>(a.length).fill(-1);
  const taken = new Set<number>();
  for (const c of candidates) {
    if (partner[c.i] !== -1 || taken.has(c.j)) continue;
    partner[c.i] = c.j;
    taken.add(c.j);
  }
  return partner;
}

function f1(credit: number, matched: number, R: number, S: number): number {
  if (credit > 0 && R > 0 && S > 0) {
    const recall = credit / R;
    const precision = matched / S;
    return Math.min(100, Math.floor((100 * 2 * precision * recall) / (precision + recall) + 1e-9));
  }
  return R === 0 && S === 0 ? 100 : 0;
}

// ---- Hints ----

interface HintContext {
  locale: Locale;
  /** Reference element key → the student's element it matched, in this pair. */
  stuOf: Map<string, Element>;
  ref: Side | undefined;
  stu: Side | undefined;
  /** Every reference element, by key, with the diagrams that hold it (for "belongs to another level"). */
  refKinds: Map<string, NodeKind[]>;
  /** Canonical labels of every reference process's owner (performer). */
  owners: Set<string>;
  canon: Canon;
}

const kindText = (k: NodeKind, l: Locale) => (l === 'en' ? KIND_EN(k) : KIND_ZH(k));
const named = (e: Element, l: Locale) => (l === 'en' ? `${KIND_EN(e.kind)} "${normalizeLabel(e.node.label)}"` : `${KIND_ZH(e.kind)}「${normalizeLabel(e.node.label)}」`);
const flowName = (f: FlowRec, l: Locale) => {
  const label = normalizeLabel(f.flow.label ?? '');
  return l === 'en' ? `data flow ${label ? `"${label}" ` : ''}(${f.item.from} → ${f.item.to})` : `数据流${label ? `「${label}」` : ''}（${f.item.from} → ${f.item.to}）`;
};

function missingElementHint(e: Element, cx: HintContext): GradeHint {
  const l = cx.locale;
  // Where it sits: the student's elements that the reference connects it with.
  const sources: Element[] = [];
  const targets: Element[] = [];
  for (const f of flowsAt(cx.ref!, e.key)) {
    if (f.toKey === e.key) {
      const s = cx.stuOf.get(f.fromKey);
      if (s && !sources.includes(s)) sources.push(s);
    } else if (f.fromKey === e.key) {
      const s = cx.stuOf.get(f.toKey);
      if (s && !targets.includes(s)) targets.push(s);
    }
  }
  const list = (xs: Element[]) => xs.map((x) => named(x, l)).join(l === 'en' ? ', ' : '、');
  let where = '';
  if (l === 'en') {
    const parts = [sources.length ? `it receives data from ${list(sources)}` : '', targets.length ? `it sends data to ${list(targets)}` : ''].filter(Boolean);
    where = parts.length ? `: ${parts.join(' and ')}` : '';
  } else {
    const parts = [sources.length ? `它从${list(sources)}接收数据` : '', targets.length ? `向${list(targets)}发送数据` : ''].filter(Boolean);
    where = parts.length ? `：${parts.join('，')}` : '';
  }
  const at = sources[0] ?? targets[0];
  const hint: GradeHint = {
    kind: 'missing',
    message: l === 'en' ? `This diagram still lacks a ${kindText(e.kind, l)}${where}` : `这一层还缺少一个${kindText(e.kind, l)}${where}`,
  };
  if (cx.stu) hint.diagram = cx.stu.diagram.id;
  if (at) hint.element = at.node.id;
  return hint;
}

function missingFlowHint(f: FlowRec, cx: HintContext): GradeHint | undefined {
  const a = cx.stuOf.get(f.fromKey);
  const b = cx.stuOf.get(f.toKey);
  if (!a || !b || !cx.stu) return undefined; // an end is missing: the element hint covers it
  const l = cx.locale;
  const proc = a.kind === 'process' ? a : b.kind === 'process' ? b : a;
  const other = proc === a ? b : a;
  const out = proc === a;
  let message: string;
  if (l === 'en') message = `${named(proc, l)} still lacks ${out ? `an output flow to ${named(other, l)}` : `an input flow from ${named(other, l)}`}`;
  else message = `${named(proc, l)}还缺少一条${out ? `流向${named(other, l)}的输出数据流` : `来自${named(other, l)}的输入数据流`}`;
  return { kind: 'missing', diagram: cx.stu.diagram.id, element: proc.node.id, message };
}

function partialFlowHint(s: FlowRec, cx: HintContext): GradeHint {
  const l = cx.locale;
  return {
    kind: 'partial',
    diagram: cx.stu!.diagram.id,
    element: s.flow.id,
    message:
      l === 'en'
        ? `${flowName(s, l)} connects the right symbols, but its name is not what moves there: reread the scenario for the document or data passed on this step`
        : `${flowName(s, l)}连接的位置是对的，但名称与这里流动的数据不符：回到题目中找这一步传递的单据或数据`,
  };
}

function extraElementHint(e: Element, cx: HintContext): GradeHint {
  const l = cx.locale;
  const label = cx.canon(e.node.label);
  const otherKinds = (cx.refKinds.get(label) ?? []).filter((k) => k !== e.kind);
  const sameElsewhere = (cx.refKinds.get(label) ?? []).includes(e.kind) && !cx.ref?.byKey.has(e.key);
  let message: string;
  if (e.kind === 'entity' && cx.owners.has(label)) {
    message =
      l === 'en'
        ? `The extra ${named(e, l)} performs a process in the scenario: inside the system it is a process's performer, not an external entity`
        : `多出的${named(e, l)}在题目中是处理的执行者，属于系统内部，不是外部实体`;
  } else if (otherKinds.length) {
    message =
      l === 'en'
        ? `"${normalizeLabel(e.node.label)}" is drawn as a ${kindText(e.kind, l)}: in this answer it is a ${kindText(otherKinds[0]!, l)}`
        : `「${normalizeLabel(e.node.label)}」画成了${kindText(e.kind, l)}，在这道题里它应是${kindText(otherKinds[0]!, l)}`;
  } else if (sameElsewhere) {
    message = l === 'en' ? `${named(e, l)} belongs to another level of this answer, not to this diagram` : `${named(e, l)}属于答案的另一层，不在这一层`;
  } else {
    message =
      l === 'en'
        ? `The extra ${named(e, l)} has no counterpart in the answer: check that the scenario has this step or thing, and that its name uses the scenario's words`
        : `多出的${named(e, l)}在答案中没有对应：检查题目里是否有它，名称是否用了题目中的说法`;
  }
  const hint: GradeHint = { kind: 'extra', element: e.node.id, message };
  if (cx.stu) hint.diagram = cx.stu.diagram.id;
  return hint;
}

function extraFlowHint(f: FlowRec, cx: HintContext, reversed: boolean): GradeHint {
  const l = cx.locale;
  const message = reversed
    ? l === 'en'
      ? `${flowName(f, l)} runs the wrong way: which side hands the data to the other?`
      : `${flowName(f, l)}的方向反了：想一想是哪一方把数据交给另一方`
    : l === 'en'
      ? `The extra ${flowName(f, l)} has no counterpart in the answer`
      : `多出的${flowName(f, l)}在答案中没有对应`;
  const hint: GradeHint = { kind: 'extra', element: f.flow.id, message };
  if (cx.stu) hint.diagram = cx.stu.diagram.id;
  return hint;
}

export function grade(student: DfdDocument, reference: DfdDocument, options: GradeOptions = {}): GradeResult {
  const locale = options.locale ?? 'zh-CN';
  const canon = canonicalizer(reference);
  const refs = reference.diagrams.map((d) => side(d, canon));
  const stus = student.diagrams.map((d) => side(d, canon));
  const stuPartner = pairDiagrams(stus, refs);
  const refPartner = new Array<number>(refs.length).fill(-1);
  stuPartner.forEach((j, i) => {
    if (j >= 0) refPartner[j] = i;
  });

  // What the exercise hands out: reference items a given diagram has in full.
  const given = new Set<Element | FlowRec>();
  if (options.given) {
    const gs = options.given.diagrams.map((d) => side(d, canon));
    pairDiagrams(gs, refs).forEach((j, i) => {
      if (j < 0) return;
      const m = matchPair(refs[j], gs[i]);
      for (const e of m.elements) given.add(e.ref);
      for (const f of m.flows) if (f.credit === 1) given.add(f.ref);
    });
  }

  // For hints: the kinds each label has anywhere in the reference, and the processes' performers.
  const refKinds = new Map<string, NodeKind[]>();
  const owners = new Set<string>();
  for (const r of refs) {
    for (const e of r.elements) {
      const label = e.key.slice(e.key.indexOf('\u0000') + 1);
      const ks = refKinds.get(label) ?? [];
      if (!ks.includes(e.kind)) ks.push(e.kind);
      refKinds.set(label, ks);
      if (e.kind === 'process' && e.node.owner) owners.add(canon(e.node.owner));
    }
  }

  const matched: GradeMatch[] = [];
  const missing: GradeItem[] = [];
  const extra: GradeItem[] = [];
  const diagrams: DiagramGrade[] = [];
  let C = 0;
  let M = 0;
  let R = 0;
  let S = 0;

  const gradePair = (ref: Side | undefined, stu: Side | undefined): DiagramGrade => {
    const m = matchPair(ref, stu);
    let credit = 0;
    let own = 0; // the student's matched items that are not given
    let r = 0;
    let givenKept = 0;
    let givenItems = 0;
    let required = 0; // required reference items the given document does not hold
    for (const e of m.elements) {
      matched.push({ reference: e.ref.item, student: e.stu.item, credit: 1 });
      if (given.has(e.ref)) givenKept++;
      else {
        own++;
        if (!e.ref.optional) credit += 1;
      }
    }
    for (const f of m.flows) {
      matched.push({ reference: f.ref.item, student: f.stu.item, credit: f.credit });
      if (given.has(f.ref)) givenKept++;
      else {
        own++;
        if (!f.ref.optional) credit += f.credit;
      }
    }
    if (ref) {
      for (const x of [...ref.elements, ...ref.flows]) {
        if (given.has(x)) givenItems++;
        else if (!x.optional) r++;
      }
    }
    required = r;
    // A given item the student deleted from a level they kept is still asked for; a given level
    // the student did not draw at all (they drew only the level the exercise asks for) is not.
    if (stu) r += givenItems - givenKept;
    let missed = 0;
    for (const x of [...m.missingElements, ...m.missingFlows]) {
      if (x.optional || (!stu && given.has(x))) continue;
      missing.push(x.item);
      missed++;
    }
    for (const x of [...m.extraElements, ...m.extraFlows]) extra.push(x.item);
    const s = (stu ? stu.elements.length + stu.flows.length : 0) - givenKept;
    C += credit;
    M += own;
    R += r;
    S += s;

    const cx: HintContext = { locale, stuOf: new Map(m.elements.map((e) => [e.ref.key, e.stu])), ref, stu, refKinds, owners, canon };
    const hints: GradeHint[] = [];
    const asked = !ref || required > 0;
    if (ref && !stu) {
      if (r > 0) hints.push(levelMissingHint(ref, reference, refs, refPartner, stus, canon, locale));
    } else if (!ref && stu) {
      if (s > 0) {
        hints.push({
          kind: 'level',
          diagram: stu.diagram.id,
          message:
            locale === 'en'
              ? 'This diagram has no counterpart in the answer: which level of the exercise is it meant to be?'
              : '这张图在答案中没有对应的一层：它应当是题目要求的哪一层？',
        });
      }
    } else if (ref && stu) {
      for (const e of m.missingElements) if (!e.optional) hints.push(missingElementHint(e, cx));
      for (const f of m.missingFlows) {
        if (f.optional) continue;
        const h = missingFlowHint(f, cx);
        if (h) hints.push(h);
      }
      for (const f of m.flows) if (f.credit === 0.5 && !given.has(f.ref)) hints.push(partialFlowHint(f.stu, cx));
      for (const e of m.extraElements) hints.push(extraElementHint(e, cx));
      const refEnds = new Set(ref.flows.map((f) => `${f.fromKey}\u0001${f.toKey}`));
      for (const f of m.extraFlows) hints.push(extraFlowHint(f, cx, cx.stuOf.has(f.fromKey) && cx.stuOf.has(f.toKey) && refEnds.has(`${f.toKey}\u0001${f.fromKey}`)));
    }
    const dg: DiagramGrade = {
      asked,
      score: f1(credit, own, r, s),
      matched: m.elements.length + m.flows.length,
      missing: missed,
      extra: m.extraElements.length + m.extraFlows.length,
      hints,
    };
    if (ref) dg.reference = ref.diagram.id;
    if (stu) dg.student = stu.diagram.id;
    return dg;
  };

  refs.forEach((ref, j) => diagrams.push(gradePair(ref, refPartner[j]! >= 0 ? stus[refPartner[j]!] : undefined)));
  stus.forEach((stu, i) => {
    if (stuPartner[i]! < 0) diagrams.push(gradePair(undefined, stu));
  });

  // Hints in the student's diagram order (hints about a level the student has not drawn last).
  const order = new Map(student.diagrams.map((d, i) => [d.id, i]));
  const hints = diagrams
    .flatMap((d) => d.hints)
    .map((h, seq) => ({ h, seq }))
    .sort((a, b) => (order.get(a.h.diagram ?? '') ?? Infinity) - (order.get(b.h.diagram ?? '') ?? Infinity) || a.seq - b.seq)
    .map(({ h }) => h);

  return {
    score: f1(C, M, R, S),
    matched,
    missing,
    extra,
    diagrams,
    hints,
    findings: lint(student, { locale }),
  };
}

/** A reference diagram no student diagram pairs with: say which level is missing, by the student's own process where possible. */
function levelMissingHint(ref: Side, reference: DfdDocument, refs: readonly Side[], refPartner: readonly number[], stus: readonly Side[], canon: Canon, locale: Locale): GradeHint {
  const r = ref.diagram.refines;
  if (r) {
    const j = reference.diagrams.findIndex((d) => d.id === r.diagram);
    const p = j >= 0 ? reference.diagrams[j]!.nodes.find((n) => n.id === r.process) : undefined;
    const stu = j >= 0 && refPartner[j]! >= 0 ? stus[refPartner[j]!] : undefined;
    const sp = p && stu ? stu.byKey.get(nodeKey(p, canon)) : undefined;
    if (stu && sp) {
      return {
        kind: 'level',
        diagram: stu.diagram.id,
        element: sp.node.id,
        message: locale === 'en' ? `${named(sp, locale)} still needs its child diagram (its decomposition)` : `${named(sp, locale)}还需要画出它的分解（子图）`,
      };
    }
  }
  const kinds = refs.length > 1 && ref.diagram.level === 'context';
  return {
    kind: 'level',
    message: kinds
      ? locale === 'en'
        ? 'The answer still lacks the context diagram'
        : '答案还缺少顶层图（关联图）'
      : locale === 'en'
        ? `The answer still lacks a level (${ref.elements.length} symbols in the reference)`
        : `答案还缺少一层图（参考答案中这一层有 ${ref.elements.length} 个符号）`,
  };
}

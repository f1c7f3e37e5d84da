/**
 * Grading a student's business flow chart (业务流程图) against a reference, with the DFD grader's
 * tolerance (src/lib/dfd/grade.ts): ids, positions and order are ignored; labels are compared
 * normalised (spaces, full-width letters and digits), in Simplified characters (opencc-js), without
 * punctuation, with 帐 and 账 as one character (the textbook writes both), and with the aliases a
 * reference element lists as its own name.
 *
 * - **Lanes** (业务处理单位) match by name, once each.
 * - **Symbols** match by kind and name, once each (a symbol drawn twice is one). A 业务处理 or
 *   表格制作 drawn in another unit's lane than the reference's gets half credit: who does the work is
 *   what a business flow chart records. A 数据存储 or 收集资料 may sit in any lane.
 * - **Flows** (信息传递) match when both ends are matched symbols, in the same direction. Full credit
 *   when the reference's condition (合格, 不合格…) is written beside the student's line (as its
 *   condition or in its label) and the label, when the student wrote one beyond the condition, is
 *   the reference's; half credit when the ends match and the condition is missing or the name
 *   differs. A line without a label is fine: the textbook labels few lines, but every branch.
 * - **Optional items** cost nothing when missing and count as matched when present.
 * - score = ⌊100 × F1⌋ of recall C / R and precision M / S, as for DFDs (C: credit, M: the student's
 *   matched items, R: the reference's required items, S: the student's items).
 * - **Hints** name the student's own elements, point at one of them, and describe what the reference
 *   has only by kind and place, never by its labels (those appear in `items.missing`).
 */
import type { BfcDocument, BfcFlow, BfcLane, BfcNode, BfcNodeKind } from '../../schemas/bfc.ts';
import { gradeKey, normalizeLabel } from '../dfd/text.ts';

export type BfcLocale = 'zh-CN' | 'en';
export type BfcItemType = 'lane' | BfcNodeKind | 'flow';

export interface BfcGradeItem {
  type: BfcItemType;
  id: string;
  label: string;
  /** For a symbol: the name of its lane. */
  lane?: string;
  /** For a flow: the labels of its ends, and its condition. */
  from?: string;
  to?: string;
  condition?: string;
  optional?: boolean;
  text: { 'zh-CN': string; en: string };
}

export interface BfcGradeMatch {
  reference: BfcGradeItem;
  student: BfcGradeItem;
  /** 1 for a full match; 0.5 for a symbol in another lane, or a flow whose condition or name differs. */
  credit: 1 | 0.5;
}

export interface BfcGradeHint {
  kind: 'missing' | 'partial' | 'extra';
  /** The student's lane, symbol or flow to point at, when there is one. */
  element?: string;
  message: string;
}

export interface BfcGradeCounts {
  matched: number;
  missing: number;
  extra: number;
}

export interface BfcGradeResult {
  /** 0–100, 100 only for a full match. */
  score: number;
  items: { matched: BfcGradeMatch[]; missing: BfcGradeItem[]; extra: BfcGradeItem[] };
  /** The same, counted per lane, symbol and flow. */
  counts: { lanes: BfcGradeCounts; nodes: BfcGradeCounts; flows: BfcGradeCounts };
  hints: BfcGradeHint[];
}

export interface BfcGradeOptions {
  locale?: BfcLocale;
}

const GRADE_KIND_NAMES: Record<BfcItemType, { 'zh-CN': string; en: string }> = {
  lane: { 'zh-CN': '业务处理单位', en: 'unit' },
  process: { 'zh-CN': '业务处理', en: 'business step' },
  form: { 'zh-CN': '表格制作', en: 'form' },
  store: { 'zh-CN': '数据存储', en: 'data store' },
  collect: { 'zh-CN': '收集资料', en: 'collected data' },
  flow: { 'zh-CN': '信息传递', en: 'flow' },
};

/** Characters that never tell two labels apart in a chart: punctuation and spaces. */
const PUNCT = /[\s\p{P}\p{S}]/gu;

type Canon = (s: string | undefined) => string;

function canonicalizer(reference: BfcDocument): Canon {
  const base = (s: string | undefined) => gradeKey(s).replace(/帐/g, '账').replace(PUNCT, '');
  const alias = new Map<string, string>();
  // A flow's aliases name its condition when it has one (合格 for 必须报损), else its label.
  for (const x of [...reference.lanes, ...reference.nodes, ...reference.flows] as Array<{ label?: string; condition?: string; aliases?: string[] }>) {
    const name = base(x.condition || x.label);
    for (const a of x.aliases ?? []) {
      const k = base(a);
      if (k && !alias.has(k)) alias.set(k, name);
    }
  }
  const memo = new Map<string, string>();
  return (s) => {
    const raw = s ?? '';
    let out = memo.get(raw);
    if (out === undefined) {
      const k = base(raw);
      out = alias.get(k) ?? k;
      memo.set(raw, out);
    }
    return out;
  };
}

/** The words written beside a line, each canonical: the condition, and the label split at punctuation. */
function words(f: BfcFlow, canon: Canon): string[] {
  const parts = [f.condition ?? '', ...(f.label ?? '').split(/[，,、：:；;/／（）()\s]+/u), f.label ?? ''];
  return parts.map(canon).filter(Boolean);
}

interface Sym {
  key: string;
  node: BfcNode;
  /** Canonical names of the lanes its copies are drawn in. */
  lanes: Set<string>;
  optional: boolean;
  item: BfcGradeItem;
}
interface LaneRec {
  key: string;
  lane: BfcLane;
  optional: boolean;
  item: BfcGradeItem;
}
interface FlowRec {
  fromKey: string;
  toKey: string;
  flow: BfcFlow;
  optional: boolean;
  item: BfcGradeItem;
}
interface Side {
  lanes: LaneRec[];
  laneByKey: Map<string, LaneRec>;
  syms: Sym[];
  symByKey: Map<string, Sym>;
  flows: FlowRec[];
}

const kindZh = (k: BfcItemType) => GRADE_KIND_NAMES[k]['zh-CN'];
const kindEn = (k: BfcItemType) => GRADE_KIND_NAMES[k].en;

function side(doc: BfcDocument, canon: Canon): Side {
  const laneName = new Map(doc.lanes.map((l) => [l.id, normalizeLabel(l.label)]));
  const lanes: LaneRec[] = [];
  const laneByKey = new Map<string, LaneRec>();
  for (const l of doc.lanes) {
    const key = canon(l.label);
    const seen = laneByKey.get(key);
    if (seen) {
      if (!l.optional) seen.optional = false;
      continue;
    }
    const label = normalizeLabel(l.label);
    const rec: LaneRec = {
      key,
      lane: l,
      optional: l.optional === true,
      item: { type: 'lane', id: l.id, label, text: { 'zh-CN': `业务处理单位「${label}」`, en: `unit "${label}"` } },
    };
    laneByKey.set(key, rec);
    lanes.push(rec);
  }
  const syms: Sym[] = [];
  const symByKey = new Map<string, Sym>();
  const keyOf = new Map<string, string>();
  for (const n of doc.nodes) {
    const key = `${n.kind}\u0000${canon(n.label)}`;
    if (!keyOf.has(n.id)) keyOf.set(n.id, key);
    const laneKey = n.lane !== undefined && laneName.has(n.lane) ? canon(laneName.get(n.lane)) : '';
    const seen = symByKey.get(key);
    if (seen) {
      seen.lanes.add(laneKey);
      if (!n.optional) seen.optional = false;
      continue;
    }
    const label = normalizeLabel(n.label);
    const lane = n.lane !== undefined ? laneName.get(n.lane) : undefined;
    const item: BfcGradeItem = { type: n.kind, id: n.id, label, text: { 'zh-CN': `${kindZh(n.kind)}「${label}」`, en: `${kindEn(n.kind)} "${label}"` } };
    if (lane) item.lane = lane;
    const rec: Sym = { key, node: n, lanes: new Set([laneKey]), optional: n.optional === true, item };
    symByKey.set(key, rec);
    syms.push(rec);
  }
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const flows: FlowRec[] = [];
  for (const f of doc.flows) {
    const a = byId.get(f.from);
    const b = byId.get(f.to);
    if (!a || !b) continue; // a line to nothing is the linter's finding, not a gradable flow
    const label = normalizeLabel(f.label ?? '');
    const cond = normalizeLabel(f.condition ?? '');
    const from = normalizeLabel(a.label);
    const to = normalizeLabel(b.label);
    const said = [cond, label].filter(Boolean).join('：');
    const item: BfcGradeItem = {
      type: 'flow',
      id: f.id,
      label,
      from,
      to,
      text: { 'zh-CN': `信息传递${said ? `「${said}」` : ''}（${from} → ${to}）`, en: `flow ${said ? `"${said}" ` : ''}(${from} → ${to})` },
    };
    if (cond) item.condition = cond;
    if (f.optional) item.optional = true;
    flows.push({ fromKey: keyOf.get(a.id)!, toKey: keyOf.get(b.id)!, flow: f, optional: f.optional === true, item });
  }
  for (const s of [...lanes, ...syms]) {
    if (s.optional) s.item.optional = true;
    else delete s.item.optional;
  }
  return { lanes, laneByKey, syms, symByKey, flows };
}

/** How well a student's line says what the reference's says: 1 (condition and name), 0.5 (ends only). */
function flowCredit(ref: FlowRec, stu: FlowRec, canon: Canon): 1 | 0.5 {
  const have = words(stu.flow, canon);
  const cond = canon(ref.flow.condition);
  if (cond && !have.includes(cond)) return 0.5;
  const label = canon(ref.flow.label);
  if (!label) return 1;
  const whole = canon(stu.flow.label);
  if (!whole || whole === cond || have.includes(label)) return 1;
  return 0.5;
}

function f1(credit: number, matched: number, R: number, S: number): number {
  if (credit > 0 && R > 0 && S > 0) {
    const recall = credit / R;
    const precision = matched / S;
    return Math.min(100, Math.floor((100 * 2 * precision * recall) / (precision + recall) + 1e-9));
  }
  return R === 0 && S === 0 ? 100 : 0;
}

export function gradeBfc(student: BfcDocument, reference: BfcDocument, opts: BfcGradeOptions = {}): BfcGradeResult {
  const l = opts.locale ?? 'zh-CN';
  const en = l === 'en';
  const canon = canonicalizer(reference);
  const ref = side(reference, canon);
  // A line to or from an optional symbol is optional too: an answer without the symbol cannot have it.
  for (const f of ref.flows) {
    if (f.optional || !(ref.symByKey.get(f.fromKey)?.optional || ref.symByKey.get(f.toKey)?.optional)) continue;
    f.optional = true;
    f.item.optional = true;
  }
  const stu = side(student, canon);
  const matched: BfcGradeMatch[] = [];
  const missing: BfcGradeItem[] = [];
  const extra: BfcGradeItem[] = [];
  const hints: BfcGradeHint[] = [];
  const counts = { lanes: { matched: 0, missing: 0, extra: 0 }, nodes: { matched: 0, missing: 0, extra: 0 }, flows: { matched: 0, missing: 0, extra: 0 } };
  let C = 0;
  let M = 0;
  let R = 0;
  const S = stu.lanes.length + stu.syms.length + stu.flows.length;
  const list = (xs: string[]) => xs.join(en ? ', ' : '、');
  const named = (s: Sym) => (en ? `${kindEn(s.node.kind)} "${s.item.label}"` : `${kindZh(s.node.kind)}「${s.item.label}」`);

  // Lanes.
  const laneMatched = new Set<string>();
  for (const r of ref.lanes) {
    if (!r.optional) R++;
    const s = stu.laneByKey.get(r.key);
    if (s) {
      laneMatched.add(r.key);
      matched.push({ reference: r.item, student: s.item, credit: 1 });
      counts.lanes.matched++;
      M++;
      if (!r.optional) C++;
    } else if (!r.optional) {
      missing.push(r.item);
      counts.lanes.missing++;
    }
  }

  // Symbols.
  const stuOf = new Map<string, Sym>();
  for (const r of ref.syms) {
    if (!r.optional) R++;
    const s = stu.symByKey.get(r.key);
    if (!s) {
      if (!r.optional) {
        missing.push(r.item);
        counts.nodes.missing++;
      }
      continue;
    }
    stuOf.set(r.key, s);
    const refLane = [...r.lanes][0]!;
    const laneMatters = (r.node.kind === 'process' || r.node.kind === 'form') && refLane !== '';
    const credit: 1 | 0.5 = !laneMatters || s.lanes.has(refLane) ? 1 : 0.5;
    matched.push({ reference: r.item, student: s.item, credit });
    counts.nodes.matched++;
    M++;
    if (!r.optional) C += credit;
    if (credit === 0.5) {
      const where = s.item.lane;
      hints.push({
        kind: 'partial',
        element: s.node.id,
        message: en
          ? `${named(s)} is drawn ${where ? `in the lane of "${where}"` : 'outside every unit'}: which unit does this in the scenario?`
          : `${named(s)}画在了${where ? `「${where}」一栏` : '所有业务处理单位之外'}：题目中这一步是哪个单位做的？`,
      });
    }
  }

  // Flows: exact ones first, then by ends.
  const used = new Set<FlowRec>();
  const endsKey = (f: FlowRec) => `${f.fromKey}\u0001${f.toKey}`;
  const byEnds = new Map<string, FlowRec[]>();
  for (const f of stu.flows) {
    (byEnds.get(endsKey(f)) ?? byEnds.set(endsKey(f), []).get(endsKey(f))!).push(f);
  }
  const pending: FlowRec[] = [];
  const found = new Map<FlowRec, { s: FlowRec; credit: 1 | 0.5 }>();
  for (const pass of [1, 2] as const) {
    for (const r of pass === 1 ? ref.flows : pending) {
      const cands = stuOf.has(r.fromKey) && stuOf.has(r.toKey) ? (byEnds.get(endsKey(r)) ?? []) : [];
      const s = cands.find((c) => !used.has(c) && (pass === 2 || flowCredit(r, c, canon) === 1));
      if (s) {
        used.add(s);
        found.set(r, { s, credit: pass === 1 ? 1 : 0.5 });
      } else if (pass === 1) pending.push(r);
    }
  }
  for (const r of ref.flows) {
    if (!r.optional) R++;
    const hit = found.get(r);
    const a = stuOf.get(r.fromKey);
    const b = stuOf.get(r.toKey);
    if (!hit) {
      if (r.optional) continue;
      missing.push(r.item);
      counts.flows.missing++;
      if (a && b) {
        const cond = r.flow.condition ? (en ? ' (a branch, with its condition)' : '（一条分支，线旁要写条件）') : '';
        hints.push({
          kind: 'missing',
          element: a.node.id,
          message: en ? `${named(a)} still lacks a line to ${named(b)}${cond}` : `${named(a)}还缺少一条通向${named(b)}的信息传递${cond}`,
        });
      }
      continue;
    }
    matched.push({ reference: r.item, student: hit.s.item, credit: hit.credit });
    counts.flows.matched++;
    M++;
    if (!r.optional) C += hit.credit;
    if (hit.credit === 0.5) {
      const noCond = r.flow.condition && !words(hit.s.flow, canon).includes(canon(r.flow.condition));
      hints.push({
        kind: 'partial',
        element: hit.s.flow.id,
        message: noCond
          ? en
            ? `The line from ${named(a!)} to ${named(b!)} is a branch: write its condition beside it (a business flow chart has no decision box)`
            : `${named(a!)}通向${named(b!)}的连线是一条分支：把条件写在线旁（业务流程图不画判断框）`
          : en
            ? `The line from ${named(a!)} to ${named(b!)} is in the right place, but what it says is not what passes there: reread the scenario`
            : `${named(a!)}通向${named(b!)}的连线位置是对的，但线旁写的与这里传递的不符：回到题目中找这一步`,
      });
    }
  }

  // Hints for what is missing: by kind and place, pointing at the student's neighbours.
  for (const r of ref.lanes) {
    if (r.optional || laneMatched.has(r.key)) continue;
    const theirs = ref.syms.filter((x) => x.lanes.has(r.key) && stuOf.has(x.key)).map((x) => stuOf.get(x.key)!);
    hints.push({
      kind: 'missing',
      ...(theirs[0] ? { element: theirs[0].node.id } : {}),
      message: theirs.length
        ? en
          ? `The chart still lacks a unit: it does ${list(theirs.map(named))}`
          : `还缺少一个业务处理单位：${list(theirs.map(named))}应由它来做`
        : en
          ? `The chart still lacks a unit (it has ${ref.syms.filter((x) => x.lanes.has(r.key)).length} symbol(s) in the answer)`
          : `还缺少一个业务处理单位（参考答案中它有 ${ref.syms.filter((x) => x.lanes.has(r.key)).length} 个符号）`,
    });
  }
  for (const r of ref.syms) {
    if (r.optional || stuOf.has(r.key)) continue;
    const from: Sym[] = [];
    const to: Sym[] = [];
    for (const f of ref.flows) {
      if (f.toKey === r.key && stuOf.has(f.fromKey) && !from.includes(stuOf.get(f.fromKey)!)) from.push(stuOf.get(f.fromKey)!);
      if (f.fromKey === r.key && stuOf.has(f.toKey) && !to.includes(stuOf.get(f.toKey)!)) to.push(stuOf.get(f.toKey)!);
    }
    const parts = en
      ? [from.length ? `it comes after ${list(from.map(named))}` : '', to.length ? `it leads to ${list(to.map(named))}` : '']
      : [from.length ? `它接在${list(from.map(named))}之后` : '', to.length ? `通向${list(to.map(named))}` : ''];
    const where = parts.filter(Boolean).join(en ? ' and ' : '，');
    const at = from[0] ?? to[0];
    const kind = en ? kindEn(r.node.kind) : kindZh(r.node.kind);
    hints.push({
      kind: 'missing',
      ...(at ? { element: at.node.id } : {}),
      message: en ? `The chart still lacks a ${kind}${where ? `: ${where}` : ''}` : `还缺少一个${kind}${where ? `：${where}` : ''}`,
    });
  }

  // Extras.
  const refKinds = new Map<string, BfcNodeKind[]>();
  for (const r of ref.syms) {
    const label = r.key.slice(r.key.indexOf('\u0000') + 1);
    refKinds.set(label, [...(refKinds.get(label) ?? []), r.node.kind]);
  }
  const refLaneKeys = new Set(ref.lanes.map((x) => x.key));
  for (const s of stu.lanes) {
    if (refLaneKeys.has(s.key)) continue;
    extra.push(s.item);
    counts.lanes.extra++;
    hints.push({
      kind: 'extra',
      element: s.lane.id,
      message: en
        ? `The extra unit "${s.item.label}" has no counterpart in the answer: check that the scenario has it, by the scenario's name`
        : `多出的业务处理单位「${s.item.label}」在答案中没有对应：检查题目里是否有它，名称是否用了题目中的说法`,
    });
  }
  const matchedStu = new Set([...stuOf.values()]);
  for (const s of stu.syms) {
    if (matchedStu.has(s)) continue;
    extra.push(s.item);
    counts.nodes.extra++;
    const label = s.key.slice(s.key.indexOf('\u0000') + 1);
    const other = (refKinds.get(label) ?? []).find((k) => k !== s.node.kind);
    hints.push({
      kind: 'extra',
      element: s.node.id,
      message: other
        ? en
          ? `"${s.item.label}" is drawn as a ${kindEn(s.node.kind)}: in this chart it is a ${kindEn(other)}`
          : `「${s.item.label}」画成了${kindZh(s.node.kind)}，在这张图里它应是${kindZh(other)}`
        : en
          ? `The extra ${named(s)} has no counterpart in the answer: check that the scenario has this step or thing, and that its name uses the scenario's words`
          : `多出的${named(s)}在答案中没有对应：检查题目里是否有它，名称是否用了题目中的说法`,
    });
  }
  const refEnds = new Set(ref.flows.map(endsKey));
  for (const s of stu.flows) {
    if (used.has(s)) continue;
    extra.push(s.item);
    counts.flows.extra++;
    const reversed = refEnds.has(`${s.toKey}\u0001${s.fromKey}`) && !refEnds.has(endsKey(s));
    const name = s.item.text[l];
    hints.push({
      kind: 'extra',
      element: s.flow.id,
      message: reversed
        ? en
          ? `${name} runs the wrong way: which side hands it to the other?`
          : `${name}的方向反了：想一想是哪一方交给另一方`
        : en
          ? `The extra ${name} has no counterpart in the answer`
          : `多出的${name}在答案中没有对应`,
    });
  }
  // English sentences start with a capital (some begin with a kind name: "business step …").
  if (en) for (const h of hints) h.message = h.message.charAt(0).toUpperCase() + h.message.slice(1);
  return { score: f1(C, M, R, S), items: { matched, missing, extra }, counts, hints };
}

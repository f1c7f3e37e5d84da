/** Names of business flow chart elements in messages, in both languages. */
import type { BfcFlow, BfcLane, BfcNode, BfcNodeKind } from '../../schemas/bfc.ts';
import { normalizeLabel } from '../dfd/text.ts';
import type { Locale } from '../dfd/vocabulary.ts';

export const BFC_KIND_NAMES: Readonly<Record<BfcNodeKind | 'lane' | 'flow', Readonly<Record<Locale, string>>>> = {
  process: { 'zh-CN': '业务处理', en: 'processing step' },
  form: { 'zh-CN': '表格', en: 'form' },
  store: { 'zh-CN': '数据存储', en: 'data store' },
  collect: { 'zh-CN': '收集资料', en: 'collected data' },
  lane: { 'zh-CN': '业务处理单位', en: 'unit' },
  flow: { 'zh-CN': '信息传递', en: 'flow' },
};

export function bfcKindName(kind: BfcNodeKind | 'lane' | 'flow', locale: Locale): string {
  return BFC_KIND_NAMES[kind][locale];
}

function named(kind: BfcNodeKind | 'lane', label: string, id: string, locale: Locale): string {
  const text = normalizeLabel(label);
  const k = BFC_KIND_NAMES[kind][locale];
  if (locale === 'en') return text ? `${k} "${text}"` : `${k} (id ${id})`;
  return text ? `${k}「${text}」` : `${k}（id ${id}）`;
}

/** 业务处理「验货」 / processing step "验货"; the id when the label is blank. */
export function describeBfcNode(node: BfcNode, locale: Locale): string {
  return named(node.kind, node.label, node.id, locale);
}

/** 业务处理单位「采购部」 / unit "采购部". */
export function describeBfcLane(lane: BfcLane, locale: Locale): string {
  return named('lane', lane.label, lane.id, locale);
}

function endName(id: string, nodes: ReadonlyMap<string, BfcNode>): string {
  const n = nodes.get(id);
  const text = n ? normalizeLabel(n.label) : '';
  return text || id;
}

/** 信息传递「入库单」（验货 → 入库） / flow "入库单" (验货 → 入库); the condition when there is no label. */
export function describeBfcFlow(flow: BfcFlow, nodes: ReadonlyMap<string, BfcNode>, locale: Locale, withEnds = true): string {
  const text = normalizeLabel(flow.label ?? '') || normalizeLabel(flow.condition ?? '');
  if (!withEnds) return locale === 'en' ? (text ? `flow "${text}"` : `flow (id ${flow.id})`) : text ? `信息传递「${text}」` : `信息传递（id ${flow.id}）`;
  const ends = `${endName(flow.from, nodes)} → ${endName(flow.to, nodes)}`;
  if (locale === 'en') return text ? `flow "${text}" (${ends})` : `flow (${ends})`;
  return text ? `信息传递「${text}」（${ends}）` : `信息传递（${ends}）`;
}

/**
 * The words the whole project shares, written once: severities (their order and names), the
 * kinds of element (their names in both languages), and counting findings by severity. The
 * linter, the grader, the command line and the modeller all use these.
 */
import type { NodeKind } from '../../schemas/dfd.ts';

export type Locale = 'zh-CN' | 'en';
export type Severity = 'error' | 'warning' | 'info';
export type ElementKind = NodeKind | 'flow';

/** Severities from the most to the least serious. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Sort rank of a severity: 0 is the most serious. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_NAMES: Readonly<Record<Locale, Readonly<Record<Severity, string>>>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

export const KIND_NAMES: Readonly<Record<ElementKind, Readonly<Record<Locale, string>>>> = {
  entity: { 'zh-CN': '外部实体', en: 'external entity' },
  process: { 'zh-CN': '处理', en: 'process' },
  store: { 'zh-CN': '数据存储', en: 'data store' },
  flow: { 'zh-CN': '数据流', en: 'data flow' },
};

export function kindName(kind: ElementKind, locale: Locale): string {
  return KIND_NAMES[kind][locale];
}

/** The more serious of two severities. */
export function worse(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

export type SeverityCounts = Record<Severity, number>;

/** Findings (anything with a severity) counted by severity. */
export function countBySeverity(items: readonly { severity: Severity }[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of items) c[f.severity]++;
  return c;
}

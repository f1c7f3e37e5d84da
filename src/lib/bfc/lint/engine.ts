/**
 * The business flow chart linter: indexes the chart once, runs each rule that is not off, gives
 * each report its severity (the rule's own, or the caller's setting), the message in the reader's
 * language and the URL of the rule's page. Never throws on a chart readBfc accepts.
 */
import type { BfcDocument, BfcFlow, BfcLane, BfcNode } from '../../../schemas/bfc.ts';
import { SEVERITY_RANK, countBySeverity } from '../../dfd/vocabulary.ts';
import { BFC_RULES } from './rules/index.ts';
import { BFC_RULE_IDS, type BfcFinding, type BfcIndex, type BfcLintOptions, type BfcRuleId, type Locale, type Severity } from './types.ts';

export function bfcRuleUrl(id: BfcRuleId): string {
  return `/learn/bfc-rules/${id}/`;
}

export function isBfcRuleId(s: string): s is BfcRuleId {
  return (BFC_RULE_IDS as readonly string[]).includes(s);
}

/** The rules with their recommended severity, title and reason, in page order. */
export const BFC_RULE_LIST: ReadonlyArray<{ id: BfcRuleId; severity: Severity; title: Readonly<Record<Locale, string>>; why: Readonly<Record<Locale, string>> }> = BFC_RULES.map(
  (r) => ({ id: r.id, severity: r.severity, title: r.title, why: r.why }),
);

export const BFC_RECOMMENDED: Readonly<Record<BfcRuleId, Severity>> = Object.fromEntries(BFC_RULES.map((r) => [r.id, r.severity])) as Record<BfcRuleId, Severity>;

/** Every warning becomes an error and info becomes a warning (as the DFD rules' strict preset). */
export const BFC_STRICT: Readonly<Record<BfcRuleId, Severity>> = Object.fromEntries(BFC_RULES.map((r) => [r.id, r.severity === 'info' ? 'warning' : 'error'])) as Record<
  BfcRuleId,
  Severity
>;

export const BFC_PRESETS = { recommended: BFC_RECOMMENDED, strict: BFC_STRICT } as const;

export function indexBfc(doc: BfcDocument): BfcIndex {
  const nodes = new Map<string, BfcNode>();
  for (const n of doc.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
  const lanes = new Map<string, BfcLane>();
  for (const l of doc.lanes) if (!lanes.has(l.id)) lanes.set(l.id, l);
  const out = new Map<string, BfcFlow[]>();
  const inn = new Map<string, BfcFlow[]>();
  for (const f of doc.flows) {
    let o = out.get(f.from);
    if (!o) out.set(f.from, (o = []));
    o.push(f);
    let i = inn.get(f.to);
    if (!i) inn.set(f.to, (i = []));
    i.push(f);
  }
  return { doc, nodes, lanes, out, in: inn };
}

export function lintBfc(doc: BfcDocument, options: BfcLintOptions = {}): BfcFinding[] {
  const locale = options.locale ?? 'zh-CN';
  const preset = BFC_PRESETS[options.preset ?? 'recommended'];
  const index = indexBfc(doc);
  const found: Array<{ f: BfcFinding; rule: number; seq: number }> = [];
  BFC_RULES.forEach((rule, order) => {
    const setting = options.rules?.[rule.id] ?? preset[rule.id];
    if (setting === 'off') return;
    const url = bfcRuleUrl(rule.id);
    rule.check({
      doc,
      index,
      report(r) {
        const message = r.message(locale);
        const f: BfcFinding = r.element !== undefined ? { rule: rule.id, severity: setting, element: r.element, message, url } : { rule: rule.id, severity: setting, message, url };
        found.push({ f, rule: order, seq: found.length });
      },
    });
  });
  // Stable order: severity, then rule (page order), then each rule's own order.
  return found.sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.rule - b.rule || a.seq - b.seq).map(({ f }) => f);
}

/** Counts by severity, as the command line's JSON names them. */
export function countBfcFindings(findings: readonly BfcFinding[]): { errors: number; warnings: number; infos: number } {
  const c = countBySeverity(findings);
  return { errors: c.error, warnings: c.warning, infos: c.info };
}

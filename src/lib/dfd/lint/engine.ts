/**
 * The lint engine: builds the document index once, runs each rule that is not off, gives each
 * report the severity of the preset (or the user's setting), the message in the reader's
 * language and the URL of the rule's page. Never throws on a document readDocument accepts.
 */
import type { DfdDocument } from '../../../schemas/dfd.ts';
import { DocIndex } from './doc-index.ts';
import { PRESETS } from './presets.ts';
import { ALL_RULES } from './rules/index.ts';
import { RULE_IDS, type Finding, type LintOptions, type RuleId, type RuleVisitor, type Severity } from './types.ts';
import { SEVERITY_RANK, countBySeverity } from '../vocabulary.ts';

export function ruleUrl(id: RuleId): string {
  return `/learn/rules/${id}/`;
}

export const RULES: ReadonlyArray<{ id: RuleId; severity: Severity; title: { 'zh-CN': string; en: string } }> = ALL_RULES.map((r) => ({
  id: r.id,
  severity: PRESETS.recommended[r.id],
  title: r.title,
}));

export function isRuleId(s: string): s is RuleId {
  return (RULE_IDS as readonly string[]).includes(s);
}

export function lint(doc: DfdDocument, options: LintOptions = {}): Finding[] {
  const preset = PRESETS[options.preset ?? 'recommended'];
  const locale = options.locale ?? 'zh-CN';
  const index = new DocIndex(doc);
  const findings: Array<{ f: Finding; rule: number; seq: number }> = [];
  const visitors: RuleVisitor[] = [];
  ALL_RULES.forEach((rule, order) => {
    const setting = options.rules?.[rule.id] ?? preset[rule.id];
    if (setting === 'off') return;
    const severity: Severity = setting;
    const url = ruleUrl(rule.id);
    visitors.push(
      rule.create({
        doc,
        index,
        report(r) {
          const f: Finding =
            r.element !== undefined
              ? { rule: rule.id, severity, diagram: r.diagram, element: r.element, message: r.message(locale), url }
              : { rule: rule.id, severity, diagram: r.diagram, message: r.message(locale), url };
          findings.push({ f, rule: order, seq: findings.length });
        },
      }),
    );
  });
  for (const di of index.list) {
    index.prepare(di);
    for (const v of visitors) v.diagram?.(di);
    index.release(di);
  }
  for (const v of visitors) v.done?.();
  // Stable order: by diagram (document order), then severity, then rule (the order of
  // dfd-rules.md); each rule keeps its own order.
  const diagramOrder = new Map(doc.diagrams.map((d, i) => [d.id, i]));
  return findings
    .sort(
      (a, b) =>
        (diagramOrder.get(a.f.diagram) ?? 0) - (diagramOrder.get(b.f.diagram) ?? 0) ||
        SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] ||
        a.rule - b.rule ||
        a.seq - b.seq,
    )
    .map(({ f }) => f);
}

/** Counts by severity, as the command line's JSON names them (`errors`, `warnings`, `infos`). */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  const c = countBySeverity(findings);
  return { errors: c.error, warnings: c.warning, infos: c.info };
}

/**
 * A rule tester in the manner of bpmnlint's: each rule has a table of valid cases (no finding)
 * and invalid cases (the exact findings expected), with its fixtures beside the table. The rule
 * is run alone (every other rule off), in Chinese, then in English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, readDocument, RECOMMENDED_SEVERITIES, RULE_IDS, ruleUrl, type DfdDocument, type RuleId } from '../../src/lib/dfd/index.ts';

export interface ExpectedReport {
  diagram: string;
  element?: string;
  message: string;
}

export interface RuleCases {
  valid: string[];
  invalid: Array<{ file: string; reports: ExpectedReport[] }>;
}

export function loadFixture(dir: string, file: string): DfdDocument {
  const r = readDocument(readFileSync(join(dir, file), 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${r.error.en}`);
  return r.doc;
}

export function only(id: RuleId) {
  return Object.fromEntries(RULE_IDS.map((r) => [r, r === id ? RECOMMENDED_SEVERITIES[r] : 'off']));
}

export function verify(id: RuleId, dir: string, cases: RuleCases): void {
  describe(id, () => {
    for (const file of cases.valid) {
      it(`valid: ${file}`, () => {
        expect(lint(loadFixture(dir, file), { rules: only(id) })).toEqual([]);
      });
    }
    for (const { file, reports } of cases.invalid) {
      it(`invalid: ${file}`, () => {
        const doc = loadFixture(dir, file);
        const findings = lint(doc, { rules: only(id) });
        expect(findings.map((f) => (f.element !== undefined ? { diagram: f.diagram, element: f.element, message: f.message } : { diagram: f.diagram, message: f.message }))).toEqual(reports);
        for (const f of findings) {
          expect(f.rule).toBe(id);
          expect(f.severity).toBe(RECOMMENDED_SEVERITIES[id]);
          expect(f.url).toBe(ruleUrl(id));
        }
        // The same places in English, each message a different sentence.
        const en = lint(doc, { rules: only(id), locale: 'en' });
        expect(en.map((f) => [f.diagram, f.element])).toEqual(findings.map((f) => [f.diagram, f.element]));
        en.forEach((f, i) => {
          expect(f.message).not.toBe(findings[i]!.message);
          expect(f.message).toMatch(/[a-z]{3}/);
        });
      });
    }
  });
}

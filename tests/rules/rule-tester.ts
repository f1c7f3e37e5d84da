/**
 * A rule tester in the manner of bpmnlint's: each rule has a table of valid cases (no finding)
 * and invalid cases (the exact findings expected, each message in Chinese and in English), with its
 * fixtures beside the table. The rule is run alone (every other rule off), in Chinese, then in English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, readDocument, RECOMMENDED_SEVERITIES, RULE_IDS, ruleUrl, type DfdDocument, type RuleId } from '../../src/lib/dfd/index.ts';

export interface ExpectedReport {
  diagram: string;
  element?: string;
  /** The zh-CN message, exactly. */
  message: string;
  /** The English message, exactly. */
  en: string;
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
        const shape = (f: { diagram: string; element?: string | undefined }, message: string) =>
          f.element !== undefined ? { diagram: f.diagram, element: f.element, message } : { diagram: f.diagram, message };
        expect(findings.map((f) => shape(f, f.message))).toEqual(reports.map((r) => shape(r, r.message)));
        for (const f of findings) {
          expect(f.rule).toBe(id);
          expect(f.severity).toBe(RECOMMENDED_SEVERITIES[id]);
          expect(f.url).toBe(ruleUrl(id));
        }
        // The same places in English, with the English messages of the table.
        const en = lint(doc, { rules: only(id), locale: 'en' });
        expect(en.map((f) => shape(f, f.message))).toEqual(reports.map((r) => shape(r, r.en)));
        for (const f of en) expect(f.message, 'English messages use ASCII punctuation').not.toMatch(/[\u3000-\u303f\uff00-\uffef]/);
      });
    }
  });
}

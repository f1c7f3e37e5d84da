/**
 * The rule tester of the business flow chart rules, as tests/rules/rule-tester.ts for DFDs: each
 * rule has a table of valid cases (no finding) and invalid cases (the exact findings expected, each
 * naming its element, with the message in Chinese and in English), with the fixtures beside the
 * table. The rule runs alone (every other rule off), in Chinese, then in English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BFC_RECOMMENDED, BFC_RULE_IDS, bfcRuleUrl, lintBfc, readBfc, type BfcDocument, type BfcRuleId } from '../../src/lib/bfc/index.ts';

export interface ExpectedReport {
  /** The lane, node or flow id; absent for a finding about the whole chart. */
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

export function loadFixture(dir: string, file: string): BfcDocument {
  const r = readBfc(readFileSync(join(dir, file), 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${r.error.en}`);
  return r.doc;
}

export function only(id: BfcRuleId) {
  return Object.fromEntries(BFC_RULE_IDS.map((r) => [r, r === id ? BFC_RECOMMENDED[r] : 'off']));
}

export function verify(id: BfcRuleId, dir: string, cases: RuleCases): void {
  describe(id, () => {
    for (const file of cases.valid) {
      it(`valid: ${file}`, () => {
        expect(lintBfc(loadFixture(dir, file), { rules: only(id) })).toEqual([]);
      });
    }
    for (const { file, reports } of cases.invalid) {
      it(`invalid: ${file}`, () => {
        const doc = loadFixture(dir, file);
        const shape = (f: { element?: string | undefined }, message: string) => (f.element !== undefined ? { element: f.element, message } : { message });
        const findings = lintBfc(doc, { rules: only(id) });
        expect(findings.map((f) => shape(f, f.message))).toEqual(reports.map((r) => shape(r, r.message)));
        for (const f of findings) {
          expect(f.rule).toBe(id);
          expect(f.severity).toBe(BFC_RECOMMENDED[id]);
          expect(f.url).toBe(bfcRuleUrl(id));
        }
        const en = lintBfc(doc, { rules: only(id), locale: 'en' });
        expect(en.map((f) => shape(f, f.message))).toEqual(reports.map((r) => shape(r, r.en)));
        // The sentence around the quoted labels (which keep the user's own text) is in ASCII punctuation.
        for (const f of en) expect(f.message.replace(/"[^"]*"/g, '""'), 'English messages use ASCII punctuation').not.toMatch(/[\u3000-\u303f\uff00-\uffef]/);
      });
    }
  });
}

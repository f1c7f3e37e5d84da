/** The business flow chart lint engine: settings, order, locale, URLs, and the rules' metadata. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BFC_RULE_IDS, BFC_RULE_LIST, countBfcFindings, isBfcRuleId, lintBfc, readBfc, restoreBfc } from '../../../src/lib/bfc/index.ts';

function load(path: string) {
  const r = readBfc(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.error.en);
  return r.doc;
}

const messy = restoreBfc({
  format: 'flowbook-bfc',
  version: 1,
  lanes: [{ id: 'a', label: '采购部' }],
  nodes: [
    { id: 'p', kind: 'process', label: '验货' },
    { id: 'f', kind: 'form', label: '入库单', lane: 'a' },
  ],
  flows: [{ id: 'f1', from: 'p', to: 'f', condition: '合格' }],
});

describe('lintBfc', () => {
  it('a clean chart has no finding', () => {
    expect(lintBfc(load('tests/bfc-rules/branch-pair/valid.bfc.json'))).toEqual([]);
  });

  it('orders findings by severity, then by rule, and links each to its page', () => {
    if (!messy.ok) throw new Error(messy.error.en);
    const findings = lintBfc(messy.doc);
    expect(findings.map((f) => [f.severity, f.rule, f.element])).toEqual([
      ['error', 'process-in-lane', 'p'],
      ['error', 'branch-pair', 'p'],
      ['warning', 'form-used', 'f'],
      ['info', 'title-block', undefined],
    ]);
    for (const f of findings) expect(f.url).toBe(`/learn/bfc-rules/${f.rule}/`);
    expect(countBfcFindings(findings)).toEqual({ errors: 2, warnings: 1, infos: 1 });
  });

  it('turns rules off or changes their severity, and speaks English when asked', () => {
    if (!messy.ok) throw new Error(messy.error.en);
    const findings = lintBfc(messy.doc, { rules: { 'branch-pair': 'off', 'title-block': 'error' }, locale: 'en' });
    expect(findings.map((f) => [f.severity, f.rule])).toEqual([
      ['error', 'process-in-lane'],
      ['error', 'title-block'],
      ['warning', 'form-used'],
    ]);
    expect(findings[0]!.message).toBe('processing step "验货" is outside every unit: who does it?');
  });

  it('survives a chart built in code with repeated ids and dangling references', () => {
    const doc = {
      format: 'flowbook-bfc' as const,
      version: 1 as const,
      lanes: [{ id: 'x', label: '' }],
      nodes: [
        { id: 'x', kind: 'store' as const, label: '台帐', lane: 'nowhere' },
        { id: 'x', kind: 'form' as const, label: '' },
      ],
      flows: [{ id: 'x', from: 'x', to: 'x' }],
    };
    const rules = new Set(lintBfc(doc).map((f) => f.rule));
    expect(rules).toContain('unique-id');
    expect(rules).toContain('lane-exists');
    expect(rules).toContain('label-required');
  });
});

describe('the rules', () => {
  it('have an id, a severity, titles and a reason in both languages, in the declared order', () => {
    expect(BFC_RULE_LIST.map((r) => r.id)).toEqual([...BFC_RULE_IDS]);
    for (const r of BFC_RULE_LIST) {
      expect(isBfcRuleId(r.id)).toBe(true);
      expect(r.title['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(r.title.en).toMatch(/^[A-Z]/);
      expect(r.why['zh-CN'].length, r.id).toBeGreaterThan(60);
      expect(r.why.en.length, r.id).toBeGreaterThan(100);
    }
    expect(isBfcRuleId('balance')).toBe(false);
  });
});

describe('the reference charts of the exercises', () => {
  it('produce no finding at all, and a first attempt of a student is told what to fix', () => {
    const refs = ['material-ordering', 'stocktaking', 'book-purchasing', 'book-selling', 'damage-write-off'];
    for (const id of refs) expect(lintBfc(load(`content/bfc/exercises/${id}.bfc.json`)), id).toEqual([]);
    const first = lintBfc(load('tests/fixtures/bfc/material-ordering.first-attempt.bfc.json'));
    expect(first.map((f) => f.rule)).toContain('branch-pair');
  });
});

describe('presets', () => {
  it('strict makes warnings errors and info warnings; a rule setting still wins', () => {
    if (!messy.ok) throw new Error(messy.error.en);
    const strict = lintBfc(messy.doc, { preset: 'strict' });
    expect(strict.map((f) => [f.rule, f.severity])).toEqual([
      ['process-in-lane', 'error'],
      ['branch-pair', 'error'],
      ['form-used', 'error'],
      ['title-block', 'warning'],
    ]);
    expect(lintBfc(messy.doc, { preset: 'strict', rules: { 'form-used': 'info' } }).find((f) => f.rule === 'form-used')?.severity).toBe('info');
  });
});

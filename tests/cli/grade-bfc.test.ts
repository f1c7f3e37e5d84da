/**
 * `flowbook grade` and `grade-all` with a business flow chart as the reference: dispatched on the
 * `format` field, graded by gradeBfc, with the rule check of the student's chart; a DFD handed in
 * against a chart is named as such (exit 2).
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';

const REF = 'content/bfc/exercises/material-ordering.bfc.json';
const C = 'tests/fixtures/bfc/class';

describe('flowbook grade on business flow charts', () => {
  it('grades a first attempt: score, missing and extra items, hints naming the student’s elements, the rule check', () => {
    const r = run(['grade', `${C}/zhang.bfc.json`, '--reference', REF]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out).toMatch(/^得分：88 \/ 100\n/);
    expect(out).toContain('  ½ 业务处理「验货」：画在了另一个单位「采购部」中');
    expect(out).toContain('  - 业务处理单位「主管」');
    expect(out).toContain('  - 收集资料「用户需求」');
    expect(out).toContain('单位：匹配 4，缺少 1，多余 0；符号：匹配 9，缺少 1，多余 0；连线：匹配 10，缺少 2，多余 0');
    expect(out).toContain('  n5: 业务处理「验货」画在了「采购部」一栏：题目中这一步是哪个单位做的？');
    expect(out).toContain('规则检查：1 个错误，1 个警告，1 个提示');
    expect(out).toContain('[branch-pair]');
  });

  it('--json gives the format, score, items, counts, hints and findings; English on request', () => {
    const r = run(['grade', `${C}/zhang.bfc.json`, '--reference', REF, '--json', '--locale', 'en']);
    const j = JSON.parse(r.stdout);
    expect(j.format).toBe('flowbook-bfc');
    expect(j.score).toBe(88);
    expect(j.counts.lanes).toEqual({ matched: 4, missing: 1, extra: 0 });
    expect(j.hints.find((h: { element?: string }) => h.element === 'n5').message).toBe(
      'Business step "验货" is drawn in the lane of "采购部": which unit does this in the scenario?',
    );
    expect(j.findings.map((f: { rule: string }) => f.rule)).toEqual(['branch-pair', 'lane-used', 'title-block']);
  });

  it('a DFD against a chart is refused with a message naming the mismatch (exit 2); --given is for DFDs', () => {
    const r = run(['grade', `${C}/wang-dfd.dfd.json`, '--reference', REF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('这是数据流程图，而参考答案是业务流程图');
    expect(run(['grade', `${C}/zhang.bfc.json`, '--reference', REF, '--given', REF]).code).toBe(2);
  });

  it('grade-all grades every chart of a folder (Traditional characters and other ids score 100) and names the DFD it cannot grade', () => {
    const r = run(['grade-all', C, '--reference', REF, '--csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(
      'file,score,errors,warnings,error\n' + `${C}/li.bfc.json,100,0,0,\n` + `${C}/wang-dfd.dfd.json,,,,这是数据流程图，而参考答案是业务流程图\n` + `${C}/zhang.bfc.json,88,1,1,\n`,
    );
  });

  it('a DFD reference still grades DFDs as before', () => {
    const r = run(['grade', 'tests/fixtures/dfd/cli/clean.dfd.json', '--reference', 'tests/fixtures/dfd/cli/clean.dfd.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^得分：100 \/ 100\n/);
  });
});

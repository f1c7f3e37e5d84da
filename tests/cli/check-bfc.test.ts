/**
 * `flowbook check` on business flow charts (.bfc.json): read by their `format`, mixed with DFDs,
 * one line per finding naming the element, the same summary, JSON shape and exit statuses as DFDs.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.ts';
import { cliCommand } from './cli-command.ts';

const B = 'tests/fixtures/bfc/cli';
const D = 'tests/fixtures/dfd/cli';

describe('flowbook check on business flow charts', () => {
  it('exit 0 with warnings and info only: one line per finding naming the element, then the summary', () => {
    const r = run(['check', `${B}/clean.bfc.json`, `${B}/warnings.bfc.json`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${B}/warnings.bfc.json: L5: 警告 业务处理单位「质检科」一栏中没有任何符号：它在这项业务中做什么？ [lane-used]\n` +
        `${B}/warnings.bfc.json: 提示 图上没有图题栏（业务名称、制图、审核、日期、第 N 图共 M 张） [title-block]\n` +
        '共检查 2 个文件：0 个错误，1 个警告，1 个提示\n',
    );
  });

  it('exit 1 when a chart has an error, in English when asked', () => {
    const r = run(['check', `${B}/errors.bfc.json`, '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `${B}/errors.bfc.json: p3: error processing step "核对发货单" is outside every unit: who does it? [process-in-lane]\n` + '1 file checked: 1 error(s), 0 warning(s), 0 info\n',
    );
  });

  it('--json gives the format, the findings (element, message, URL of the rule page) and the counts', () => {
    const r = run(['check', `${B}/errors.bfc.json`, `${B}/clean.bfc.json`, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        file: `${B}/errors.bfc.json`,
        format: 'flowbook-bfc',
        findings: [
          {
            rule: 'process-in-lane',
            severity: 'error',
            element: 'p3',
            message: '业务处理「核对发货单」不在任何业务处理单位之内：是谁做的？',
            url: '/learn/bfc-rules/process-in-lane/',
          },
        ],
        errors: 1,
        warnings: 0,
        infos: 0,
      },
      { file: `${B}/clean.bfc.json`, format: 'flowbook-bfc', findings: [], errors: 0, warnings: 0, infos: 0 },
    ]);
  });

  it('--preset strict makes warnings errors and info warnings', () => {
    const r = run(['check', `${B}/warnings.bfc.json`, '--preset', 'strict', '--json']);
    expect(r.code).toBe(1);
    const [out] = JSON.parse(r.stdout);
    expect(out.findings.map((f: { rule: string; severity: string }) => [f.rule, f.severity])).toEqual([
      ['lane-used', 'error'],
      ['title-block', 'warning'],
    ]);
  });

  it('exit 2 for an unreadable chart, naming the place; 2 wins over 1', () => {
    const r = run(['check', `${B}/errors.bfc.json`, `${B}/broken.bfc.json`, `${B}/bad-kind.bfc.json`, '--json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out[1]).toEqual({ file: `${B}/broken.bfc.json`, error: '不是有效的 JSON：内容不完整或有语法错误' });
    expect(out[2]).toEqual({
      file: `${B}/bad-kind.bfc.json`,
      error: 'nodes[0].kind: 未知的符号类型 "decision"，应为 "process"、"form"、"store" 或 "collect"',
    });
  });

  it('a folder gives its .dfd.json and .bfc.json files together, each read by its own format', () => {
    const r = run(['check', B, `${D}/clean.dfd.json`, '--json']);
    const out = JSON.parse(r.stdout) as Array<{ file: string; format?: string; error?: string }>;
    expect(out.map((o) => o.file)).toEqual([
      `${B}/bad-kind.bfc.json`,
      `${B}/broken.bfc.json`,
      `${B}/clean.bfc.json`,
      `${B}/errors.bfc.json`,
      `${B}/warnings.bfc.json`,
      `${D}/clean.dfd.json`,
    ]);
    expect(out[2]!.format).toBe('flowbook-bfc');
    expect(out[5]).toEqual({ file: `${D}/clean.dfd.json`, findings: [], errors: 0, warnings: 0, infos: 0 });
  });

  it('the format field decides, not the file name', () => {
    const r = run(['check', 'tests/fixtures/bfc/misnamed/chart.dfd.json', '--json']);
    const [out] = JSON.parse(r.stdout);
    expect(out.format).toBe('flowbook-bfc');
    expect(out.findings[0].rule).toBe('process-in-lane');
  });

  it('spawned as users run it, it checks a chart', () => {
    const [cmd, ...pre] = cliCommand();
    const r = spawnSync(cmd!, [...pre, 'check', `${B}/errors.bfc.json`], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('p3: 错误 业务处理「核对发货单」不在任何业务处理单位之内');
  });
});

/**
 * The command line, spawned as users run it (`npm run flowbook`: scripts/flowbook.mjs, the bundled
 * command line), on fixture files:
 * exit statuses 0, 1, 2 (2 wins), the JSON shape of check and grade, grade-all's CSV.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { csvField, run } from '../../src/cli/run.ts';
import { cliCommand } from './cli-command.ts';

const F = 'tests/fixtures/dfd/cli';
const REF = 'tests/fixtures/dfd/grade/reference.dfd.json';

function cli(...args: string[]) {
  const [cmd, ...pre] = cliCommand();
  const r = spawnSync(cmd!, [...pre, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('flowbook check (spawned)', () => {
  it('exit 0 when no file has an error, one line per finding and a summary', () => {
    const r = cli('check', `${F}/clean.dfd.json`, `${F}/warnings.dfd.json`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${F}/warnings.dfd.json: top/e2: 警告 外部实体 E2「财务部」没有连接任何数据流 [entity-connected]\n` + '共检查 2 个文件：0 个错误，1 个警告，0 个提示\n');
  });

  it('exit 1 when a file has an error finding, with the JSON shape of dfd-rules.md', () => {
    const r = cli('check', `${F}/errors.dfd.json`, `${F}/clean.dfd.json`, '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual([
      {
        file: `${F}/errors.dfd.json`,
        findings: [
          {
            rule: 'process-needs-output',
            severity: 'error',
            diagram: 'top',
            element: 'p3',
            message: '处理 P3「归档」没有输出数据流（黑洞）',
            url: '/learn/rules/process-needs-output/',
          },
        ],
        errors: 1,
        warnings: 0,
        infos: 0,
      },
      { file: `${F}/clean.dfd.json`, findings: [], errors: 0, warnings: 0, infos: 0 },
    ]);
  });

  it('exit 2 when a file cannot be read, even with errors elsewhere', () => {
    const r = cli('check', `${F}/errors.dfd.json`, `${F}/broken.dfd.json`, `${F}/missing.dfd.json`, '--json');
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.slice(1)).toEqual([
      { file: `${F}/broken.dfd.json`, error: '不是有效的 JSON：内容不完整或有语法错误' },
      { file: `${F}/missing.dfd.json`, error: '文件不存在' },
    ]);
  });

  it('strict preset turns warnings into errors', () => {
    const r = cli('check', `${F}/warnings.dfd.json`, '--preset', 'strict');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('top/e2: 错误 外部实体 E2「财务部」没有连接任何数据流 [entity-connected]');
  });
});

describe('flowbook grade and grade-all (spawned)', () => {
  it('grade --json prints score, matched, missing, extra, per-level results, hints and findings', () => {
    const r = cli('grade', `${F}/class/b-missing-process.dfd.json`, '--reference', REF, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['score', 'matched', 'missing', 'extra', 'diagrams', 'hints', 'findings']);
    expect(out.diagrams).toHaveLength(1);
    expect(out.diagrams[0]).toMatchObject({ asked: true, missing: 3, extra: 0 });
    expect(out.hints.map((h: { message: string }) => h.message)).toContain('这一层还缺少一个处理：它从处理「审核采购单」接收数据，向处理「入库处理」发送数据');
    expect(out.score).toBeGreaterThan(0);
    expect(out.score).toBeLessThan(100);
    expect(out.missing.map((m: { text: { 'zh-CN': string } }) => m.text['zh-CN'])).toEqual([
      '处理「编目处理」',
      '数据流「合格采购单」（审核采购单 → 编目处理）',
      '数据流「入库单」（编目处理 → 入库处理）',
    ]);
    expect(out.extra).toEqual([]);
    expect(out.findings.map((f: { rule: string }) => f.rule)).toContain('process-needs-input');
  });

  it('grade and grade-all --given: the level the exercise asks for is what counts', () => {
    const ex = 'content/dfd/exercises/book-purchasing';
    const r = cli('grade-all', `${F}/levels`, '--reference', `${ex}.dfd.json`, '--given', `${ex}.start.dfd.json`, '--csv');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'file,score,errors,warnings,error',
      `${F}/levels/a-child-only.dfd.json,100,0,3,`,
      `${F}/levels/b-untouched-start.dfd.json,0,0,0,`,
    ]);
    const one = cli('grade', `${F}/levels/a-child-only.dfd.json`, '--reference', `${ex}.dfd.json`, '--given', `${ex}.start.dfd.json`);
    expect(one.stdout).toContain('得分：100 / 100');
    expect(one.stdout).toContain('p3 ↔ p3：100 / 100');
  });

  it('grade-all --csv: one row per student file, an unreadable file is a row with its error', () => {
    const r = cli('grade-all', `${F}/class`, '--reference', REF, '--csv');
    expect(r.code).toBe(2);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows[0]).toBe('file,score,errors,warnings,error');
    expect(rows[1]).toBe(`${F}/class/a-perfect.dfd.json,100,0,0,`);
    expect(rows[2]).toMatch(new RegExp(`^${F}/class/b-missing-process\\.dfd\\.json,\\d\\d,1,0,$`));
    expect(rows[3]).toBe(`${F}/class/c-broken.dfd.json,,,,version: 不支持的格式版本 2：本程序只能读取版本 1`);
    expect(rows).toHaveLength(4);
  });
});

describe('run (in process)', () => {
  it('prints a readable grade report', () => {
    const r = run(['grade', `${F}/class/b-missing-process.dfd.json`, '--reference', REF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^得分：\d+ \/ 100\n匹配（11）：\n {2}✓ 外部实体「书商」\n/);
    expect(r.stdout).toContain('缺少（3）：\n  - 处理「编目处理」\n');
    expect(r.stdout).toContain('多余（0）：\n');
  });
  it('--given leaves out what an exercise handed out: the untouched start scores 0', () => {
    const ref = 'content/dfd/exercises/book-purchasing.dfd.json';
    const start = 'content/dfd/exercises/book-purchasing.start.dfd.json';
    expect(run(['grade', start, '--reference', ref]).stdout).not.toMatch(/^得分：0 \/ 100/);
    expect(run(['grade', start, '--reference', ref, '--given', start]).stdout).toMatch(/^得分：0 \/ 100\n/);
    expect(run(['grade', ref, '--reference', ref, '--given', start]).stdout).toMatch(/^得分：100 \/ 100\n/);
    expect(run(['grade', ref, '--reference', ref, '--given', `${F}/broken.dfd.json`]).code).toBe(2);
  });
  it('grade exits 2 when the reference cannot be read', () => {
    const r = run(['grade', `${F}/clean.dfd.json`, '--reference', `${F}/broken.dfd.json`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.dfd.json: 无法读取：');
  });
  it('English output', () => {
    const r = run(['check', `${F}/warnings.dfd.json`, '--locale', 'en']);
    expect(r.stdout).toBe(
      `${F}/warnings.dfd.json: top/e2: warning external entity E2 "财务部" is not connected to any flow [entity-connected]\n1 file checked: 0 error(s), 1 warning(s), 0 info\n`,
    );
  });
  it('checks every .dfd.json in a folder', () => {
    const r = run(['check', `${F}/class`, '--json']);
    expect(JSON.parse(r.stdout).map((x: { file: string }) => x.file)).toEqual([
      `${F}/class/a-perfect.dfd.json`,
      `${F}/class/b-missing-process.dfd.json`,
      `${F}/class/c-broken.dfd.json`,
    ]);
    expect(r.code).toBe(2);
  });
  it('bad command lines exit 2 with the usage', () => {
    for (const argv of [[], ['lint', 'x'], ['check'], ['check', 'x', '--preset', 'lenient'], ['grade', 'x'], ['check', 'x', '--frobnicate']]) {
      const r = run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain('用法 (usage):');
    }
    expect(run(['--help']).code).toBe(0);
  });
  it('CSV fields are quoted and defused', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=cmd()')).toBe(`"'=cmd()"`);
    expect(csvField(42)).toBe('42');
  });
});

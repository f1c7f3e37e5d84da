/**
 * The command line on real folders (issue 17, point 10): FIFOs, devices, dangling links, link
 * loops and links out of the folder are skipped with a reason (exit 2), never read, never a hang or
 * a stack trace; students' text cannot drive the teacher's terminal or spreadsheet.
 * Made for Linux: the FIFO and links are created in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, run, terminalSafe } from '../../src/cli/run.ts';
import { cliCommand } from './cli-command.ts';

const F = 'tests/fixtures/dfd/cli';
const RT = 'tests/fixtures/redteam/cli';
const REF = 'tests/fixtures/dfd/grade/reference.dfd.json';
let dir: string;
let outside: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flowbook-folder-'));
  outside = mkdtempSync(join(tmpdir(), 'flowbook-outside-'));
  copyFileSync(`${F}/clean.dfd.json`, join(dir, 'a-clean.dfd.json'));
  copyFileSync(`${F}/clean.dfd.json`, join(outside, 'secret.dfd.json'));
  const fifo = spawnSync('mkfifo', [join(dir, 'b-fifo.dfd.json')]);
  if (fifo.status !== 0) throw new Error('mkfifo failed: these tests need Linux');
  symlinkSync('/dev/zero', join(dir, 'c-zero.dfd.json'));
  symlinkSync(join(dir, 'nothing-here.dfd.json'), join(dir, 'd-dangling.dfd.json'));
  symlinkSync('e-loop.dfd.json', join(dir, 'e-loop.dfd.json'));
  symlinkSync(join(outside, 'secret.dfd.json'), join(dir, 'f-outside.dfd.json'));
  symlinkSync('a-clean.dfd.json', join(dir, 'g-inside.dfd.json'));
  symlinkSync('/', join(dir, 'h-root'));
  mkdirSync(join(dir, 'sub'));
  symlinkSync('..', join(dir, 'sub', 'up'));
  copyFileSync(`${F}/warnings.dfd.json`, join(dir, 'sub', 'w.dfd.json'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('check <folder> on a real folder', () => {
  it('reads only regular files inside the folder; lists each skipped one with its reason; exit 2', () => {
    const r = run(['check', dir, '--json', '--locale', 'en']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as Array<{ file: string; error?: string; errors?: number }>;
    const by = Object.fromEntries(out.map((x) => [x.file.slice(dir.length + 1), x.error ?? `ok ${x.errors}`]));
    expect(by).toEqual({
      'a-clean.dfd.json': 'ok 0',
      'b-fifo.dfd.json': 'not a regular file (a FIFO), skipped',
      'c-zero.dfd.json': 'a symbolic link that leads out of the folder, skipped',
      'd-dangling.dfd.json': 'a dangling symbolic link, skipped',
      'e-loop.dfd.json': 'a symbolic link loop, skipped',
      'f-outside.dfd.json': 'a symbolic link that leads out of the folder, skipped',
      'g-inside.dfd.json': 'ok 0',
      'h-root': 'a symbolic link that leads out of the folder, skipped',
      'sub/w.dfd.json': 'ok 0',
    });
  });

  it('text output names every skipped file and counts it', () => {
    const r = run(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${dir}/b-fifo.dfd.json: 无法读取：不是普通文件（命名管道 FIFO），已跳过\n`);
    expect(r.stdout).toContain(`${dir}/e-loop.dfd.json: 无法读取：符号链接循环，已跳过\n`);
    expect(r.stdout).toMatch(/共检查 9 个文件：.*；6 个文件无法读取\n$/);
  });

  it('a FIFO, a device or a loop named on the command line is refused, not read', () => {
    const r = run(['check', join(dir, 'b-fifo.dfd.json'), join(dir, 'c-zero.dfd.json'), join(dir, 'e-loop.dfd.json'), '/dev/null', '--json', '--locale', 'en']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).map((x: { error: string }) => x.error)).toEqual([
      'not a regular file (a FIFO), skipped',
      'not a regular file (a device), skipped',
      'a symbolic link loop, skipped',
      'not a regular file (a device), skipped',
    ]);
  });

  it('grade-all skips the same entries, one CSV row each, and grades the rest', () => {
    const r = run(['grade-all', dir, '--reference', REF, '--csv', '--locale', 'en']);
    expect(r.code).toBe(2);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows[0]).toBe('file,score,errors,warnings,error');
    expect(rows.slice(1).map((row) => row.slice(dir.length + 1))).toEqual([
      'a-clean.dfd.json,100,0,0,',
      'b-fifo.dfd.json,,,,"not a regular file (a FIFO), skipped"',
      'c-zero.dfd.json,,,,"a symbolic link that leads out of the folder, skipped"',
      'd-dangling.dfd.json,,,,"a dangling symbolic link, skipped"',
      'e-loop.dfd.json,,,,"a symbolic link loop, skipped"',
      'f-outside.dfd.json,,,,"a symbolic link that leads out of the folder, skipped"',
      'g-inside.dfd.json,100,0,0,',
    ]);
  });

  it('spawned: ends quickly with exit 2 and no stack trace, whatever the folder holds', () => {
    const [cmd, ...pre] = cliCommand();
    for (const argv of [
      ['check', dir],
      ['grade-all', dir, '--reference', REF, '--csv'],
      ['check', join(dir, 'e-loop.dfd.json')],
      ['grade', join(dir, 'b-fifo.dfd.json'), '--reference', REF],
    ]) {
      const t = spawnSync(cmd!, [...pre, ...argv], { encoding: 'utf8', timeout: 20_000 });
      expect(t.error, argv.join(' ')).toBeUndefined();
      expect(t.status, argv.join(' ')).toBe(2);
      expect(t.stderr + t.stdout).not.toMatch(/\n\s+at .*:\d+:\d+/);
    }
  });
});

describe("students' text cannot drive the terminal or the spreadsheet", () => {
  it('control characters, C1 and bidi controls in labels are printed as visible escapes', () => {
    const r = run(['check', `${RT}/terminal-escapes.dfd.json`]);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(r.stdout).toContain('\\x1B[2J\\x1B[H共检查 1 个文件：0 个错误，0 个警告，0 个提示」');
    expect(r.stdout).toContain('审核\\x9B2J采购单\\u202E单购采');
    // Only the real summary starts a line with 共检查.
    expect(r.stdout.split('\n').filter((l) => l.startsWith('共检查'))).toHaveLength(1);
    const json = run(['check', `${RT}/terminal-escapes.dfd.json`, '--json']).stdout;
    expect(json).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
    expect(JSON.parse(json)[0].findings.length).toBeGreaterThan(0);
  });

  it('grade text and file names are escaped too', () => {
    const r = run(['grade', `${RT}/terminal-escapes.dfd.json`, '--reference', REF]);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(terminalSafe('a\u001b]0;title\u0007b\r\u2028\ud800')).toBe('a\\x1B]0;title\\x07b\\r\\u2028\\uD800');
  });

  it('CSV cells that start with or contain a formula trigger after a separator are quoted and prefixed', () => {
    expect(csvField('x;=1+2;')).toBe(`"x;'=1+2;"`);
    expect(csvField('a, +1')).toBe(`"a, '+1"`);
    expect(csvField('a;@SUM(A1)')).toBe(`"a;'@SUM(A1)"`);
    expect(csvField('=1+2')).toBe(`"'=1+2"`);
    expect(csvField('-3')).toBe(`"'-3"`);
    expect(csvField('\tx')).toBe(`"'\\tx"`);
    expect(csvField('plain 文本')).toBe('plain 文本');
    expect(csvField(-3)).toBe('-3');
  });

  it('grade-all on hostile file names and labels writes no cell a spreadsheet would run', () => {
    const r = run(['grade-all', RT, '--reference', REF, '--csv']);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows[1]).toMatch(new RegExp(`^"${RT}/=2\\+5;'@x\\.dfd\\.json",\\d+,\\d+,\\d+,$`));
    const [cmd, ...pre] = cliCommand();
    const here = spawnSync(resolve(cmd!), [...pre.map((a) => resolve(a)), 'grade-all', '.', '--reference', resolve(REF), '--csv'], { cwd: RT, encoding: 'utf8' });
    expect(here.stdout.split('\n')[1]).toMatch(/^"'=2\+5;'@x\.dfd\.json",\d+,\d+,\d+,$/);
    for (const row of rows.slice(1)) {
      // No cell, split on , or ; and unquoted, starts with a trigger.
      for (const cell of row.split(/[,;]/)) expect(cell.replace(/^"/, '')).not.toMatch(/^\s*[=+\-@]/);
    }
  });
});

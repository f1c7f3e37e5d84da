/** The store-only ZIP writer: read back with an independent reader (tests/e2e/support/read-zip.ts, zlib's CRC-32, and unzip where installed). */
import { describe, expect, it } from 'vitest';
import { crc32 as nodeCrc32 } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, levelFileNames, zipStore } from '../../../src/editor/io/zip.ts';
import { readZip } from '../../e2e/support/read-zip.ts';

describe('zipStore', () => {
  it('computes the CRC-32 zlib does', () => {
    for (const s of ['', 'a', '数据流程图', 'x'.repeat(10_000)]) {
      const b = new TextEncoder().encode(s);
      expect(crc32(b)).toBe(nodeCrc32(b));
    }
  });

  it('writes every file back byte for byte, with UTF-8 names', () => {
    const files = [
      { name: '01-顶层图.svg', data: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>') },
      { name: '02-0 层图.png', data: Uint8Array.from({ length: 3000 }, (_, i) => (i * 37) & 0xff) },
      { name: 'empty.txt', data: new Uint8Array(0) },
    ];
    const entries = readZip(zipStore(files, new Date(2026, 0, 2, 3, 4, 6)));
    expect(entries.map((e) => e.name)).toEqual(files.map((f) => f.name));
    entries.forEach((e, i) => {
      expect([...e.data]).toEqual([...files[i]!.data]);
      expect(e.flags & 0x0800).toBe(0x0800);
    });
  });

  it('opens in unzip, where unzip is installed', () => {
    let has = true;
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    } catch {
      has = false;
    }
    if (!has) return; // the reader above has checked the archive already
    const dir = mkdtempSync(join(tmpdir(), 'fb-zip-'));
    const file = join(dir, 'levels.zip');
    writeFileSync(file, zipStore([{ name: 'a.svg', data: new TextEncoder().encode('<svg/>') }]));
    expect(execFileSync('unzip', ['-p', file, 'a.svg'], { encoding: 'utf8' })).toBe('<svg/>');
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
  });

  it('numbers level files in order and keeps their names safe', () => {
    expect(levelFileNames(['顶层图', '0 层图', 'P1: 审核/登记'], 'svg')).toEqual(['01-顶层图.svg', '02-0-层图.svg', '03-P1-审核-登记.svg']);
    expect(levelFileNames(['', '  '], 'png')).toEqual(['01-level.png', '02-level.png']);
  });
});

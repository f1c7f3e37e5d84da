/**
 * `npm run flowbook` runs the bundled command line (issue 17, point 6): no TypeScript compiler at
 * start-up, and the bundle is rebuilt as soon as a source it was built from changes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// eslint-disable-next-line flowbook/layers -- this test checks the launcher script itself
import { build, bundle, fresh } from '../../scripts/flowbook.mjs';

describe('the command line launcher', () => {
  it('npm run flowbook starts the launcher, not tsx', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.scripts.flowbook).toBe('node scripts/flowbook.mjs');
  });

  it('the bundle holds no TypeScript compiler and runs alone', async () => {
    if (!fresh()) await build();
    const text = readFileSync(bundle, 'utf8');
    expect(text).not.toMatch(/from ?["'](tsx|typescript|esbuild)["']/);
    const r = spawnSync('node_modules/.bin/node', [bundle, 'check', 'tests/fixtures/dfd/cli/clean.dfd.json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('共检查 1 个文件：0 个错误，0 个警告，0 个提示\n');
  });

  it('is stale when a source it was built from is newer, and the next call rebuilds it', async () => {
    if (!fresh()) await build();
    const src = 'src/lib/dfd/codes.ts';
    const before = statSync(src);
    const built = statSync(bundle).mtimeMs;
    try {
      utimesSync(src, before.atime, new Date(built + 1000));
      expect(fresh()).toBe(false);
      const r = spawnSync('node_modules/.bin/node', ['scripts/flowbook.mjs', 'check', 'tests/fixtures/dfd/cli/clean.dfd.json'], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(statSync(bundle).mtimeMs).toBeGreaterThan(built);
    } finally {
      utimesSync(src, before.atime, before.mtime);
    }
    expect(fresh()).toBe(true);
  });
});

/**
 * Last-commit dates of content files, read once from git. Starlight only looks up git dates for
 * files under src/content/docs; Flowbook keeps content in content/, so the docs loader adds the
 * date to each entry itself.
 */
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';

let dates: Map<string, Date> | undefined;

function load(root: string): Map<string, Date> {
  const map = new Map<string, Date>();
  try {
    const out = execFileSync('git', ['log', '--format=@%ct', '--name-only', '--', 'content'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let current: Date | undefined;
    for (const line of out.split('\n')) {
      if (line.startsWith('@')) current = new Date(Number(line.slice(1)) * 1000);
      else if (line.trim() && current && !map.has(line.trim())) map.set(line.trim(), current);
    }
  } catch {
    // not a git checkout: no dates
  }
  return map;
}

/** The date of the newest commit touching `file` (absolute or relative to root), if any. */
export function lastCommitDate(file: string, root = process.cwd()): Date | undefined {
  dates ??= load(root);
  const rel = relative(root, resolve(root, file)).split('\\').join('/');
  return dates.get(rel);
}

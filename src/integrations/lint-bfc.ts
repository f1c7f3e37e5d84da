/**
 * Astro integration: before a build, lint every `content/**\/*.bfc.json` (the exercises' reference
 * charts, the format page's and the rule pages' examples) with the recommended rules, as lint-dfd
 * does for DFDs. An unreadable file or an error finding fails the build, naming the file and the
 * finding; warnings are logged. Files named `wrong*.bfc.json` are the rule pages' deliberately wrong
 * examples and are skipped (tests/bfc-rules/examples.test.ts checks each gives exactly its rule's finding).
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lintBfc, readBfc, type BfcFinding } from '../lib/bfc/index.ts';

export interface BfcFileReport {
  file: string;
  error?: string;
  findings: BfcFinding[];
}

/** True for the deliberately wrong examples of the rule pages. */
export function isWrongBfcExample(file: string): boolean {
  return /(^|[\\/])wrong[^\\/]*\.bfc\.json$/.test(file);
}

/** Every `.bfc.json` under `dir`, sorted, as paths relative to `root`. */
export function findBfcFiles(dir: string, root = process.cwd()): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(full);
      } else if (e.name.endsWith('.bfc.json')) out.push(relative(root, full));
    }
  };
  walk(dir);
  return out;
}

/** Lints the content's `.bfc.json` files, wrong examples left out. */
export function lintBfcContent(root = process.cwd()): BfcFileReport[] {
  return findBfcFiles(join(root, 'content'), root)
    .filter((f) => !isWrongBfcExample(f))
    .map((file) => {
      const r = readBfc(readFileSync(join(root, file), 'utf8'));
      if (!r.ok) return { file, error: r.error.zh, findings: [] };
      return { file, findings: lintBfc(r.doc) };
    });
}

function line(file: string, f: BfcFinding): string {
  return `${file}: ${f.element !== undefined ? `${f.element}: ` : ''}${f.message} [${f.rule}]`;
}

export default function lintBfcIntegration(): AstroIntegration {
  return {
    name: 'flowbook:lint-bfc',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const reports = lintBfcContent();
        const errors: string[] = [];
        let warnings = 0;
        for (const r of reports) {
          if (r.error) errors.push(`${r.file}: 无法读取 (cannot be read): ${r.error}`);
          for (const f of r.findings) {
            if (f.severity === 'error') errors.push(line(r.file, f));
            else if (f.severity === 'warning') {
              warnings++;
              logger.warn(line(r.file, f));
            }
          }
        }
        if (errors.length > 0) {
          const message = `业务流程图检查未通过 (business flow chart lint failed), ${errors.length} 个错误:\n${errors.join('\n')}`;
          if (command === 'build') throw new Error(message);
          logger.error(message);
          return;
        }
        logger.info(`${reports.length} 个 .bfc.json 文件检查通过${warnings ? `（${warnings} 个警告）` : ''}`);
      },
    },
  };
}

/**
 * Astro integration: before a build, lint every `content/**\/*.dfd.json` (reference solutions,
 * exercise files, rule examples) with the recommended preset. An unreadable file or an error
 * finding fails the build, naming the file and the finding; warnings are logged. Files named
 * `wrong*.dfd.json` are the rule pages' deliberately wrong examples and are skipped
 * (tests/rules checks that each produces exactly its rule's finding).
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lint, readDocument, type Finding } from '../lib/dfd/index.ts';

export interface FileReport {
  file: string;
  error?: string;
  findings: Finding[];
}

/** True for the deliberately wrong examples of the rule pages. */
export function isWrongExample(file: string): boolean {
  return /(^|[\\/])wrong[^\\/]*\.dfd\.json$/.test(file);
}

/** Every `.dfd.json` under `dir`, sorted, as paths relative to `root`. */
export function findDfdFiles(dir: string, root = process.cwd()): string[] {
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
      } else if (e.name.endsWith('.dfd.json')) out.push(relative(root, full));
    }
  };
  walk(dir);
  return out;
}

/** Lints the content's `.dfd.json` files, wrong examples left out. */
export function lintContent(root = process.cwd()): FileReport[] {
  return findDfdFiles(join(root, 'content'), root)
    .filter((f) => !isWrongExample(f))
    .map((file) => {
      const r = readDocument(readFileSync(join(root, file), 'utf8'));
      if (!r.ok) return { file, error: r.error.zh, findings: [] };
      return { file, findings: lint(r.doc) };
    });
}

function line(file: string, f: Finding): string {
  const where = f.element !== undefined ? `${f.diagram}/${f.element}` : f.diagram;
  return `${file}: ${where}: ${f.message} [${f.rule}]`;
}

export default function lintDfd(): AstroIntegration {
  return {
    name: 'flowbook:lint-dfd',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const reports = lintContent();
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
          const message = `数据流程图检查未通过 (DFD lint failed), ${errors.length} 个错误:\n${errors.join('\n')}`;
          if (command === 'build') throw new Error(message);
          logger.error(message);
          return;
        }
        logger.info(`${reports.length} 个 .dfd.json 文件检查通过${warnings ? `（${warnings} 个警告）` : ''}`);
      },
    },
  };
}

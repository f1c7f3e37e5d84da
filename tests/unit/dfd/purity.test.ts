/** The core imports no React, no Astro and no DOM (design.md): the editor, build and CLI share it. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const IMPORT = /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
const FORBIDDEN = /^(react|react-dom|@xyflow\/|astro|@astrojs\/|jsdom|mermaid|node:|fs$|path$)/;
const DOM_GLOBALS = /\b(document|window|navigator|localStorage|HTMLElement|DOMParser)\s*[.(]/;

describe('src/lib/dfd is pure', () => {
  const all = files('src/lib/dfd');
  it('has files to check', () => expect(all.length).toBeGreaterThan(20));
  for (const f of all) {
    it(f, () => {
      const src = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(src).not.toMatch(DOM_GLOBALS);
      const specs = [...src.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
      for (const spec of specs) {
        expect(spec, `${f} imports ${spec}`).not.toMatch(FORBIDDEN);
        if (spec.startsWith('.')) {
          // relative imports stay inside the core or the schemas
          const target = relative('src', resolve(dirname(f), spec));
          expect(target, `${f} imports ${spec}`).toMatch(/^(lib\/dfd|schemas)\//);
        } else {
          // packages: only the pure libraries the core uses
          expect(spec, `${f} imports ${spec}`).toMatch(/^(zod|opencc-js|elkjs)(\/|$)/);
        }
      }
    });
  }
});

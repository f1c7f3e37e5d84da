/**
 * The layering rule of eslint.config.js (`flowbook/layers`) fails where the README's map of the code
 * says a folder may not reach: small files linted in memory, as if they stood at the given paths.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'flowbook/layers').map((m) => m.message);
}

describe('flowbook/layers', () => {
  const forbidden: Array<[file: string, code: string, why: string]> = [
    ['src/lib/x.ts', "import { x } from '../editor/core.ts';\nexport const y = x;\n", 'src/lib may not import src/editor (../editor/core.ts)'],
    ['src/lib/mermaid/x.ts', "export { launchOptions } from '../../../scripts/chromium-path.mjs';\n", 'src/lib may not import scripts'],
    ['src/lib/x.ts', "export * from '@components/dfd/load.ts';\n", 'src/lib may not import src/components'],
    ['src/lib/x.ts', "export const load = () => import('../cli/run.ts');\n", 'src/lib may not import src/cli'],
    ['src/lib/content/x.ts', "import type { Loader } from 'astro/loaders';\nexport type L = Loader;\n", 'src/lib may not import astro/loaders'],
    ['src/lib/x.ts', "import { useState } from 'react';\nexport const u = useState;\n", 'src/lib may not import react'],
    ['src/lib/dfd/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'src/lib/dfd may import no package but zod, opencc-js, elkjs'],
    ['src/lib/dfd/x.ts', "export * from '../mermaid/render.ts';\n", 'src/lib/dfd may import only src/lib/dfd, src/schemas'],
    ['src/editor/x.tsx', "import { getCollection } from 'astro:content';\nexport const g = getCollection;\n", 'src/editor may not import astro:content'],
    ['src/editor/x.ts', "import { defineConfig } from 'astro/config';\nexport const d = defineConfig;\n", 'src/editor may not import astro/config'],
    ['src/schemas/x.ts', "import { lint } from '../lib/dfd/index.ts';\nexport const l = lint;\n", 'src/schemas may import only src/schemas'],
    ['src/schemas/x.ts', "import { parse } from 'yaml';\nexport const p = parse;\n", 'src/schemas may import no package but zod'],
    ['tests/unit/x.test.ts', "export * from '../../scripts/bench-dfd.ts';\n", 'tests may not import scripts'],
  ];
  for (const [file, code, why] of forbidden) {
    it(`fails: ${file} → ${why}`, async () => {
      const errors = await layerErrors(file, code);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(why);
    });
  }

  const allowed: Array<[file: string, code: string]> = [
    ['src/lib/mermaid/x.ts', "export { launchOptions } from '../chromium.mjs';\n"],
    ['src/lib/dfd/x.ts', "import { z } from 'zod';\nimport type { DfdDocument } from '../../schemas/dfd.ts';\nexport const s = z.string();\nexport type D = DfdDocument;\n"],
    ['src/lib/dfd/lint/x.ts', "export { lint } from './engine.ts';\nexport * from '../../../schemas/dfd.ts';\n"],
    ['src/editor/x.ts', "export * from '../lib/dfd/index.ts';\nexport { useState } from 'react';\n"],
    ['src/loaders/x.ts', "export { glob } from 'astro/loaders';\nexport * from '../lib/content/procedures-loader.ts';\n"],
    ['src/schemas/x.ts', "export * from './dfd.ts';\nexport { z } from 'zod';\n"],
  ];
  for (const [file, code] of allowed) {
    it(`allows: ${file}: ${code.split('\n')[0]}`, async () => {
      expect(await layerErrors(file, code)).toEqual([]);
    });
  }
});

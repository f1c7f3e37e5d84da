#!/usr/bin/env node
// `npm run flowbook -- …` starts here. Compiling TypeScript on every call (tsx) took about 0.8 s
// before the command did anything; instead the command line (src/cli/flowbook.ts and what it
// imports) is bundled once with esbuild into dist-cli/flowbook.mjs (git-ignored, per checkout) and
// that plain JavaScript file is run. The bundle is rebuilt when any file it was built from (listed
// in its manifest by esbuild) is newer than it, so a fresh clone or an edited source builds it on
// the first call (about 0.3 s) and every later call only stats those files.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = join(root, 'dist-cli');
export const bundle = join(outDir, 'flowbook.mjs');
const manifest = join(outDir, 'inputs.json');

/** True when the bundle exists and no file it was built from changed since. */
export function fresh() {
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(manifest, 'utf8'));
  } catch {
    return false;
  }
  for (const f of [...inputs, 'package-lock.json', 'scripts/flowbook.mjs']) {
    try {
      if (statSync(join(root, f)).mtimeMs > built) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Bundles the command line (esbuild comes with Vite, which Astro installs). */
export async function build() {
  const esbuild = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  const tmp = `${bundle}.${process.pid}.tmp`;
  const r = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/cli/flowbook.ts'],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    metafile: true,
    logLevel: 'error',
    legalComments: 'none',
    minify: true,
    // CommonJS dependencies inside an ES module bundle still need require().
    banner: { js: "import { createRequire as __flowbookRequire } from 'node:module'; const require = __flowbookRequire(import.meta.url);" },
  });
  const inputs = Object.keys(r.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  writeFileSync(`${manifest}.${process.pid}.tmp`, JSON.stringify(inputs));
  renameSync(`${manifest}.${process.pid}.tmp`, manifest);
  renameSync(tmp, bundle); // last: the bundle's mtime is newer than its manifest
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  if (!fresh()) {
    try {
      await build();
    } catch (e) {
      process.stderr.write(`flowbook: 无法编译命令行 (cannot bundle the command line): ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(2);
    }
  }
  if (!existsSync(bundle)) process.exit(2);
  await import(pathToFileURL(bundle).href);
}

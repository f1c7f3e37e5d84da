// npm start: serves the built site on http://127.0.0.1:4321/ (FLOWBOOK_PORT moves it), building it first only
// when dist/ is missing or older than a source file (content/, src/, public/, astro.config.mjs,
// package-lock.json). A second `npm start` with nothing changed serves in a second or two instead of
// building again. `npm start -- --build` always builds. The build logs its progress: pages, and each
// batch of diagrams as "N of M diagrams done" (M is the count of the last build; a fresh clone's first
// build says "N diagrams done"). It serves with scripts/serve-dist.mjs, which answers at once, rather
// than `astro preview`, which loads the whole Astro config first (47 s on the loaded 2-core machine).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const stamp = join(root, 'dist', '.flowbook-built');
const inputs = ['content', 'src', 'public', 'astro.config.mjs', 'package-lock.json'];

/** The newest modification time (ms) among the files that make the site, and that file. */
function newestInput() {
  let newest = { ms: 0, file: '' };
  const visit = (path) => {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const e of readdirSync(path)) if (e !== 'node_modules' && !e.startsWith('.')) visit(join(path, e));
    } else if (st.mtimeMs > newest.ms) newest = { ms: st.mtimeMs, file: path };
  };
  for (const p of inputs) visit(join(root, p));
  return newest;
}

function reasonToBuild() {
  if (process.argv.includes('--build')) return 'asked for with --build';
  if (!existsSync(join(root, 'dist', 'index.html')) || !existsSync(stamp)) return 'no built site in dist/ yet';
  const newest = newestInput();
  if (newest.ms > statSync(stamp).mtimeMs) return `${newest.file.slice(root.length + 1)} changed since the last build`;
  return undefined;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const why = reasonToBuild();
if (why) {
  console.log(`flowbook: building the site (${why}); on 2 cores a first build takes about 1–2 min, a rebuild with the diagram cache about 30 s.`);
  const t0 = performance.now();
  const r = spawnSync(npx, ['astro', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stamp, new Date().toISOString() + '\n');
  console.log(`flowbook: built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
} else {
  console.log(`flowbook: dist/ is up to date (built ${statSync(stamp).mtime.toLocaleString()}), serving it; \`npm start -- --build\` rebuilds.`);
}
const port = process.env.FLOWBOOK_PORT || '4321';
const preview = spawn(process.execPath, [join(root, 'scripts', 'serve-dist.mjs'), port], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => preview.kill(signal));
preview.on('exit', (code) => process.exit(code ?? 0));

// Serves the built site (dist/) for the browser tests and the screenshots script: static files,
// folder → index.html, unknown paths → 404.html with status 404. (Astro 7 allows only one
// `astro preview` per project at a time, which would clash with a developer's own preview.)
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

const port = Number(process.argv[2] ?? process.env.PORT ?? 4399);
const dist = process.env.FLOWBOOK_DIST ?? join(process.cwd(), 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/ has no built site: run `npm run build` first');
  process.exit(1);
}
const notFound = existsSync(join(dist, '404.html')) ? readFileSync(join(dist, '404.html')) : Buffer.from('Not found');
const serve = sirv(dist, { dev: true, etag: true, extensions: ['html'] });
createServer((req, res) =>
  serve(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(notFound);
  }),
).listen(port, '127.0.0.1', () => console.log(`serving dist/ on http://127.0.0.1:${port}/`));

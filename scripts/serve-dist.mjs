// Serves the built site (dist/) for the browser tests and the screenshots script: static files,
// folder → index.html, unknown paths → 404.html with status 404. (Astro 7 allows only one
// `astro preview` per project at a time, which would clash with a developer's own preview.)
// It also sends the site's Content-Security-Policy header from dist/_headers, as a host would; with
// FLOWBOOK_CSP_REPORTS=<file> (set by playwright.config.ts) the header asks the browser to report
// every violation to /__csp-report, and each report is appended to that file as one JSON line, so
// the end-to-end run fails on any violation (tests/e2e/support/csp-teardown.ts).
import { createServer } from 'node:http';
import { appendFileSync, readFileSync, existsSync } from 'node:fs';
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
const headers = existsSync(join(dist, '_headers')) ? readFileSync(join(dist, '_headers'), 'utf8') : '';
let policy = /^\s*Content-Security-Policy:\s*(.+)$/m.exec(headers)?.[1]?.trim();
const reports = process.env.FLOWBOOK_CSP_REPORTS;
if (policy && reports) policy = policy.replace("script-src 'self'", "script-src 'self' 'report-sample'") + '; report-uri /__csp-report';
createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/__csp-report') {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (reports) appendFileSync(reports, Buffer.concat(chunks).toString('utf8').replace(/\n/g, ' ') + '\n');
      res.statusCode = 204;
      res.end();
    });
    return;
  }
  if (policy) res.setHeader('Content-Security-Policy', policy);
  serve(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(notFound);
  });
}).listen(port, '127.0.0.1', () => console.log(`serving dist/ on http://127.0.0.1:${port}/`));

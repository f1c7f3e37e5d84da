/** Helpers for end-to-end tests: the pages of the built site (dist/). */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const DIST = process.env.FLOWBOOK_DIST ?? join(process.cwd(), 'dist');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
}

/** URL paths of every built HTML page, e.g. "/", "/procedures/x/", "/404.html". */
export function builtPages(): string[] {
  if (!existsSync(DIST)) throw new Error('dist/ is missing: run `npm run build` first');
  return walk(DIST)
    .map(
      (f) =>
        '/' +
        relative(DIST, f)
          .split(sep)
          .join('/')
          .replace(/(^|\/)index\.html$/, '$1'),
    )
    .filter((p) => !p.startsWith('/bench/'))
    .sort();
}

export function builtHtml(urlPath: string): string {
  const file = urlPath.endsWith('/') ? join(DIST, urlPath, 'index.html') : join(DIST, urlPath);
  return readFileSync(file, 'utf8');
}

/** Visible text of a built page, roughly: tags removed, entities decoded, whitespace collapsed. */
export function builtText(urlPath: string): string {
  return builtHtml(urlPath)
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

export interface FactsFile {
  page: string;
  facts: string[];
  search?: Array<{ query: string; expect: string }>;
}

export function factsFiles(): Array<{ name: string; data: FactsFile }> {
  const dir = join(process.cwd(), 'tests', 'e2e', 'facts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => ({ name, data: JSON.parse(readFileSync(join(dir, name), 'utf8')) as FactsFile }));
}

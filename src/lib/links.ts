/** Internal link checking over a built site (a folder of HTML files). Pure Node, no DOM. */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface LinkProblem {
  page: string;
  href: string;
  reason: string;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(p)));
    else if (entry.name.endsWith('.html')) out.push(p);
  }
  return out;
}

function decode(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"');
}

/** The page URL path of an HTML file in dist: dist/a/b/index.html → /a/b/. */
export function urlOf(root: string, file: string): string {
  const rel = relative(root, file).split(sep).join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

function targetFile(root: string, pathname: string): string | undefined {
  const clean = decodeURIComponent(pathname);
  const candidates = clean.endsWith('/') ? [join(root, clean, 'index.html')] : [join(root, clean), join(root, clean, 'index.html'), join(root, clean + '.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

function idsOf(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(/\sid="([^"]+)"/g)) ids.add(decode(m[1]!));
  for (const m of html.matchAll(/<a\s[^>]*name="([^"]+)"/g)) ids.add(decode(m[1]!));
  return ids;
}

export async function checkLinks(root: string): Promise<LinkProblem[]> {
  const files = await htmlFiles(root);
  const cache = new Map<string, Set<string>>();
  const idsFor = async (file: string) => {
    let s = cache.get(file);
    if (!s) {
      s = idsOf(await readFile(file, 'utf8'));
      cache.set(file, s);
    }
    return s;
  };
  const problems: LinkProblem[] = [];
  for (const file of files) {
    const html = await readFile(file, 'utf8');
    const page = urlOf(root, file);
    for (const m of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
      const href = decode(m[1]!);
      if (!href || /^(data:|mailto:|tel:|javascript:|blob:)/.test(href)) continue;
      let url: URL;
      try {
        url = new URL(href, `https://flowbook.local${page}`);
      } catch {
        problems.push({ page, href, reason: '无法解析的地址' });
        continue;
      }
      if (url.origin !== 'https://flowbook.local') continue;
      if (/^\/(_astro|pagefind)\//.test(url.pathname)) continue;
      const target = targetFile(root, url.pathname);
      if (!target) {
        problems.push({ page, href, reason: '目标页面不存在' });
        continue;
      }
      const frag = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
      if (frag && target.endsWith('.html') && !(await idsFor(target)).has(frag)) {
        problems.push({ page, href, reason: `页面中没有锚点 #${frag}` });
      }
    }
  }
  return problems;
}

export function formatProblems(problems: LinkProblem[]): string {
  return problems.map((p) => `  ${p.page} → ${p.href}（${p.reason}）`).join('\n');
}

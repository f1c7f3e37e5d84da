/**
 * The Content-Security-Policy of every built page (issue 17, point 5), computed from the built HTML:
 * scripts only from the site itself or inline scripts whose SHA-256 hash is listed (Starlight's theme
 * and sidebar scripts, Astro's island loader: each is hashed as built, so a changed script gets a
 * new hash on the next build and an injected one gets none), no eval, no plugins, no <base> from
 * elsewhere.
 *
 * - `'wasm-unsafe-eval'` lets the search (Pagefind) compile its WebAssembly; it allows no JavaScript
 *   eval (`'unsafe-eval'` is never given).
 * - Styles allow `'unsafe-inline'`: Starlight and Expressive Code write `style` attributes, and
 *   styles cannot run code.
 * - `img-src data: blob:` for the modeller's previews, print view and PNG export; `worker-src
 *   'self' blob:` for workers; `connect-src 'self'` for exercises and the search index.
 * - `frame-ancestors` is ignored (with a console error) in a <meta> policy, so it is only in the
 *   header file `_headers` (the format Netlify and Cloudflare Pages read), which repeats the policy
 *   with every hash of the site.
 */
import { createHash } from 'node:crypto';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EXECUTABLE = /^(?:|module|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript)$/i;

function scriptType(attrs: string): string {
  const m = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
  return (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim();
}

/** `'sha256-…'` sources for each inline script a browser would run, in page order, no repeats. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(SCRIPT)) {
    const attrs = m[1] ?? '';
    if (/\ssrc\s*=/i.test(attrs)) continue;
    if (!EXECUTABLE.test(scriptType(attrs))) continue;
    const h = `'sha256-${createHash('sha256')
      .update(m[2] ?? '', 'utf8')
      .digest('base64')}'`;
    if (!out.includes(h)) out.push(h);
  }
  return out;
}

/** The policy for a page with these inline-script hashes. */
export function cspPolicy(hashes: string[], options: { header?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${hashes.length ? ' ' + hashes.join(' ') : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  if (options.header) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

/**
 * The page with its policy as a <meta http-equiv> tag, placed right after `<meta charset>` (or
 * `<head>`), so before any script. A page that already has one gets it replaced.
 */
export function withCsp(html: string): { html: string; hashes: string[] } {
  const cleaned = html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/gi, '');
  const hashes = inlineScriptHashes(cleaned);
  const tag = `<meta http-equiv="Content-Security-Policy" content="${cspPolicy(hashes)}">`;
  const charset = /<meta\s+charset=[^>]*>/i.exec(cleaned);
  const head = /<head\b[^>]*>/i.exec(cleaned);
  const at = charset && (!head || charset.index > head.index) ? charset.index + charset[0].length : head ? head.index + head[0].length : -1;
  if (at < 0) return { html: cleaned, hashes };
  return { html: cleaned.slice(0, at) + tag + cleaned.slice(at), hashes };
}

/** The `_headers` file: the policy for every path, with every hash the site uses. */
export function headersFile(allHashes: Iterable<string>): string {
  const hashes = [...new Set(allHashes)].sort();
  return [
    "# Written by the build (src/integrations/csp.ts): the same policy as each page's <meta> tag,",
    '# with every inline-script hash of the site, plus frame-ancestors, which a <meta> policy cannot set.',
    '/*',
    `  Content-Security-Policy: ${cspPolicy(hashes, { header: true })}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}

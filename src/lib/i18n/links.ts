/**
 * The English interface (/en/) shows the Chinese content as Starlight's fallback; its links are
 * written for the root locale (`/procedures/…`). `localizeLinks` moves every site-internal page
 * link of a piece of HTML under the locale's prefix, so a reader who chose English stays in it.
 * Left alone: links already under a locale, files (a path whose last part has an extension:
 * `/exercises/x.json`, SVG downloads), build assets (`/_astro/`, `/_diagrams/`, `/pagefind/`),
 * anchors on the same page, and other sites.
 */
const ASSET = /^\/(?:_|pagefind\/)/;
const FILE = /\/[^/?#]+\.[a-z0-9]+(?:[?#]|$)/i;

/** Whether a site-internal href should get the locale prefix. */
export function needsLocale(href: string, prefix: string): boolean {
  if (!href.startsWith('/') || href.startsWith('//')) return false;
  if (href === prefix || href.startsWith(`${prefix}/`)) return false;
  if (ASSET.test(href) || FILE.test(href)) return false;
  return true;
}

/** `href="/x/"` → `href="/en/x/"` on every <a> (and <area>) of the HTML that needs it. */
export function localizeLinks(html: string, prefix: string): string {
  return html.replace(/(<(?:a|area)\b[^>]*?\shref=)(["'])(\/[^"']*)\2/gi, (all, head: string, quote: string, href: string) =>
    needsLocale(href, prefix) ? `${head}${quote}${prefix}${href}${quote}` : all,
  );
}

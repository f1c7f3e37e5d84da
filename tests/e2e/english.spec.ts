/**
 * The English interface (/en/) is honest about its content: its home says the procedures and lessons
 * are in Chinese, and no link in a page's content leaves /en/ (except files and build assets, which
 * have one address for both interfaces).
 */
import { test, expect } from '@playwright/test';
import { builtHtml, builtPages } from './support/site.ts';

/** Site-internal <a href> of a page's <main>. */
function mainLinks(page: string): string[] {
  const main = builtHtml(page).match(/<main[\s\S]*?<\/main>/)?.[0] ?? '';
  return [...main.matchAll(/<a\b[^>]*?\shref="(\/[^"]*)"/g)].map((m) => m[1]!).filter((h) => !h.startsWith('//'));
}
const isAsset = (href: string) => /^\/(?:_|pagefind\/)/.test(href) || /\/[^/?#]+\.[a-z0-9]+(?:[?#]|$)/i.test(href);

test('no in-content link on an /en/ page leaves /en/ (files and assets aside)', () => {
  const english = builtPages().filter((p) => p.startsWith('/en/'));
  expect(english.length).toBeGreaterThan(100);
  let checked = 0;
  const leaving: string[] = [];
  for (const p of english) {
    for (const href of mainLinks(p)) {
      checked++;
      if (!href.startsWith('/en/') && !isAsset(href)) leaving.push(`${p} → ${href}`);
    }
  }
  expect(checked).toBeGreaterThan(500);
  expect(leaving).toEqual([]);
});

test('the Chinese pages keep their own links (none is moved to /en/)', () => {
  const moved = builtPages()
    .filter((p) => !p.startsWith('/en/') && p.endsWith('/'))
    .flatMap((p) =>
      mainLinks(p)
        .filter((h) => h.startsWith('/en/') && !h.startsWith('/en/modeller'))
        .map((h) => `${p} → ${h}`),
    );
  expect(moved).toEqual([]);
});

test('the English home says the content is in Chinese, and its way in stays in English', async ({ page }) => {
  await page.goto('/en/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'What is in English, and what is not' })).toBeVisible();
  await expect(page.locator('main')).toContainText('In Chinese only');
  await page.getByRole('link', { name: 'Procedures (in Chinese)' }).click();
  await expect(page).toHaveURL(/\/en\/procedures\/$/);
  // A procedure, then one of its roles, still in the English interface.
  await page.locator('main a[href^="/en/procedures/"]').first().click();
  await expect(page).toHaveURL(/\/en\/procedures\/[^/]+\/$/);
  await page.locator('main a[href^="/en/roles/"]:not([href="/en/roles/"])').first().click();
  await expect(page).toHaveURL(/\/en\/roles\/[^/]+\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

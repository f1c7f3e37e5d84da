/** axe (WCAG 2.1 AA) on every built page, and no page scrolls sideways at phone width. */
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtPages } from './support/site.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const pages = builtPages().filter((p) => p !== '/404.html');

async function axe(page: import('@playwright/test').Page) {
  // Check the page as a user meets it: after Starlight's scripts have enabled the search button.
  await page.locator('button[data-open-modal]:not([disabled])').first().waitFor({ state: 'attached' });
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}

test.describe('accessibility sweep', () => {
  for (const path of pages) {
    test(`axe, light: ${path}`, async ({ page }) => {
      await page.goto(path);
      expect(await axe(page)).toEqual([]);
    });
  }
});

const sample = (re: RegExp) => pages.find((p) => re.test(p));
const darkSample = [
  '/',
  sample(/^\/procedures\/[^/]+\/$/),
  sample(/^\/learn\/[^/]+\/$/),
  sample(/^\/learn\/exercises\/[^/]+\/$/),
  sample(/^\/learn\/rules\/[^/]+\/$/),
  sample(/^\/roles\/[^/]+\/$/),
  '/forms/',
  '/modeller/',
].filter((p): p is string => Boolean(p) && pages.includes(p!));

test.describe('accessibility in the dark theme', () => {
  for (const path of darkSample) {
    test(`axe, dark: ${path}`, async ({ page }) => {
      await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      expect(await axe(page)).toEqual([]);
    });
  }
});

test.describe('phone width (390 px): the page never scrolls sideways', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const path of pages) {
    test(`no horizontal page scroll: ${path}`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

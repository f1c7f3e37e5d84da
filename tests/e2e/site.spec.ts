/** The site foundation: locales, sections, 404, last-updated dates, islands, search. */
import { test, expect } from '@playwright/test';
import { builtPages } from './support/site.ts';

test('root locale is zh-CN and the English interface lives under /en/', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.goto('/en/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeAttached();
});

test('home sends each kind of user to their part', async ({ page }) => {
  await page.goto('/');
  const main = page.locator('main');
  await expect(main.getByRole('link', { name: '查阅流程制度' })).toHaveAttribute('href', '/procedures/');
  await expect(main.getByRole('link', { name: '学习画流程图' })).toHaveAttribute('href', '/learn/');
  await expect(main.getByRole('link', { name: '打开建模器' })).toHaveAttribute('href', '/modeller/');
  await expect(main.getByText('员工：查流程、查职责')).toBeVisible();
  await expect(main.getByText('学生：学画业务流程图和数据流程图')).toBeVisible();
  await expect(main.getByText('需要把图放进报告或幻灯片')).toBeVisible();
});

test('sidebar has the three sections with English slugs', async ({ page }) => {
  await page.goto('/procedures/');
  const nav = page.getByRole('navigation', { name: '主要' }).or(page.locator('nav.sidebar'));
  for (const name of ['流程制度', '学习', '建模器']) {
    await expect(nav.getByText(name, { exact: true }).first()).toBeAttached();
  }
  for (const p of builtPages()) expect(p).toMatch(/^[\x21-\x7e]*$/);
});

test('unknown addresses get the 404 page', async ({ page }) => {
  const res = await page.goto('/no-such-page/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面');
  await expect(page.getByRole('link', { name: '回到首页' })).toBeVisible();
});

test('doc pages show their last-updated date from git', async ({ page }) => {
  await page.goto('/procedures/');
  const time = page.locator('footer time[datetime]').first();
  await expect(time).toBeAttached();
  const iso = await time.getAttribute('datetime');
  expect(Number.isNaN(Date.parse(iso!))).toBe(false);
});

test('the React island on the modeller page hydrates', async ({ page }) => {
  await page.goto('/modeller/');
  const island = page.locator('astro-island').first();
  await expect(island).toBeAttached();
  await expect(island).not.toHaveAttribute('ssr', /.*/, { timeout: 15_000 });
});

test('search finds pages by two- to four-character Chinese terms', async ({ page }) => {
  await page.goto('/');
  const urls = await page.evaluate(async () => {
    // @ts-expect-error: served by the built site
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const out: Record<string, string[]> = {};
    for (const q of ['流程', '建模器', '数据流程图']) {
      const r = await pagefind.search(q);
      out[q] = await Promise.all(r.results.slice(0, 10).map(async (x: { data: () => Promise<{ url: string }> }) => (await x.data()).url));
    }
    return out;
  });
  expect(urls['流程']!.length).toBeGreaterThan(0);
  expect(urls['建模器']).toContain('/modeller/');
  expect(urls['数据流程图']!.some((u) => u.startsWith('/learn/') || u === '/modeller/')).toBe(true);
});

test('every Chinese content page is reachable from the sidebar', async ({ page }) => {
  await page.goto('/learn/');
  const hrefs = new Set(await page.locator('#starlight__sidebar a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)));
  const docs = builtPages().filter((p) => /^\/(procedures|learn)\//.test(p));
  expect(docs.length).toBeGreaterThan(10);
  expect(docs.filter((p) => !hrefs.has(p))).toEqual([]);
  for (const p of ['/modeller/', '/roles/', '/forms/', '/glossary/']) expect(hrefs.has(p), p).toBe(true);
});

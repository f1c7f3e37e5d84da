/**
 * The 学习 section: exercise pages link to the modeller's exercise mode, the exercise data is
 * served as JSON, reference diagrams and data dictionaries are drawn, and no learn page is wider
 * than a phone screen (wide diagrams scroll inside their figure).
 */
import { test, expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { builtPages } from './support/site.ts';

interface ExerciseFile {
  slug: string;
  title: string;
  reference: string;
  start?: string;
}

const exercises: ExerciseFile[] = readdirSync('content/exercises')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => parse(readFileSync(join('content/exercises', f), 'utf8')) as ExerciseFile);

test('there are exercises', () => {
  expect(exercises.length).toBeGreaterThanOrEqual(6);
});

for (const ex of exercises) {
  test(`exercise ${ex.slug}: page, modeller link, figures and dictionary`, async ({ page }) => {
    await page.goto(`/learn/exercises/${ex.slug}/`);
    await expect(page.locator('h1')).toHaveText(ex.title);
    const link = page.getByRole('link', { name: '在建模器中练习' });
    await expect(link).toHaveAttribute('href', `/modeller/?exercise=${ex.slug}`);

    const reference = JSON.parse(readFileSync(ex.reference, 'utf8')) as {
      diagrams: Array<{ id: string }>;
      dictionary?: Array<{ name: string }>;
    };
    // One business flow chart, and one figure per diagram of the reference (at least).
    const figures = page.locator('figure.fb-diagram');
    expect(await figures.count()).toBeGreaterThanOrEqual(reference.diagrams.length + 1);
    await expect(page.locator('figure.fb-diagram figcaption', { hasText: '顶层图' }).first()).toBeVisible();
    await expect(page.locator('figure.fb-diagram figcaption', { hasText: '0 层图' }).first()).toBeVisible();

    const table = page.locator('.dfd-dictionary table');
    await expect(table).toBeVisible();
    await expect(table.locator('tbody tr')).toHaveCount(reference.dictionary?.length ?? 0);
  });

  test(`exercise ${ex.slug}: the English page links to the English modeller, which opens the exercise`, async ({ page }) => {
    await page.goto(`/en/learn/exercises/${ex.slug}/`);
    const link = page.getByRole('link', { name: 'Practise in the modeller' });
    await expect(link).toHaveAttribute('href', `/en/modeller/?exercise=${ex.slug}`);
    await expect(page.getByRole('link', { name: '在建模器中练习' })).toHaveCount(0);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/en/modeller/\\?exercise=${ex.slug}$`));
    await expect(page.locator('.fb-modeller')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Check answer' })).toBeVisible({ timeout: 20_000 });
  });

  test(`exercise ${ex.slug}: the page links to the business flow chart exercise when it has a reference chart`, async ({ page }) => {
    const hasChart = existsSync(`content/bfc/exercises/${ex.slug}.bfc.json`);
    await page.goto(`/learn/exercises/${ex.slug}/`);
    const link = page.getByRole('link', { name: '在建模器中画业务流程图' });
    await expect(link).toHaveCount(hasChart ? 1 : 0);
    if (!hasChart) return;
    await expect(link).toHaveAttribute('href', `/modeller/?exercise=${ex.slug}&chart=bfc`);
    await link.click();
    await expect(page.getByRole('region', { name: `练习：${ex.title} · 业务流程图` })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: '检查业务流程图' })).toBeVisible();
  });

  test(`exercise ${ex.slug}: /exercises/${ex.slug}.json`, async ({ request }) => {
    const res = await request.get(`/exercises/${ex.slug}.json`);
    expect(res.ok()).toBe(true);
    const data = (await res.json()) as Record<string, unknown> & { reference: { format: string; diagrams: unknown[] } };
    expect(data.slug).toBe(ex.slug);
    expect(data.title).toBe(ex.title);
    expect(typeof data.scenario).toBe('string');
    expect(data.reference.format).toBe('flowbook-dfd');
    expect(data.reference.diagrams.length).toBeGreaterThanOrEqual(2);
    expect('start' in data).toBe(Boolean(ex.start));
  });
}

test('learn pages fit a phone screen; diagrams scroll inside their figures', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const pages = builtPages().filter((p) => p.startsWith('/learn/') && !p.startsWith('/learn/rules/'));
  expect(pages.length).toBeGreaterThanOrEqual(12);
  for (const p of pages) {
    await page.goto(p);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, p).toBeLessThanOrEqual(1);
  }
});

test('reference diagrams follow the dark theme', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  await page.goto('/learn/levelling-and-balancing/');
  const fig = page.locator('figure.fb-diagram').first();
  await expect(fig.locator('.fb-diagram__img--dark')).toBeVisible();
  await expect(fig.locator('.fb-diagram__img--light')).toBeHidden();
});

test('a data dictionary caption spans its table, on the page and on exercise pages, wide and narrow', async ({ page }) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ['/learn/data-dictionary/', '/learn/exercises/book-purchasing/']) {
      await page.goto(path);
      const caption = page.locator('.dfd-dictionary caption').first();
      await expect(caption).toBeVisible();
      const [c, t] = await Promise.all([caption.boundingBox(), page.locator('.dfd-dictionary').first().boundingBox()]);
      // One line (not a column one character wide), about as wide as the table.
      expect(c!.height, `${path} at ${width}px`).toBeLessThan(60);
      expect(c!.width, `${path} at ${width}px`).toBeGreaterThan(t!.width * 0.8);
    }
  }
});

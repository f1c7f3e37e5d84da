/**
 * The exercise pages' business flow charts (BfcFigure): drawn from content/bfc/exercises/*.bfc.json
 * as light and dark SVG files, following the theme, exportable as SVG and PNG, with a text version
 * that lists every unit and line.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

const EXERCISES = ['material-ordering', 'stocktaking', 'book-purchasing', 'book-selling', 'damage-write-off'];

for (const name of EXERCISES) {
  test(`${name}: the business flow chart is drawn from its file, with a text version`, async ({ page }) => {
    const chart = JSON.parse(readFileSync(`content/bfc/exercises/${name}.bfc.json`, 'utf8')) as {
      title: string;
      lanes: Array<{ label: string }>;
      flows: unknown[];
    };
    await page.goto(`/learn/exercises/${name}/`);
    const fig = page.locator('figure[data-kind="bfc"]');
    await expect(fig).toHaveCount(1);
    await expect(fig.locator('figcaption')).toHaveText(chart.title);
    const img = fig.locator('img.fb-diagram__img--light');
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(200);
    const svg = await (await page.request.get((await img.getAttribute('src'))!)).text();
    for (const l of chart.lanes) expect(svg).toContain(l.label);
    // The text version, closed at first, opens and lists every unit and every line.
    const text = fig.locator('details.fb-bfc-text');
    await expect(text.locator('ul')).toBeHidden();
    await text.locator('summary').click();
    for (const l of chart.lanes) await expect(text.locator('ul > li strong', { hasText: l.label })).toBeVisible();
    await expect(text.locator('ol > li')).toHaveCount(chart.flows.length);
  });
}

test('the chart follows the dark theme and exports SVG and PNG', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  await page.goto('/learn/exercises/material-ordering/');
  const fig = page.locator('figure[data-kind="bfc"]');
  await expect(fig.locator('.fb-diagram__img--dark')).toBeVisible();
  await expect(fig.locator('.fb-diagram__img--light')).toBeHidden();
  const [svg] = await Promise.all([page.waitForEvent('download'), fig.getByRole('link', { name: '下载 SVG' }).click()]);
  expect(svg.suggestedFilename()).toBe('物资订货业务流程图.svg');
  const [png] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: '下载 PNG' }).click()]);
  expect(png.suggestedFilename()).toBe('物资订货业务流程图.png');
  const bytes = readFileSync((await png.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  await expect(fig.locator('.fb-diagram__status')).toHaveText('已生成 PNG');
});

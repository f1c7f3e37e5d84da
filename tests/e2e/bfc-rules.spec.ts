/**
 * The business flow chart rule pages in the browser: the wrong and right charts are drawn (bfcSvg
 * files that load, in the shown theme), the findings under them are the linter's, and the figure's
 * export controls work (PNG at 2×) beside the chart's text version.
 */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

const PAGE = '/learn/bfc-rules/branch-pair/';

test('a rule page draws its wrong and right charts with their findings', async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('分支至少有两条写明条件的路线');
  const figs = page.locator('figure.fb-diagram');
  await expect(figs).toHaveCount(2);
  for (const i of [0, 1]) {
    const img = figs.nth(i).locator('img.fb-diagram__img--light');
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    expect(await img.getAttribute('alt')).toContain('业务处理单位：书商（外部）、采购员、编目员、库管员');
  }
  await expect(figs.nth(0).locator('figcaption')).toHaveText('错误示例：只有一条线写了条件');
  await expect(page.locator('.fb-findings').first()).toContainText('错误 业务处理「验收采购单和新书」送出 2 条线，只有一条写了条件「合格」');
  await expect(page.locator('.fb-findings--none')).toHaveText('检查结果：没有发现问题。');
  await expect(page.getByText('业务流程图没有判断框：业务走向不同分支时')).toBeVisible();
});

test('the chart follows the dark theme', async ({ browser, baseURL }) => {
  const page = await browser.newPage({ baseURL, colorScheme: 'dark' });
  await page.goto(PAGE);
  const img = page.locator('figure.fb-diagram .fb-diagram__img--dark').first();
  await img.scrollIntoViewIfNeeded();
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  await page.close();
});

test('a chart exports as a 2× PNG, and its text version lists the lines with their conditions', async ({ page }) => {
  await page.goto(PAGE);
  const fig = page.locator('figure.fb-diagram').nth(1);
  await fig.scrollIntoViewIfNeeded();
  const width = Number(await fig.getAttribute('data-width'));
  const [download] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: '下载 PNG' }).click()]);
  const buf = readFileSync((await download.path())!);
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(buf.readUInt32BE(16)).toBe(Math.ceil(width * 2));
  await fig.getByText('图的文字说明').click();
  await expect(fig.locator('details ol')).toContainText('验收采购单和新书 → 退书单（不合格）');
});

test('the rules index links every rule page', async ({ page }) => {
  await page.goto('/learn/bfc-rules/');
  const links = page.locator('table.fb-rule-table a');
  await expect(links).toHaveCount(14);
  await links.filter({ hasText: 'process-in-lane' }).click();
  await expect(page).toHaveURL(/\/learn\/bfc-rules\/process-in-lane\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('每个业务处理都属于一个业务处理单位');
});

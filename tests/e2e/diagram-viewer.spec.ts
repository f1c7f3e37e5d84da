/**
 * The full-screen diagram viewer (src/scripts/diagram-viewer.ts): every figure opens in it, it pans
 * and zooms by pointer, wheel and keyboard, Esc closes it and gives the focus back, its code loads
 * only on the first open, and the wheel scrolls the page while it is closed.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtHtml, builtPages } from './support/site.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The built page whose tallest figure is the tallest of the site, and that figure's height. */
function tallestFigurePage(): { page: string; height: number } {
  let best = { page: '/procedures/', height: 0 };
  for (const p of builtPages()) {
    if (p.startsWith('/en/')) continue;
    for (const m of builtHtml(p).matchAll(/<figure class="fb-diagram[^"]*"[^>]*data-height="(\d+(?:\.\d+)?)"/g)) {
      const h = Number(m[1]);
      if (h > best.height) best = { page: p, height: h };
    }
  }
  return best;
}

const scale = (page: Page) => page.locator('.fb-viewer__img').evaluate((img) => Number((img as HTMLElement).dataset.scale));
const transform = (page: Page) => page.locator('.fb-viewer__img').evaluate((img) => (img as HTMLElement).style.transform);

test('every figure has a 放大查看 control', () => {
  let figures = 0;
  for (const p of builtPages()) {
    const html = builtHtml(p);
    // A compact figure gets its controls from the script (diagrams.spec.ts checks them in the browser).
    const compact = html.match(/<figure class="fb-diagram[^"]*"[^>]*data-source="/g)?.length ?? 0;
    const n = (html.match(/<figure class="fb-diagram/g)?.length ?? 0) - compact;
    figures += n;
    expect((html.match(/data-action="zoom"/g) ?? []).length, p).toBe(n);
  }
  expect(figures).toBeGreaterThan(20);
});

test('the viewer opens by keyboard, zooms with + − 0, pans with the arrows, and Esc gives the focus back', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/procedures/');
  await page.waitForLoadState('networkidle');
  // Its code is not part of the page until the reader asks for it.
  expect(requests.filter((u) => /diagram-viewer|panzoom/.test(u))).toEqual([]);
  const fig = page.locator('figure.fb-diagram').first();
  const open = fig.getByRole('button', { name: '放大查看' });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: (await fig.locator('figcaption').textContent())!.trim() });
  await expect(dialog).toBeVisible();
  expect(requests.some((u) => /diagram-viewer/.test(u))).toBe(true);
  await expect(page.locator('.fb-viewer__stage')).toBeFocused();

  const fit = await scale(page);
  expect(fit).toBeGreaterThan(0);
  await page.keyboard.press('+');
  await expect.poll(() => scale(page)).toBeGreaterThan(fit);
  await expect(dialog.getByRole('status')).toHaveText(`${Math.round((await scale(page)) * 100)}%`);
  const once = await scale(page);
  await page.keyboard.press('+');
  // Read the zoom only once the second step has landed (the viewer may still be applying it).
  await expect.poll(() => scale(page)).toBeGreaterThan(once);
  const zoomed = await scale(page);
  await page.keyboard.press('-');
  await expect.poll(() => scale(page)).toBeLessThan(zoomed);
  const before = await transform(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => transform(page)).not.toBe(before);
  // The diagram moved left and up: the view went right and down.
  const [, x, y] = (await transform(page)).match(/translate\((-?[\d.]+)px, (-?[\d.]+)px\)/)!.map(Number);
  expect(x).toBeLessThan(0);
  expect(y).toBeLessThan(0);
  await page.keyboard.press('0');
  await expect.poll(() => scale(page)).toBeCloseTo(fit, 3);
  expect(await transform(page)).toMatch(/translate\(0px, 0px\)/);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});

test('the buttons zoom and close, and the picture opens the viewer with a click', async ({ page }) => {
  await page.goto('/procedures/');
  const fig = page.locator('figure.fb-diagram').first();
  await fig.locator('.fb-diagram__img--light').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const fit = await scale(page);
  await dialog.getByRole('button', { name: '放大' }).click();
  await expect.poll(() => scale(page)).toBeGreaterThan(fit);
  await dialog.getByRole('button', { name: '适应窗口' }).click();
  await expect.poll(() => scale(page)).toBeCloseTo(fit, 3);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
});

test('a business flow chart opens in the viewer too, by its button and by a click on the picture', async ({ page }) => {
  await page.goto('/learn/exercises/material-ordering/');
  const fig = page.locator('figure.fb-diagram[data-kind="bfc"]').first();
  const caption = (await fig.locator('figcaption').textContent())!.trim();
  const open = fig.getByRole('button', { name: '放大查看' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: caption });
  await expect(dialog).toBeVisible();
  // The chart the figure shows, at a size that fits the window, and it zooms.
  const src = await fig.locator('.fb-diagram__img--light').getAttribute('src');
  await expect(page.locator('.fb-viewer__img')).toHaveAttribute('src', new URL(src!, page.url()).href);
  await expect.poll(() => page.locator('.fb-viewer__img').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(200);
  const fit = await scale(page);
  expect(fit).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: '放大' }).click();
  await expect.poll(() => scale(page)).toBeGreaterThan(fit);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  await fig.locator('.fb-diagram__img--light').click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
});

test('the wheel scrolls the page over a tall diagram, and zooms only inside the open viewer', async ({ page }) => {
  const { page: url, height } = tallestFigurePage();
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(height).toBeGreaterThan(800);
  await page.goto(url);
  const tallest = page.locator(`figure.fb-diagram[data-height="${height}"]`).first();
  await tallest.locator('.fb-diagram__img--light').scrollIntoViewIfNeeded();
  const box = (await tallest.locator('.fb-diagram__scroll').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, Math.max(box.y, 0) + 200);
  const y0 = await page.evaluate(() => window.scrollY);
  await page.mouse.wheel(0, 400);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(y0 + 300);
  const inner = await tallest.locator('.fb-diagram__scroll').evaluate((el) => el.scrollTop);
  expect(inner).toBe(0);

  await tallest.getByRole('button', { name: '放大查看' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  const y1 = await page.evaluate(() => window.scrollY);
  const fit = await scale(page);
  await page.mouse.move(640, 500);
  await page.mouse.wheel(0, -300);
  await expect.poll(() => scale(page)).toBeGreaterThan(fit);
  expect(await page.evaluate(() => window.scrollY)).toBe(y1);
});

test('the open viewer passes axe, light and dark, and fits a phone', async ({ page }) => {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/procedures/');
    await page.locator('figure.fb-diagram').first().getByRole('button', { name: '放大查看' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(
      results.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })),
      theme,
    ).toEqual([]);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/procedures/');
  await page.locator('figure.fb-diagram').first().getByRole('button', { name: '放大查看' }).click();
  const bar = await page.locator('.fb-viewer__bar').boundingBox();
  expect(bar!.width).toBeLessThanOrEqual(390);
  for (const name of ['缩小', '放大', '适应窗口', '关闭']) {
    const b = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
    expect(b.x + b.width, name).toBeLessThanOrEqual(390);
    expect(b.height, name).toBeGreaterThanOrEqual(24);
  }
});

test('in English the viewer speaks English', async ({ page }) => {
  await page.goto('/en/procedures/');
  await page.locator('figure.fb-diagram').first().getByRole('button', { name: 'View full screen' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Zoom in' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible();
  // The business flow charts of the English pages too (the page that lacked the control).
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.goto('/en/learn/bfc-format/');
  await page.locator('figure.fb-diagram[data-kind="bfc"]').first().getByRole('button', { name: 'View full screen' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Zoom in' })).toBeVisible();
});

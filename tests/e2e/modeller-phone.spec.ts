/** The modeller on a phone (390×844, touch): page and canvas scroll apart, the findings drawer, handles beside symbols, the hint. */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { importFile, nodes, openModeller } from '../fixtures/editor/support.ts';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** A one-finger vertical swipe through the browser's own touch input (as a real finger, so the page may scroll). */
async function swipe(page: Page, x: number, fromY: number, toY: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: fromY }] });
  const steps = 10;
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: fromY + ((toY - fromY) * i) / steps }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const viewportTransform = (page: Page) => page.locator('.react-flow__viewport').getAttribute('style');
const overlap = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('a swipe on the page scrolls the page; a swipe on the canvas pans the diagram, not the page', async ({ page }) => {
  await openModeller(page);
  await importFile(page, 'good.dfd.json');
  await expect(nodes(page)).toHaveCount(4);
  await page.evaluate(() => window.scrollTo(0, 0));
  const toolbar = (await page.locator('.fb-toolbar').boundingBox())!;
  await swipe(page, 200, toolbar.y + toolbar.height - 10, toolbar.y - 200 > 0 ? toolbar.y - 200 : 20);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(50);

  // Let the page's fling come to rest before the canvas is tried.
  const settled = async () => {
    let last = -1;
    await expect
      .poll(async () => {
        const y = await page.evaluate(() => new Promise<number>((r) => setTimeout(() => r(window.scrollY), 250)));
        const same = y === last;
        last = y;
        return same;
      })
      .toBe(true);
  };
  await settled();
  await page.evaluate(() => document.querySelector('.fb-canvas-box')!.scrollIntoView({ block: 'start' }));
  await settled();
  const y0 = await page.evaluate(() => window.scrollY);
  const box = (await page.locator('.fb-canvas-box').boundingBox())!;
  const before = await viewportTransform(page);
  // A spot of empty canvas: bottom right (the diagram sits in the middle, the zoom buttons bottom left).
  await swipe(page, box.x + box.width - 40, box.y + box.height - 40, box.y + box.height - 240);
  await expect.poll(() => viewportTransform(page)).not.toBe(before);
  expect(await page.evaluate(() => window.scrollY)).toBe(y0);
});

test('the findings drawer opens in one tap from the canvas, and a finding tapped shows its element', async ({ page }) => {
  await openModeller(page);
  await importFile(page, 'good.dfd.json');
  await expect(nodes(page)).toHaveCount(4);
  const fab = page.locator('.fb-canvas-box').getByRole('button', { name: /^校验结果（\d+）$/ });
  await expect(fab).toBeVisible();
  await fab.tap();
  const drawer = page.getByRole('dialog', { name: '校验结果' });
  await expect(drawer).toBeInViewport();
  const items = drawer.locator('.fb-finding');
  await expect(items).not.toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).include('dialog[open]').analyze();
  expect(results.violations).toEqual([]);
  await items.first().locator('.fb-finding__show').tap();
  await expect(drawer).toHaveCount(0);
  await expect(page.locator('.react-flow__node.selected, .react-flow__edge.selected')).toHaveCount(1);
  await expect(page.locator('.fb-canvas-box')).toBeInViewport();
});

test('connection handles appear beside the tapped symbol only, never over its code or name', async ({ page }) => {
  await openModeller(page);
  await importFile(page, 'good.dfd.json');
  await expect(nodes(page)).toHaveCount(4);
  await expect(page.locator('.fb-handle:visible')).toHaveCount(0);
  const target = nodes(page).nth(1);
  await target.tap();
  await expect(target).toHaveClass(/selected/);
  const handles = target.locator('.fb-handle');
  await expect(handles).toHaveCount(4);
  await expect(page.locator('.fb-handle:visible')).toHaveCount(4);
  const texts = [(await target.locator('.fb-node__code').boundingBox())!, (await target.locator('.fb-node__label').boundingBox())!];
  for (const h of await handles.all()) {
    const hb = (await h.boundingBox())!;
    for (const tb of texts) expect(overlap(hb, tb)).toBe(false);
  }
});

test('the empty canvas points to the palette where it is: above on a phone, on the left on a wide screen', async ({ page }) => {
  await openModeller(page);
  const hint = page.locator('.fb-empty-hint');
  await expect.poll(() => hint.innerText()).toMatch(/^点击上方的外部实体/);
  await expect(hint.locator('.fb-empty-hint--wide')).toBeHidden();
  await page.setViewportSize({ width: 1366, height: 800 });
  await expect(hint.locator('.fb-empty-hint--wide')).toBeVisible();
  await expect(hint.locator('.fb-empty-hint--narrow')).toBeHidden();
  expect(await hint.innerText()).toMatch(/^点击左侧的外部实体/);
});

test('the English modeller on a phone: drawer and hint in English, axe clean', async ({ page }) => {
  await openModeller(page, '/en/modeller/');
  await expect.poll(() => page.locator('.fb-empty-hint').innerText()).toMatch(/^Tap External entity, Process or Data store above/);
  await page
    .locator('.fb-canvas-box')
    .getByRole('button', { name: /^Validation results \(\d+\)$/ })
    .tap();
  await expect(page.getByRole('dialog', { name: 'Validation results' })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations).toEqual([]);
});

for (const [path, states] of [
  ['/en/modeller/', ['Saved', 'Saving…', 'Not saved']],
  ['/modeller/', ['已保存', '正在保存…', '未保存']],
] as const) {
  test(`${path}: the toolbar's end row (counts, name, save state) fits the phone whatever the save state says`, async ({ page }) => {
    await openModeller(page, path);
    // Every state the save state shows, in turn (the page scrolled sideways while "Saving…" showed).
    for (const state of states) {
      const r = await page.evaluate((text) => {
        const save = document.querySelector<HTMLElement>('.fb-savestate')!;
        const old = save.textContent;
        save.textContent = text;
        const end = document.querySelector('.fb-toolbar__end')!;
        const out = {
          page: document.documentElement.scrollWidth - window.innerWidth,
          row: end.scrollWidth - end.clientWidth,
          save: save.scrollWidth - save.clientWidth,
          right: Math.max(...[...end.children].map((c) => c.getBoundingClientRect().right)),
        };
        save.textContent = old;
        return out;
      }, state);
      expect(r, state).toEqual({ page: 0, row: 0, save: 0, right: expect.any(Number) });
      expect(r.right, state).toBeLessThanOrEqual(390);
    }
    // The counts show as symbol and number; their words stay for screen readers.
    await expect(page.locator('.fb-counts')).toHaveAccessibleName(path === '/modeller/' ? /0 个错误/ : /0 errors/);
  });
}

test('a finger draws a flow: tap a symbol, drag from a dot beside it onto another symbol', async ({ page }) => {
  await openModeller(page);
  await importFile(page, 'good.dfd.json');
  await expect(nodes(page)).toHaveCount(4);
  const edgesBefore = await page.locator('.react-flow__edge').count();
  const from = nodes(page).nth(0);
  const to = nodes(page).nth(3);
  await page.evaluate(() => document.querySelector('.fb-canvas-box')!.scrollIntoView({ block: 'start' }));
  await from.tap();
  const h = (await from.locator('.fb-handle.react-flow__handle-bottom').boundingBox())!;
  const t = (await to.boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: h.x + h.width / 2, y: h.y + h.height / 2 }] });
  for (let i = 1; i <= 12; i++) {
    const x = h.x + h.width / 2 + ((t.x + t.width / 2 - (h.x + h.width / 2)) * i) / 12;
    const y = h.y + h.height / 2 + ((t.y + t.height / 2 - (h.y + h.height / 2)) * i) / 12;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore + 1);
  await expect(page.getByRole('textbox', { name: '编辑名称' })).toBeVisible();
});

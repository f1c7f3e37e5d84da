/** The modeller's workspace: the minimap, the findings button, the skip link, English punctuation. */
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { addSymbol, connect, findings, node, openModeller } from '../fixtures/editor/support.ts';

test('the minimap is off by default and toggles from the canvas controls', async ({ page }) => {
  await openModeller(page);
  await addSymbol(page, '外部实体', '书商');
  await expect(page.locator('.fb-minimap')).toHaveCount(0);
  const toggle = page.getByRole('button', { name: '缩略图' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('.fb-minimap')).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(page.locator('.fb-minimap')).toHaveCount(0);
});

test('the findings count button takes focus to the findings; a skip link jumps past them', async ({ page }) => {
  await openModeller(page);
  await addSymbol(page, '处理', '审核');
  await page.locator('.fb-counts').click();
  await expect(findings(page).getByRole('heading', { name: '校验结果' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  const skip = page.getByRole('link', { name: '跳过校验结果，转到属性' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: '属性' })).toBeFocused();
});

test('the English modeller writes English punctuation', async ({ page }) => {
  await openModeller(page, '/en/modeller/');
  await page.getByRole('group', { name: 'Symbols' }).getByRole('button', { name: 'Process', exact: true }).click();
  await page.keyboard.press('Escape');
  const panel = page.getByRole('region', { name: 'Validation results' });
  await expect(panel).toContainText(/Errors \(\d+\)/);
  await expect(panel).not.toContainText(/[（）：]/);
});

const box = async (l: import('@playwright/test').Locator) => (await l.boundingBox())!;
const zoom = async (page: import('@playwright/test').Page) =>
  Number(/scale\(([\d.]+)\)/.exec((await page.locator('.react-flow__viewport').getAttribute('style')) ?? '')?.[1] ?? NaN);

for (const [width, height] of [
  [1366, 800],
  [1280, 720],
] as const) {
  test(`at ${width}×${height} the canvas and both side panes fit the window`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openModeller(page);
    // Enough symbols without flows for a long list of findings.
    for (let i = 0; i < 6; i++) {
      await page.getByRole('group', { name: '符号' }).getByRole('button', { name: '处理', exact: true }).click();
      await page.keyboard.press('Escape');
    }
    await expect(findings(page).locator('.fb-finding')).not.toHaveCount(0);
    const canvas = await box(page.locator('.fb-canvas-box'));
    expect(canvas.y).toBeLessThan(200);
    expect(canvas.y + canvas.height).toBeLessThanOrEqual(height);
    expect(canvas.height).toBeGreaterThan(height - 220);
    // The findings scroll in their own pane: the tabs stay in view below them.
    const tabs = await box(page.getByRole('tab', { name: '数据字典' }));
    expect(tabs.y + tabs.height).toBeLessThanOrEqual(height);
    const side = await box(page.locator('.fb-side'));
    expect(side.y + side.height).toBeLessThanOrEqual(height);
    await page.getByRole('tab', { name: '数据字典' }).click();
    await expect(page.getByRole('tabpanel', { name: '数据字典' })).toBeInViewport();
  });
}

test('the side panels hide for a wider canvas, and the findings button brings them back', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await openModeller(page, '/modeller/?exercise=stocktaking');
  await expect(page.locator('.fb-exercise')).toBeVisible();
  const narrow = await box(page.locator('.fb-canvas-box'));
  const hide = page.getByRole('button', { name: '隐藏面板' });
  await hide.click();
  await expect(hide).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.fb-side')).toBeHidden();
  await expect(page.locator('.fb-exercise')).toBeHidden();
  expect((await box(page.locator('.fb-canvas-box'))).width).toBeGreaterThan(narrow.width + 500);
  await page.locator('.fb-counts').click();
  await expect(findings(page).getByRole('heading', { name: '校验结果' })).toBeFocused();
  await expect(hide).toHaveAttribute('aria-pressed', 'false');
  // The scenario folds away too.
  await page.locator('.fb-exercise__scenario summary').click();
  await expect(page.locator('.fb-exercise__scenario p').first()).toBeHidden();
});

test('full screen: the workspace covers the window, and the same button leaves it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openModeller(page);
  const full = page.getByRole('button', { name: '全屏' });
  await full.click();
  await expect(full).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.fb-modeller')).toHaveClass(/is-fullscreen/);
  await expect.poll(async () => box(page.locator('.fb-modeller'))).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  const canvas = await box(page.locator('.fb-canvas-box'));
  expect(canvas.height).toBeGreaterThan(560);
  await full.click();
  await expect(full).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.fb-modeller')).not.toHaveClass(/is-fullscreen/);
  expect((await box(page.locator('.fb-modeller'))).y).toBeGreaterThan(40);
});

test('full screen without the Fullscreen API (refused): the class alone fills the window, Escape leaves it', async ({ page }) => {
  await page.addInitScript(() => {
    Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('refused by test'));
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await openModeller(page);
  const full = page.getByRole('button', { name: '全屏' });
  await full.click();
  await expect.poll(async () => box(page.locator('.fb-modeller'))).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Escape');
  await expect(full).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.fb-modeller')).not.toHaveClass(/is-fullscreen/);
});

test('focus is selection: Tab onto P1 with D1 selected, then arrows move and Delete deletes only P1', async ({ page }) => {
  await openModeller(page);
  await addSymbol(page, '数据存储', '库存');
  await addSymbol(page, '处理', '审核');
  const d1 = node(page, '库存');
  const p1 = node(page, '审核');
  await d1.click();
  await expect(d1).toHaveClass(/selected/);
  await page.keyboard.press('Tab');
  await expect(p1).toBeFocused();
  await expect(p1).toHaveClass(/selected/);
  await expect(d1).not.toHaveClass(/selected/);
  // Positions on the canvas (the view may pan to the focused symbol).
  const at = (l: import('@playwright/test').Locator) => l.evaluate((e) => (e as HTMLElement).style.transform);
  const d1Before = await at(d1);
  const p1Before = await at(p1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => at(p1)).not.toBe(p1Before);
  expect(await at(d1)).toBe(d1Before);
  await page.keyboard.press('Delete');
  await expect(p1).toHaveCount(0);
  await expect(d1).toBeVisible();
});

test('+, -, 0 and Shift+1 zoom the canvas; the shortcuts panel lists them', async ({ page }) => {
  await openModeller(page);
  await addSymbol(page, '外部实体', '书商');
  await node(page, '书商').click();
  const z0 = await zoom(page);
  await page.keyboard.press('+');
  await expect.poll(() => zoom(page)).toBeCloseTo(z0 * 1.2, 2);
  await page.keyboard.press('-');
  await expect.poll(() => zoom(page)).toBeCloseTo(z0, 2);
  await page.keyboard.press('-');
  await expect.poll(() => zoom(page)).toBeCloseTo(z0 / 1.2, 2);
  await page.keyboard.press('0');
  await expect.poll(() => zoom(page)).toBe(1);
  await page.keyboard.press('Shift+Digit1');
  await expect.poll(() => zoom(page)).toBe(1.2); // fit, at most 120 % for one small symbol
  await page.keyboard.press('?');
  const table = page.getByRole('dialog', { name: '键盘快捷键' }).locator('table');
  await expect(table.getByRole('row', { name: /放大/ }).locator('kbd')).toHaveText(['+', '=']);
  await expect(table.getByRole('row', { name: /缩放到整张图/ }).locator('kbd')).toHaveText(['Shift+1']);
});

test('a flow is reconnected by dragging its end onto another symbol: one undo step, checked again', async ({ page }) => {
  await openModeller(page);
  await addSymbol(page, '外部实体', '书商');
  await addSymbol(page, '处理', '审核');
  await addSymbol(page, '数据存储', '库存');
  await connect(page, node(page, '书商'), node(page, '审核'), '采购单');
  const flow = page.locator('.react-flow__edge').first();
  // Where the flow is drawn: its path moves with its ends.
  const ends = async () => page.evaluate(() => [...document.querySelectorAll('.react-flow__edge-path')].map((e) => e.getAttribute('d') ?? ''));
  const before = await ends();
  const findingsBefore = await findings(page).locator('.fb-finding').allTextContents();
  await flow.click({ force: true });
  const anchor = flow.locator('.react-flow__edgeupdater-target');
  const a = await box(anchor);
  const target = await box(node(page, '库存'));
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect.poll(ends).not.toEqual(before);
  await expect.poll(() => findings(page).locator('.fb-finding').allTextContents()).not.toEqual(findingsBefore);
  await page.keyboard.press('Control+z');
  await expect.poll(ends).toEqual(before);
  await expect.poll(() => findings(page).locator('.fb-finding').allTextContents()).toEqual(findingsBefore);
});

const axeClean = async (page: import('@playwright/test').Page, state: string) => {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(
    r.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })),
    state,
  ).toEqual([]);
};

for (const [path, names] of [
  ['/modeller/', { hide: '隐藏面板', full: '全屏', file: '文件', open: '打开', newDoc: '新建数据流程图', shortcuts: '快捷键' }],
  ['/en/modeller/', { hide: 'Hide panels', full: 'Full screen', file: 'File', open: 'Open', newDoc: 'New data flow diagram', shortcuts: 'Shortcuts' }],
] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds nothing on ${path} (${theme}) in the workspace's states: panels hidden, full screen, documents, new, shortcuts`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await openModeller(page, path);
      await page.locator('input[type=file]').setInputFiles('tests/fixtures/editor/good.dfd.json');
      await expect(page.locator('.react-flow__node')).toHaveCount(4);
      await axeClean(page, 'default');
      await page.getByRole('button', { name: names.hide }).click();
      await axeClean(page, 'panels hidden');
      await page.getByRole('button', { name: names.hide }).click();
      await page.getByRole('button', { name: names.full }).click();
      await axeClean(page, 'full screen');
      await page.getByRole('button', { name: names.full }).click();
      for (const item of [names.open, names.newDoc]) {
        await page.locator('summary', { hasText: names.file }).click();
        await page.locator('.fb-menu__items').getByRole('button', { name: item, exact: true }).click();
        await expect(page.locator('dialog[open]')).toBeVisible();
        await axeClean(page, item);
        await page.keyboard.press('Escape');
        await expect(page.locator('dialog[open]')).toHaveCount(0);
      }
      await page.getByRole('button', { name: names.shortcuts }).click();
      await axeClean(page, 'shortcuts');
    });
  }
}

test('the English modeller says everything new in English', async ({ page }) => {
  await openModeller(page, '/en/modeller/');
  const han = /\p{Script=Han}/u;
  await expect(page.getByRole('button', { name: 'Hide panels' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Full screen' })).toBeVisible();
  await page.locator('summary', { hasText: 'Export' }).click();
  await expect(page.locator('.fb-menu__items').getByRole('button', { name: 'SVG of every level (ZIP)' })).toBeVisible();
  await expect(page.locator('.fb-menu__items').getByRole('button', { name: 'PNG of every level (ZIP)' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.locator('summary', { hasText: 'File' }).click();
  await page.locator('.fb-menu__items').getByRole('button', { name: 'New data flow diagram', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New data flow diagram' });
  await expect(dialog.getByRole('textbox', { name: 'Name of the diagram' })).toHaveValue('Untitled data flow diagram');
  await page.keyboard.type('Stocktaking');
  await page.keyboard.press('Enter');
  await expect(page.locator('.fb-docname')).toHaveText('Stocktaking');
  await page.locator('summary', { hasText: 'File' }).click();
  await page.locator('.fb-menu__items').getByRole('button', { name: 'Open', exact: true }).click();
  const list = page.getByRole('dialog', { name: 'My diagrams' });
  await expect(list.locator('.fb-files__date').first()).toHaveText(/^Changed [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M · \d+ bytes · 1 level$/);
  await expect(list.getByRole('button', { name: 'Rename “Stocktaking”' })).toBeVisible();
  await expect(list.getByRole('button', { name: 'Duplicate “Stocktaking”' })).toBeVisible();
  await list.getByRole('button', { name: 'Delete “Stocktaking”' }).click();
  await expect(list.getByRole('group', { name: 'Delete “Stocktaking”' })).toContainText('Delete “Stocktaking”? This cannot be undone.');
  expect(await list.innerText()).not.toMatch(han);
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  const keys = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(keys.getByRole('row', { name: /Zoom to fit/ })).toBeVisible();
  expect(await keys.innerText()).not.toMatch(han);
});

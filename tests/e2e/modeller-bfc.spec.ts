/**
 * Business flow charts in the modeller: the 物资订货 chart drawn through the interface (lanes,
 * symbols, flows with labels and conditions), a rule finding that appears and clears, the check
 * against the exercise's reference chart with hints that select, SVG and PNG export, the DFD draft,
 * axe in these states, and a phone-width run.
 */
import { test, expect, type Download, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { findings, menu, openModeller, waitSaved } from '../fixtures/editor/support.ts';

test.use({ screenshot: 'only-on-failure' });
const FIT = '适合视图';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axeClean(page: Page, what: string) {
  const r = await new AxeBuilder({ page }).withTags(WCAG).include('.fb-modeller').analyze();
  expect(
    r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    what,
  ).toEqual([]);
}

async function read(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function exportAs(page: Page, item: string): Promise<{ name: string; body: Buffer }> {
  const wait = page.waitForEvent('download');
  await menu(page, '导出', item);
  const d = await wait;
  return { name: d.suggestedFilename(), body: await read(d) };
}

const inspector = (page: Page) => page.locator('#fb-tabpanel-inspector');
const symbol = (page: Page, label: string) => page.locator('.react-flow__node-bfc', { hasText: label });
const lanes = (page: Page) => page.locator('.react-flow__node-lane');
const rule = (page: Page, id: string) => findings(page).locator(`[data-rule="${id}"]`);

/** The canvas at the top of the window (the inspector's fields scroll the page) and the whole chart in view. */
async function fit(page: Page) {
  await page.locator('.fb-canvas-box').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.getByRole('button', { name: FIT }).click();
  await page.waitForTimeout(300);
}

/** 添加泳道, typing the unit's name into the header field that opens. */
async function addLane(page: Page, name: string) {
  const before = await lanes(page).count();
  await page.getByRole('group', { name: '业务流程图符号' }).getByRole('button', { name: '添加泳道' }).click();
  const input = page.getByRole('textbox', { name: '单位名称', exact: true });
  await expect(input).toBeFocused();
  await input.fill(name);
  await input.press('Enter');
  await expect(lanes(page)).toHaveCount(before + 1);
  await expect(lanes(page).last()).toContainText(name);
}

/** A symbol from the palette, named in place, then put in its unit with the inspector. */
async function addChartSymbol(page: Page, kind: '业务处理' | '表格制作' | '数据存储' | '收集资料', label: string, lane: string) {
  await page.getByRole('group', { name: '业务流程图符号' }).getByRole('button', { name: kind, exact: true }).click();
  const input = page.getByRole('textbox', { name: '编辑名称', exact: true });
  await expect(input).toBeFocused();
  await input.fill(label);
  await input.press('Enter');
  await expect(symbol(page, label)).toBeVisible();
  await inspector(page).getByLabel('所在单位').selectOption({ label: lane });
  await expect(symbol(page, label)).toHaveAttribute('aria-label', new RegExp(`${label}（${lane}）`));
}

/** A flow from the selected symbol (its inspector), with what is passed and a branch condition. */
async function addChartFlow(page: Page, from: string, to: string, label = '', condition = '') {
  // A click event on the symbol selects it wherever the view has scrolled to.
  await symbol(page, from).dispatchEvent('click');
  await expect(inspector(page).locator('.fb-inspector__kind')).not.toHaveText('信息传递');
  const box = inspector(page).locator('fieldset', { hasText: '添加信息传递' });
  await box.getByLabel('选择元素').selectOption({ label: to });
  await box.getByRole('button', { name: '添加信息传递' }).click();
  // The new flow is selected: what it passes and its condition are set in its properties.
  await expect(inspector(page).locator('.fb-inspector__kind')).toHaveText('信息传递');
  for (const [field, value] of [
    ['传递的内容', label],
    ['条件', condition],
  ] as const) {
    if (!value) continue;
    const f = inspector(page).getByLabel(field, { exact: true });
    await f.fill(value);
    await f.press('Enter');
    await expect(f).toHaveValue(value);
  }
}

test.describe('business flow charts', () => {
  test.use({ actionTimeout: 15_000 });
  test('draw 物资订货 through the interface, see a finding come and go, check it, export it, derive the DFD draft', async ({ page }) => {
    test.setTimeout(180_000);
    await openModeller(page, '/modeller/?exercise=material-ordering&chart=bfc');
    await expect(page.getByRole('heading', { name: /物资订货.*业务流程图/ })).toBeVisible();
    await expect(page.locator('.fb-empty-hint')).toContainText('添加泳道');

    for (const unit of ['采购部', '供应商', '检验人员', '库房管理员', '主管']) await addLane(page, unit);
    // 供应商 is outside the organisation: a property of the lane, in the chart's properties.
    await inspector(page)
      .locator('[data-lane]')
      .nth(1)
      .getByRole('checkbox', { name: /组织之外的单位.*：供应商/ })
      .check();
    await expect(lanes(page).nth(1)).toContainText('（外部）');
    // Lane order is a command too (and undoable).
    await inspector(page).locator('[data-lane]').nth(1).getByRole('button', { name: /左移/ }).click();
    await expect(lanes(page).first()).toContainText('供应商');
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(lanes(page).first()).toContainText('采购部');

    await addChartSymbol(page, '收集资料', '用户需求', '采购部');
    // A symbol connected to nothing is a finding, on that symbol.
    await expect(rule(page, 'node-connected')).toHaveCount(1);
    await addChartSymbol(page, '业务处理', '查询库存，编制订货单', '采购部');
    // The first flow is drawn on the canvas, from a connection point of one symbol to another.
    await fit(page);
    const from = symbol(page, '用户需求');
    // Selected, the symbol shows its connection points (click waits for the view to settle); drag from the bottom one.
    await from.click();
    const handle = from.locator('.fb-handle').nth(2);
    await expect(handle).toBeVisible();
    const h = (await handle.boundingBox())!;
    const t = (await symbol(page, '查询库存，编制订货单').boundingBox())!;
    await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await page.mouse.down();
    await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 10 });
    await page.mouse.up();
    const name = page.getByRole('textbox', { name: '编辑名称', exact: true });
    await expect(name).toBeFocused();
    await name.press('Enter');
    await expect(page.locator('.react-flow__edge')).toHaveCount(1);

    await addChartSymbol(page, '表格制作', '采购订货单', '采购部');
    await addChartSymbol(page, '业务处理', '按订单发货', '供应商');
    await addChartSymbol(page, '表格制作', '采购收货单', '供应商');
    await addChartSymbol(page, '业务处理', '验货', '检验人员');
    await addChartSymbol(page, '业务处理', '审核货物', '库房管理员');
    await addChartSymbol(page, '数据存储', '流水帐', '库房管理员');
    await addChartSymbol(page, '数据存储', '库存帐', '库房管理员');
    await addChartSymbol(page, '业务处理', '主管审核', '主管');

    await addChartFlow(page, '库存帐', '业务处理 查询库存，编制订货单', '库存信息');
    await addChartFlow(page, '查询库存，编制订货单', '表格制作 采购订货单', '', '库存不能满足需要');
    await addChartFlow(page, '采购订货单', '业务处理 按订单发货', '订货请求');
    await addChartFlow(page, '按订单发货', '表格制作 采购收货单', '随货附上');
    await addChartFlow(page, '采购收货单', '业务处理 验货', '货物');
    await addChartFlow(page, '验货', '业务处理 按订单发货', '退货', '不合格');
    await addChartFlow(page, '验货', '业务处理 审核货物', '送交库房', '合格');
    await addChartFlow(page, '审核货物', '数据存储 流水帐', '登记', '合格');
    await addChartFlow(page, '审核货物', '数据存储 库存帐', '登记', '合格');
    await addChartFlow(page, '审核货物', '业务处理 主管审核', '', '不合格');
    await expect(page.locator('.react-flow__edge')).toHaveCount(11);
    // 主管审核 has no way out yet: still a finding; the last flow clears every one.
    await expect(findings(page).locator('.fb-finding').first()).toBeVisible();
    await addChartFlow(page, '主管审核', '业务处理 按订单发货', '退货');
    await expect(rule(page, 'node-connected')).toHaveCount(0);
    // Only the title block is left: filled in the chart's properties (nothing selected).
    await expect(rule(page, 'title-block')).toHaveCount(1);
    await symbol(page, '主管审核').focus();
    await page.keyboard.press('Escape');
    await expect(inspector(page).locator('.fb-inspector__kind')).toHaveText('整张图');
    for (const [field, value] of [
      ['制图', '王五'],
      ['审核', '赵六'],
      ['日期', '2026-11-26'],
    ] as const) {
      const f = inspector(page).getByLabel(field, { exact: true });
      await f.fill(value);
      await f.press('Enter');
    }
    await expect(findings(page)).toContainText('没有发现问题');
    await waitSaved(page);
    await axeClean(page, 'chart drawn');

    // 检查业务流程图: a full match.
    await page.getByRole('button', { name: '检查业务流程图' }).click();
    await expect(page.locator('.fb-exercise__score')).toContainText('100');

    // Break one condition: the check names that flow, and its hint selects it on the canvas.
    await page.locator('.react-flow__edge .fb-flow-label', { hasText: '送交库房' }).dispatchEvent('click');
    const cond = inspector(page).getByLabel('条件');
    await expect(cond).toHaveValue('合格');
    await cond.fill('');
    await cond.press('Enter');
    await page.locator('body').press('Escape');
    await page.getByRole('button', { name: '检查业务流程图' }).click();
    const score = Number((await page.locator('.fb-exercise__score').textContent())!.match(/\d+/)![0]);
    expect(score).toBeLessThan(100);
    const hint = page.locator('.fb-hint__show').first();
    await expect(hint).toBeVisible();
    await hint.click();
    await expect(page.locator('.react-flow__edge.selected, .react-flow__node.selected')).toHaveCount(1);
    await axeClean(page, 'check result with hints');
    await page.getByRole('button', { name: '撤销' }).click();

    // The reference chart, drawn from the same file as the exercise page.
    await page.getByRole('button', { name: '显示参考答案' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.locator('img')).toHaveAttribute('alt', /物资订货/);
    await axeClean(page, 'reference dialog');
    await dialog.getByRole('button', { name: '关闭' }).first().click();

    // Export: a standalone SVG with lanes, symbols and the title block; a PNG.
    const svg = await exportAs(page, '导出 SVG');
    expect(svg.name).toMatch(/\.svg$/);
    const text = svg.body.toString('utf8');
    expect(text).toMatch(/^<svg|^<\?xml/);
    for (const s of ['采购部', '库房管理员', '采购订货单', '库存帐', '不合格', '业务名称']) expect(text).toContain(s);
    const png = await exportAs(page, '导出 PNG');
    expect(png.name).toMatch(/\.png$/);
    expect(png.body.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.body.length).toBeGreaterThan(5000);
    const json = await exportAs(page, '导出 JSON');
    expect(json.name).toMatch(/\.bfc\.json$/);
    const saved = JSON.parse(json.body.toString('utf8'));
    expect(saved).toMatchObject({ format: 'flowbook-bfc', version: 1 });
    expect(saved.lanes).toHaveLength(5);
    expect(saved.nodes).toHaveLength(10);
    expect(saved.flows).toHaveLength(12);

    // 生成数据流程图草稿: a new DFD document, linked back to the chart, with the decisions left.
    await page.getByRole('button', { name: '生成数据流程图草稿' }).click();
    await expect(page.locator('.fb-docname')).toContainText('数据流程图草稿');
    const banner = page.locator('.fb-derived');
    await expect(banner).toContainText('由业务流程图');
    await banner.locator('summary').click();
    await expect(banner.locator('li').first()).toBeVisible();
    await expect(page.locator('.fb-levelbar')).toBeVisible();
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect(page).not.toHaveURL(/chart=bfc/);
    await axeClean(page, 'derived DFD draft');
    await menu(page, '文件', '打开');
    await expect(page.getByRole('dialog').getByRole('listitem')).toHaveCount(2);
    await page.keyboard.press('Escape');
    await banner.getByRole('button', { name: '打开业务流程图' }).click();
    await expect(lanes(page)).toHaveCount(5);
    await expect(page).toHaveURL(/chart=bfc/);
  });

  test('a new chart from the 文件 menu, autosaved across a reload, with a title block in the properties', async ({ page }) => {
    await openModeller(page);
    await menu(page, '文件', '新建业务流程图');
    await page.getByRole('dialog', { name: '新建业务流程图' }).getByRole('button', { name: '确定' }).click();
    await expect(page.locator('.fb-docname')).toHaveText('未命名业务流程图');
    await addLane(page, '仓库');
    // With no title block details but the business name, the findings say so only as info.
    const drawn = inspector(page).getByLabel('制图');
    await drawn.fill('李四');
    await drawn.press('Enter');
    await waitSaved(page);
    await page.reload();
    await expect(page.locator('.fb-modeller')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
    await expect(lanes(page)).toHaveCount(1);
    await expect(inspector(page).getByLabel('制图')).toHaveValue('李四');
  });

  test('a symbol dragged from the palette snaps into the lane it is dropped in; dragged on, it changes unit', async ({ page }) => {
    await openModeller(page);
    await menu(page, '文件', '新建业务流程图');
    await page.getByRole('dialog', { name: '新建业务流程图' }).getByRole('button', { name: '确定' }).click();
    await addLane(page, '采购部');
    await addLane(page, '仓库');
    const second = (await lanes(page).nth(1).boundingBox())!;
    const pane = page.locator('.react-flow__pane');
    const pb = (await pane.boundingBox())!;
    await page
      .getByRole('group', { name: '业务流程图符号' })
      .getByRole('button', { name: '表格制作' })
      .dragTo(pane, { targetPosition: { x: second.x - pb.x + second.width - 24, y: second.y - pb.y + 120 } });
    const input = page.getByRole('textbox', { name: '编辑名称', exact: true });
    await expect(input).toBeFocused();
    await input.fill('入库单');
    await input.press('Enter');
    const form = symbol(page, '入库单');
    await expect(form).toHaveAttribute('aria-label', /入库单（仓库）/);
    // Wholly inside the lane it was dropped at the edge of.
    const fb = (await form.boundingBox())!;
    expect(fb.x + fb.width).toBeLessThanOrEqual(second.x + second.width + 1);
    // Dragged into the first lane, its unit follows.
    const first = (await lanes(page).first().boundingBox())!;
    await page.mouse.move(fb.x + fb.width / 2, fb.y + fb.height / 2);
    await page.mouse.down();
    await page.mouse.move(first.x + first.width / 2, fb.y + fb.height / 2, { steps: 12 });
    await page.mouse.up();
    await expect(form).toHaveAttribute('aria-label', /入库单（采购部）/);
  });

  test('a chart file imports as a chart; print shows it with its title block; a share link opens a copy', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openModeller(page);
    await page.locator('input[type=file]').setInputFiles('content/bfc/exercises/stocktaking.bfc.json');
    await expect(page.locator('.fb-docname')).toContainText('盘点');
    await expect(lanes(page).first()).toBeVisible();
    const laneCount = await lanes(page).count();
    const symbols = await page.locator('.react-flow__node-bfc').count();
    expect(symbols).toBeGreaterThan(3);

    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await menu(page, '导出', '打印');
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    const img = page.locator('.fb-print-root img');
    await expect(img).toHaveAttribute('alt', /业务流程图/);
    const src = decodeURIComponent((await img.getAttribute('src'))!);
    expect(src).toContain('业务名称');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

    await page.getByRole('button', { name: '分享链接' }).click();
    const dialog = page.getByRole('dialog', { name: '分享链接' });
    const url = await dialog.getByRole('textbox').inputValue();
    expect(new URL(url).hash).toMatch(/^#share=/);
    await dialog.getByRole('button', { name: '关闭' }).click();
    const other = await context.newPage();
    await openModeller(other, url.replace(/^https?:\/\/[^/]+/, ''));
    await expect(other.locator('.fb-docname')).toContainText('分享的副本');
    await expect(lanes(other)).toHaveCount(laneCount);
    await expect(other.locator('.react-flow__node-bfc')).toHaveCount(symbols);
  });

  test.describe('at phone width', () => {
    test.use({ viewport: { width: 390, height: 844 } });
    test('a chart can be drawn and the page stays axe clean and within the screen', async ({ page }) => {
      await openModeller(page);
      await menu(page, '文件', '新建业务流程图');
      await page.getByRole('dialog', { name: '新建业务流程图' }).getByRole('button', { name: '确定' }).click();
      await addLane(page, '仓库');
      await addChartSymbol(page, '业务处理', '盘点', '仓库');
      await expect(rule(page, 'node-connected')).toHaveCount(1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await axeClean(page, 'phone');
    });
  });
});

/** The DFD modeller: drawing, live findings, undo/redo, levels, autosave. */
import { test, expect } from '@playwright/test';
import { addSymbol, connect, edges, findings, importFile, menu, node, nodes, openModeller, waitSaved } from '../fixtures/editor/support.ts';

test.describe('drawing', () => {
  test('entity → process → store, connected and labelled; a black hole shows up and goes away', async ({ page }) => {
    await openModeller(page);
    await addSymbol(page, '外部实体', '书商');
    await addSymbol(page, '处理', '审核采购单');
    await addSymbol(page, '数据存储', '入库台账');
    await expect(node(page, '书商')).toContainText('E1');
    await expect(node(page, '审核采购单')).toContainText('P1');
    await expect(node(page, '入库台账')).toContainText('D1');

    await connect(page, node(page, '书商'), node(page, '审核采购单'), '采购单');
    await expect(edges(page)).toHaveCount(1);
    await expect(page.locator('.fb-flow-label', { hasText: '采购单' })).toContainText('F1');

    const blackHole = findings(page).locator('[data-rule="process-needs-output"]');
    await expect(blackHole).toHaveCount(1);
    await expect(blackHole).toContainText('处理 P1「审核采购单」');
    await expect(blackHole.getByRole('link')).toHaveAttribute('href', '/learn/rules/process-needs-output/');
    await expect(node(page, '审核采购单')).toHaveAttribute('aria-label', /有 \d+ 个问题/);
    await expect(page.locator('.fb-counts')).toHaveAttribute('data-errors', '1');

    await connect(page, node(page, '审核采购单'), node(page, '入库台账'), '合格采购单');
    await expect(edges(page)).toHaveCount(2);
    await expect(blackHole).toHaveCount(0);
    await expect(page.locator('.fb-counts')).toHaveAttribute('data-errors', '0');
    // The store is written but never read: a warning remains, explained.
    await expect(findings(page).locator('[data-rule="store-read-and-written"]')).toHaveCount(1);
  });

  test('labels and codes are edited in place (double-click, Enter)', async ({ page }) => {
    await openModeller(page);
    await addSymbol(page, '处理', '审核');
    const p = node(page, '审核');
    await p.locator('.fb-node__label').dblclick();
    const input = page.getByRole('textbox', { name: '编辑名称' });
    await input.fill('审核采购单');
    await input.press('Enter');
    await expect(node(page, '审核采购单')).toBeVisible();
    await node(page, '审核采购单').locator('.fb-node__code').dblclick();
    const code = page.getByRole('textbox', { name: '编辑编号' });
    await code.fill('P7');
    await code.press('Enter');
    await expect(node(page, '审核采购单').locator('.fb-node__code')).toHaveText('P7');
    await node(page, '审核采购单').locator('.fb-node__owner').dblclick();
    const owner = page.getByRole('textbox', { name: '编辑执行部门' });
    await owner.fill('采购员');
    await owner.press('Enter');
    await expect(node(page, '审核采购单')).toContainText('采购员');
    // Enter on a focused symbol edits its name.
    await node(page, '审核采购单').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: '编辑名称' })).toBeFocused();
    await page.keyboard.press('Escape');
    // Arrow keys move the selected symbol; the move is one undo step each.
    const before = (await node(page, '审核采购单').boundingBox())!;
    await node(page, '审核采购单').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await node(page, '审核采购单').boundingBox())!.x).toBeGreaterThan(before.x + 10);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => Math.round((await node(page, '审核采购单').boundingBox())!.x)).toBe(Math.round(before.x));
  });

  test('a flow label is edited from the keyboard (focus the flow, Enter)', async ({ page }) => {
    await openModeller(page);
    await addSymbol(page, '外部实体', '书商');
    await addSymbol(page, '处理', '审核');
    await connect(page, node(page, '书商'), node(page, '审核'));
    await expect(findings(page).locator('[data-rule="flow-label-required"]')).toHaveCount(1);
    await page.locator('.react-flow__edge').first().focus();
    await page.keyboard.press('Enter');
    const input = page.getByRole('textbox', { name: '编辑名称' });
    await expect(input).toBeFocused();
    await input.fill('采购单');
    await input.press('Enter');
    await expect(page.locator('.fb-flow-label')).toContainText('采购单');
    await expect(findings(page).locator('[data-rule="flow-label-required"]')).toHaveCount(0);
  });

  test('Yourdon-DeMarco notation is an undoable document setting', async ({ page }) => {
    await openModeller(page);
    await addSymbol(page, '处理', '审核');
    await expect(page.locator('.fb-node.fb-notation--gane-sarson')).toHaveCount(1);
    await page.getByLabel('符号记号').selectOption('yourdon');
    await expect(page.locator('.fb-node.fb-notation--yourdon')).toHaveCount(1);
    const b = (await node(page, '审核').boundingBox())!;
    expect(Math.abs(b.width - b.height)).toBeLessThan(2);
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(page.locator('.fb-node.fb-notation--gane-sarson')).toHaveCount(1);
  });

  test('a symbol dragged from the palette lands where it is dropped', async ({ page }) => {
    await openModeller(page);
    const pane = page.locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    const target = { x: box.x + 120, y: box.y + 100 };
    await page
      .getByRole('group', { name: '符号' })
      .getByRole('button', { name: '数据存储' })
      .dragTo(pane, {
        targetPosition: { x: 120, y: 100 },
      });
    await page.keyboard.type('台账');
    await page.keyboard.press('Enter');
    const b = (await node(page, '台账').boundingBox())!;
    expect(Math.abs(b.x + b.width / 2 - target.x)).toBeLessThan(40);
    expect(Math.abs(b.y + b.height / 2 - target.y)).toBeLessThan(40);
  });

  test('select, copy and paste: pasted elements get fresh ids and codes; delete removes', async ({ page }) => {
    await openModeller(page);
    await addSymbol(page, '外部实体', '顾客');
    await addSymbol(page, '处理', '售书');
    await connect(page, node(page, '顾客'), node(page, '售书'), '购书单');
    // Box-select both symbols (drag on empty canvas around them), then copy and paste.
    const a = (await node(page, '顾客').boundingBox())!;
    const b = (await node(page, '售书').boundingBox())!;
    const left = Math.min(a.x, b.x) - 30;
    const top = Math.min(a.y, b.y) - 30;
    await page.mouse.move(left, top);
    await page.mouse.down();
    await page.mouse.move(Math.max(a.x + a.width, b.x + b.width) + 30, Math.max(a.y + a.height, b.y + b.height) + 30, { steps: 5 });
    await page.mouse.up();
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect(nodes(page)).toHaveCount(4);
    await expect(edges(page)).toHaveCount(2);
    await expect(page.locator('.fb-node__code')).toHaveText(['E1', 'P1', 'E2', 'P2']);
    await expect(page.locator('.fb-flow-label__code')).toHaveText(['F1', 'F2']);
    const ids = await nodes(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(new Set(ids).size).toBe(4);
    // The pasted copy is selected: Delete removes exactly it.
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);
    await page.keyboard.press('Delete');
    await expect(nodes(page)).toHaveCount(2);
    await expect(edges(page)).toHaveCount(1);
    // Shift+click adds to the selection.
    await node(page, '顾客').click();
    await node(page, '售书').click({ modifiers: ['Shift'] });
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);
    await page.keyboard.press('Backspace');
    await expect(nodes(page)).toHaveCount(0);
    await expect(edges(page)).toHaveCount(0);
  });

  test('undo and redo cover every change, by buttons and keys', async ({ page }) => {
    await openModeller(page);
    await addSymbol(page, '外部实体', '书商');
    await addSymbol(page, '处理', '审核');
    await connect(page, node(page, '书商'), node(page, '审核'), '采购单');
    await expect(edges(page)).toHaveCount(1);

    const undo = page.getByRole('button', { name: '撤销' });
    const redo = page.getByRole('button', { name: '重做' });
    await undo.click(); // flow label
    await expect(page.locator('.fb-flow-label', { hasText: '采购单' })).toHaveCount(0);
    await undo.click(); // flow
    await expect(edges(page)).toHaveCount(0);
    await redo.click();
    await redo.click();
    await expect(page.locator('.fb-flow-label', { hasText: '采购单' })).toHaveCount(1);

    // Moving is undoable too.
    const n = node(page, '书商');
    const before = (await n.boundingBox())!;
    await n.hover();
    await page.mouse.down();
    await page.mouse.move(before.x + before.width / 2 + 150, before.y + before.height / 2 + 80, { steps: 8 });
    await page.mouse.up();
    const moved = (await n.boundingBox())!;
    expect(moved.x - before.x).toBeGreaterThan(100);
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => Math.round((await n.boundingBox())!.x)).toBe(Math.round(before.x));
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => Math.round((await n.boundingBox())!.x)).toBe(Math.round(moved.x));
    // Ctrl+Y redoes as well; undo everything, then redo everything.
    for (let i = 0; i < 12; i++) await page.keyboard.press('Control+z');
    await expect(nodes(page)).toHaveCount(0);
    await expect(undo).toBeDisabled();
    for (let i = 0; i < 12; i++) await page.keyboard.press('Control+y');
    await expect(nodes(page)).toHaveCount(2);
    await expect(edges(page)).toHaveCount(1);
    await expect(redo).toBeDisabled();
  });

  test('a flow can be added from the keyboard, and a finding click selects and centres its element', async ({ page }) => {
    await openModeller(page);
    await addSymbol(page, '外部实体', '书商');
    await addSymbol(page, '处理', '审核');
    await node(page, '书商').click();
    await page.getByLabel('选择元素').selectOption({ label: '处理 P1 审核' });
    await page.getByRole('button', { name: '添加数据流', exact: true }).click();
    await page.keyboard.type('采购单');
    await page.keyboard.press('Enter');
    await expect(edges(page)).toHaveCount(1);
    // Pan far away, then click the black-hole finding.
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    const item = findings(page).locator('[data-rule="process-needs-output"] button');
    await page.getByRole('button', { name: '缩小' }).click();
    await item.click();
    const target = node(page, '审核');
    await expect(target).toHaveClass(/selected/);
    await expect(target).toBeFocused();
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await expect
      .poll(async () => {
        const b = (await target.boundingBox())!;
        return Math.abs(b.x + b.width / 2 - (pane.x + pane.width / 2)) + Math.abs(b.y + b.height / 2 - (pane.y + pane.height / 2));
      })
      .toBeLessThan(8);
  });
});

test.describe('levels', () => {
  test('分解 makes a balanced child; dropping a flow in it is a balance finding', async ({ page }) => {
    await openModeller(page);
    await importFile(page, 'decompose.dfd.json');
    await expect(node(page, '采购处理')).toBeVisible();
    await node(page, '采购处理').click();
    await page.getByRole('button', { name: '分解', exact: true }).click();
    const crumbs = page.getByRole('navigation', { name: '图的层次' });
    await expect(crumbs).toContainText('P1 的分解');
    // The child starts with the parent's entity, store and flows, around process P1.1.
    await expect(node(page, '书商')).toContainText('E1');
    await expect(node(page, '采购记录')).toContainText('D1');
    await expect(page.locator('.fb-node--process .fb-node__code')).toHaveText(['P1.1']);
    await expect(edges(page)).toHaveCount(4);
    await expect(findings(page).locator('[data-rule="balance"]')).toHaveCount(0);

    await page.locator('.fb-flow-label', { hasText: '不合格采购单' }).click();
    await page.keyboard.press('Delete');
    await expect(edges(page)).toHaveCount(3);
    const balance = findings(page).locator('[data-rule="balance"]');
    await expect(balance).toHaveCount(1);
    await expect(balance).toContainText('不合格采购单');

    // The finding is about the parent's flow: clicking it shows the parent with that flow selected.
    await balance.getByRole('button').click();
    await expect(crumbs).not.toContainText('P1 的分解');
    await expect(page.locator('.fb-flow-label.is-selected')).toContainText('不合格采购单');
    // The breadcrumb and the level list move between levels.
    await page.getByLabel('层次', { exact: true }).selectOption({ label: '\u2003P1 的分解' });
    await expect(crumbs).toContainText('P1 的分解');
    await crumbs.getByRole('button').first().click();
    await expect(node(page, '采购处理')).toBeVisible();
    await expect(crumbs).not.toContainText('P1 的分解');

    // 顶层图 marks the diagram as a context diagram (one process: no finding).
    await page.getByRole('checkbox', { name: '顶层图' }).check();
    await expect(findings(page).locator('[data-rule="context-single-process"]')).toHaveCount(0);
    await expect(findings(page).locator('[data-rule="context-no-store"]')).toHaveCount(1);
  });
});

test.describe('keeping work', () => {
  test('autosave survives a reload, including the level being viewed', async ({ page }) => {
    await openModeller(page);
    await importFile(page, 'decompose.dfd.json');
    await node(page, '采购处理').click();
    await page.getByRole('button', { name: '分解', exact: true }).click();
    await addSymbol(page, '处理', '登记');
    await waitSaved(page);
    await page.reload();
    await expect(page.locator('.fb-modeller')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByRole('navigation', { name: '图的层次' })).toContainText('P1 的分解');
    await expect(node(page, '登记')).toContainText('P1.2');
    await expect(page.locator('.fb-docname')).toHaveText('采购');
  });

  test('several named diagrams: new, open, rename, duplicate, delete with confirmation', async ({ page }) => {
    await openModeller(page);
    await addSymbol(page, '外部实体', '甲');
    await menu(page, '文件', '重命名');
    const dialog = page.getByRole('dialog', { name: '重命名' });
    await dialog.getByRole('textbox').fill('第一张');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(page.locator('.fb-docname')).toHaveText('第一张');

    await menu(page, '文件', '新建数据流程图');
    await page.getByRole('dialog', { name: '新建数据流程图' }).getByRole('button', { name: '确定' }).click();
    await expect(nodes(page)).toHaveCount(0);
    await addSymbol(page, '外部实体', '乙');
    await menu(page, '文件', '复制');
    await expect(page.locator('.fb-docname')).toContainText('（副本）');
    await expect(node(page, '乙')).toBeVisible();
    await waitSaved(page);

    await menu(page, '文件', '打开');
    const list = page.getByRole('dialog', { name: '我的图' });
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await list.locator('.fb-files__open', { hasText: '第一张' }).click();
    await expect(node(page, '甲')).toBeVisible();

    await menu(page, '文件', '删除');
    const confirm = page.getByRole('alertdialog', { name: '删除' });
    await expect(confirm).toContainText('第一张');
    await confirm.getByRole('button', { name: '取消' }).click();
    await expect(node(page, '甲')).toBeVisible();
    await menu(page, '文件', '删除');
    await page.getByRole('alertdialog', { name: '删除' }).getByRole('button', { name: '删除' }).click();
    await expect(node(page, '甲')).toHaveCount(0);
    await menu(page, '文件', '打开');
    await expect(page.getByRole('dialog', { name: '我的图' }).getByRole('listitem')).toHaveCount(2);
  });

  test('storage unavailable: a visible warning, work stays in memory, export still works', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        get() {
          throw new DOMException('blocked by test', 'SecurityError');
        },
      });
    });
    await openModeller(page);
    await expect(page.getByRole('alert').filter({ hasText: '无法使用浏览器存储' })).toBeVisible();
    await addSymbol(page, '外部实体', '书商');
    await expect(page.locator('.fb-savestate')).toHaveText('未保存');
    const download = page.waitForEvent('download');
    await menu(page, '导出', '导出 JSON');
    const text = await (await download).createReadStream().then(async (s) => {
      const chunks: Buffer[] = [];
      for await (const c of s) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    });
    expect(JSON.parse(text).diagrams[0].nodes[0].label).toBe('书商');
  });

  test('two tabs on one diagram: the older tab is told and can keep its work as a copy', async ({ context }) => {
    const a = await context.newPage();
    await openModeller(a);
    await addSymbol(a, '外部实体', '甲');
    await waitSaved(a);
    const b = await context.newPage();
    await b.bringToFront();
    await openModeller(b);
    await expect(node(b, '甲')).toBeVisible();

    // (Each tab is brought to the front before it is used: background tabs do not paint.)
    await a.bringToFront();
    await addSymbol(a, '处理', '来自A');
    await waitSaved(a);
    await b.bringToFront();
    const banner = b.getByRole('alert').filter({ hasText: '另一个标签页保存了这张图的较新版本' });
    await expect(banner).toBeVisible();
    // B edits anyway: nothing is overwritten; B keeps its work as a copy.
    await addSymbol(b, '处理', '来自B');
    await banner.getByRole('button', { name: '把我的版本另存为副本' }).click();
    await expect(b.locator('.fb-docname')).toContainText('（副本）');
    await waitSaved(b);
    await expect(node(b, '来自B')).toBeVisible();

    await a.bringToFront();
    await a.reload();
    await expect(a.locator('.fb-modeller')).toHaveAttribute('data-ready', 'true');
    await menu(a, '文件', '打开');
    const list = a.getByRole('dialog', { name: '我的图' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await list.locator('.fb-files__open').filter({ hasNotText: '副本' }).first().click();
    await expect(node(a, '来自A')).toBeVisible();
    await expect(node(a, '来自B')).toHaveCount(0);
  });
});

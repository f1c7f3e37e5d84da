/**
 * Levelling in the modeller (spec revision 2): a process that talks to a sibling process can be
 * decomposed and balances; boundary nodes are the parent's, shown apart and renamed from the
 * parent; deleting a process with a child asks first; levels have names.
 */
import { test, expect, type Page } from '@playwright/test';
import { addSymbol, connect, edges, findings, node, openModeller } from '../fixtures/editor/support.ts';

const crumbs = (page: Page) => page.getByRole('navigation', { name: '图的层次' });
const errors = (page: Page) => page.locator('.fb-counts');

/** The 报损 0 层图 of the issue: P1 审核报损清单 sends 合格报损清单 to its sibling P2 报损处理. */
async function drawLevel0(page: Page) {
  await addSymbol(page, '外部实体', '仓库');
  await addSymbol(page, '处理', '审核报损清单');
  await addSymbol(page, '处理', '报损处理');
  await addSymbol(page, '数据存储', '库存台账');
  await connect(page, node(page, '仓库'), node(page, '审核报损清单'), '报损清单');
  await connect(page, node(page, '审核报损清单'), node(page, '仓库'), '不合格报损清单');
  await connect(page, node(page, '审核报损清单'), node(page, '报损处理'), '合格报损清单');
  await connect(page, node(page, '报损处理'), node(page, '库存台账'), '报损记录');
  await connect(page, node(page, '库存台账'), node(page, '审核报损清单'), '库存信息');
  await expect(edges(page)).toHaveCount(5);
  await expect(errors(page)).toHaveAttribute('data-errors', '0');
}

test('a process that receives from a sibling decomposes into a balanced child; a dropped boundary flow is a balance finding', async ({ page }) => {
  await openModeller(page);
  await drawLevel0(page);
  await node(page, '报损处理').click();
  await page.getByRole('button', { name: '分解', exact: true }).click();
  await expect(crumbs(page)).toContainText('P2 的分解');

  // The child repeats the sibling P1 and the store as its boundary, drawn apart, and balances.
  const sibling = node(page, '审核报损清单');
  await expect(sibling.locator('.fb-node')).toHaveClass(/is-boundary/);
  await expect(sibling).toContainText('P1');
  await expect(sibling).toHaveAttribute('aria-label', /边界/);
  await expect(node(page, '库存台账').locator('.fb-node')).toHaveClass(/is-boundary/);
  await expect(page.locator('.fb-node--process:not(.is-boundary) .fb-node__code')).toHaveText(['P2.1']);
  await expect(edges(page)).toHaveCount(2);
  await expect(errors(page)).toHaveAttribute('data-errors', '0');
  await expect(findings(page).locator('[data-rule="balance"]')).toHaveCount(0);

  // A boundary node is not edited here: double-click opens no editor, the inspector says why.
  await sibling.locator('.fb-node__label').dblclick();
  await expect(page.getByRole('textbox', { name: '编辑名称' })).toHaveCount(0);
  await sibling.click();
  await expect(page.locator('.fb-boundary-note')).toContainText('名称和编号请到父图中修改');

  // Dropping the flow from the sibling breaks the balance.
  await page.locator('.fb-flow-label', { hasText: '合格报损清单' }).click();
  await page.keyboard.press('Delete');
  await expect(edges(page)).toHaveCount(1);
  const balance = findings(page).locator('[data-rule="balance"]');
  await expect(balance).toHaveCount(1);
  await expect(balance).toContainText('合格报损清单');
  await expect(balance).toContainText('子图中处理 P1「审核报损清单」与子图的处理之间缺少这条数据流');
  await page.keyboard.press('Control+z');
  await expect(balance).toHaveCount(0);
});

test('renaming on level 0 renames the repeat in the child; a process with a child has a marker and opens on double-click', async ({ page }) => {
  await openModeller(page);
  await drawLevel0(page);
  await node(page, '报损处理').click();
  await page.getByRole('button', { name: '分解', exact: true }).click();
  await expect(crumbs(page)).toContainText('P2 的分解');
  await crumbs(page).getByRole('button').first().click();

  const parent = node(page, '报损处理');
  await expect(parent.locator('.fb-node')).toHaveClass(/has-child/);
  await expect(parent.locator('.fb-node__child')).toBeVisible();
  await expect(parent).toHaveAttribute('aria-label', /有子图/);

  await node(page, '审核报损清单').locator('.fb-node__label').dblclick();
  const input = page.getByRole('textbox', { name: '编辑名称' });
  await input.fill('审核报损单');
  await input.press('Enter');
  await expect(node(page, '审核报损单')).toBeVisible();

  await parent.locator('.fb-node__label').dblclick();
  await expect(crumbs(page)).toContainText('P2 的分解');
  await expect(node(page, '审核报损单').locator('.fb-node')).toHaveClass(/is-boundary/);
  await expect(findings(page).locator('[data-rule="balance"]')).toHaveCount(0);

  // Levels have names of their own.
  await page.getByRole('button', { name: '重命名这一层' }).click();
  const dialog = page.getByRole('dialog', { name: '重命名这一层' });
  await dialog.getByRole('textbox').fill('1 层图（报损处理）');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(crumbs(page)).toContainText('1 层图（报损处理）');
});

test('deleting a process with a child asks first, naming the child and its size, and is one undo step', async ({ page }) => {
  await openModeller(page);
  await drawLevel0(page);
  await node(page, '报损处理').click();
  await page.getByRole('button', { name: '分解', exact: true }).click();
  await crumbs(page).getByRole('button').first().click();

  await node(page, '报损处理').click();
  await page.keyboard.press('Delete');
  const ask = page.getByRole('alertdialog', { name: '删除处理和它的子图？' });
  await expect(ask).toContainText('处理 P2「报损处理」的子图：3 个符号、2 条数据流');
  await ask.getByRole('button', { name: '取消' }).click();
  await expect(node(page, '报损处理')).toBeVisible();

  await node(page, '报损处理').click();
  await page.keyboard.press('Delete');
  await page.getByRole('alertdialog').getByRole('button', { name: '删除' }).click();
  await expect(node(page, '报损处理')).toHaveCount(0);
  await expect(page.getByLabel('层次', { exact: true })).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(node(page, '报损处理')).toBeVisible();
  await expect(page.getByLabel('层次', { exact: true }).locator('option')).toHaveCount(2);
});

test.describe('commands shared by the toolbar, the keys and the context menu', () => {
  test('a context menu on a symbol, from the mouse and from the keyboard, runs the same commands', async ({ page }) => {
    await openModeller(page);
    await drawLevel0(page);
    // Right click on a flow: reverse it.
    await page.locator('.fb-flow-label', { hasText: '报损记录' }).click({ button: 'right' });
    const menu = page.getByRole('menu', { name: '右键菜单' });
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await expect(menu.getByRole('menuitem').first()).toContainText('编辑名称');
    await menu.getByRole('menuitem', { name: /反转数据流方向/ }).click();
    await expect(menu).toHaveCount(0);
    // 库存台账 → 报损处理 now: 报损处理 has no output left (a black hole).
    await expect(findings(page).locator('[data-rule="process-needs-output"]')).toHaveCount(1);
    await page.keyboard.press('Control+z');
    await expect(findings(page).locator('[data-rule="process-needs-output"]')).toHaveCount(0);

    // Shift+F10 on a focused symbol opens its menu; arrows move, Enter runs.
    await node(page, '仓库').focus();
    await page.keyboard.press('Shift+F10');
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(menu.getByRole('menuitem', { name: /删除所选/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(node(page, '仓库')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(node(page, '仓库')).toHaveCount(1);

    // Escape closes the menu and gives focus back.
    await node(page, '仓库').focus();
    await page.keyboard.press('Shift+F10');
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(node(page, '仓库')).toBeFocused();
  });

  test('Ctrl+D duplicates, Ctrl+S saves the JSON, ? lists the shortcuts', async ({ page }) => {
    await openModeller(page);
    await addSymbol(page, '处理', '审核报损清单');
    await node(page, '审核报损清单').click();
    await page.keyboard.press('Control+d');
    await expect(node(page, '审核报损清单')).toHaveCount(2);
    await expect(page.locator('.fb-node__code')).toHaveText(['P1', 'P2']);

    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    expect((await download).suggestedFilename()).toMatch(/\.dfd\.json$/);

    await page.locator('.react-flow__pane').click();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: '键盘快捷键' });
    await expect(help).toBeVisible();
    await expect(help.getByRole('row', { name: /撤销/ })).toContainText('Ctrl+Z');
    await expect(help.getByRole('row', { name: /导出 JSON/ })).toContainText('Ctrl+S');
    await help.getByRole('button', { name: '关闭' }).click();
    await expect(help).toHaveCount(0);
  });
});

test.describe('nothing lost, nothing frozen', () => {
  test('an edit made just before a reload is there after it (flush on pagehide)', async ({ page }) => {
    await openModeller(page);
    await addSymbol(page, '外部实体', '书商');
    await expect(page.locator('.fb-savestate')).toHaveText('已保存');
    // Rename and reload at once: the save scheduled 250 ms later is flushed when the page goes.
    await node(page, '书商').locator('.fb-node__label').dblclick();
    const input = page.getByRole('textbox', { name: '编辑名称' });
    await input.fill('图书供应商');
    await input.press('Enter');
    await page.reload();
    await expect(page.locator('.fb-modeller')).toHaveAttribute('data-ready', 'true');
    await expect(node(page, '图书供应商')).toBeVisible();
  });

  test('a document over the modeller’s limits is refused with the limit and the value; the open diagram stays', async ({ page }) => {
    await openModeller(page);
    await addSymbol(page, '外部实体', '书商');
    const huge = {
      format: 'flowbook-dfd',
      version: 1,
      diagrams: [{ id: 'top', nodes: Array.from({ length: 6000 }, (_, i) => ({ id: `n${i}`, kind: 'entity', label: `实体${i}` })), flows: [] }],
    };
    await page.locator('input[type=file]').setInputFiles({ name: 'huge.dfd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(huge)) });
    await expect(page.getByRole('alert').filter({ hasText: '6000 个符号，超过建模器的上限 5000' })).toBeVisible();
    await expect(node(page, '书商')).toBeVisible();
  });

  test('a share link too long to be ours is refused before it is decompressed', async ({ page }) => {
    await openModeller(page, `/modeller/#share=${'A'.repeat(40_000)}`);
    await expect(page.getByRole('alert').filter({ hasText: '超过分享链接的上限' })).toBeVisible();
  });

  test('a damaged stored record is listed as damaged with its raw data; the others open', async ({ page }) => {
    await openModeller(page);
    await addSymbol(page, '外部实体', '书商');
    await expect(page.locator('.fb-savestate')).toHaveText('已保存');
    // Damage another record directly in IndexedDB, as an older version or a broken write would.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const r = indexedDB.open('flowbook-modeller', 1);
          r.onsuccess = () => {
            const tx = r.result.transaction('diagrams', 'readwrite');
            tx.objectStore('diagrams').put({
              id: 'broken',
              name: '坏掉的图',
              rev: 1,
              updated: Date.now(),
              doc: { format: 'flowbook-dfd', version: 1, diagrams: [{ id: 'x', nodes: [{ id: 'n', kind: 'cloud', label: '' }], flows: [] }] },
            });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
          r.onerror = () => reject(r.error);
        }),
    );
    await page.locator('summary', { hasText: '文件' }).click();
    await page.locator('.fb-menu__items').getByRole('button', { name: '打开', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '我的图' });
    const broken = dialog.locator('.fb-files__damaged', { hasText: '坏掉的图' });
    await expect(broken).toContainText('已损坏，无法打开');
    await expect(broken).toContainText('diagrams[0].nodes[0].kind');
    const download = page.waitForEvent('download');
    await broken.getByRole('button', { name: '导出原始数据' }).click();
    expect((await download).suggestedFilename()).toBe('坏掉的图.raw.json');
    // The good one still opens.
    await dialog.locator('.fb-files__open', { hasText: '未命名数据流程图' }).click();
    await expect(node(page, '书商')).toBeVisible();
  });
});

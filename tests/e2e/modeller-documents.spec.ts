/** The modeller's documents: 新建 asks for a name, 打开 lists and manages them in place, every level exported at once (ZIP, PDF). */
import { test, expect, type Download, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addSymbol, importFile, menu, node, nodes, openModeller, waitSaved } from '../fixtures/editor/support.ts';
import { readZip } from './support/read-zip.ts';

async function read(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const axe = (page: Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).include('dialog[open]').analyze();

/** A document of two levels: the decompose fixture with 采购处理 decomposed. */
async function twoLevels(page: Page) {
  await importFile(page, 'decompose.dfd.json');
  await node(page, '采购处理').click();
  await page.getByRole('button', { name: '分解', exact: true }).click();
  await expect(page.locator('.fb-breadcrumb li')).toHaveCount(2);
  await waitSaved(page);
}

test('新建 asks for the name, 未命名数据流程图 by default; Cancel keeps the open document', async ({ page }) => {
  await openModeller(page);
  await addSymbol(page, '处理', '审核');
  await waitSaved(page);
  await menu(page, '文件', '新建数据流程图');
  const dialog = page.getByRole('dialog', { name: '新建数据流程图' });
  const field = dialog.getByRole('textbox', { name: '图的名称' });
  await expect(field).toHaveValue('未命名数据流程图');
  await expect(field).toBeFocused();
  expect((await axe(page)).violations).toEqual([]);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(node(page, '审核')).toBeVisible();

  await menu(page, '文件', '新建数据流程图');
  await page.keyboard.type('物资订货');
  await page.keyboard.press('Enter');
  await expect(page.locator('.fb-docname')).toHaveText('物资订货');
  await expect(nodes(page)).toHaveCount(0);
  // It is stored at once, under its name.
  await menu(page, '文件', '打开');
  await expect(page.getByRole('dialog', { name: '我的图' }).locator('.fb-files__name')).toContainText(['物资订货（当前）', '未命名数据流程图']);
});

test('打开 lists names, Chinese dates, sizes, levels and pictures; rename, duplicate and delete work in place', async ({ page }) => {
  await openModeller(page);
  await addSymbol(page, '外部实体', '书商');
  await waitSaved(page);
  await twoLevels(page);
  await menu(page, '文件', '打开');
  const dialog = page.getByRole('dialog', { name: '我的图' });
  const rows = dialog.locator('.fb-files__row');
  await expect(rows).toHaveCount(2);
  const first = rows.nth(0);
  await expect(first.locator('.fb-files__name')).toHaveText('采购（当前）');
  await expect(first.locator('.fb-files__date')).toHaveText(/^修改于 \d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2} · \d+(\.\d)? (KB|字节) · 2 层$/);
  await expect(rows.nth(1).locator('.fb-files__date')).toContainText('· 1 层');
  const thumb = first.locator('.fb-files__thumb img');
  await expect(thumb).toBeVisible();
  expect(await thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect((await axe(page)).violations).toEqual([]);

  // Rename the other document in place: Escape cancels only the rename, Enter renames.
  await dialog.getByRole('button', { name: '重命名「未命名数据流程图」' }).click();
  const field = dialog.getByRole('textbox', { name: '新名称' });
  await expect(field).toBeFocused();
  await field.press('Escape');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: '重命名「未命名数据流程图」' })).toBeFocused();
  await dialog.getByRole('button', { name: '重命名「未命名数据流程图」' }).click();
  await field.fill('书商草图');
  await field.press('Enter');
  await expect(dialog.locator('.fb-files__name')).toContainText(['书商草图']);
  await expect(dialog.getByRole('button', { name: '重命名「书商草图」' })).toBeFocused();
  // Renaming the open one renames it in the toolbar too.
  await dialog.getByRole('button', { name: '重命名「采购」' }).click();
  await field.fill('采购业务');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.locator('.fb-docname')).toHaveText('采购业务');

  // Duplicate: a copy is listed, the open document stays open.
  await dialog.getByRole('button', { name: '复制「书商草图」' }).click();
  await expect(rows).toHaveCount(3);
  await expect(dialog.locator('.fb-files__name')).toContainText(['书商草图（副本）']);
  await expect(page.locator('.fb-docname')).toHaveText('采购业务');

  // Delete asks in the row; Cancel keeps it, 删除 removes it.
  await dialog.getByRole('button', { name: '删除「书商草图」' }).click();
  const confirm = dialog.getByRole('group', { name: '删除「书商草图」' });
  await expect(confirm).toContainText('删除「书商草图」？此操作不能撤销。');
  await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
  expect((await axe(page)).violations).toEqual([]);
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(rows).toHaveCount(3);
  await dialog.getByRole('button', { name: '删除「书商草图」' }).click();
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(rows).toHaveCount(2);
  await expect(dialog.locator('.fb-files__name')).toHaveText(['书商草图（副本）', '采购业务（当前）']);

  // The list is the store's: it holds after a reload.
  await page.reload();
  await expect(page.locator('.fb-modeller')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await menu(page, '文件', '打开');
  await expect(dialog.locator('.fb-files__name')).toContainText(['书商草图（副本）', '采购业务']);
});

for (const format of ['svg', 'png'] as const) {
  test(`导出 all levels as ${format.toUpperCase()}: one file per level in a ZIP`, async ({ page }) => {
    await openModeller(page);
    await twoLevels(page);
    const wait = page.waitForEvent('download');
    await menu(page, '导出', `所有层的 ${format.toUpperCase()}（ZIP）`);
    const d = await wait;
    expect(d.suggestedFilename()).toBe(`采购-${format}.zip`);
    const files = readZip(await read(d));
    // Named as the level bar names them, numbered in document order.
    expect(files.map((f) => f.name)).toEqual([`01-顶层.${format}`, `02-P1-的分解.${format}`]);
    for (const f of files) {
      if (format === 'svg') expect(new TextDecoder().decode(f.data)).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      else expect([...f.data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    }
    // Each level's own drawing: the child repeats the parent's neighbours, the top level has 采购处理.
    if (format === 'svg') {
      expect(new TextDecoder().decode(files[0]!.data)).toContain('采购处理');
      expect(new TextDecoder().decode(files[0]!.data)).not.toEqual(new TextDecoder().decode(files[1]!.data));
    }
  });
}

test('打印 prints every level on its own page (a PDF of one page per level)', async ({ page }) => {
  await openModeller(page);
  await twoLevels(page);
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await menu(page, '导出', '打印');
  const root = page.locator('.fb-print-root');
  await expect(root.locator('img')).toHaveCount(2);
  const names = await root.locator('.fb-print-diagram h2').allTextContents();
  expect(names).toHaveLength(2);
  await expect.poll(() => root.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete))).toBe(true);
  const pdf = await page.pdf({ format: 'A4' });
  const dir = mkdtempSync(join(tmpdir(), 'fb-levels-'));
  const file = join(dir, 'levels.pdf');
  writeFileSync(file, pdf);
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  expect(pages.length).toBeGreaterThanOrEqual(2);
  // The first page has the title and the first level; the second level starts a page of its own.
  expect(pages[0]).toContain(names[0]!);
  expect(pages[0]).not.toContain(names[1]!.trim());
  expect(pages.slice(1).some((p) => p.includes(names[1]!))).toBe(true);
});

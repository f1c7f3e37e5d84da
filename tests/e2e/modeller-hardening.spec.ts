/**
 * Issue 17 "Nothing lost, nothing executed, nothing frozen" in the built modeller: large documents
 * are read in a worker with progress and 取消导入, past the limits refused by name; a shared copy
 * does not replace what /modeller/ opens next time until it is kept.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import LZString from 'lz-string';
import { generateDocument } from '../../src/lib/dfd/generate.ts';
import { serializeDocument } from '../../src/lib/dfd/write.ts';
import { addSymbol, menu, node, nodes, openModeller, waitSaved } from '../fixtures/editor/support.ts';

/** A generated levelled document without positions, as a file for the file chooser. */
function unplacedFile(n: number, name: string) {
  const doc = generateDocument(n);
  for (const d of doc.diagrams)
    for (const x of d.nodes) {
      delete (x as { x?: number }).x;
      delete (x as { y?: number }).y;
    }
  doc.title = name;
  return { name: `${name}.dfd.json`, mimeType: 'application/json', buffer: Buffer.from(serializeDocument(doc)) };
}

async function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.locator('input[type=file]').setInputFiles(file);
}

test.describe('large documents', () => {
  test('a large document is read in a worker with progress; 取消导入 keeps the open diagram', async ({ page }) => {
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await openModeller(page);
    await addSymbol(page, '外部实体', '我的实体');
    await waitSaved(page);
    await chooseFile(page, unplacedFile(2500, '大文档'));
    const progress = page.getByRole('status').filter({ hasText: /正在(读取|排布)/ });
    await expect(progress).toBeVisible();
    await expect(progress.getByRole('progressbar')).toBeVisible();
    await expect(progress).toContainText(/正在排布第 \d+ 张图，共 \d+ 张/, { timeout: 30_000 });
    expect(workers.some((u) => /read\.worker/.test(u))).toBe(true);
    // The page answers while the worker reads: the open diagram can still be used.
    await node(page, '我的实体').click();
    await expect(node(page, '我的实体')).toHaveClass(/selected/);
    await expect(await new AxeBuilder({ page }).include('.fb-reading').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).toHaveProperty('violations', []);
    await progress.getByRole('button', { name: '取消导入' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已取消导入，打开的图没有改动' })).toBeAttached();
    await expect(progress).toHaveCount(0);
    await expect(nodes(page)).toHaveCount(1);
    await expect(page.locator('.fb-docname')).not.toHaveText('大文档');
    await menu(page, '文件', '打开');
    await expect(page.getByRole('dialog', { name: '我的图' }).getByRole('listitem')).toHaveCount(1);
  });

  test('a document read in the worker opens laid out, on its top level', async ({ page }) => {
    await openModeller(page);
    await chooseFile(page, unplacedFile(120, '中等文档'));
    await expect(page.locator('.fb-docname')).toHaveText('中等文档', { timeout: 45_000 });
    await expect(nodes(page)).toHaveCount(13);
  });

  test('past a limit the document is refused, naming the limit, the value and the command line; the open diagram stays', async ({ page }) => {
    await openModeller(page);
    await addSymbol(page, '处理', '我的处理');
    await waitSaved(page);
    const big = generateDocument(5000);
    await chooseFile(page, { name: 'big.dfd.json', mimeType: 'application/json', buffer: Buffer.from(serializeDocument(big)) });
    const alert = page.getByRole('alert').filter({ hasText: '无法读取这个文件' });
    await expect(alert).toContainText('这个图有 5001 个符号，超过建模器的上限 5000', { timeout: 30_000 });
    await expect(alert).toContainText('npm run --silent flowbook -- check');
    await expect(node(page, '我的处理')).toBeVisible();
    await expect(nodes(page)).toHaveCount(1);
  });
});

test.describe('shared copies', () => {
  const sharedDoc = {
    format: 'flowbook-dfd',
    version: 1,
    title: '分享来的图',
    diagrams: [{ id: 'd', nodes: [{ id: 'a', kind: 'entity', label: '分享的实体', x: 0, y: 0 }], flows: [] }],
  };
  const shareUrl = `/modeller/#share=${LZString.compressToEncodedURIComponent(JSON.stringify(sharedDoc))}`;

  async function ownDiagram(page: Page) {
    await openModeller(page);
    await addSymbol(page, '外部实体', '自己的实体');
    await waitSaved(page);
  }

  test('a share link opens a copy with a banner; /modeller/ opens the own diagram again until it is kept', async ({ page }) => {
    await ownDiagram(page);
    await page.goto('about:blank'); // a new load, not a hash change of the page already open
    await openModeller(page, shareUrl);
    const banner = page.getByRole('region', { name: /这是分享的副本/ });
    await expect(banner).toBeVisible();
    await expect(node(page, '分享的实体')).toBeVisible();
    await expect(await new AxeBuilder({ page }).include('.fb-modeller').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).toHaveProperty('violations', []);
    // Not kept: the next /modeller/ is the own diagram, and the copy is in no list.
    await openModeller(page);
    await expect(node(page, '自己的实体')).toBeVisible();
    await expect(page.getByRole('region', { name: /这是分享的副本/ })).toHaveCount(0);
    await menu(page, '文件', '打开');
    await expect(page.getByRole('dialog', { name: '我的图' }).getByRole('listitem')).toHaveCount(1);
  });

  test('保存到我的文档 keeps the copy: it is listed and opens next time', async ({ page }) => {
    await ownDiagram(page);
    await page.goto('about:blank'); // a new load, not a hash change of the page already open
    await openModeller(page, shareUrl);
    await page.getByRole('button', { name: '保存到我的文档' }).click();
    await expect(page.getByRole('region', { name: /这是分享的副本/ })).toHaveCount(0);
    await waitSaved(page);
    await openModeller(page);
    await expect(node(page, '分享的实体')).toBeVisible();
    await menu(page, '文件', '打开');
    await expect(page.getByRole('dialog', { name: '我的图' }).getByRole('listitem')).toHaveCount(2);
  });

  test('放弃 brings the own diagram back at once', async ({ page }) => {
    await ownDiagram(page);
    await page.goto('about:blank'); // a new load, not a hash change of the page already open
    await openModeller(page, shareUrl);
    await page.getByRole('button', { name: '放弃', exact: true }).click();
    await expect(node(page, '自己的实体')).toBeVisible();
    await expect(page.getByRole('region', { name: /这是分享的副本/ })).toHaveCount(0);
  });
});

test.describe('storage failing', () => {
  /** IndexedDB and localStorage refuse every write once `window.__storageFull` is set, as a full disk does. */
  async function withFailingStorage(page: Page) {
    await page.addInitScript(() => {
      const full = () => (window as unknown as { __storageFull?: boolean }).__storageFull === true;
      const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (full()) throw quota();
        return put.apply(this, args);
      };
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
        if (full()) throw quota();
        setItem.call(this, key, value);
      };
    });
    await openModeller(page);
    await addSymbol(page, '外部实体', '存好的实体');
    await waitSaved(page);
    await page.evaluate(() => ((window as unknown as { __storageFull?: boolean }).__storageFull = true));
    await addSymbol(page, '处理', '满了之后');
    await expect(page.getByRole('alert').filter({ hasText: '浏览器存储空间已满' })).toBeVisible();
    await expect(page.locator('.fb-savestate')).toHaveText('未保存');
  }

  const leaveDialog = (page: Page) => page.getByRole('alertdialog', { name: '这张图还没有保存' });

  test('importing another diagram asks first; kept, the unsaved one is in 打开 (未保存) and opens with its changes', async ({ page }) => {
    await withFailingStorage(page);
    await page.locator('input[type=file]').setInputFiles('tests/fixtures/editor/good.dfd.json');
    await expect(leaveDialog(page)).toBeVisible();
    await expect(leaveDialog(page).getByRole('button', { name: '取消' })).toBeFocused();
    await expect(await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).toHaveProperty('violations', []);
    await leaveDialog(page).getByRole('button', { name: '继续，留在打开列表里' }).click();
    await expect(page.locator('.fb-docname')).toHaveText('进书业务');
    await menu(page, '文件', '打开');
    const list = page.getByRole('dialog', { name: '我的图' });
    const unsaved = list.getByRole('button', { name: /（未保存）/ });
    await expect(unsaved).toHaveCount(1);
    await unsaved.click();
    await expect(node(page, '满了之后')).toBeVisible();
    await expect(node(page, '存好的实体')).toBeVisible();
    await expect(page.locator('.fb-savestate')).toHaveText('未保存');
  });

  test('导出 JSON 后继续 downloads the unsaved diagram with its changes, then goes on', async ({ page }) => {
    await withFailingStorage(page);
    await menu(page, '文件', '新建数据流程图');
    const download = page.waitForEvent('download');
    await leaveDialog(page).getByRole('button', { name: '导出 JSON 后继续' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/\.dfd\.json$/);
    const text = await new Promise<string>((resolve, reject) => {
      void d.createReadStream().then((s) => {
        let out = '';
        s.on('data', (c: Buffer) => (out += c.toString('utf8')));
        s.on('end', () => resolve(out));
        s.on('error', reject);
      });
    });
    expect(text).toContain('满了之后');
    // Then 新建 goes on: it asks for the new diagram's name.
    await page.getByRole('dialog', { name: '新建数据流程图' }).getByRole('button', { name: '确定' }).click();
    await expect(nodes(page)).toHaveCount(0);
  });

  test('取消 stays on the unsaved diagram; closing the tab asks first', async ({ page }) => {
    await withFailingStorage(page);
    await menu(page, '文件', '新建数据流程图');
    await leaveDialog(page).getByRole('button', { name: '取消' }).click();
    await expect(leaveDialog(page)).toHaveCount(0);
    await expect(node(page, '满了之后')).toBeVisible();
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
  });
});

test('a name field open when an import finishes does not rename an element of the imported diagram', async ({ page }) => {
  await openModeller(page);
  await chooseFile(page, unplacedFile(120, '导入中'));
  // While the worker reads, a new symbol's name field opens on the diagram still shown.
  await page.getByRole('group', { name: '符号' }).getByRole('button', { name: '处理', exact: true }).click();
  await expect(page.locator('.fb-docname')).toHaveText('导入中', { timeout: 45_000 });
  await expect(page.getByRole('textbox', { name: '编辑名称' })).toHaveCount(0);
  await page.keyboard.type('不该出现');
  await page.keyboard.press('Enter');
  await expect(node(page, '不该出现')).toHaveCount(0);
});

test('a large document is linted in a worker: its findings come from there', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openModeller(page);
  const doc = generateDocument(1200);
  doc.title = '大文档校验';
  doc.diagrams[0]!.nodes.push({ id: 'lonely', kind: 'process', code: 'P99', label: '孤立的处理', x: 0, y: 900 });
  await chooseFile(page, { name: 'lint.dfd.json', mimeType: 'application/json', buffer: Buffer.from(serializeDocument(doc)) });
  await expect(page.locator('.fb-docname')).toHaveText('大文档校验', { timeout: 45_000 });
  await expect(page.getByRole('region', { name: '校验结果' }).locator('[data-rule="process-needs-input"]')).toContainText('孤立的处理', { timeout: 30_000 });
  expect(workers.some((u) => /lint\.worker/.test(u))).toBe(true);
});

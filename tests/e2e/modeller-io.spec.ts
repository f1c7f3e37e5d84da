/** The DFD modeller: import, export, share links, exercises, language, accessibility. */
import { test, expect, type Download, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { addSymbol, connect, edges, findings, fixtureText, importFile, menu, node, nodes, openModeller, waitSaved } from '../fixtures/editor/support.ts';

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

test.describe('import', () => {
  test('a good file opens as a new diagram, with its data dictionary', async ({ page }) => {
    await openModeller(page);
    await addSymbol(page, '外部实体', '我的实体');
    await importFile(page, 'good.dfd.json');
    await expect(nodes(page)).toHaveCount(4);
    await expect(edges(page)).toHaveCount(5);
    await expect(page.locator('.fb-docname')).toHaveText('进书业务');
    await page.getByRole('tab', { name: '数据字典' }).click();
    await expect(page.getByLabel('组成')).toHaveValue('采购单号 + 书名 + 数量');
    // The user's own diagram is still there.
    await menu(page, '文件', '打开');
    await expect(page.getByRole('dialog', { name: '我的图' }).getByRole('listitem')).toHaveCount(2);
  });

  for (const [file, message] of [
    ['broken-kind.dfd.json', 'diagrams[0].nodes[1].kind: 未知的节点类型 "cloud"'],
    ['not-json.dfd.json', '不是有效的 JSON'],
    ['version-2.dfd.json', 'version: 不支持的格式版本 2'],
  ] as const) {
    test(`a file that cannot be read (${file}) is named in an alert; the open diagram stays`, async ({ page }) => {
      await openModeller(page);
      await addSymbol(page, '外部实体', '书商');
      await addSymbol(page, '处理', '审核');
      await waitSaved(page);
      await importFile(page, file);
      const alert = page.getByRole('alert').filter({ hasText: '无法读取这个文件' });
      await expect(alert).toContainText(message);
      await expect(nodes(page)).toHaveCount(2);
      await expect(node(page, '书商')).toBeVisible();
      await menu(page, '文件', '打开');
      await expect(page.getByRole('dialog', { name: '我的图' }).getByRole('listitem')).toHaveCount(1);
    });
  }

  test('a .dfd.json dropped on the canvas is imported; one without positions is laid out', async ({ page }) => {
    await openModeller(page);
    const text = fixtureText('no-positions.dfd.json');
    const dt = await page.evaluateHandle((t) => {
      const d = new DataTransfer();
      d.items.add(new File([t], 'no-positions.dfd.json', { type: 'application/json' }));
      return d;
    }, text);
    const canvas = page.locator('.fb-canvas');
    await canvas.dispatchEvent('dragover', { dataTransfer: dt });
    await canvas.dispatchEvent('drop', { dataTransfer: dt });
    await expect(nodes(page)).toHaveCount(3);
    await expect(page.locator('.fb-docname')).toHaveText('无坐标');
    // Laid out by the core: no two symbols overlap.
    const boxes = await nodes(page).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(overlap).toBe(false);
      }
  });

  test('Mermaid flowchart text pasted in is imported; copy Mermaid gives the text back', async ({ page }) => {
    await openModeller(page);
    await importFile(page, 'good.dfd.json');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await menu(page, '导出', '复制 Mermaid');
    const out = page.getByRole('dialog', { name: '复制 Mermaid' });
    await expect(out).toContainText('Mermaid 文本已复制到剪贴板');
    const text = await out.getByRole('textbox').inputValue();
    expect(text).toMatch(/^flowchart/m);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await out.getByRole('button', { name: '关闭' }).click();

    await menu(page, '文件', '粘贴 Mermaid');
    const dialog = page.getByRole('dialog', { name: '粘贴 Mermaid' });
    await dialog.getByRole('textbox').fill('这不是 mermaid');
    await dialog.getByRole('button', { name: '导入' }).click();
    await expect(dialog.getByRole('alert')).toContainText('无法读取这段 Mermaid 文本');
    await dialog.getByRole('textbox').fill(text);
    await dialog.getByRole('button', { name: '导入' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(nodes(page)).toHaveCount(4);
    await expect(edges(page)).toHaveCount(5);
    await expect(node(page, '审核采购单')).toContainText('P1');
  });
});

test.describe('export', () => {
  test('JSON export re-imports identical', async ({ page }) => {
    await openModeller(page);
    await importFile(page, 'good.dfd.json');
    await addSymbol(page, '外部实体', '供应商');
    const first = await exportAs(page, '导出 JSON');
    expect(first.name).toMatch(/\.dfd\.json$/);
    const doc = JSON.parse(first.body.toString('utf8'));
    expect(doc.format).toBe('flowbook-dfd');
    expect(doc.diagrams[0].nodes.map((n: { label: string }) => n.label)).toContain('供应商');

    await page.locator('input[type=file]').setInputFiles({ name: first.name, mimeType: 'application/json', buffer: first.body });
    await expect(nodes(page)).toHaveCount(5);
    const second = await exportAs(page, '导出 JSON');
    expect(second.body.toString('utf8')).toBe(first.body.toString('utf8'));
  });

  test('SVG and PNG are whole-diagram files built from the model', async ({ page }) => {
    await openModeller(page);
    await importFile(page, 'good.dfd.json');
    // Zoom in so that part of the diagram is off screen: exports still hold all of it.
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: '放大' }).click();

    const svg = await exportAs(page, '导出 SVG');
    expect(svg.name).toMatch(/\.svg$/);
    const info = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.getElementsByTagName('parsererror').length,
        name: root.nodeName,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        font: root.getAttribute('font-family'),
        kinds: [...doc.querySelectorAll('g[data-kind]')].map((g) => g.getAttribute('data-kind')),
        flows: doc.querySelectorAll('path[data-flow][marker-end]').length,
        text: root.textContent,
      };
    }, svg.body.toString('utf8'));
    expect(info.error).toBe(0);
    expect(info.name).toBe('svg');
    expect(info.font).toContain('Noto Sans CJK SC');
    expect(info.kinds.sort()).toEqual(['entity', 'process', 'process', 'store']);
    expect(info.flows).toBe(5);
    for (const label of ['书商', '审核采购单', '入库处理', '图书库存情况存档', '采购员', '合格采购单', 'S1']) expect(info.text).toContain(label);

    const png = await exportAs(page, '导出 PNG');
    expect(png.name).toMatch(/\.png$/);
    expect([...png.body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.body.readUInt32BE(16)).toBe(Math.ceil(info.width * 2));
    expect(png.body.readUInt32BE(20)).toBe(Math.ceil(info.height * 2));
  });

  test('the print view shows every diagram of the document', async ({ page }) => {
    await openModeller(page);
    await importFile(page, 'decompose.dfd.json');
    await node(page, '采购处理').click();
    await page.getByRole('button', { name: '分解', exact: true }).click();
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await menu(page, '导出', '打印');
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    const root = page.locator('.fb-print-root');
    await expect(root.locator('h1')).toHaveText('采购');
    await expect(root.locator('img')).toHaveCount(2);
    await page.emulateMedia({ media: 'print' });
    await expect(root).toBeVisible();
    await expect(page.locator('.fb-modeller')).toBeHidden();
  });

  test('share link: compressed into the fragment, opens as a copy, never over the own work', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openModeller(page);
    await importFile(page, 'good.dfd.json');
    await waitSaved(page);
    await page.getByRole('button', { name: '分享链接' }).click();
    const dialog = page.getByRole('dialog', { name: '分享链接' });
    await expect(dialog).toContainText('分享链接已复制到剪贴板');
    const url = await dialog.getByRole('textbox').inputValue();
    expect(new URL(url).pathname).toBe('/modeller/');
    expect(new URL(url).hash).toMatch(/^#share=/);
    await dialog.getByRole('button', { name: '关闭' }).click();

    const other = await context.newPage();
    await other.bringToFront();
    await openModeller(other, url.replace(/^https?:\/\/[^/]+/, ''));
    await expect(other.getByRole('status').filter({ hasText: '已从分享链接打开一份副本' })).toBeVisible();
    await expect(other.locator('.fb-docname')).toHaveText('进书业务（分享的副本）');
    await expect(nodes(other)).toHaveCount(4);
    await expect(edges(other)).toHaveCount(5);
    expect(new URL(other.url()).hash).toBe('');
    // The copy is held in memory until it is kept (tests/e2e/modeller-hardening.spec.ts).
    await menu(other, '文件', '打开');
    await expect(other.getByRole('dialog', { name: '我的图' }).getByRole('listitem')).toHaveCount(1);
  });

  test('a diagram too large for a link says so', async ({ page }) => {
    await openModeller(page);
    const big = {
      format: 'flowbook-dfd',
      version: 1,
      title: '大图',
      diagrams: [
        {
          id: 'top',
          nodes: Array.from({ length: 400 }, (_, i) => ({
            id: `n${i}`,
            kind: 'process',
            code: `P${i + 1}`,
            label: `处理${i}号${'长名称'.repeat(i % 7)}`,
            x: (i % 20) * 200,
            y: Math.floor(i / 20) * 160,
          })),
          flows: Array.from({ length: 399 }, (_, i) => ({ id: `f${i}`, from: `n${i}`, to: `n${i + 1}`, code: `F${i + 1}`, label: `数据${i * 7919}` })),
        },
      ],
    };
    await page.locator('input[type=file]').setInputFiles({ name: 'big.dfd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
    await expect(page.locator('.fb-docname')).toHaveText('大图');
    await page.getByRole('button', { name: '分享链接' }).click();
    await expect(page.getByRole('dialog', { name: '分享链接' }).getByRole('alert')).toContainText('链接有');
  });
});

test.describe('exercise mode', () => {
  test('a handed-out starting diagram earns nothing: checking it untouched scores 0', async ({ page }) => {
    await openModeller(page, '/modeller/?exercise=book-purchasing');
    const panel = page.getByRole('region', { name: '练习：进书' });
    await expect(panel).toContainText('请画出 P3“进书”的子图');
    await expect(nodes(page).first()).toBeVisible();
    await panel.getByRole('button', { name: '检查答案' }).click();
    await expect(panel).toContainText('得分：0 / 100');
    // The hint names the student's own process to decompose, and selects it when clicked.
    const hint = panel.getByRole('button', { name: '处理「进书」还需要画出它的分解（子图）' });
    await hint.click();
    await expect(node(page, '进书')).toHaveClass(/selected/);
  });

  const reference = JSON.parse(fixtureText('decompose.dfd.json'));
  const exercise = {
    slug: 'demo',
    title: '采购练习',
    scenario: '书店向书商采购图书。\n\n采购员审核书商的采购单，合格的记入采购记录，不合格的退回书商。',
    reference,
  };

  test('scenario beside the canvas; 检查答案 grades without giving names away; reference only when asked', async ({ page }) => {
    await page.route('**/exercises/demo.json', (r) => r.fulfill({ json: exercise }));
    await openModeller(page, '/modeller/?exercise=demo');
    const panel = page.getByRole('region', { name: '练习：采购练习' });
    await expect(panel).toContainText('采购员审核书商的采购单');
    await expect(nodes(page)).toHaveCount(0);
    await expect(panel.getByRole('img')).toHaveCount(0);

    await addSymbol(page, '外部实体', '书商');
    await addSymbol(page, '处理', '采购处理');
    await connect(page, node(page, '书商'), node(page, '采购处理'), '采购单');
    await panel.getByRole('button', { name: '检查答案' }).click();
    const result = panel.locator('.fb-exercise__result');
    await expect(result).toContainText(/得分：\d+ \/ 100/);
    // Hints name the student's own elements, per level, and say what is missing by kind and place…
    await expect(result).toContainText('这一层还缺少一个数据存储：它从处理「采购处理」接收数据，向处理「采购处理」发送数据');
    await expect(result).toContainText('处理「采购处理」还缺少一条流向外部实体「书商」的输出数据流');
    // …never by the reference's labels.
    await expect(result).not.toContainText('采购记录');
    await expect(result).not.toContainText('不合格采购单');
    // Lint findings are listed as always.
    await expect(findings(page).locator('[data-rule="process-needs-output"]')).toHaveCount(1);
    // A hint points at the element it is about.
    await page.keyboard.press('Escape');
    await result.getByRole('button', { name: /还缺少一条流向外部实体「书商」/ }).click();
    await expect(node(page, '采购处理')).toHaveClass(/selected/);
    await expect(node(page, '书商')).not.toHaveClass(/selected/);
    // The result goes out of date as soon as the diagram changes.
    await expect(result).not.toContainText('结果已过期');
    await addSymbol(page, '数据存储', '采购台账');
    await expect(result).toContainText('图已经修改，上面的结果已过期');

    // The reference opens a level at a time at its own size, with zoom, in a dialog in view.
    await panel.getByRole('button', { name: '显示参考答案' }).click();
    const dialog = page.getByRole('dialog', { name: /参考答案/ });
    const img = dialog.getByRole('img', { name: /参考答案/ });
    await expect(img).toBeVisible();
    await expect(img).toBeInViewport();
    const w = Number(await img.getAttribute('width'));
    expect(w).toBeGreaterThan(300);
    await dialog.getByRole('button', { name: '放大' }).click();
    await expect.poll(async () => Number(await img.getAttribute('width'))).toBeGreaterThan(w);
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect(dialog).toHaveCount(0);

    // Progress is kept like any diagram.
    await waitSaved(page);
    await page.reload();
    await expect(page.locator('.fb-modeller')).toHaveAttribute('data-ready', 'true');
    await expect(node(page, '采购处理')).toBeVisible();
    await expect(page.getByRole('region', { name: '练习：采购练习' })).toBeVisible();

    // Other work opens without the scenario; the exercise's work brings it back.
    await menu(page, '文件', '新建数据流程图');
    await page.getByRole('dialog', { name: '新建数据流程图' }).getByRole('button', { name: '确定' }).click();
    await expect(page.getByRole('region', { name: '练习：采购练习' })).toHaveCount(0);
    expect(new URL(page.url()).search).toBe('');
    await menu(page, '文件', '打开');
    await page.getByRole('dialog', { name: '我的图' }).locator('.fb-files__open', { hasText: '采购练习' }).click();
    await expect(page.getByRole('region', { name: '练习：采购练习' })).toBeVisible();
    expect(new URL(page.url()).search).toBe('?exercise=demo');
  });

  test('an exercise that does not exist says so', async ({ page }) => {
    await openModeller(page, '/modeller/?exercise=no-such-exercise');
    await expect(page.getByRole('alert').filter({ hasText: '无法载入练习' })).toBeVisible();
  });
});

test.describe('data dictionary', () => {
  test('the data dictionary: an entry per flow and store, kept in the document', async ({ page }) => {
    await openModeller(page);
    await importFile(page, 'good.dfd.json');
    await expect(findings(page).locator('[data-rule="dictionary-entry"]')).toHaveCount(5);
    await page.getByRole('tab', { name: '数据字典' }).click();
    await page.getByRole('button', { name: '添加条目：合格采购单' }).click();
    await expect(findings(page).locator('[data-rule="dictionary-entry"]')).toHaveCount(4);
    const composition = page.getByLabel('组成').nth(1);
    await composition.fill('采购单号 + 审核意见');
    await composition.press('Tab');
    await page.getByLabel('别名（用逗号分隔）').nth(1).fill('合格单，通过的采购单');
    await page.getByLabel('别名（用逗号分隔）').nth(1).press('Tab');
    const out = await exportAs(page, '导出 JSON');
    const doc = JSON.parse(out.body.toString('utf8'));
    expect(doc.dictionary[1]).toEqual({ name: '合格采购单', kind: 'flow', composition: '采购单号 + 审核意见', aliases: ['合格单', '通过的采购单'] });
  });
});

test('the English interface at /en/modeller/', async ({ page }) => {
  await openModeller(page, '/en/modeller/');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await page.getByRole('group', { name: 'Symbols' }).getByRole('button', { name: 'Process', exact: true }).click();
  await page.keyboard.type('Review order');
  await page.keyboard.press('Enter');
  const region = page.getByRole('region', { name: 'Validation results' });
  const item = region.locator('[data-rule="process-needs-input"]');
  await expect(item).toContainText('Review order');
  await expect(item.getByRole('link')).toHaveAttribute('href', '/en/learn/rules/process-needs-input/');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the modeller with a drawing, ${theme} theme`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await openModeller(page);
    await importFile(page, 'good.dfd.json');
    await expect(page.locator('.fb-docname')).toHaveText('进书业务'); // imports finish in a worker
    await addSymbol(page, '处理', '孤立处理');
    await node(page, '审核采购单').click();
    await expect(findings(page).locator('[data-rule="process-needs-input"]')).toHaveCount(1);
    const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const results = await axe();
    expect(results.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))).toEqual([]);
    await page.getByRole('tab', { name: '数据字典' }).click();
    await menu(page, '文件', '打开');
    const again = await axe();
    expect(again.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))).toEqual([]);
  });
}

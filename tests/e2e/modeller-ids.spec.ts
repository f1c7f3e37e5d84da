/**
 * Ids and labels are data (issue 17, point 7), in the page: documents whose ids and labels are
 * drawn by fast-check from hostile strings (quotes, brackets, `<img onerror>`, backslashes, lone
 * surrogates, bidi controls) and arbitrary Unicode are imported through the real file chooser,
 * then selected, clicked, connected, renamed, exported (JSON, SVG) and printed through the real
 * interface; no case may raise a page error, and no markup in a label may run.
 */
import { test, expect, type Download, type Page } from '@playwright/test';
import fc from 'fast-check';
import { connect, menu, node, nodes, openModeller } from '../fixtures/editor/support.ts';

const HOSTILE = [
  'a"b',
  "it's",
  'x]y[z',
  '[data-id="n1"]',
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  'a\\b\\\\c',
  '\ud800',
  'x\udc00',
  '\u202egpj.exe',
  '#quot; &amp; %%',
  '../..',
  '~0041',
  'n0',
  '${x}`',
];
const idArb = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }));
const labelArb = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));

/** Three symbols (entity, process, store) and two flows, plus a child level of the process. */
const docArb = fc.record({
  ids: fc.uniqueArray(idArb, { minLength: 8, maxLength: 8 }),
  labels: fc.array(labelArb, { minLength: 6, maxLength: 6 }),
  rename: labelArb,
});

type Case = { ids: string[]; labels: string[]; rename: string };

function documentOf(c: Case, n: number) {
  const [d0, d1, a, b, s, f1, f2, p1] = c.ids as [string, string, string, string, string, string, string, string];
  const [la, lb, ls, lf1, lf2, title] = c.labels as [string, string, string, string, string, string];
  return {
    format: 'flowbook-dfd',
    version: 1,
    title: `${title} №${n}`,
    diagrams: [
      {
        id: d0,
        title,
        nodes: [
          { id: a, kind: 'entity', label: `${la} №${n}`, x: 0, y: 0 },
          { id: b, kind: 'process', code: 'P1', label: lb, x: 320, y: 0 },
          { id: s, kind: 'store', code: 'D1', label: ls, x: 640, y: 160 },
        ],
        flows: [
          { id: f1, from: a, to: b, label: lf1 },
          { id: f2, from: b, to: s, label: lf2 },
        ],
      },
      { id: d1, refines: { diagram: d0, process: b }, nodes: [{ id: p1, kind: 'process', code: 'P1.1', label: lb, x: 0, y: 0 }], flows: [] },
    ],
  };
}

async function text(d: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of await d.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function exportItem(page: Page, item: string): Promise<Download> {
  const wait = page.waitForEvent('download');
  await menu(page, '导出', item);
  return wait;
}

test('arbitrary ids and labels, through import, select, click, connect, rename, export and print, raise no page error', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  page.on('dialog', (d) => void d.dismiss());
  await page.addInitScript(() => {
    window.print = () => setTimeout(() => window.dispatchEvent(new Event('afterprint')), 50);
  });
  await openModeller(page);
  let n = 0;
  await fc.assert(
    fc.asyncProperty(docArb, async (c) => {
      n++;
      const doc = documentOf(c, n);
      await page.locator('input[type=file]').setInputFiles({ name: 'case.dfd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
      const first = node(page, `№${n}`);
      await expect(first).toBeVisible();
      await expect(nodes(page)).toHaveCount(3);
      // Select and click: a symbol, then a flow's name.
      await first.click();
      await expect(first).toHaveClass(/selected/);
      await page.locator('.fb-flow-label').first().click();
      // Connect the store to the entity (React Flow looks the target handle up by id).
      await connect(page, nodes(page).nth(2), first, 'x');
      await expect(page.locator('.react-flow__edge')).toHaveCount(3);
      // Rename the store in place, to another hostile label (the process opens its child level).
      await page
        .locator('.react-flow__node')
        .filter({ has: page.locator('.fb-node--store') })
        .dblclick();
      const input = page.getByRole('textbox', { name: '编辑名称' });
      await expect(input).toBeFocused();
      await input.fill(c.rename);
      await input.press('Enter');
      // Keyboard on a focused symbol (the key map reads its id back from the page).
      await first.focus();
      await page.keyboard.press('F2');
      await page.keyboard.press('Escape');
      // The child level, by the level list.
      await page.getByLabel('层次', { exact: true }).selectOption({ index: 1 });
      await expect(nodes(page)).not.toHaveCount(0);
      await page.getByLabel('层次', { exact: true }).selectOption({ index: 0 });
      // Export and print.
      const json = JSON.parse(await text(await exportItem(page, '导出 JSON'))) as { diagrams: { id: string }[] };
      expect(json.diagrams.map((d) => d.id)).toEqual([doc.diagrams[0]!.id, doc.diagrams[1]!.id]);
      const svg = await exportItem(page, '导出 SVG');
      expect(svg.suggestedFilename()).not.toMatch(/[\\/:*?"<>|\u0000-\u001f\u202a-\u202e]/);
      expect(await text(svg)).toMatch(/^<svg|^<\?xml/);
      await menu(page, '导出', '打印');
      await expect(page.locator('.fb-print-root')).toHaveCount(0);
      expect(errors).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    }),
    { numRuns: 12, endOnFailure: true },
  );
});

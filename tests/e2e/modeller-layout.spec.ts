/**
 * 自动布局 and label placement in the modeller (issue 13): the 报损 reference diagram laid out
 * fits the canvas at a readable size with no symbols overlapping and no flow label over a symbol,
 * in one undo step; the direction can be chosen; symbols added by a click leave room for a flow.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addSymbol, connect, node, nodes, openModeller } from '../fixtures/editor/support.ts';

type Box = { x: number; y: number; width: number; height: number };
const meet = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const boxes = async (l: Locator) => (await l.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) as Box[];
const zoom = (page: Page) => page.locator('.react-flow__viewport').evaluate((e) => new DOMMatrixReadOnly(getComputedStyle(e).transform).a);

/** Waits until the canvas stops moving (layout applied, fitView's animation done). */
async function settled(page: Page) {
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify([await page.locator('.react-flow__viewport').evaluate((e) => getComputedStyle(e).transform), await boxes(nodes(page))]);
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
}

/**
 * Opens the 报损 reference solution, its level 0 shown. `old`: with the positions the former
 * automatic layout gave it (one long row, tests/fixtures/dfd/layout/before-positions.json).
 */
async function openLevel0(page: Page, old = false) {
  await openModeller(page);
  const file = 'damage-write-off.dfd.json';
  const doc = JSON.parse(readFileSync(join(process.cwd(), 'content/dfd/exercises', file), 'utf8')) as {
    diagrams: { id: string; nodes: { id: string; x?: number; y?: number }[] }[];
  };
  if (old) {
    const positions = JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/dfd/layout/before-positions.json'), 'utf8'))[file];
    for (const d of doc.diagrams) for (const n of d.nodes) [n.x, n.y] = positions[d.id][n.id];
  }
  await page.locator('input[type=file]').setInputFiles({ name: file, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(page.locator('#fb-level-select')).toBeVisible();
  await page.locator('#fb-level-select').selectOption('level0');
  await expect(nodes(page)).toHaveCount(5);
}

test('自动布局 on 报损: fitted, readable, nothing overlapping, labels clear of symbols, one undo step', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await openLevel0(page, true);
  await settled(page);
  const before = await boxes(nodes(page));
  const z0 = await zoom(page);
  await page.getByRole('button', { name: '自动布局', exact: true }).click();
  // The layout engine loads on first use: wait for the symbols to move before waiting for calm.
  await expect.poll(async () => JSON.stringify(await boxes(nodes(page))), { timeout: 20_000 }).not.toBe(JSON.stringify(before));
  await settled(page);

  const pane = (await page.locator('.react-flow').boundingBox())!;
  const symbols = await boxes(nodes(page));
  expect(symbols).not.toEqual(before);
  // Fitted: every symbol inside the canvas.
  for (const b of symbols) {
    expect(b.x).toBeGreaterThanOrEqual(pane.x);
    expect(b.y).toBeGreaterThanOrEqual(pane.y);
    expect(b.x + b.width).toBeLessThanOrEqual(pane.x + pane.width);
    expect(b.y + b.height).toBeLessThanOrEqual(pane.y + pane.height);
  }
  // Readable: the names render at least 11 px high (the long row they replace showed them smaller).
  const z = await zoom(page);
  expect(z).toBeGreaterThan(z0);
  const fontPx = await page
    .locator('.fb-node__label')
    .first()
    .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(fontPx * z).toBeGreaterThanOrEqual(11);
  for (const h of (await boxes(page.locator('.fb-node__label'))).map((b) => b.height)) expect(h).toBeGreaterThanOrEqual(11);
  // No symbols overlapping, no flow label over a symbol.
  for (let i = 0; i < symbols.length; i++) for (let j = i + 1; j < symbols.length; j++) expect(meet(symbols[i]!, symbols[j]!)).toBe(false);
  const labels = await boxes(page.locator('.fb-flow-label__bg'));
  expect(labels).toHaveLength(8);
  for (const l of labels) for (const s of symbols) expect(meet(l, s), JSON.stringify({ l, s })).toBe(false);

  // One undo step puts every symbol back.
  await page.keyboard.press('Control+z');
  await settled(page);
  const undone = await boxes(nodes(page));
  // In the diagram's own coordinates (screen distances over the zoom), relative to the first symbol.
  const rel = (bs: Box[], z: number) => bs.map((b) => [Math.round((b.x - bs[0]!.x) / z), Math.round((b.y - bs[0]!.y) / z)]);
  const back = rel(undone, await zoom(page));
  rel(before, z0).forEach(([x, y], i) => {
    expect(Math.abs(back[i]![0]! - x!)).toBeLessThanOrEqual(2);
    expect(Math.abs(back[i]![1]! - y!)).toBeLessThanOrEqual(2);
  });
});

test('the layout direction: 从上到下 puts the entity above the processes, 从左到右 to their left', async ({ page }) => {
  await openLevel0(page);
  const direction = page.getByRole('combobox', { name: '布局方向' });
  const centre = async (text: string) => {
    const b = (await node(page, text).boundingBox())!;
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };
  await direction.selectOption({ label: '从上到下' });
  await settled(page);
  expect((await centre('库房')).y).toBeLessThan((await centre('审核报损清单')).y);
  expect((await centre('审核报损清单')).y).toBeLessThan((await centre('报损登帐')).y);
  await direction.selectOption({ label: '从左到右' });
  await settled(page);
  expect((await centre('库房')).x).toBeLessThan((await centre('审核报损清单')).x);
  expect((await centre('审核报损清单')).x).toBeLessThan((await centre('报损登帐')).x);
});

test('symbols added by a click leave room for a flow: its label shows between them, over neither', async ({ page }) => {
  await openModeller(page);
  await addSymbol(page, '外部实体', '仓库');
  await addSymbol(page, '处理', '审核报损清单');
  const [a, b] = await boxes(nodes(page));
  const z = await zoom(page);
  const gap = Math.max(b!.x - (a!.x + a!.width), a!.x - (b!.x + b!.width), b!.y - (a!.y + a!.height), a!.y - (b!.y + b!.height)) / z;
  expect(gap).toBeGreaterThanOrEqual(159);
  await connect(page, node(page, '仓库'), node(page, '审核报损清单'), '报损清单');
  await connect(page, node(page, '审核报损清单'), node(page, '仓库'), '不合格报损清单');
  const labels = await boxes(page.locator('.fb-flow-label__bg'));
  expect(labels).toHaveLength(2);
  const symbols = await boxes(nodes(page));
  for (const l of labels) for (const s of symbols) expect(meet(l, s)).toBe(false);
  // Two opposite flows: their labels do not touch.
  const [l1, l2] = labels;
  expect(meet({ x: l1!.x - 1, y: l1!.y - 1, width: l1!.width + 2, height: l1!.height + 2 }, l2!)).toBe(false);
});

/** Procedure pages and the views generated from their data. */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readAllProcedures } from '../../src/lib/content/procedures-loader.ts';
import { matrixCsv } from '../../src/lib/procedures/views.ts';
import { builtText } from './support/site.ts';

const procedures = (await readAllProcedures()).map((p) => p.data);

test('there are procedure data files', () => {
  expect(procedures.length).toBeGreaterThanOrEqual(11);
});

for (const p of procedures) {
  test.describe(`${p.title} (/procedures/${p.slug}/)`, () => {
    test('has its flowchart, roles, matrix and forms', async ({ page }) => {
      await page.goto(`/procedures/${p.slug}/`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('figure.fb-diagram').first()).toBeVisible();
      const table = page.getByRole('table', { name: `${p.title}：责任矩阵（RACI）` });
      await expect(table).toBeVisible();
      await expect(table.locator('thead th[scope="col"]')).toHaveCount(p.roles.length + 1);
      await expect(table.locator('tbody th[scope="row"]')).toHaveCount(p.activities.length);
      for (const r of p.roles) await expect(table.locator('thead').getByText(r.name, { exact: true })).toBeVisible();
      const text = builtText(`/procedures/${p.slug}/`);
      for (const f of p.forms) expect(text, `form ${f.name}`).toContain(f.name);
      for (const a of p.activities) if (a.deadline) expect(text, `deadline of ${a.name}`).toContain(a.deadline);
      expect(text).toContain(p.owner);
    });

    test('the matrix downloads as CSV', async ({ page }) => {
      await page.goto(`/procedures/${p.slug}/`);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: '下载责任矩阵 CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${p.slug}-raci.csv`);
      expect(readFileSync((await download.path())!, 'utf8')).toBe(matrixCsv(p));
    });
  });
}

test('a procedure page prints on A4 without navigation, with its diagram and whole matrix', async ({ page }) => {
  // The measurements of the printed layout of every procedure are in print.spec.ts.
  const p = procedures[0]!;
  await page.goto(`/procedures/${p.slug}/`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav.sidebar')).toBeHidden();
  await expect(page.locator('header.header')).toBeHidden();
  await expect(page.locator('.fb-diagram__actions').first()).toBeHidden();
  // A diagram prints whole, or as page-high slices when it is long.
  await expect(page.locator('.fb-diagram__img--light:visible, .fb-diagram__slice:visible').first()).toBeVisible();
  await expect(page.locator('.fb-matrix__print-table').first()).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
});

test('each role has a page listing its duties in every procedure', async ({ page }) => {
  const roles = new Map<string, { name: string; procedures: string[] }>();
  for (const p of procedures) {
    for (const r of p.roles) {
      const v = roles.get(r.id) ?? { name: r.name, procedures: [] };
      v.procedures.push(p.title);
      roles.set(r.id, v);
    }
  }
  await page.goto('/roles/');
  for (const [id, v] of roles) {
    await expect(page.getByRole('link', { name: v.name, exact: true })).toHaveAttribute('href', `/roles/${id}/`);
    const text = builtText(`/roles/${id}/`);
    for (const title of v.procedures) expect(text, `${id} lists ${title}`).toContain(title);
  }
});

test('the forms page lists every form with the steps that produce and use it', () => {
  const text = builtText('/forms/');
  for (const p of procedures) for (const f of p.forms) expect(text, f.name).toContain(f.name);
});

test('the glossary lists every term', () => {
  const text = builtText('/glossary/');
  for (const p of procedures) for (const g of p.glossary) expect(text, g.term).toContain(g.term);
});

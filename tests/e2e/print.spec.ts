/**
 * Procedure pages on A4 paper, measured rather than looked at: in print, every cell of the
 * responsibility matrix lies within the printable width and every role is in it; the PDF has no
 * blank page and no page that ends with a heading (a heading orphaned from its section).
 */
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAllProcedures } from '../../src/lib/content/procedures-loader.ts';

const procedures = (await readAllProcedures()).map((p) => p.data);

/** A4 (210 mm) less the 12 mm side margins of src/styles/print.css, in CSS pixels (96 per inch). */
const PRINT_WIDTH = Math.floor(((210 - 2 * 12) / 25.4) * 96);

async function printLayout(page: Page, slug: string) {
  await page.setViewportSize({ width: PRINT_WIDTH, height: 1000 });
  await page.goto(`/procedures/${slug}/`);
  await page.emulateMedia({ media: 'print' });
}

/** Text of each page of a PDF (pdftotext, from poppler-utils: `npm install` installs it). */
function pdfPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'fb-print-'));
  const file = join(dir, 'page.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

for (const p of procedures) {
  test.describe(`print: ${p.title} (/procedures/${p.slug}/)`, () => {
    test('the whole matrix lies within the A4 printable width, every role once', async ({ page }) => {
      await printLayout(page, p.slug);
      await expect(page.locator('.fb-matrix > .fb-table-scroll')).toBeHidden();
      const layout = await page.evaluate(() => {
        const tables = [...document.querySelectorAll<HTMLTableElement>('.fb-matrix__print-table')];
        const out: string[] = [];
        for (const t of tables) {
          for (const cell of t.querySelectorAll<HTMLElement>('th, td')) {
            const r = cell.getBoundingClientRect();
            if (r.width === 0) out.push(`hidden cell ${cell.textContent}`);
            if (r.left < -0.5 || r.right > document.documentElement.clientWidth + 0.5) {
              out.push(`cell “${cell.textContent?.trim()}” at ${Math.round(r.left)}–${Math.round(r.right)}`);
            }
            // Text must not spill out of its cell either (a role name too long for its column).
            if (cell.scrollWidth > cell.clientWidth + 1) out.push(`text overflows “${cell.textContent?.trim()}”`);
          }
        }
        return {
          out,
          pageWidth: document.documentElement.scrollWidth,
          roles: tables.flatMap((t) => [...t.querySelectorAll('thead th')].slice(1).map((th) => th.textContent!.trim())),
          rows: tables.map((t) => t.querySelectorAll('tbody tr').length),
          cells: tables.flatMap((t) => [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()))),
        };
      });
      expect(layout.out).toEqual([]);
      expect(layout.pageWidth).toBeLessThanOrEqual(PRINT_WIDTH);
      expect(layout.roles).toEqual(p.roles.map((r) => r.name));
      for (const n of layout.rows) expect(n).toBe(p.activities.length);
      // Every letter of the data is printed in its role's column.
      const printed = layout.cells.flat().filter(Boolean).length;
      const letters = p.activities.reduce((n, a) => n + Object.keys(a.raci).length, 0);
      expect(printed).toBe(letters);
    });

    test('diagrams fit the printable width; a long one is printed as page-high slices', async ({ page }) => {
      await printLayout(page, p.slug);
      const out = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const problems: string[] = [];
        for (const fig of document.querySelectorAll<HTMLElement>('figure.fb-diagram')) {
          const long = fig.classList.contains('fb-diagram--long');
          const shown = long ? [...fig.querySelectorAll<HTMLElement>('.fb-diagram__slice')] : [fig.querySelector<HTMLElement>('.fb-diagram__img--light')!];
          if (shown.length === 0) problems.push(`${fig.dataset.diagram}: nothing printed`);
          for (const el of shown) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.right > width + 0.5) problems.push(`${fig.dataset.diagram}: ${Math.round(r.left)}–${Math.round(r.right)}`);
            // One A4 page is 1123 px tall, less 30 mm of margins.
            if (r.height > 1010) problems.push(`${fig.dataset.diagram}: ${Math.round(r.height)} px tall`);
          }
          if (long) {
            const sliced = shown.reduce((h, el) => h + el.getBoundingClientRect().height, 0);
            const full = (Number(fig.dataset.height) * Math.min(Number(fig.dataset.width), 703)) / Number(fig.dataset.width);
            if (sliced < full) problems.push(`${fig.dataset.diagram}: slices cover ${Math.round(sliced)} of ${Math.round(full)} px`);
          }
        }
        return problems;
      });
      expect(out).toEqual([]);
    });

    test('the A4 PDF has no blank page and no page ending in a heading', async ({ page }) => {
      await page.goto(`/procedures/${p.slug}/`);
      // Headings, table captions, and paragraphs that are only bold text (they introduce what follows
      // as a heading does); not texts that are also a figure's caption, which may end a page.
      const headings = await page.evaluate(() => {
        const text = (e: Element) => (e.textContent ?? '').replace(/\s+/g, '');
        const captions = new Set([...document.querySelectorAll('main figcaption')].map(text));
        return [...document.querySelectorAll('main h2, main h3, main h4, main p, main caption')]
          .filter((e) => e.tagName !== 'P' || (e.children.length === 1 && e.firstElementChild!.tagName === 'STRONG' && text(e) === text(e.firstElementChild!)))
          .map(text)
          .filter((t) => !captions.has(t));
      });
      const pages = pdfPages(await page.pdf({ format: 'A4', printBackground: true }));
      expect(pages.length).toBeGreaterThan(1);
      const problems: string[] = [];
      pages.forEach((text, i) => {
        const lines = text
          .split('\n')
          .map((l) => l.replace(/\s+/g, ''))
          .filter(Boolean);
        if (lines.length === 0) problems.push(`page ${i + 1} is blank`);
        const last = lines.at(-1) ?? '';
        const lastTwo = lines.slice(-2).join('');
        if (i < pages.length - 1 && (headings.includes(last) || headings.includes(lastTwo))) {
          problems.push(`page ${i + 1} ends with the heading “${last}”`);
        }
      });
      expect(problems).toEqual([]);
    });
  });
}

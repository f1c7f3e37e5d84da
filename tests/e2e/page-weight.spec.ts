/**
 * Light pages (issue 15, point 3): no built page's HTML is over 150 KB, so a page reads quickly on
 * a slow connection. Reads dist/ as built (run `npm run build` first; without dist/ the test fails
 * and says so). The widest responsibility matrix (23 roles × 39 steps) was 334 KB of HTML.
 */
import { test, expect } from '@playwright/test';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { builtHtml, builtPages, DIST } from './support/site.ts';

const MAX_PAGE_BYTES = 150 * 1024;

function fileOf(urlPath: string): string {
  return urlPath.endsWith('/') ? join(DIST, urlPath, 'index.html') : join(DIST, urlPath);
}

test('no built page has more than 150 KB of HTML', () => {
  const pages = builtPages();
  expect(pages.length, 'dist/ holds no pages: run `npm run build` first').toBeGreaterThan(100);
  const sizes = pages.map((p) => ({ page: p, bytes: statSync(fileOf(p)).size }));
  const over = sizes.filter((s) => s.bytes > MAX_PAGE_BYTES).map((s) => `${s.page}: ${(s.bytes / 1024).toFixed(1)} KB`);
  expect(over, `pages over ${MAX_PAGE_BYTES / 1024} KB`).toEqual([]);
});

test('the responsibility matrix is in the HTML once, its empty cells empty', () => {
  const html = builtHtml('/procedures/is-internal-control/');
  // One table of the matrix; the step cards and print tables are built from it in the browser.
  expect(html.match(/<table class="fb-matrix__table/g)).toHaveLength(1);
  expect(html.includes('fb-matrix__print-table'), 'print tables in the HTML').toBe(false);
  expect(html.includes('fb-matrix__card"'), 'step cards in the HTML').toBe(false);
  // A blank cell is an empty <td>, and the legend (which describes the table) says what a blank means.
  expect(html.includes('<span class="sr-only">无</span>'), 'hidden 无 in empty cells').toBe(false);
  expect(html.includes('<td></td>'), 'empty cells as <td></td>').toBe(true);
  expect(html.includes('aria-describedby="fb-matrix-is-internal-control-legend"'), 'the table described by its legend').toBe(true);
  expect(/id="fb-matrix-is-internal-control-legend"[^>]*>[\s\S]*?空白：该角色在这一步没有职责/.test(html), 'the legend says what a blank means').toBe(true);
  // The CSV is a file of its own, not a data: URI in the page.
  expect(html.includes('href="data:text/csv'), 'the CSV as a data: URI').toBe(false);
  expect(statSync(join(DIST, 'procedures', 'is-internal-control.raci.csv')).size).toBeGreaterThan(1000);
});

/**
 * axe (WCAG 2.2 AA) on every built page, in the dark theme on a sample, and no page scrolls
 * sideways at phone width (390 px).
 *
 * A sweep, not one test per page: each worker keeps one browser page (and one 390 px page) and
 * walks a shard of the page list with it, so no check pays for a fresh browser context. Shards
 * take every n-th page, which spreads the heavy exercise pages, and there are several shards per
 * check so both workers stay busy to the end. A shard collects every failing page with its
 * violations and ends with one expect on that list, so a failure names all its pages at once.
 * Each shard prints its pages and seconds, and the last one to finish prints the whole sweep.
 */
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Browser, type Page, type WorkerInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtPages } from './support/site.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** FLOWBOOK_A11Y_PAGES=<regex> sweeps only the matching pages (to check a few pages quickly). */
const only = process.env.FLOWBOOK_A11Y_PAGES ? new RegExp(process.env.FLOWBOOK_A11Y_PAGES) : undefined;
const pages = builtPages().filter((p) => p !== '/404.html' && (!only || only.test(p)));

const sample = (re: RegExp) => pages.find((p) => re.test(p));
const darkSample = [
  '/',
  sample(/^\/procedures\/[^/]+\/$/),
  sample(/^\/learn\/[^/]+\/$/),
  sample(/^\/learn\/exercises\/[^/]+\/$/),
  sample(/^\/learn\/rules\/[^/]+\/$/),
  sample(/^\/roles\/[^/]+\/$/),
  '/forms/',
  '/modeller/',
].filter((p): p is string => Boolean(p) && pages.includes(p!));

/** Shards per check: several per worker, so a slow shard does not leave the other worker idle. */
const AXE_SHARDS = 8;
const PHONE_SHARDS = 4;
const shard = (list: string[], i: number, n: number) => list.filter((_, k) => k % n === i);

async function openPage(browser: Browser, info: WorkerInfo, viewport?: { width: number; height: number }) {
  const { baseURL, locale } = info.project.use;
  const context = await browser.newContext({ baseURL, locale, ...(viewport ? { viewport } : {}) });
  return { context, page: await context.newPage() };
}

/** One page per worker for the axe sweep, one at 390 px for the phone check; reused by every shard. */
const test = base.extend<object, { sweepPage: Page; phonePage: Page }>({
  sweepPage: [
    async ({ browser }, use, info) => {
      const { context, page } = await openPage(browser, info);
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
  phonePage: [
    async ({ browser }, use, info) => {
      const { context, page } = await openPage(browser, info, { width: 390, height: 844 });
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
});

test.describe.configure({ mode: 'parallel' });

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: string[];
}

async function axe(page: Page): Promise<Violation[]> {
  // Check the page as a user meets it: after Starlight's scripts have enabled the search button.
  await page.locator('button[data-open-modal]:not([disabled])').first().waitFor({ state: 'attached' });
  // Legacy mode runs axe in the page itself; the default mode opens, and closes, a blank page for
  // every analysis to merge per-frame results, and the site has no frames to merge.
  const results = await new AxeBuilder({ page }).withTags(WCAG).setLegacyMode(true).analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}

/** Walks `list` with one page; returns the failures as { page: problem }, never stops early. */
async function sweep<T>(list: string[], check: (path: string) => Promise<T | undefined>) {
  const failures: Record<string, T | string> = {};
  for (const path of list) {
    try {
      const problem = await check(path);
      if (problem !== undefined) failures[path] = problem;
    } catch (e) {
      failures[path] = `check failed: ${(e as Error).message.split('\n')[0]}`;
    }
  }
  return failures;
}

/** Prints this shard's figures; the shard that completes the sweep prints the whole of it. */
function report(label: string, checked: number, ms: number, outputDir: string) {
  console.log(`a11y ${label}: ${checked} pages in ${(ms / 1000).toFixed(1)} s`);
  mkdirSync(outputDir, { recursive: true });
  const log = join(outputDir, 'a11y-sweep.jsonl');
  const now = Date.now();
  appendFileSync(log, JSON.stringify({ label, checked, start: now - ms, end: now }) + '\n');
  const done = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { checked: number; start: number; end: number });
  if (done.length === AXE_SHARDS + PHONE_SHARDS + 1) {
    const total = done.reduce((s, d) => s + d.checked, 0);
    const wall = Math.max(...done.map((d) => d.end)) - Math.min(...done.map((d) => d.start));
    console.log(`a11y sweep: ${pages.length} pages (axe light and 390 px on each, axe dark on ${darkSample.length}): ` + `${total} checks in ${(wall / 1000).toFixed(1)} s`);
  }
}

test.describe('accessibility sweep (axe, WCAG 2.2 AA, light theme)', () => {
  for (let i = 0; i < AXE_SHARDS; i++) {
    const list = shard(pages, i, AXE_SHARDS);
    test(`axe, light: shard ${i + 1}/${AXE_SHARDS} (${list.length} pages)`, async ({ sweepPage: page }, info) => {
      test.setTimeout(30_000 + list.length * 10_000);
      const t0 = Date.now();
      const failures = await sweep(list, async (path) => {
        await page.goto(path);
        const v = await axe(page);
        return v.length ? v : undefined;
      });
      report(`axe light shard ${i + 1}/${AXE_SHARDS}`, list.length, Date.now() - t0, info.project.outputDir);
      expect(failures, `pages with axe violations (light theme)`).toEqual({});
    });
  }
});

test.describe('accessibility in the dark theme', () => {
  test(`axe, dark: ${darkSample.length} sample pages`, async ({ browser }, info) => {
    test.setTimeout(30_000 + darkSample.length * 10_000);
    const t0 = Date.now();
    // Its own context (one for the whole sample): the theme choice lives in localStorage.
    const context = await browser.newContext({ baseURL: info.project.use.baseURL, locale: info.project.use.locale });
    await context.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
    const page = await context.newPage();
    const failures = await sweep(darkSample, async (path) => {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      const v = await axe(page);
      return v.length ? v : undefined;
    });
    await context.close();
    report('axe dark sample', darkSample.length, Date.now() - t0, info.project.outputDir);
    expect(failures, `pages with axe violations (dark theme)`).toEqual({});
  });
});

test.describe('phone width (390 px): the page never scrolls sideways', () => {
  for (let i = 0; i < PHONE_SHARDS; i++) {
    const list = shard(pages, i, PHONE_SHARDS);
    test(`no horizontal page scroll: shard ${i + 1}/${PHONE_SHARDS} (${list.length} pages)`, async ({ phonePage: page }, info) => {
      test.setTimeout(30_000 + list.length * 5_000);
      const t0 = Date.now();
      const failures = await sweep(list, async (path) => {
        await page.goto(path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        return overflow > 0 ? `scrolls sideways by ${overflow} px` : undefined;
      });
      report(`390 px shard ${i + 1}/${PHONE_SHARDS}`, list.length, Date.now() - t0, info.project.outputDir);
      expect(failures, `pages wider than a 390 px phone`).toEqual({});
    });
  }
});

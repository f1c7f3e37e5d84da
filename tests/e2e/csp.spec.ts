/**
 * The strict Content-Security-Policy (issue 17, point 5): every built page carries it, every inline
 * script it runs is hashed in it, and a sample of pages, the search and the modeller (import, SVG,
 * PNG, print) run under it without a single violation. Besides these tests, the test server has the
 * browser report violations on every page of every spec, and the run fails on any
 * (support/csp-reports.ts).
 */
import { createHash } from 'node:crypto';
import { test, expect, type Page } from '@playwright/test';
import { builtHtml, builtPages } from './support/site.ts';
import { SELF_TEST_MARKER } from './support/csp-reports.ts';
import { importFile, menu, openModeller } from '../fixtures/editor/support.ts';

/** Collects securitypolicyviolation events and CSP console errors of a page from its first script on. */
async function watch(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? []))];
}

test('every built page has the strict policy, and it hashes each inline script the page runs', () => {
  const pages = builtPages();
  expect(pages.length).toBeGreaterThan(50);
  for (const p of pages) {
    const html = builtHtml(p);
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)];
    expect(metas, p).toHaveLength(1);
    const policy = metas[0]![1]!;
    // Before any script.
    expect(html.indexOf(metas[0]![0]), p).toBeLessThan(html.search(/<script\b/) === -1 ? Infinity : html.search(/<script\b/));
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).not.toContain("'unsafe-eval'");
    const scriptSrc = /script-src ([^;]+)/.exec(policy)![1]!;
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (/\ssrc=/.test(m[1]!) || /type="application\/(ld\+)?json"/.test(m[1]!)) continue;
      const hash = `'sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}'`;
      expect(scriptSrc, `${p}: inline script ${m[2]!.slice(0, 40)}`).toContain(hash);
    }
  }
});

test('the host header file repeats the policy with frame-ancestors', async ({ request }) => {
  const res = await request.get('/');
  const header = res.headers()['content-security-policy'] ?? '';
  expect(header).toContain("frame-ancestors 'none'");
  expect(header).toContain("object-src 'none'");
});

test('an injected inline script is blocked and reported (the watch works)', async ({ page }) => {
  const violations = await watch(page);
  await page.goto('/');
  const ran = await page.evaluate((marker) => {
    const s = document.createElement('script');
    s.textContent = `/*${marker}*/ window.__ran = true;`;
    document.body.append(s);
    return (window as unknown as { __ran?: boolean }).__ran === true;
  }, SELF_TEST_MARKER);
  expect(ran).toBe(false);
  await expect.poll(async () => (await violations()).join('\n')).toContain('script-src');
});

for (const path of ['/', '/procedures/', '/learn/data-flow-diagram/', '/learn/rules/balance/', '/learn/exercises/book-purchasing/', '/roles/', '/en/', '/404.html']) {
  test(`no violation on ${path}`, async ({ page }) => {
    const violations = await watch(page);
    await page.goto(path);
    await page.waitForLoadState('load');
    // The search runs Pagefind's WebAssembly under the page's policy.
    const hits = await page.evaluate(async () => {
      // @ts-expect-error: served by the built site
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      return (await pagefind.search('验收')).results.length as number;
    });
    expect(hits).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
  });
}

test('the modeller works under the policy: import, SVG, PNG, print', async ({ page }) => {
  const violations = await watch(page);
  await openModeller(page);
  await importFile(page, 'good.dfd.json');
  for (const item of ['导出 SVG', '导出 PNG']) {
    const wait = page.waitForEvent('download');
    await menu(page, '导出', item);
    expect((await wait).suggestedFilename()).toMatch(/\.(svg|png)$/);
  }
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await menu(page, '导出', '打印');
  const img = page.locator('.fb-print-root img').first();
  await expect(img).toHaveJSProperty('complete', true);
  expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  expect(await violations()).toEqual([]);
});

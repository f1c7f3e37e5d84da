/**
 * Content facts: each page lists the forms, deadlines, thresholds and roles that must appear on
 * it (tests/e2e/facts/*.json), and the searches that must find it.
 */
import { test, expect } from '@playwright/test';
import { builtText, factsFiles } from './support/site.ts';

const files = factsFiles();

test('there are facts files for the content pages', () => {
  expect(files.length).toBeGreaterThan(0);
});

for (const { name, data } of files) {
  test(`facts of ${data.page} (${name}) are on the built page`, () => {
    const text = builtText(data.page);
    const missing = data.facts.filter((f) => !text.includes(f));
    expect(missing, `missing on ${data.page}`).toEqual([]);
  });

  const searches = data.search ?? [];
  if (searches.length) {
    test(`search finds ${data.page} (${name})`, async ({ page }) => {
      await page.goto('/');
      const results = await page.evaluate(
        async (queries) => {
          // @ts-expect-error: served by the built site
          const pagefind = await import('/pagefind/pagefind.js');
          await pagefind.init();
          const out: Array<{ query: string; urls: string[] }> = [];
          for (const q of queries) {
            const r = await pagefind.search(q);
            const urls = await Promise.all(r.results.slice(0, 10).map(async (x: { data: () => Promise<{ url: string }> }) => (await x.data()).url));
            out.push({ query: q, urls });
          }
          return out;
        },
        searches.map((s) => s.query),
      );
      for (const [i, s] of searches.entries()) {
        expect(results[i]!.urls, `search「${s.query}」`).toContain(s.expect);
      }
    });
  }
}

/**
 * Pagefind UI as Starlight's search dialog loads it (astro.config.mjs aliases
 * `@pagefind/default-ui` to this file), with two additions Starlight's options cannot carry,
 * since they are functions or not passed through:
 *
 * - processTerm: the query is made Simplified, with deadlines in digits, before Pagefind sees it
 *   (src/lib/search/query.ts). opencc-js (about 110 KB) is loaded with Pagefind UI, once the page is idle.
 * - excerptLength: excerpts of about 40 words instead of 12.
 */
// @ts-expect-error: @pagefind/default-ui ships no types
import { PagefindUI as Base } from '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs';
import { searchQuery } from '../../lib/search/query.ts';

let simplify: ((s: string) => string) | undefined;
const loading = import('../../lib/search/simplify.ts').then((m) => {
  simplify = m.toSimplifiedPhrases;
});

export class PagefindUI extends Base {
  constructor(options: Record<string, unknown>) {
    super({
      ...options,
      excerptLength: 40,
      processTerm: (term: string) => searchQuery(term, simplify),
    });
    // A query typed before the converter arrived is searched again once it has.
    void loading.then(() => {
      const input = document.querySelector<HTMLInputElement>('#starlight__search input');
      if (input?.value && searchQuery(input.value, simplify) !== searchQuery(input.value)) {
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
  }
}

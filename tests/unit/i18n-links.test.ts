import { describe, expect, it } from 'vitest';
import { localizeLinks, needsLocale } from '../../src/lib/i18n/links.ts';

describe('localizeLinks (the English interface keeps its readers in /en/)', () => {
  it('moves page links under the prefix, with their query and anchor', () => {
    expect(localizeLinks('<a href="/procedures/x/">x</a>', '/en')).toBe('<a href="/en/procedures/x/">x</a>');
    expect(localizeLinks('<a class="c" href="/modeller/?exercise=stocktaking">m</a>', '/en')).toBe('<a class="c" href="/en/modeller/?exercise=stocktaking">m</a>');
    expect(localizeLinks('<a href="/roles/pm/#step-plan">r</a>', '/en')).toBe('<a href="/en/roles/pm/#step-plan">r</a>');
    expect(localizeLinks('<a href="/">home</a>', '/en')).toBe('<a href="/en/">home</a>');
  });

  it('leaves files, build assets, other sites, anchors and links already in the locale alone', () => {
    for (const href of [
      '/_diagrams/0123456789abcdef-light.svg',
      '/exercises/x.json',
      '/_astro/a.js',
      '/pagefind/x',
      'https://example.org/',
      '#top',
      '/en/learn/',
      '//cdn.example/x',
    ]) {
      const html = `<a href="${href}">x</a>`;
      expect(localizeLinks(html, '/en'), href).toBe(html);
    }
    // Not a link: text and other attributes that look like paths stay as they are.
    const img = '<img src="/_diagrams/a-light.svg" alt="/procedures/">';
    expect(localizeLinks(img, '/en')).toBe(img);
  });

  it('knows /en without a slash is the locale itself', () => {
    expect(needsLocale('/en', '/en')).toBe(false);
    expect(needsLocale('/english-notes/', '/en')).toBe(true);
  });
});

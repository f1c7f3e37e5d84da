import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkLinks, urlOf } from '../../../src/lib/links.ts';

function site(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'fb-links-'));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), html);
  }
  return root;
}

describe('internal link check', () => {
  it('accepts links to existing pages and anchors, and ignores external links', async () => {
    const root = site({
      'index.html': '<a href="/a/">a</a><a href="/a/#part">part</a><a href="https://example.org/x">x</a><a href="#top">t</a><i id="top"></i>',
      'a/index.html': '<h2 id="part">Part</h2><a href="../">home</a><a href="data:text/csv,1">csv</a>',
    });
    expect(await checkLinks(root)).toEqual([]);
  });

  it('reports missing pages and missing anchors with the page they are on', async () => {
    const root = site({
      'index.html': '<a href="/missing/">m</a><a class="x" href="/a/#nope">n</a>',
      'a/index.html': '<p>no ids</p>',
    });
    expect(await checkLinks(root)).toEqual([
      { page: '/', href: '/missing/', reason: '目标页面不存在' },
      { page: '/', href: '/a/#nope', reason: '页面中没有锚点 #nope' },
    ]);
  });

  it('maps files to URLs', () => {
    expect(urlOf('/d', '/d/index.html')).toBe('/');
    expect(urlOf('/d', '/d/x/y/index.html')).toBe('/x/y/');
    expect(urlOf('/d', '/d/404.html')).toBe('/404.html');
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspPolicy, headersFile, inlineScriptHashes, withCsp } from '../../../src/lib/csp.ts';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

describe('Content-Security-Policy of built pages', () => {
  const page = `<!doctype html><html><head><meta charset="utf-8"><script>a()</script><script type="module">b()</script><script type="module" src="/_astro/x.js"></script><script type="application/ld+json">{"x":1}</script></head><body><script>a()</script></body></html>`;

  it('hashes each inline script a browser runs, once; not scripts with src, not JSON', () => {
    expect(inlineScriptHashes(page)).toEqual([sha('a()'), sha('b()')]);
  });

  it('puts one meta tag right after <meta charset>, before any script', () => {
    const { html } = withCsp(withCsp(page).html);
    expect(html.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(html.startsWith('<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"')).toBe(true);
  });

  it('is strict: no unsafe-inline or unsafe-eval for scripts, no plugins, no foreign <base>', () => {
    const p = cspPolicy([sha('a()')]);
    expect(p).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'(;|$)/);
    expect(p).not.toContain("'unsafe-eval'");
    expect(/script-src [^;]*/.exec(p)![0]).not.toContain('unsafe-inline');
    expect(p).toContain("object-src 'none'");
    expect(p).toContain("base-uri 'self'");
    expect(p).not.toContain('frame-ancestors');
    expect(headersFile([sha('b()'), sha('a()'), sha('a()')])).toContain(`Content-Security-Policy: ${cspPolicy([sha('a()'), sha('b()')].sort(), { header: true })}`);
  });
});

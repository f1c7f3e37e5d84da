/**
 * The export, rendered the way the site renders it (Mermaid in the system Chromium, SVG labels,
 * htmlLabels: false), shows every label's text, never markup: each node and flow label, word by
 * word, is the text of the document.
 */
// @ts-expect-error jsdom ships no type declarations (and @types/jsdom is not installed)
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { flowText, nodeText, toMermaid } from '../../../src/lib/dfd/index.ts';
import { EDGE_QUOTE, WORD_JOINER } from '../../../src/lib/dfd/mermaid/escape.ts';
import { renderMermaid } from '../../../src/lib/mermaid/render.ts';
import { nastyDocument } from './arbitraries.ts';

const words = (s: string) => s.replaceAll(WORD_JOINER, '').split(/\s+/).filter(Boolean);

function labelWords(g: Element): string[] {
  const out: string[] = [];
  for (const t of g.querySelectorAll('tspan.text-inner-tspan')) out.push(...words(t.textContent ?? ''));
  return out;
}

describe('rendered export', () => {
  it('shows every label as text', async () => {
    const doc = nastyDocument();
    const rendered = await renderMermaid(toMermaid(doc));
    const svg: Document = new JSDOM(rendered.light, { contentType: 'image/svg+xml' }).window.document;
    expect(svg.querySelectorAll('script, foreignObject')).toHaveLength(0);
    const d = doc.diagrams[0]!;
    for (const n of d.nodes) {
      const g = [...svg.querySelectorAll('g.node')].find((x) => new RegExp(`-n_${n.id}-\\d+$`).test(x.id));
      expect(g, n.id).toBeTruthy();
      expect(labelWords(g!), n.id).toEqual(words(nodeText(n)));
    }
    for (const f of d.flows) {
      const g = svg.querySelector(`g.label[data-id="f_${f.id}"]`);
      expect(g, f.id).toBeTruthy();
      expect(labelWords(g!), f.id).toEqual(words(flowText(f).replaceAll('"', EDGE_QUOTE)));
    }
  }, 120_000);
});

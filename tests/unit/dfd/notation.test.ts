/**
 * One notation for DFDs (issue 15, point 2): the Mermaid the site's figures are drawn from and the
 * modeller's SVG export draw the same symbol for each kind in each notation, the textbook's:
 *
 * - Gane-Sarson: entity a box; process a rounded box with code, name and executor; store a box
 *   with an id cell on the left ("D1 │ 销售台帐").
 * - Yourdon-DeMarco: entity a box; process a circle with code, name and executor; store two
 *   parallel lines with code and name.
 *
 * The shapes are pinned here as literals, so changing one is a visible decision.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromMermaid, readDocument, toMermaid, type DfdDocument } from '../../../src/lib/dfd/index.ts';
import { diagramSvg } from '../../../src/lib/dfd/export/svg.ts';

function load(name: string): DfdDocument {
  const r = readDocument(readFileSync(`content/docs/learn/_dfd/${name}.dfd.json`, 'utf8'));
  if (!r.ok) throw new Error(r.error.en);
  return r.doc;
}

/** `id → [shape, label]` of every node statement of a toMermaid text. */
function shapes(text: string): Record<string, [string, string]> {
  const out: Record<string, [string, string]> = {};
  for (const m of text.matchAll(/^ {2}n_(\w+)@\{ shape: ([\w-]+), label: "((?:[^"\\]|\\.)*)", labelType: string \}$/gm)) out[m[1]!] = [m[2]!, m[3]!];
  return out;
}

/** The elements the SVG export draws for node `id` (tag names in order, with the attributes that make the shape). */
function svgSymbol(svg: string, id: string): string {
  const g = new RegExp(`<g data-id="${id}"[^>]*>(.*?)</g>`).exec(svg);
  expect(g, id).toBeTruthy();
  return g![1]!.replace(/^<title>.*?<\/title>/, '');
}

describe('one notation: Mermaid figures and the modeller draw the same symbols', () => {
  it('Gane-Sarson: box, rounded box with code / name / executor, store with its id cell', () => {
    const doc = load('notation-gane-sarson');
    expect(doc.notation).toBe('gane-sarson');
    expect(shapes(toMermaid(doc))).toEqual({
      e1: ['rect', 'E1\\n顾客'],
      p1: ['rounded', 'P1\\n收费开单\u2060<br/>收银员'],
      d1: ['lin-rect', 'D1 │ 销售台帐'],
    });
    const svg = diagramSvg(doc, 'main');
    // The modeller's export: a box (with its shade), a rounded box with bands, a box open on the right with a cell wall.
    expect(svgSymbol(svg, 'e1')).toMatch(/^<rect [^>]*\/><rect [^>]*\/>/);
    expect(svgSymbol(svg, 'p1')).toMatch(/^<rect [^>]*rx="10"/);
    expect(svgSymbol(svg, 'p1')).toContain('>收银员</text>');
    expect(svgSymbol(svg, 'd1')).toMatch(/<path d="M(\d+) (\d+)H\d+V\d+H\1M\d+ \2V\d+"/);
  });

  it('Yourdon-DeMarco: box, circle with code / name / executor, two parallel lines', () => {
    const doc = load('notation-yourdon');
    expect(doc.notation).toBe('yourdon');
    expect(shapes(toMermaid(doc))).toEqual({
      e1: ['rect', 'E1\\n顾客'],
      p1: ['circle', 'P1\\n收费开单\u2060<br/>收银员'],
      d1: ['datastore', 'D1\u3000销售台帐'],
    });
    const svg = diagramSvg(doc, 'main');
    expect(svgSymbol(svg, 'e1')).toMatch(/^<rect [^>]*\/><text/);
    expect(svgSymbol(svg, 'p1')).toMatch(/^<circle /);
    expect(svgSymbol(svg, 'p1')).toContain('>收银员</text>');
    // Two horizontal lines, no side walls.
    expect(svgSymbol(svg, 'd1')).toMatch(/<path d="M(\d+) \d+H(\d+)M\1 \d+H\2"/);
  });

  it('the figures read back in their notation, executor and store codes included', () => {
    for (const name of ['notation-gane-sarson', 'notation-yourdon']) {
      const doc = load(name);
      const back = fromMermaid(toMermaid(doc));
      expect(back.ok, name).toBe(true);
      if (!back.ok) continue;
      expect(back.doc.notation).toBe(doc.notation);
      expect(back.doc.diagrams[0]!.nodes).toEqual([
        { id: 'e1', kind: 'entity', code: 'E1', label: '顾客' },
        { id: 'p1', kind: 'process', code: 'P1', label: '收费开单', owner: '收银员' },
        { id: 'd1', kind: 'store', code: 'D1', label: '销售台帐' },
      ]);
    }
  });

  it('reads the store cell and the shapes people type', () => {
    const r = fromMermaid('flowchart LR\n  A@{ shape: lin-rect, label: "D2 | 库存帐" }\n  B@{ shape: win-pane, label: "D3　流水账" }\n  C@{ shape: div-rect, label: "P1\\n审核" }');
    expect(r.ok && r.doc.diagrams[0]!.nodes).toEqual([
      { id: 'A', kind: 'store', code: 'D2', label: '库存帐' },
      { id: 'B', kind: 'store', code: 'D3', label: '流水账' },
      { id: 'C', kind: 'process', code: 'P1', label: '审核' },
    ]);
    // A hand-typed line break in a process is a line of its name, not an executor (only toMermaid's marked break is).
    const typed = fromMermaid('flowchart LR\n  B@{ shape: rounded, label: "审核<br/>采购单" }');
    expect(typed.ok && typed.doc.diagrams[0]!.nodes[0]).toEqual({ id: 'B', kind: 'process', label: '审核\n采购单' });
  });
});

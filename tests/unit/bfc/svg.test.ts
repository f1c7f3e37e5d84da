import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BfcDocument } from '../../../src/schemas/bfc.ts';
import { bfcSchemaCheck, EXERCISES } from './support.ts';
import { bfcSvg, layoutBfc, BFC_LIGHT, BFC_DARK, type Rect } from '../../../src/lib/bfc/index.ts';
import { contrastRatio } from '../../../src/lib/color.ts';

const load = (name: string): BfcDocument => bfcSchemaCheck(JSON.parse(readFileSync(`content/bfc/exercises/${name}.bfc.json`, 'utf8')));

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Rect, b: Rect) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

const tiny: BfcDocument = {
  format: 'flowbook-bfc',
  version: 1,
  title: 'A <b> & "c"',
  lanes: [
    { id: 'a', label: '采购部 <x>' },
    { id: 'b', label: '供应商', external: true },
  ],
  nodes: [
    { id: 'p', kind: 'process', label: '编制 & 审核', lane: 'a' },
    { id: 'f', kind: 'form', label: '订货单', lane: 'a', copies: 3 },
    { id: 's', kind: 'store', label: '库存帐', lane: 'b' },
    { id: 'c', kind: 'collect', label: '用户需求', lane: 'b' },
  ],
  flows: [
    { id: 'f1', from: 'c', to: 'p' },
    { id: 'f2', from: 'p', to: 'f', condition: '合格', label: '<送>' },
    { id: 'f3', from: 'f', to: 's' },
  ],
  titleBlock: { business: '物资订货', drawnBy: '张三', sheet: 1, sheets: 2 },
};

describe('bfc layout', () => {
  // Every chart of the site: the exercises' references and the rule pages' examples (wrong ones included).
  const charts = readdirSync('content/bfc', { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.bfc.json'))
    .sort();
  it('covers the exercises and the rule examples', () => {
    for (const name of EXERCISES) expect(charts).toContain(`exercises/${name}.bfc.json`);
    expect(charts.length).toBeGreaterThan(EXERCISES.length);
  });
  for (const name of charts) {
    it(`${name}: every symbol inside its lane, no two symbols overlap, no label covers a symbol or another label`, () => {
      const doc = bfcSchemaCheck(JSON.parse(readFileSync(`content/bfc/${name}`, 'utf8')));
      const L = layoutBfc(doc);
      expect(L.nodes).toHaveLength(doc.nodes.length);
      const lanes = new Map(L.lanes.map((l) => [l.id, l]));
      for (const n of L.nodes) {
        const lane = lanes.get(n.lane)!;
        expect(inside(n, lane), `${n.id} in ${lane.id}`).toBe(true);
        expect(overlap(n, lane.header), `${n.id} under the header`).toBe(false);
      }
      for (let i = 0; i < L.nodes.length; i++)
        for (let j = i + 1; j < L.nodes.length; j++) expect(overlap(L.nodes[i]!, L.nodes[j]!), `${L.nodes[i]!.id}/${L.nodes[j]!.id}`).toBe(false);
      const labels = L.flows.flatMap((f) => (f.label ? [f.label] : []));
      expect(labels.length).toBe(doc.flows.filter((f) => f.label || f.condition).length);
      for (const l of labels) for (const n of L.nodes) expect(overlap(l, n), `label ${l.text} over ${n.id}`).toBe(false);
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++) expect(overlap(labels[i]!, labels[j]!), `${labels[i]!.text}/${labels[j]!.text}`).toBe(false);
      // A line is drawn when both its ends exist (a loop when they are one symbol); a line to nothing is not.
      const ids = new Set(doc.nodes.map((n) => n.id));
      for (const f of L.flows) expect(f.points.length >= 2, f.id).toBe(ids.has(f.from) && ids.has(f.to));
      // Everything drawn is inside the bounds.
      for (const r of [...L.nodes, ...labels, ...L.lanes, ...L.titleBlock]) expect(inside(r, L.bounds)).toBe(true);
    });
  }

  it('places symbols in flow order along their lane and follows given positions', () => {
    const L = layoutBfc(tiny);
    const y = (id: string) => L.nodes.find((n) => n.id === id)!.y;
    expect(y('c')).toBeLessThan(y('p'));
    expect(y('p')).toBeLessThan(y('f'));
    expect(y('f')).toBeLessThan(y('s'));
    const moved = layoutBfc({ ...tiny, nodes: tiny.nodes.map((n) => (n.id === 's' ? { ...n, x: 500, y: 700 } : n)) });
    expect(moved.nodes.find((n) => n.id === 's')).toMatchObject({ x: 500, y: 700 });
    expect(moved.bounds.y + moved.bounds.height).toBeGreaterThan(700);
  });

  it('is deterministic and lays rows out across as columns are laid out down', () => {
    expect(layoutBfc(load('material-ordering'))).toEqual(layoutBfc(load('material-ordering')));
    const L = layoutBfc({ ...tiny, orientation: 'rows' });
    const x = (id: string) => L.nodes.find((n) => n.id === id)!.x;
    expect(x('c')).toBeLessThan(x('p'));
    expect(x('p')).toBeLessThan(x('f'));
    expect(L.lanes[0]!.y).toBeLessThan(L.lanes[1]!.y);
    expect(L.lanes[0]!.x).toBe(L.lanes[1]!.x);
  });

  it('draws a line that ends where it starts as a loop beside its symbol, and leaves out a line to nothing', () => {
    const L = layoutBfc({ ...tiny, flows: [...tiny.flows, { id: 'self', from: 'p', to: 'p', label: '重做' }, { id: 'lost', from: 'p', to: 'nowhere' }] });
    const p = L.nodes.find((n) => n.id === 'p')!;
    const self = L.flows.find((f) => f.id === 'self')!;
    expect(self.points).toHaveLength(4);
    expect(self.points[0]).toEqual({ x: p.x + p.width, y: p.y + p.height * 0.3 });
    expect(self.points.at(-1)!.x).toBe(p.x + p.width);
    expect(self.label?.text).toBe('重做');
    expect(L.flows.find((f) => f.id === 'lost')!.points).toEqual([]);
    const svg = bfcSvg({ ...tiny, flows: [...tiny.flows, { id: 'self', from: 'p', to: 'p' }] }).svg;
    expect(svg).toContain('data-flow="self"');
  });

  it('puts symbols without a known lane in a separate column and a size on a lane widens it', () => {
    const L = layoutBfc({
      ...tiny,
      nodes: [...tiny.nodes, { id: 'z', kind: 'process', label: '无人处理', lane: 'nope' }],
      lanes: [{ ...tiny.lanes[0]!, size: 400 }, tiny.lanes[1]!],
    });
    expect(L.lanes.map((l) => l.id)).toEqual(['a', 'b', '']);
    expect(L.lanes[0]!.width).toBe(400);
    expect(
      inside(
        L.nodes.find((n) => n.id === 'z')!,
        L.lanes[2]!,
      ),
    ).toBe(true);
  });
});

describe('bfcSvg', () => {
  it('draws lanes, the four shapes, flows with their condition and label, copies and the title block, all text escaped', () => {
    const { svg, width, height } = bfcSvg(tiny);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg).toContain('采购部 &lt;x&gt;');
    expect(svg).toContain('合格：&lt;送&gt;');
    expect(svg).not.toMatch(/<b>|<x>|<送>/);
    for (const kind of ['process', 'form', 'store', 'collect']) expect(svg).toContain(`data-kind="${kind}"`);
    expect(svg.match(/data-flow="/g)).toHaveLength(3);
    // Three copies: three sheets in the form's group, and the count written on it.
    const form = svg.match(/<g data-id="f"[^]*?<\/g>/)![0];
    expect(form.match(/<path /g)).toHaveLength(3);
    expect(form).toContain('3 联');
    expect(svg).toContain('data-part="title-block"');
    for (const s of ['业务名称', '物资订货', '制图', '张三', '第 1 图 共 2 张']) expect(svg).toContain(s);
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(() => new DOMParserShim().parse(svg)).not.toThrow();
  });

  it('leaves the title block out when the document has none, and writes English headings in English', () => {
    expect(bfcSvg({ ...tiny, titleBlock: undefined }).svg).not.toContain('title-block');
    const en = bfcSvg(tiny, { locale: 'en' }).svg;
    expect(en).toContain('Drawn by');
    expect(en).toContain('×3');
  });

  it('has a dark palette whose text reads on every fill (4.5:1), as the light one', () => {
    const dark = bfcSvg(tiny, { theme: 'dark' }).svg;
    expect(dark).toContain(BFC_DARK.background);
    expect(dark).not.toContain(BFC_LIGHT.process);
    for (const pal of [BFC_LIGHT, BFC_DARK]) {
      for (const fill of [
        pal.background,
        pal.laneFill,
        pal.laneAltFill,
        pal.headerFill,
        pal.externalHeaderFill,
        pal.process,
        pal.form,
        pal.store,
        pal.collect,
        pal.labelBackground,
      ])
        expect(contrastRatio(pal.text, fill), `${pal.text} on ${fill}`).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(pal.muted, pal.form)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(pal.flow, pal.background)).toBeGreaterThanOrEqual(3);
    }
  });
});

/** A tiny well-formedness check: every tag closed in order (the SVG is machine-built, no CDATA or comments). */
class DOMParserShim {
  parse(xml: string): void {
    const stack: string[] = [];
    for (const m of xml.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
      if (m[3]) continue;
      if (m[1]) {
        if (stack.pop() !== m[2]) throw new Error(`unbalanced </${m[2]}>`);
      } else stack.push(m[2]!);
    }
    if (stack.length) throw new Error(`unclosed ${stack.join(',')}`);
  }
}

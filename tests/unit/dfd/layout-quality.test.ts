/**
 * The drawing's quality measures (src/lib/dfd/export/quality.ts), label placement, and what automatic
 * layout promises on every reference diagram: no symbols overlapping, no label over a symbol, no
 * flow through a symbol, entities in the first or last layer, and fewer crossings than the layout
 * it replaced (positions kept in tests/fixtures/dfd/layout/before-positions.json).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { layoutDiagramWithReport, readDocument, type DfdDocument } from '../../../src/lib/dfd/index.ts';
import { FLOW_LABEL_HEIGHT, flowGeometry, flowLabelSpots, flowOffsets, nodeBox } from '../../../src/lib/dfd/export/geometry.ts';
import { diagramScene } from '../../../src/lib/dfd/export/scene.ts';
import { fitScale, sceneQuality, segmentThroughRect, segmentsCross } from '../../../src/lib/dfd/export/quality.ts';
import { diagramSvg } from '../../../src/lib/dfd/export/svg.ts';
import type { DfdDiagram } from '../../../src/schemas/dfd.ts';

const DIR = 'content/dfd/exercises';
const files = readdirSync(DIR).filter((f) => f.endsWith('.dfd.json') && !f.includes('.start.'));
const load = (f: string): DfdDocument => {
  const r = readDocument(readFileSync(`${DIR}/${f}`, 'utf8'));
  if (!r.ok) throw new Error(r.error.en);
  return r.doc;
};
const before = JSON.parse(readFileSync('tests/fixtures/dfd/layout/before-positions.json', 'utf8')) as Record<string, Record<string, Record<string, [number, number]>>>;
const size = (n: DfdDiagram['nodes'][number]) => nodeBox(n, 'gane-sarson');

function diagram(nodes: [string, number, number][], flows: [string, string, string, string?][]): DfdDiagram {
  return {
    id: 'd',
    nodes: nodes.map(([id, x, y]) => ({ id, kind: 'process', label: id, x, y })),
    flows: flows.map(([id, from, to, label]) => ({ id, from, to, ...(label ? { label } : {}) })),
  };
}

describe('quality measures', () => {
  it('segments cross only inside both; a segment through a box, not beside it', () => {
    expect(segmentsCross({ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }, { x: 10, y: 0 })).toBe(true);
    expect(segmentsCross({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 0, y: 5 }, { x: 10, y: 5 })).toBe(false);
    expect(segmentsCross({ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 10, y: 10 }, { x: 20, y: 0 })).toBe(false);
    const r = { x: 10, y: 10, w: 20, h: 20 };
    expect(segmentThroughRect({ x: 0, y: 20 }, { x: 40, y: 20 }, r)).toBe(true);
    expect(segmentThroughRect({ x: 0, y: 40 }, { x: 40, y: 40 }, r)).toBe(false);
    expect(segmentThroughRect({ x: 0, y: 10 }, { x: 40, y: 10 }, r)).toBe(false);
  });

  it('counts overlapping symbols, crossing flows, flows through symbols and the fit', () => {
    // a and b overlap; c–d and e–f cross; g–h passes through m.
    const d = diagram(
      [
        ['a', 0, 0],
        ['b', 50, 20],
        ['c', 1000, 0],
        ['d', 1400, 400],
        ['e', 1000, 400],
        ['f', 1400, 0],
        ['g', 0, 1000],
        ['m', 300, 1000],
        ['h', 600, 1000],
      ],
      [
        ['f1', 'c', 'd'],
        ['f2', 'e', 'f'],
        ['f3', 'g', 'h'],
      ],
    );
    // Without bows (flowBends would bow f3 round m): measure the straight drawing.
    const scene = diagramScene(d, 'gane-sarson', { labels: 'middle' });
    scene.flows = scene.flows.map((f) => (f.flow.id === 'f3' ? { ...f, geometry: flowGeometry(end(scene, 'g'), end(scene, 'h'), 0) } : f));
    const q = sceneQuality(scene);
    expect(q.overlaps).toBe(1);
    expect(q.crossings).toBe(1);
    expect(q.edgesThroughNodes).toBe(1);
    expect(q.fitScale).toBeLessThan(0.5);
    expect(fitScale({ x: 0, y: 0, w: 100, h: 100 })).toBe(1);
    expect(fitScale({ x: 0, y: 0, w: 2000, h: 100 }, { width: 1200, height: 800 })).toBeCloseTo(0.5);
  });

  it('counts a label over a symbol (a long name on a short flow), and label placement moves it clear', () => {
    const d = diagram(
      [
        ['a', 0, 0],
        ['b', 200, 0],
        ['m', 120, 60],
      ],
      [['f', 'a', 'b', '一个很长很长很长的数据流名称']],
    );
    const middle = sceneQuality(diagramScene(d, 'gane-sarson', { labels: 'middle' }));
    expect(middle.labelsOverNodes).toBe(1);
    // Two symbols 300 px apart, a third just below the flow's middle (not in the line's way): the label moves along the flow.
    const e = diagram(
      [
        ['a', 0, 0],
        ['b', 428, 0],
        ['m', 214, 56],
      ],
      [['f', 'a', 'b', '库存信息']],
    );
    expect(sceneQuality(diagramScene(e, 'gane-sarson', { labels: 'middle' })).labelsOverNodes).toBe(1);
    expect(sceneQuality(diagramScene(e, 'gane-sarson')).labelsOverNodes).toBe(0);
  });
});

function end(scene: ReturnType<typeof diagramScene>, id: string) {
  const n = scene.nodes.find((x) => x.node.id === id)!;
  return { center: { x: n.x + n.box.width / 2, y: n.y + n.box.height / 2 }, box: n.box, round: n.round };
}

describe('flow labels', () => {
  it('two opposite flows between one pair run apart and their labels do not touch, across and along', () => {
    for (const [bx, by] of [
      [400, 0],
      [0, 300],
      [300, 300],
    ] as const) {
      const d = diagram(
        [
          ['a', 0, 0],
          ['b', bx, by],
        ],
        [
          ['f1', 'a', 'b', '报损清单'],
          ['f2', 'b', 'a', '不合格报损清单'],
        ],
      );
      const scene = diagramScene(d, 'gane-sarson');
      const [g1, g2] = scene.flows.map((f) => f.geometry);
      const apart = Math.hypot(g1!.start.x - g2!.end.x, g1!.start.y - g2!.end.y);
      expect(apart).toBeGreaterThanOrEqual(28);
      const [l1, l2] = scene.flows.map((f) => f.label!);
      const touch = l1!.x < l2!.x + l2!.w + 2 && l2!.x < l1!.x + l1!.w + 2 && l1!.y < l2!.y + l2!.h + 2 && l2!.y < l1!.y + l1!.h + 2;
      expect(touch, `labels touch for b at ${bx},${by}`).toBe(false);
      expect(sceneQuality(scene).labelsOverNodes).toBe(0);
    }
  });

  it('flowLabelSpots leaves a label in the middle when it is clear, and skips flows without a label', () => {
    const box = { width: 128, height: 96 };
    const nodes = [
      { id: 'a', x: 0, y: 0, box, round: false },
      { id: 'b', x: 500, y: 0, box, round: false },
    ];
    const flows = [{ id: 'f', from: 'a', to: 'b' }];
    expect(flowLabelSpots(nodes, flows, flowOffsets(flows), new Map(), () => 60).size).toBe(0);
    expect(flowLabelSpots(nodes, flows, flowOffsets(flows), new Map(), () => 0).size).toBe(0);
    expect(FLOW_LABEL_HEIGHT).toBe(18);
  });
});

describe('automatic layout on the reference diagrams', () => {
  for (const f of files) {
    it(`${f}: every level without overlaps, labels over symbols or flows through symbols; entities at the edges`, async () => {
      const doc = load(f);
      for (const d of doc.diagrams) {
        const { doc: out, report } = await layoutDiagramWithReport(doc, d.id, { relayout: true, nodeSize: size });
        const laid = out.diagrams.find((x) => x.id === d.id)!;
        const q = sceneQuality(diagramScene(laid, 'gane-sarson'));
        expect(q, `${f} ${d.id}`).toMatchObject({ overlaps: 0, labelsOverNodes: 0, edgesThroughNodes: 0 });
        expect(report!.quality).toEqual(q);
        // Entities sit in the first or last layer: no other symbol before the first or after the last.
        const along = (n: (typeof laid.nodes)[number]) => (report!.direction === 'TD' ? n.y! + size(n).height / 2 : n.x! + size(n).width / 2);
        const others = laid.nodes.filter((n) => n.kind !== 'entity').map(along);
        for (const e of laid.nodes.filter((n) => n.kind === 'entity')) {
          const at = along(e);
          expect(at <= Math.min(...others) + 1 || at >= Math.max(...others) - 1, `${f} ${d.id} ${e.label}`).toBe(true);
        }
        // The export draws the same labels: none over a symbol in the SVG either.
        const svg = diagramSvg(out, d.id);
        const labelRects = [...svg.matchAll(/<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)" rx="3"[^>]*data-label/g)].map((m) => m.slice(1).map(Number));
        expect(labelRects.length).toBe(laid.flows.filter((x) => x.label || x.code).length);
        for (const [x, y, w, h] of labelRects)
          for (const n of laid.nodes) {
            const b = size(n);
            expect(x! < n.x! + b.width && n.x! < x! + w! && y! < n.y! + b.height && n.y! < y! + h!, `${f} ${d.id} label over ${n.label}`).toBe(false);
          }
      }
    });
  }

  it('crosses fewer flows in all than the layout it replaced; the 15-symbol hospital level 0 fewer, none through a symbol, fitting as large', async () => {
    let now = 0;
    let then = 0;
    for (const f of files) {
      const doc = load(f);
      for (const d of doc.diagrams) {
        const old = new Map(Object.entries(before[f]![d.id]!).map(([id, [x, y]]) => [id, { x, y }]));
        const o = sceneQuality(diagramScene(d, 'gane-sarson', { positions: old, labels: 'middle', flowGap: 18 }));
        const laid = (await layoutDiagramWithReport(doc, d.id, { relayout: true, nodeSize: size })).report!.quality!;
        now += laid.crossings;
        then += o.crossings;
        if (f.startsWith('hospital') && d.id === 'level0') {
          expect(d.nodes.length).toBe(15);
          expect(laid.crossings).toBeLessThan(o.crossings);
          expect(o.edgesThroughNodes).toBeGreaterThan(0);
          expect(laid.edgesThroughNodes).toBe(0);
          expect(laid.fitScale).toBeGreaterThanOrEqual(o.fitScale);
        }
      }
    }
    expect(now).toBeLessThan(then);
  });

  it('an explicit direction is kept', async () => {
    const doc = load('damage-write-off.dfd.json');
    for (const direction of ['TD', 'LR'] as const) {
      const { report } = await layoutDiagramWithReport(doc, 'level0', { relayout: true, nodeSize: size, direction });
      expect(report!.direction).toBe(direction);
    }
  });
});

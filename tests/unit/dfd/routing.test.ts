/**
 * The router that follows edits (src/lib/dfd/export/routing.ts) gives exactly the bends of
 * flowBends for the same input, after any sequence of edits (moves, resizes, symbols and flows added
 * and removed), while routing only the flows an edit can change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowBends, flowOffsets } from '../../../src/lib/dfd/export/geometry.ts';
import { FlowRouter, type PlacedNode, type RoutedFlow } from '../../../src/lib/dfd/export/routing.ts';

const box = (w: number, h: number) => ({ width: w, height: h }) as PlacedNode['box'];

const nodeArb = (i: number) =>
  fc
    .record({
      x: fc.integer({ min: 0, max: 1200 }),
      y: fc.integer({ min: 0, max: 900 }),
      w: fc.constantFrom(60, 120, 160),
      h: fc.constantFrom(40, 60),
      round: fc.boolean(),
    })
    .map((r): PlacedNode => ({ id: `n${i}`, x: r.x, y: r.y, box: box(r.w, r.h), round: r.round }));

const sceneArb = fc.integer({ min: 2, max: 40 }).chain((count) =>
  fc.record({
    nodes: fc.tuple(...Array.from({ length: count }, (_, i) => nodeArb(i))),
    flows: fc.array(fc.tuple(fc.nat(count - 1), fc.nat(count - 1)), { maxLength: 60 }),
  }),
);

const editArb = fc.oneof(
  fc.record({ type: fc.constant('move' as const), pick: fc.nat(), dx: fc.integer({ min: -400, max: 400 }), dy: fc.integer({ min: -300, max: 300 }) }),
  fc.record({ type: fc.constant('resize' as const), pick: fc.nat(), w: fc.constantFrom(60, 200, 320) }),
  fc.record({ type: fc.constant('removeNode' as const), pick: fc.nat() }),
  fc.record({ type: fc.constant('addNode' as const), x: fc.integer({ min: 0, max: 1200 }), y: fc.integer({ min: 0, max: 900 }) }),
  fc.record({ type: fc.constant('addFlow' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ type: fc.constant('removeFlow' as const), pick: fc.nat() }),
);

describe('FlowRouter', () => {
  it('equals flowBends after every edit of any sequence', () => {
    fc.assert(
      fc.property(sceneArb, fc.array(fc.array(editArb, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), (scene, steps) => {
        let nodes: PlacedNode[] = scene.nodes;
        let flows: RoutedFlow[] = scene.flows.map(([a, b], i) => ({ id: `f${i}`, from: `n${a}`, to: `n${b}` }));
        let nextNode = nodes.length;
        let nextFlow = flows.length;
        const router = new FlowRouter();
        const check = () => {
          const offsets = flowOffsets(flows);
          expect(new Map(router.update(nodes, flows, offsets))).toEqual(flowBends(nodes, flows, offsets));
        };
        check();
        for (const edits of steps) {
          for (const e of edits) {
            if (e.type === 'move' && nodes.length) {
              const i = e.pick % nodes.length;
              nodes = nodes.map((n, k) => (k === i ? { ...n, x: n.x + e.dx, y: n.y + e.dy } : n));
            } else if (e.type === 'resize' && nodes.length) {
              const i = e.pick % nodes.length;
              nodes = nodes.map((n, k) => (k === i ? { ...n, box: box(e.w, n.box.height) } : n));
            } else if (e.type === 'removeNode' && nodes.length) {
              nodes = nodes.filter((_, k) => k !== e.pick % nodes.length);
            } else if (e.type === 'addNode') {
              nodes = [...nodes, { id: `n${nextNode++}`, x: e.x, y: e.y, box: box(120, 60), round: false }];
            } else if (e.type === 'addFlow' && nodes.length) {
              flows = [...flows, { id: `f${nextFlow++}`, from: nodes[e.a % nodes.length]!.id, to: nodes[e.b % nodes.length]!.id }];
            } else if (e.type === 'removeFlow' && flows.length) {
              flows = flows.filter((_, k) => k !== e.pick % flows.length);
            }
          }
          check();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a move of one symbol reroutes only the flows near it', () => {
    const nodes: PlacedNode[] = Array.from({ length: 2500 }, (_, i) => ({ id: `n${i}`, x: (i % 50) * 200, y: Math.floor(i / 50) * 140, box: box(120, 60), round: false }));
    const flows: RoutedFlow[] = nodes.slice(1).map((n, i) => ({ id: `f${i}`, from: nodes[i]!.id, to: n.id }));
    const router = new FlowRouter();
    const offsets = flowOffsets(flows);
    router.update(nodes, flows, offsets);
    expect(router.rerouted).toBe(flows.length);
    const moved = nodes.map((n, i) => (i === 1275 ? { ...n, x: n.x + 30, y: n.y + 20 } : n));
    router.update(moved, flows, offsets);
    expect(router.rerouted).toBeGreaterThan(0);
    expect(router.rerouted).toBeLessThan(flows.length / 20);
    expect(router.update(moved, flows, offsets)).toBe(router.update(moved, flows, offsets));
    expect(router.rerouted).toBe(0);
  });
});

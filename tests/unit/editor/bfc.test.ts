/**
 * Business flow charts in the editor: lanes that symbols snap into, lane edits that carry their
 * symbols along, chart edits as one undoable step of the same reducer, and the restore path that
 * tells a chart from a DFD.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { BfcDocument } from '../../../src/schemas/bfc.ts';
import * as bfc from '../../../src/editor/model/bfc.ts';
import { createStore } from '../../../src/editor/store/store.ts';
import { restoreDocument, restoreExercise, restoreStored, serializeAny } from '../../../src/editor/io/restore.ts';
import { lintBfc } from '../../../src/lib/bfc/index.ts';

const spanOf = (doc: BfcDocument, id: string) => bfc.laneSpans(doc).find((s) => s.lane.id === id)!;

/** Two lanes, 采购部 then 仓库, built through the editor's own edits. */
function twoLanes(): BfcDocument {
  let doc = bfc.emptyBfc('物资订货');
  doc = bfc.addLane(doc, '采购部').doc;
  doc = bfc.addLane(doc, '仓库').doc;
  return doc;
}

describe('lanes and snapping', () => {
  it('adds lanes side by side, each LANE_SIZE wide, in order', () => {
    const doc = twoLanes();
    expect(doc.lanes.map((l) => l.label)).toEqual(['采购部', '仓库']);
    const [a, b] = bfc.laneSpans(doc);
    expect(a!.end - a!.start).toBe(bfc.LANE_SIZE);
    expect(b!.start).toBe(a!.end);
  });

  it('a symbol dropped in a lane belongs to it and sits wholly inside it, below the header', () => {
    const doc0 = twoLanes();
    const second = spanOf(doc0, doc0.lanes[1]!.id);
    // Dropped so that it pokes out of the right side of the second lane.
    const { doc, id } = bfc.addBfcNode(doc0, 'process', { x: second.end - 10, y: 10 }, '核对库存');
    const n = doc.nodes.find((x) => x.id === id)!;
    expect(n.lane).toBe(doc.lanes[1]!.id);
    const box = bfc.bfcBox(n);
    expect(n.x!).toBeGreaterThanOrEqual(second.start);
    expect(n.x! + box.width).toBeLessThanOrEqual(second.end);
    expect(n.y!).toBeGreaterThanOrEqual(bfc.headerDepth(doc));
  });

  it('moving a symbol into another lane changes its unit; outside every lane it has none', () => {
    const doc0 = twoLanes();
    const { doc: d1, id } = bfc.addBfcNode(doc0, 'form', { x: 100, y: 200 }, '订货单');
    expect(d1.nodes[0]!.lane).toBe(d1.lanes[0]!.id);
    const second = spanOf(d1, d1.lanes[1]!.id);
    const d2 = bfc.moveBfcNodes(d1, { [id]: { x: second.start + 40, y: 200 } });
    expect(d2.nodes[0]!.lane).toBe(d2.lanes[1]!.id);
    const d3 = bfc.moveBfcNodes(d2, { [id]: { x: second.end + 400, y: 200 } });
    expect(d3.nodes[0]!.lane).toBeUndefined();
    // Dropping where it already is changes nothing (no undo step).
    expect(bfc.moveBfcNodes(d3, { [id]: { x: d3.nodes[0]!.x!, y: d3.nodes[0]!.y! } })).toBe(d3);
  });

  it('resizing, reordering and deleting a lane carries its symbols with it', () => {
    let doc = twoLanes();
    const [a, b] = doc.lanes;
    doc = bfc.addBfcNode(doc, 'process', { x: spanOf(doc, b!.id).start + 120, y: 200 }, '验收').doc;
    const x0 = doc.nodes[0]!.x!;
    doc = bfc.updateLane(doc, a!.id, { size: bfc.LANE_SIZE + 160 });
    expect(doc.nodes[0]!.x).toBe(x0 + 160);
    expect(bfc.laneAt(doc, doc.nodes[0]!.x! + 10)?.id).toBe(b!.id);
    doc = bfc.moveLane(doc, b!.id, -1);
    expect(doc.lanes.map((l) => l.id)).toEqual([b!.id, a!.id]);
    expect(bfc.laneAt(doc, doc.nodes[0]!.x! + 10)?.id).toBe(b!.id);
    expect(doc.nodes[0]!.lane).toBe(b!.id);
    doc = bfc.deleteLane(doc, b!.id);
    expect(doc.lanes.map((l) => l.id)).toEqual([a!.id]);
    expect(doc.nodes[0]!.lane).toBeUndefined();
    // …and the linter then says the task is in no unit.
    expect(lintBfc(doc).some((f) => f.element === doc.nodes[0]!.id && f.severity === 'error')).toBe(true);
  });

  it('a reference chart without sizes or places is pinned where the layout draws it before an edit', () => {
    const ref = restoreDocument(readFileSync('content/bfc/exercises/material-ordering.bfc.json', 'utf8'));
    expect(ref.ok).toBe(true);
    const doc = (ref as { value: BfcDocument }).value;
    const pinned = bfc.pinned(doc);
    expect(pinned.lanes.every((l) => typeof l.size === 'number')).toBe(true);
    expect(pinned.nodes.every((n) => typeof n.x === 'number' && typeof n.y === 'number')).toBe(true);
    // Every symbol stays in its own lane's band.
    for (const n of pinned.nodes.filter((x) => x.lane)) {
      const s = spanOf(pinned, n.lane!);
      expect(n.x! + bfc.bfcBox(n).width / 2).toBeGreaterThanOrEqual(s.start);
      expect(n.x! + bfc.bfcBox(n).width / 2).toBeLessThan(s.end);
    }
  });

  it('title block, orientation and flow conditions are edits like any other', () => {
    let doc = twoLanes();
    doc = bfc.addBfcNode(doc, 'process', { x: 100, y: 160 }, '检验').doc;
    doc = bfc.addBfcNode(doc, 'store', { x: 100, y: 320 }, '库存台账').doc;
    const [p, s] = doc.nodes;
    const c = bfc.connectBfc(doc, p!.id, s!.id)!;
    expect(bfc.connectBfc(doc, p!.id, p!.id)).toBeNull();
    doc = bfc.updateBfcFlow(c.doc, c.id, { condition: '合格', label: '入库单' });
    expect(doc.flows[0]).toMatchObject({ condition: '合格', label: '入库单' });
    doc = bfc.updateBfcFlow(doc, c.id, { condition: '' });
    expect(doc.flows[0]!.condition).toBeUndefined();
    doc = bfc.updateTitleBlock(doc, { drawnBy: '张三', sheet: 2, sheets: 3 });
    expect(doc.titleBlock).toMatchObject({ business: '物资订货', drawnBy: '张三', sheet: 2, sheets: 3 });
    expect(bfc.updateTitleBlock(doc, { sheet: 0 }).titleBlock?.sheet).toBeUndefined();
    const rows = bfc.setOrientation(doc, 'rows');
    expect(rows.orientation).toBe('rows');
    expect(rows.nodes.map((n) => n.lane)).toEqual(doc.nodes.map((n) => n.lane));
    for (const n of rows.nodes) expect(bfc.laneAt(rows, n.y! + bfc.bfcBox(n).height / 2)?.id).toBe(n.lane);
  });
});

describe('the one store holds a chart', () => {
  it('chart edits are single undo steps; DFD-only ops leave a chart alone', () => {
    const store = createStore(bfc.emptyBfc('报损'));
    const d0 = store.get().doc as BfcDocument;
    const r = bfc.addLane(d0, '仓库');
    store.dispatch({ type: 'apply', ops: [{ type: 'setBfc', doc: r.doc }] });
    expect((store.get().doc as BfcDocument).lanes).toHaveLength(1);
    const v = store.get().version;
    store.dispatch({ type: 'apply', ops: [{ type: 'updateDocument', patch: { notation: 'yourdon' } }] });
    expect(store.get().version).toBe(v);
    store.dispatch({ type: 'undo' });
    expect(store.get().doc).toBe(d0);
    store.dispatch({ type: 'redo' });
    expect((store.get().doc as BfcDocument).lanes[0]!.label).toBe('仓库');
    expect(store.get().diagramId).toBe('top');
  });

  it('selection keeps only symbols and flows that exist in the chart', () => {
    let doc = twoLanes();
    doc = bfc.addBfcNode(doc, 'process', { x: 100, y: 160 }, '检验').doc;
    const store = createStore(doc);
    store.dispatch({ type: 'select', selection: { nodes: [doc.nodes[0]!.id, 'nope'], flows: [] } });
    expect(store.get().selection.nodes).toEqual([doc.nodes[0]!.id]);
    store.dispatch({ type: 'apply', ops: [{ type: 'setBfc', doc: bfc.deleteBfcElements(doc, [doc.nodes[0]!.id], []) }] });
    expect(store.get().selection.nodes).toEqual([]);
  });
});

describe('restore path', () => {
  it('reads a chart by its format, a DFD as before, and names what is wrong with a broken chart', () => {
    const chart = bfc.emptyBfc('进书');
    const r = restoreDocument(serializeAny(chart));
    expect(r.ok && bfc.isBfc(r.value)).toBe(true);
    const bad = restoreDocument(JSON.stringify({ ...chart, lanes: 3 }));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.zh).toMatch(/lanes/);
    const dfd = restoreDocument(readFileSync('content/dfd/exercises/material-ordering.dfd.json', 'utf8'));
    expect(dfd.ok && !bfc.isBfc(dfd.value)).toBe(true);
  });

  it('a stored chart record comes back as a chart', () => {
    const doc = bfc.addLane(bfc.emptyBfc('售书'), '顾客').doc;
    const r = restoreStored({ id: 'x', name: '售书', doc, rev: 1, updated: 1 });
    expect(r.ok && bfc.isBfc(r.record.doc) && r.record.doc.lanes[0]!.label).toBe('顾客');
  });

  it('an exercise carries its reference chart; a chart where a DFD belongs is refused', () => {
    const reference = JSON.parse(readFileSync('content/dfd/exercises/material-ordering.dfd.json', 'utf8'));
    const chart = JSON.parse(readFileSync('content/bfc/exercises/material-ordering.bfc.json', 'utf8'));
    const ok = restoreExercise('material-ordering', { title: '物资订货', scenario: '…', reference, bfc: chart });
    expect(ok.ok && ok.value.bfc?.lanes.length).toBeGreaterThan(0);
    expect(restoreExercise('material-ordering', { title: '物资订货', scenario: '…', reference: chart }).ok).toBe(false);
  });
});

describe('the inspector moves a symbol to another unit', () => {
  it('choosing a lane puts the symbol inside that lane', () => {
    let doc = twoLanes();
    doc = bfc.addBfcNode(doc, 'process', { x: 100, y: 200 }, '验收').doc;
    const b = doc.lanes[1]!;
    doc = bfc.updateBfcNode(doc, doc.nodes[0]!.id, { lane: b.id });
    expect(doc.nodes[0]!.lane).toBe(b.id);
    expect(bfc.laneAt(doc, doc.nodes[0]!.x! + bfc.bfcBox(doc.nodes[0]!).width / 2)?.id).toBe(b.id);
  });
});

describe('a drop near a lane edge', () => {
  it('stays in the lane under the pointer, whatever the grid rounding', () => {
    const doc0 = twoLanes();
    const first = spanOf(doc0, doc0.lanes[0]!.id);
    for (const dx of [1, 3, 5, 7]) {
      const { doc, id } = bfc.addBfcNode(doc0, 'form', { x: first.end - dx, y: 200 }, '入库单');
      expect(doc.nodes.find((n) => n.id === id)!.lane).toBe(doc0.lanes[0]!.id);
    }
  });
});

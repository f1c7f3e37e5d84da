/**
 * Business flow charts (业务流程图) in the editor: lane geometry (columns side by side, or rows one
 * above the other, where the core's layoutBfc draws them, so the canvas and the SVG agree), where a symbol falls, and every edit as a pure function from one chart to the
 * next. The reducer applies the result as one `setBfc` op (one undo step); the chart itself is the
 * format of src/schemas/bfc.ts, nothing of the editor's own is added to it.
 */
import type { BfcDocument, BfcFlow, BfcLane, BfcNode, BfcNodeKind, BfcTitleBlock } from '@schemas/bfc.ts';
import type { DfdDocument } from '@schemas/dfd.ts';
import { BFC_LANE_HEADER, BFC_NO_LANE, BFC_ROW_HEADER, bfcNodeSize, layoutBfc, type BfcLayout } from '../../lib/bfc/index.ts';
import { idSource } from './ids.ts';

/** The document the editor holds: a levelled DFD or a business flow chart. */
export type EditorDocument = DfdDocument | BfcDocument;

export function isBfc(doc: EditorDocument): doc is BfcDocument {
  return doc.format === 'flowbook-bfc';
}

export function isDfd(doc: EditorDocument): doc is DfdDocument {
  return doc.format !== 'flowbook-bfc';
}

const NO_DFD = new WeakMap<BfcDocument, DfdDocument>();

/**
 * The document as a DFD, for the parts of the editor that only make sense for DFDs (levels,
 * dictionary, codes): a chart gives one empty diagram (the same object for the same chart), so
 * those parts see nothing to do.
 */
export function dfdOf(doc: EditorDocument): DfdDocument {
  if (!isBfc(doc)) return doc;
  let d = NO_DFD.get(doc);
  if (!d) {
    d = { format: 'flowbook-dfd', version: 1, diagrams: [{ id: 'top', nodes: [], flows: [] }] };
    NO_DFD.set(doc, d);
  }
  return d;
}

/** Width of a column (or height of a row) of a lane added in the modeller. */
export const LANE_SIZE = 240;
export const LANE_MIN = 120;
export const LANE_MAX = 1200;
const GRID = 16;
const snap = (v: number) => Math.round(v / GRID) * GRID;

/** A symbol's size, as the chart's layout (and so the SVG export) draws it. */
export function bfcBox(n: Pick<BfcNode, 'kind' | 'label' | 'copies'>): { width: number; height: number } {
  const s = bfcNodeSize(n);
  return { width: s.width, height: s.height };
}

export function orientationOf(doc: BfcDocument): 'columns' | 'rows' {
  return doc.orientation ?? 'columns';
}

/** The header band's depth (top of a column, left of a row): symbols sit below (right of) it. */
export function headerDepth(doc: BfcDocument): number {
  return orientationOf(doc) === 'columns' ? BFC_LANE_HEADER : BFC_ROW_HEADER;
}

export interface LaneSpan {
  lane: BfcLane;
  /** Start and end across the lanes (x for columns, y for rows). */
  start: number;
  end: number;
}

/** The lanes where the chart's layout draws them (symbols in no lane are not a lane here). */
export function laneSpans(doc: BfcDocument, layout: BfcLayout = layoutBfc(doc)): LaneSpan[] {
  const cols = orientationOf(doc) === 'columns';
  const byId = new Map(doc.lanes.map((l) => [l.id, l]));
  const out: LaneSpan[] = [];
  for (const b of layout.lanes) {
    const lane = byId.get(b.id);
    if (b.id === BFC_NO_LANE || !lane) continue;
    out.push(cols ? { lane, start: b.x, end: b.x + b.width } : { lane, start: b.y, end: b.y + b.height });
  }
  return out;
}

/** The lane whose band holds a point (its coordinate across the lanes); undefined outside every lane. */
export function laneAt(doc: BfcDocument, across: number): BfcLane | undefined {
  return laneSpans(doc).find((s) => across >= s.start && across < s.end)?.lane;
}

/**
 * The chart with every lane's size and every symbol's place written down, as the layout has them:
 * the modeller's edits start from it, so a lane does not grow under symbols placed by hand (a lane
 * without a size is as wide as its widest symbol) and nothing jumps when one symbol is moved.
 */
export function pinned(doc: BfcDocument): BfcDocument {
  if (doc.lanes.every((l) => l.size !== undefined) && doc.nodes.every((n) => n.x !== undefined && n.y !== undefined)) return doc;
  const layout = layoutBfc(doc);
  const cols = orientationOf(doc) === 'columns';
  const boxes = new Map(layout.lanes.map((b) => [b.id, b]));
  const at = new Map(layout.nodes.map((b) => [b.id, b]));
  return {
    ...doc,
    lanes: doc.lanes.map((l) => (l.size !== undefined ? l : { ...l, size: Math.round(cols ? boxes.get(l.id)!.width : boxes.get(l.id)!.height) })),
    nodes: doc.nodes.map((n) => (n.x !== undefined && n.y !== undefined ? n : { ...n, x: Math.round(at.get(n.id)!.x), y: Math.round(at.get(n.id)!.y) })),
  };
}

/**
 * Where a symbol dropped with its top-left at `p` ends up: in the lane under its centre, moved just
 * enough to sit wholly inside that lane (and past its header). Outside every lane it stays where it
 * was dropped, in no lane.
 */
export function snapIntoLane(
  doc: BfcDocument,
  n: Pick<BfcNode, 'kind' | 'label' | 'copies'>,
  p: { x: number; y: number },
  spans = laneSpans(doc),
): { x: number; y: number; lane?: string } {
  const box = bfcBox(n);
  const cols = orientationOf(doc) === 'columns';
  const x = snap(p.x);
  const y = snap(p.y);
  // The lane is the one under the centre as dropped (before the grid moves it by up to half a step).
  const centre = cols ? p.x + box.width / 2 : p.y + box.height / 2;
  const span = spans.find((s) => centre >= s.start && centre < s.end);
  if (!span) return { x, y };
  const size = cols ? box.width : box.height;
  const pad = 8;
  const lo = span.start + pad;
  const hi = Math.max(lo, span.end - pad - size);
  const clamp = (v: number) => Math.round(Math.min(hi, Math.max(lo, v)));
  const head = headerDepth(doc) + pad;
  if (cols) return { x: clamp(x), y: Math.max(head, y), lane: span.lane.id };
  return { x: Math.max(head, x), y: clamp(y), lane: span.lane.id };
}

/** Ids for new lanes, symbols and flows: one namespace for the whole chart. */
export function bfcIds(doc: BfcDocument) {
  return idSource([...doc.lanes.map((l) => l.id), ...doc.nodes.map((n) => n.id), ...doc.flows.map((f) => f.id)]);
}

const PREFIX: Record<BfcNodeKind | 'flow' | 'lane', string> = { process: 'p', form: 'b', store: 's', collect: 'c', flow: 'f', lane: 'u' };

export function emptyBfc(title: string): BfcDocument {
  return {
    format: 'flowbook-bfc',
    version: 1,
    title,
    titleBlock: { business: title, sheet: 1, sheets: 1 },
    lanes: [],
    nodes: [],
    flows: [],
  };
}

// ---- Edits: each returns the next chart (the same object when nothing changes). ----

/** A new symbol of `kind` centred on `center`, snapped into the lane there. */
export function addBfcNode(doc0: BfcDocument, kind: BfcNodeKind, center: { x: number; y: number }, label = ''): { doc: BfcDocument; id: string } {
  const doc = pinned(doc0);
  const id = bfcIds(doc)(PREFIX[kind]);
  const box = bfcBox({ kind, label });
  const at = snapIntoLane(doc, { kind, label }, { x: center.x - box.width / 2, y: center.y - box.height / 2 });
  const node: BfcNode = { id, kind, label, x: at.x, y: at.y };
  if (at.lane) node.lane = at.lane;
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

export function connectBfc(doc: BfcDocument, from: string, to: string): { doc: BfcDocument; id: string } | null {
  if (from === to || !doc.nodes.some((n) => n.id === from) || !doc.nodes.some((n) => n.id === to)) return null;
  const id = bfcIds(doc)(PREFIX.flow);
  const flow: BfcFlow = { id, from, to };
  return { doc: { ...doc, flows: [...doc.flows, flow] }, id };
}

/** Moves dropped symbols, each snapped into the lane it was dropped in (its `lane` follows). */
export function moveBfcNodes(doc0: BfcDocument, positions: Record<string, { x: number; y: number }>): BfcDocument {
  const doc = pinned(doc0);
  const spans = laneSpans(doc);
  let changed = doc !== doc0;
  const nodes = doc.nodes.map((n) => {
    const p = positions[n.id];
    if (!p) return n;
    const at = snapIntoLane(doc, n, p, spans);
    if (n.x === at.x && n.y === at.y && n.lane === at.lane) return n;
    changed = true;
    const next: BfcNode = { ...n, x: at.x, y: at.y };
    if (at.lane) next.lane = at.lane;
    else delete next.lane;
    return next;
  });
  return changed ? { ...doc, nodes } : doc0;
}

export type BfcNodePatch = Partial<Pick<BfcNode, 'label' | 'copies' | 'kind' | 'lane'>>;
export type BfcFlowPatch = Partial<Pick<BfcFlow, 'label' | 'condition' | 'from' | 'to'>>;
export type BfcLanePatch = Partial<Pick<BfcLane, 'label' | 'external' | 'size'>>;

/** Copies `obj` with `patch` applied; optional text set to '' (or a value set to undefined) is removed. */
function patched<T extends object>(obj: T, patch: object, required: readonly string[] = []): T {
  let changed = false;
  const out = { ...obj } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    const remove = v === undefined || (v === '' && !required.includes(k)) || v === false;
    if (remove) {
      if (k in out) {
        delete out[k];
        changed = true;
      }
    } else if (out[k] !== v) {
      out[k] = v;
      changed = true;
    }
  }
  return changed ? (out as T) : obj;
}

function replaceAt<T>(list: readonly T[], i: number, item: T): T[] {
  const out = list.slice();
  out[i] = item;
  return out;
}

/**
 * Changes a symbol's fields. A new unit (`lane`) moves the symbol into that lane's band (same place
 * along the lane), so what the chart says and what it shows agree.
 */
export function updateBfcNode(doc0: BfcDocument, id: string, patch: BfcNodePatch): BfcDocument {
  const i = doc0.nodes.findIndex((n) => n.id === id);
  if (i < 0) return doc0;
  const p = { ...patch };
  if (p.copies !== undefined && (!Number.isInteger(p.copies) || p.copies <= 1)) p.copies = undefined;
  const moving = 'lane' in p && p.lane !== doc0.nodes[i]!.lane;
  const doc = moving ? pinned(doc0) : doc0;
  let n = patched(doc.nodes[i]!, p, ['label']);
  if (n === doc.nodes[i]) return doc0;
  const span = moving && n.lane ? laneSpans(doc).find((s) => s.lane.id === n.lane) : undefined;
  if (span) {
    const box = bfcBox(n);
    const cols = orientationOf(doc) === 'columns';
    const across = Math.round((span.start + span.end) / 2 - (cols ? box.width : box.height) / 2);
    n = cols ? { ...n, x: across } : { ...n, y: across };
  }
  return { ...doc, nodes: replaceAt(doc.nodes, i, n) };
}

export function updateBfcFlow(doc: BfcDocument, id: string, patch: BfcFlowPatch): BfcDocument {
  const i = doc.flows.findIndex((f) => f.id === id);
  if (i < 0) return doc;
  const f = patched(doc.flows[i]!, patch, ['from', 'to']);
  return f === doc.flows[i] ? doc : { ...doc, flows: replaceAt(doc.flows, i, f) };
}

/** Deletes symbols (with every flow at them) and flows. */
export function deleteBfcElements(doc: BfcDocument, nodeIds: readonly string[], flowIds: readonly string[]): BfcDocument {
  const gone = new Set(nodeIds);
  const goneFlows = new Set(flowIds);
  const nodes = doc.nodes.filter((n) => !gone.has(n.id));
  const flows = doc.flows.filter((f) => !goneFlows.has(f.id) && !gone.has(f.from) && !gone.has(f.to));
  if (nodes.length === doc.nodes.length && flows.length === doc.flows.length) return doc;
  return { ...doc, nodes, flows };
}

/**
 * The chart with its lanes replaced by `lanes`: every symbol of a lane that stays moves with its
 * lane (by how far the lane's start moved), so it stays in its unit; symbols of a removed lane stay
 * where they are, in no lane.
 */
function relane(doc0: BfcDocument, lanes: BfcLane[]): BfcDocument {
  const doc = pinned(doc0);
  const before = new Map(laneSpans(doc).map((s) => [s.lane.id, s.start]));
  const next: BfcDocument = { ...doc, lanes: lanes.map((l) => doc.lanes.find((x) => x.id === l.id && l.size === undefined) ?? l) };
  const after = new Map(laneSpans(next).map((s) => [s.lane.id, s.start]));
  const cols = orientationOf(doc) === 'columns';
  const nodes = doc.nodes.map((n) => {
    if (!n.lane) return n;
    const a = after.get(n.lane);
    const b = before.get(n.lane);
    if (a === undefined) {
      const out = { ...n };
      delete out.lane;
      return out;
    }
    if (b === undefined || a === b) return n;
    return cols ? { ...n, x: n.x! + a - b } : { ...n, y: n.y! + a - b };
  });
  return { ...next, nodes };
}

/** 添加泳道: a new unit after the others (or at `index`). */
export function addLane(doc: BfcDocument, label: string, index?: number): { doc: BfcDocument; id: string } {
  const id = bfcIds(doc)(PREFIX.lane);
  const lanes = pinned(doc).lanes.slice();
  lanes.splice(index ?? lanes.length, 0, { id, label, size: LANE_SIZE });
  return { doc: relane(doc, lanes), id };
}

export function updateLane(doc: BfcDocument, id: string, patch: BfcLanePatch): BfcDocument {
  const i = doc.lanes.findIndex((l) => l.id === id);
  if (i < 0) return doc;
  const p = { ...patch };
  if (p.size !== undefined) p.size = snap(Math.min(LANE_MAX, Math.max(LANE_MIN, p.size)));
  const base = pinned(doc);
  const l = patched(base.lanes[i]!, p, ['label']);
  if (l === base.lanes[i]) return doc;
  return relane(base, replaceAt(base.lanes, i, l));
}

/** Deletes a lane; its symbols stay, in no lane (the findings then say so). */
export function deleteLane(doc: BfcDocument, id: string): BfcDocument {
  if (!doc.lanes.some((l) => l.id === id)) return doc;
  const base = pinned(doc);
  return relane(
    base,
    base.lanes.filter((l) => l.id !== id),
  );
}

/** Moves a lane `by` places (−1: left/up, +1: right/down), its symbols with it. */
export function moveLane(doc: BfcDocument, id: string, by: number): BfcDocument {
  const base = pinned(doc);
  const i = base.lanes.findIndex((l) => l.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= base.lanes.length || by === 0) return doc;
  const lanes = base.lanes.slice();
  const [l] = lanes.splice(i, 1);
  lanes.splice(j, 0, l!);
  return relane(base, lanes);
}

export function updateTitleBlock(doc: BfcDocument, patch: Partial<BfcTitleBlock>): BfcDocument {
  const cur = doc.titleBlock ?? {};
  const p: Record<string, unknown> = { ...patch };
  for (const k of ['sheet', 'sheets'] as const) {
    const v = p[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 1)) p[k] = undefined;
  }
  const tb = patched(cur, p);
  if (tb === cur) return doc;
  const out = { ...doc };
  if (Object.keys(tb).length) out.titleBlock = tb;
  else delete out.titleBlock;
  return out;
}

export function setTitle(doc: BfcDocument, title: string): BfcDocument {
  const t = title.trim();
  if ((doc.title ?? '') === t) return doc;
  const out = { ...doc };
  if (t) out.title = t;
  else delete out.title;
  return out;
}

/** Columns ↔ rows: the layout places every symbol again (each keeps its lane and order). */
export function setOrientation(doc: BfcDocument, orientation: 'columns' | 'rows'): BfcDocument {
  if (orientationOf(doc) === orientation) return doc;
  return pinned({ ...doc, orientation, nodes: doc.nodes.map(unplaced) });
}

function unplaced(n: BfcNode): BfcNode {
  const out = { ...n };
  delete out.x;
  delete out.y;
  return out;
}

/** 自动布局: every symbol placed again by the layout (in its lane, in flow order). */
export function autoLayout(doc: BfcDocument): BfcDocument {
  return pinned({ ...doc, nodes: doc.nodes.map(unplaced) });
}

/** Copy/paste within a chart: the symbols and the flows among them, fresh ids, shifted. */
export function pasteBfc(doc0: BfcDocument, clip: { nodes: BfcNode[]; flows: BfcFlow[] }, shift: number): { doc: BfcDocument; nodes: string[]; flows: string[] } {
  const doc = pinned(doc0);
  const ids = bfcIds(doc);
  const map = new Map<string, string>();
  let cur = doc;
  const nodes: BfcNode[] = [];
  for (const n of clip.nodes) {
    const id = ids(PREFIX[n.kind]);
    map.set(n.id, id);
    const at = snapIntoLane(cur, n, { x: (n.x ?? 0) + shift, y: (n.y ?? 0) + shift });
    const copy: BfcNode = { ...n, id, x: at.x, y: at.y };
    if (at.lane) copy.lane = at.lane;
    else delete copy.lane;
    nodes.push(copy);
  }
  const flows: BfcFlow[] = [];
  for (const f of clip.flows) {
    const from = map.get(f.from);
    const to = map.get(f.to);
    if (from && to) flows.push({ ...f, id: ids(PREFIX.flow), from, to });
  }
  cur = { ...doc, nodes: [...doc.nodes, ...nodes], flows: [...doc.flows, ...flows] };
  return { doc: cur, nodes: nodes.map((n) => n.id), flows: flows.map((f) => f.id) };
}

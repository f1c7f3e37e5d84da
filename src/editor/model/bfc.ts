/**
 * Business flow charts (业务流程图) in the editor: lane geometry (columns side by side, or rows one
 * above the other), where a symbol falls, and every edit as a pure function from one chart to the
 * next. The reducer applies the result as one `setBfc` op (one undo step); the chart itself is the
 * format of src/schemas/bfc.ts, nothing of the editor's own is added to it.
 */
import type { BfcDocument, BfcFlow, BfcLane, BfcNode, BfcNodeKind, BfcTitleBlock } from '@schemas/bfc.ts';
import type { DfdDocument } from '@schemas/dfd.ts';
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

/** Width of a column (or height of a row) when the lane does not say. */
export const LANE_SIZE = 240;
export const LANE_MIN = 160;
export const LANE_MAX = 1200;
/** The header band that holds the unit's name (top of a column, left of a row). */
export const LANE_HEADER = 48;
/** How far a lane reaches along the chart (the other direction), at least. */
export const LANE_LENGTH = 720;
const GRID = 16;
const snap = (v: number) => Math.round(v / GRID) * GRID;

export const BFC_BOX: Record<BfcNodeKind, { width: number; height: number }> = {
  process: { width: 144, height: 56 },
  form: { width: 144, height: 64 },
  store: { width: 144, height: 48 },
  collect: { width: 144, height: 56 },
};

export function bfcBox(n: Pick<BfcNode, 'kind' | 'copies'>): { width: number; height: number } {
  const b = BFC_BOX[n.kind];
  // Stacked copies of a form stick out to the right and below, 4 px each.
  const extra = n.kind === 'form' && (n.copies ?? 1) > 1 ? Math.min(n.copies! - 1, 3) * 4 : 0;
  return { width: b.width + extra, height: b.height + extra };
}

export function orientationOf(doc: BfcDocument): 'columns' | 'rows' {
  return doc.orientation ?? 'columns';
}

export interface LaneSpan {
  lane: BfcLane;
  /** Start and end along the lanes' axis (x for columns, y for rows). */
  start: number;
  end: number;
}

export function laneSize(l: BfcLane): number {
  return typeof l.size === 'number' && Number.isFinite(l.size) ? Math.min(LANE_MAX, Math.max(LANE_MIN, l.size)) : LANE_SIZE;
}

/** The lanes laid side by side from 0, in order. */
export function laneSpans(doc: BfcDocument): LaneSpan[] {
  let at = 0;
  return doc.lanes.map((lane) => {
    const start = at;
    at += laneSize(lane);
    return { lane, start, end: at };
  });
}

/** Fallback place of the i-th symbol without a position: down its lane (or the chart). */
export function placeOf(doc: BfcDocument, n: BfcNode, i: number): { x: number; y: number } {
  if (n.x !== undefined && n.y !== undefined) return { x: n.x, y: n.y };
  const spans = laneSpans(doc);
  const span = spans.find((s) => s.lane.id === n.lane);
  const box = bfcBox(n);
  const k = doc.nodes.slice(0, i).filter((m) => m.lane === n.lane && (m.x === undefined || m.y === undefined)).length;
  const along = LANE_HEADER + 32 + k * 112;
  const across = span ? span.start + (span.end - span.start - box.width) / 2 : spans.length ? spans[spans.length - 1]!.end + 32 : 32;
  return orientationOf(doc) === 'columns' ? { x: snap(across), y: along } : { x: along + 96, y: snap(across + (box.width - box.height) / 2) };
}

/** How long the lanes are drawn: past the farthest symbol, at least LANE_LENGTH. */
export function laneLength(doc: BfcDocument): number {
  const cols = orientationOf(doc) === 'columns';
  let far = LANE_LENGTH;
  doc.nodes.forEach((n, i) => {
    const p = placeOf(doc, n, i);
    const b = bfcBox(n);
    far = Math.max(far, (cols ? p.y + b.height : p.x + b.width) + 96);
  });
  return snap(far);
}

/** The lane whose band holds a point (its position along the lanes' axis); undefined outside every lane. */
export function laneAt(doc: BfcDocument, along: number): BfcLane | undefined {
  return laneSpans(doc).find((s) => along >= s.start && along < s.end)?.lane;
}

/**
 * Where a symbol dropped with its top-left at `p` ends up: in the lane under its centre, moved just
 * enough to sit wholly inside that lane (and below its header). Outside every lane it stays where it
 * was dropped, in no lane.
 */
export function snapIntoLane(doc: BfcDocument, n: Pick<BfcNode, 'kind' | 'copies'>, p: { x: number; y: number }): { x: number; y: number; lane?: string } {
  const box = bfcBox(n);
  const cols = orientationOf(doc) === 'columns';
  const x = snap(p.x);
  const y = snap(p.y);
  const centre = cols ? x + box.width / 2 : y + box.height / 2;
  const span = laneSpans(doc).find((s) => centre >= s.start && centre < s.end);
  if (!span) return { x, y };
  const size = cols ? box.width : box.height;
  const pad = 8;
  const lo = span.start + pad;
  const hi = Math.max(lo, span.end - pad - size);
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  if (cols) return { x: clamp(x), y: Math.max(LANE_HEADER + pad, y), lane: span.lane.id };
  return { x: Math.max(LANE_HEADER + pad, x), y: clamp(y), lane: span.lane.id };
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
export function addBfcNode(doc: BfcDocument, kind: BfcNodeKind, center: { x: number; y: number }, label = ''): { doc: BfcDocument; id: string } {
  const id = bfcIds(doc)(PREFIX[kind]);
  const box = bfcBox({ kind });
  const at = snapIntoLane(doc, { kind }, { x: center.x - box.width / 2, y: center.y - box.height / 2 });
  const node: BfcNode = { id, kind, label, x: at.x, y: at.y };
  if (at.lane) node.lane = at.lane;
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

export function connectBfc(doc: BfcDocument, from: string, to: string): { doc: BfcDocument; id: string } | null {
  if (!doc.nodes.some((n) => n.id === from) || !doc.nodes.some((n) => n.id === to)) return null;
  const id = bfcIds(doc)(PREFIX.flow);
  const flow: BfcFlow = { id, from, to };
  return { doc: { ...doc, flows: [...doc.flows, flow] }, id };
}

/** Moves dropped symbols, each snapped into the lane it was dropped in (its `lane` follows). */
export function moveBfcNodes(doc: BfcDocument, positions: Record<string, { x: number; y: number }>): BfcDocument {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const p = positions[n.id];
    if (!p) return n;
    const at = snapIntoLane(doc, n, p);
    if (n.x === at.x && n.y === at.y && n.lane === at.lane) return n;
    changed = true;
    const next: BfcNode = { ...n, x: at.x, y: at.y };
    if (at.lane) next.lane = at.lane;
    else delete next.lane;
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
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

export function updateBfcNode(doc: BfcDocument, id: string, patch: BfcNodePatch): BfcDocument {
  const i = doc.nodes.findIndex((n) => n.id === id);
  if (i < 0) return doc;
  const p = { ...patch };
  if (p.copies !== undefined && (!Number.isInteger(p.copies) || p.copies <= 1)) p.copies = undefined;
  const n = patched(doc.nodes[i]!, p, ['label']);
  return n === doc.nodes[i] ? doc : { ...doc, nodes: replaceAt(doc.nodes, i, n) };
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
 * The chart with its lanes replaced by `lanes`: every symbol of a lane that stays is moved with its
 * lane (by how far the lane's start moved), so it stays in its unit; symbols of a removed lane stay
 * where they are, in no lane.
 */
function relane(doc: BfcDocument, lanes: BfcLane[]): BfcDocument {
  const before = new Map(laneSpans(doc).map((s) => [s.lane.id, s.start]));
  const next: BfcDocument = { ...doc, lanes };
  const after = new Map(laneSpans(next).map((s) => [s.lane.id, s.start]));
  const cols = orientationOf(doc) === 'columns';
  const nodes = doc.nodes.map((n, i) => {
    if (!n.lane) return n;
    const a = after.get(n.lane);
    const b = before.get(n.lane);
    if (a === undefined) {
      const out = { ...n };
      delete out.lane;
      return out;
    }
    if (b === undefined || a === b) return n;
    const p = placeOf(doc, n, i);
    return cols ? { ...n, x: p.x + a - b, y: p.y } : { ...n, x: p.x, y: p.y + a - b };
  });
  return { ...next, nodes };
}

/** 添加泳道: a new unit after the others (or at `index`). */
export function addLane(doc: BfcDocument, label: string, index?: number): { doc: BfcDocument; id: string } {
  const id = bfcIds(doc)(PREFIX.lane);
  const lanes = doc.lanes.slice();
  lanes.splice(index ?? lanes.length, 0, { id, label });
  return { doc: relane(doc, lanes), id };
}

export function updateLane(doc: BfcDocument, id: string, patch: BfcLanePatch): BfcDocument {
  const i = doc.lanes.findIndex((l) => l.id === id);
  if (i < 0) return doc;
  const p = { ...patch };
  if (p.size !== undefined) p.size = snap(Math.min(LANE_MAX, Math.max(LANE_MIN, p.size)));
  const l = patched(doc.lanes[i]!, p, ['label']);
  if (l === doc.lanes[i]) return doc;
  return relane(doc, replaceAt(doc.lanes, i, l));
}

/** Deletes a lane; its symbols stay, in no lane (the findings then say so). */
export function deleteLane(doc: BfcDocument, id: string): BfcDocument {
  if (!doc.lanes.some((l) => l.id === id)) return doc;
  return relane(
    doc,
    doc.lanes.filter((l) => l.id !== id),
  );
}

/** Moves a lane `by` places (−1: left/up, +1: right/down), its symbols with it. */
export function moveLane(doc: BfcDocument, id: string, by: number): BfcDocument {
  const i = doc.lanes.findIndex((l) => l.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= doc.lanes.length || by === 0) return doc;
  const lanes = doc.lanes.slice();
  const [l] = lanes.splice(i, 1);
  lanes.splice(j, 0, l!);
  return relane(doc, lanes);
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

/** Columns ↔ rows: every symbol keeps its lane and its place along the lane. */
export function setOrientation(doc: BfcDocument, orientation: 'columns' | 'rows'): BfcDocument {
  if (orientationOf(doc) === orientation) return doc;
  const nodes = doc.nodes.map((n, i) => {
    const p = placeOf(doc, n, i);
    const b = bfcBox(n);
    // Centre across the lane stays the centre across it; the place along it swaps axes.
    if (orientation === 'rows') return { ...n, x: p.y + 96, y: snap(p.x + b.width / 2 - b.height / 2) };
    return { ...n, x: snap(p.y + b.height / 2 - b.width / 2), y: Math.max(LANE_HEADER + 8, p.x - 96) };
  });
  const out: BfcDocument = { ...doc, nodes };
  if (orientation === 'columns') delete out.orientation;
  else out.orientation = orientation;
  return out;
}

/** Copy/paste within a chart: the symbols and the flows among them, fresh ids, shifted. */
export function pasteBfc(doc: BfcDocument, clip: { nodes: BfcNode[]; flows: BfcFlow[] }, shift: number): { doc: BfcDocument; nodes: string[]; flows: string[] } {
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

/**
 * Geometry of a business flow chart (业务流程图): lanes (业务处理单位) as columns side by side (or as
 * rows one above the other), each symbol in its lane in flow order, flows routed orthogonally in the
 * gaps between symbols, each label placed where it covers no symbol and no other label, and the
 * title block (图题栏) as a table under the chart. Shared by the SVG export, the site's figures and
 * the modeller (lane bounds for snapping). Pure and deterministic: no DOM, no randomness; the same
 * document always gives the same layout.
 *
 * A symbol with x and y keeps them (chart coordinates of its top-left corner); the others are placed
 * automatically: a symbol's step (row in columns, column in rows) is one after the latest of the
 * symbols that flow into it (back edges, i.e. loops, are ignored), and two symbols of one lane never
 * share a step.
 */
import type { BfcDocument, BfcFlow, BfcNode, BfcNodeKind } from '../../schemas/bfc.ts';
import { FONT_SIZE, LINE_HEIGHT, SMALL_FONT_SIZE, textWidth, wrapText } from '../dfd/export/geometry.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Pt {
  x: number;
  y: number;
}

export const BFC_LANE_HEADER = 44;
/** Width of the header band of a lane drawn as a row (the unit's name on the left). */
export const BFC_ROW_HEADER = 116;
export const BFC_MIN_LANE = 168;
export const BFC_STEP = 112;
export const BFC_MARGIN = 24;
export const BFC_TITLE_ROW = 26;
/** The id of the column that holds symbols that belong to no lane (or to an unknown one). */
export const BFC_NO_LANE = '';

const LABEL_H = 18;
const PAD = 12;

export interface BfcLaneBox extends Rect {
  id: string;
  label: string;
  external: boolean;
  /** The header band with the unit's name. */
  header: Rect;
}
export interface BfcNodeBox extends Rect {
  id: string;
  kind: BfcNodeKind;
  lane: string;
  /** The label broken into the lines the symbol shows. */
  lines: string[];
  copies: number;
}
export interface BfcLabelBox extends Rect {
  text: string;
}
export interface BfcFlowRoute {
  id: string;
  from: string;
  to: string;
  /** Polyline from the source's border to the target's border (the arrow head is at the last point). */
  points: Pt[];
  label?: BfcLabelBox;
}
export interface BfcTitleCell extends Rect {
  head: string;
  value: string;
}
export interface BfcLayout {
  orientation: 'columns' | 'rows';
  lanes: BfcLaneBox[];
  nodes: BfcNodeBox[];
  flows: BfcFlowRoute[];
  /** The title block's cells (each a heading over a value); empty when the document has none. */
  titleBlock: BfcTitleCell[];
  /** The chart's bounds (lanes, symbols, flows, labels, title block), with a margin. */
  bounds: Rect;
}

/** What a flow line shows beside it: the condition of a branch, then what is passed. */
export function bfcFlowText(f: Pick<BfcFlow, 'label' | 'condition'>): string {
  return [f.condition?.trim(), f.label?.trim()].filter(Boolean).join('：');
}

const MAX_TEXT: Record<BfcNodeKind, number> = { process: 112, form: 104, store: 112, collect: 104 };

/** Size of a symbol, from its kind and label (and copies of a form, drawn as stacked sheets). */
export function bfcNodeSize(node: Pick<BfcNode, 'kind' | 'label' | 'copies'>): { width: number; height: number; lines: string[] } {
  const lines = wrapText(node.label || ' ', MAX_TEXT[node.kind]);
  const textW = Math.max(...lines.map((l) => textWidth(l, FONT_SIZE)));
  const textH = lines.length * LINE_HEIGHT;
  const stack = node.kind === 'form' ? (Math.min(node.copies ?? 1, 5) - 1) * 5 : 0;
  switch (node.kind) {
    case 'process':
      return { width: Math.max(96, textW + 2 * PAD), height: Math.max(48, textH + 2 * PAD), lines };
    case 'form':
      return { width: Math.max(96, textW + 2 * PAD) + stack, height: Math.max(52, textH + 2 * PAD + 8) + stack, lines };
    case 'store':
      return { width: Math.max(104, textW + 2 * PAD + 16), height: Math.max(40, textH + 2 * PAD - 4), lines };
    case 'collect':
      return { width: Math.max(96, textW + 2 * PAD + 10), height: Math.max(48, textH + 2 * PAD), lines };
  }
}

/** Flows that close a loop (a back edge of a depth-first walk in document order): ignored when ranking. */
function backEdges(nodes: readonly BfcNode[], flows: readonly BfcFlow[]): Set<string> {
  const out = new Map<string, BfcFlow[]>();
  for (const f of flows) (out.get(f.from) ?? out.set(f.from, []).get(f.from)!).push(f);
  const state = new Map<string, 1 | 2>();
  const back = new Set<string>();
  const hasIn = new Set(flows.map((f) => f.to));
  const roots = [...nodes.filter((n) => !hasIn.has(n.id)), ...nodes];
  for (const root of roots) {
    if (state.has(root.id)) continue;
    // Iterative DFS: a stack of (node, next flow index).
    const stack: Array<[string, number]> = [[root.id, 0]];
    state.set(root.id, 1);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const list = out.get(top[0]) ?? [];
      if (top[1] >= list.length) {
        state.set(top[0], 2);
        stack.pop();
        continue;
      }
      const f = list[top[1]++]!;
      const s = state.get(f.to);
      if (s === 1) back.add(f.id);
      else if (s === undefined) {
        state.set(f.to, 1);
        stack.push([f.to, 0]);
      }
    }
  }
  return back;
}

/** Each symbol's step (0, 1, …): after every symbol flowing into it, never two of one lane on one step. */
function steps(nodes: readonly BfcNode[], flows: readonly BfcFlow[], laneOf: (n: BfcNode) => string): Map<string, number> {
  const ids = new Set(nodes.map((n) => n.id));
  const back = backEdges(nodes, flows);
  const forward = flows.filter((f) => !back.has(f.id) && f.from !== f.to && ids.has(f.from) && ids.has(f.to));
  const preds = new Map<string, string[]>();
  const indeg = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  const succ = new Map<string, string[]>();
  for (const f of forward) {
    (preds.get(f.to) ?? preds.set(f.to, []).get(f.to)!).push(f.from);
    (succ.get(f.from) ?? succ.set(f.from, []).get(f.from)!).push(f.to);
    indeg.set(f.to, (indeg.get(f.to) ?? 0) + 1);
  }
  // Kahn's order, ties broken by document order, so the result is deterministic.
  const order: string[] = [];
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const ready = nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id);
  while (ready.length) {
    ready.sort((a, b) => index.get(a)! - index.get(b)!);
    const id = ready.shift()!;
    order.push(id);
    for (const s of succ.get(id) ?? []) {
      indeg.set(s, indeg.get(s)! - 1);
      if (indeg.get(s) === 0) ready.push(s);
    }
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const step = new Map<string, number>();
  const taken = new Set<string>();
  for (const id of order) {
    let s = 0;
    for (const p of preds.get(id) ?? []) if (step.has(p)) s = Math.max(s, step.get(p)! + 1);
    const lane = laneOf(byId.get(id)!);
    while (taken.has(`${lane}\u0000${s}`)) s++;
    taken.add(`${lane}\u0000${s}`);
    step.set(id, s);
  }
  return step;
}

function overlaps(a: Rect, b: Rect, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** Whether a segment (axis-parallel) crosses a rectangle's inside. */
function segmentHits(a: Pt, b: Pt, r: Rect): boolean {
  const x1 = Math.min(a.x, b.x);
  const x2 = Math.max(a.x, b.x);
  const y1 = Math.min(a.y, b.y);
  const y2 = Math.max(a.y, b.y);
  return x1 < r.x + r.width && x2 > r.x && y1 < r.y + r.height && y2 > r.y;
}

/** The layout of a business flow chart. */
export function layoutBfc(doc: BfcDocument): BfcLayout {
  const orientation = doc.orientation ?? 'columns';
  const cols = orientation === 'columns';
  const laneIds = new Set(doc.lanes.map((l) => l.id));
  const laneOf = (n: BfcNode) => (n.lane !== undefined && laneIds.has(n.lane) ? n.lane : BFC_NO_LANE);
  const sizes = new Map(doc.nodes.map((n) => [n.id, bfcNodeSize(n)]));
  const step = steps(doc.nodes, doc.flows, laneOf);
  const lanes = [...doc.lanes.map((l) => ({ id: l.id, label: l.label, external: !!l.external, size: l.size }))];
  if (doc.nodes.some((n) => laneOf(n) === BFC_NO_LANE)) lanes.push({ id: BFC_NO_LANE, label: '', external: false, size: undefined });

  // Lane thickness: what the widest (columns) or tallest (rows) symbol of the lane needs, or the given size.
  const members = new Map<string, BfcNode[]>(lanes.map((l) => [l.id, []]));
  for (const n of doc.nodes) members.get(laneOf(n))!.push(n);
  const maxStep = Math.max(0, ...step.values());
  const thickness = lanes.map((l) => {
    const need = Math.max(
      cols ? Math.max(BFC_MIN_LANE, textWidth(l.label, FONT_SIZE) + 56) : 96,
      ...members.get(l.id)!.map((n) => (cols ? sizes.get(n.id)!.width + 48 : sizes.get(n.id)!.height + 48)),
    );
    return l.size !== undefined && l.size > 0 ? l.size : need;
  });
  const stepSize = cols ? BFC_STEP : Math.max(...[...sizes.values()].map((s) => s.width), 96) + 80;
  const along0 = cols ? BFC_LANE_HEADER + 28 : BFC_ROW_HEADER + 32;

  const laneStart: number[] = [];
  let acc = 0;
  for (const t of thickness) {
    laneStart.push(acc);
    acc += t;
  }
  const laneIndex = new Map(lanes.map((l, i) => [l.id, i]));

  const nodes: BfcNodeBox[] = doc.nodes.map((n) => {
    const s = sizes.get(n.id)!;
    const li = laneIndex.get(laneOf(n))!;
    const st = step.get(n.id) ?? 0;
    let x: number;
    let y: number;
    if (cols) {
      x = laneStart[li]! + (thickness[li]! - s.width) / 2;
      y = along0 + st * stepSize + (64 - s.height) / 2;
    } else {
      x = along0 + st * stepSize + (stepSize - 80 - s.width) / 2;
      y = laneStart[li]! + (thickness[li]! - s.height) / 2;
    }
    if (n.x !== undefined && n.y !== undefined) {
      x = n.x;
      y = n.y;
    }
    return { id: n.id, kind: n.kind, lane: laneOf(n), x, y, width: s.width, height: s.height, lines: s.lines, copies: n.kind === 'form' ? Math.max(1, n.copies ?? 1) : 1 };
  });

  // Lane extent along the flow: to the last symbol, whatever placed it.
  let along = cols ? along0 + (maxStep + 1) * stepSize : along0 + (maxStep + 1) * stepSize;
  for (const n of nodes) along = Math.max(along, cols ? n.y + n.height + 40 : n.x + n.width + 40);
  if (!doc.nodes.length) along = cols ? along0 + stepSize : along0 + 200;
  const laneBoxes: BfcLaneBox[] = lanes.map((l, i) => {
    const start = laneStart[i]!;
    const t = thickness[i]!;
    const rect = cols ? { x: start, y: 0, width: t, height: along } : { x: 0, y: start, width: along, height: t };
    const header = cols ? { x: start, y: 0, width: t, height: BFC_LANE_HEADER } : { x: 0, y: start, width: BFC_ROW_HEADER, height: t };
    return { id: l.id, label: l.label, external: l.external, ...rect, header };
  });

  const flows = routeFlows(doc.flows, nodes, cols);

  // Title block: five cells under the chart (a heading over a value), as wide as the chart.
  let minX = 0;
  let minY = 0;
  let maxX = cols ? acc : along;
  let maxY = cols ? along : acc;
  const grow = (r: Rect) => {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  };
  nodes.forEach(grow);
  for (const f of flows) {
    for (const p of f.points) grow({ x: p.x - 4, y: p.y - 4, width: 8, height: 8 });
    if (f.label) grow(f.label);
  }
  const titleBlock: BfcTitleCell[] = [];
  const tb = doc.titleBlock;
  if (tb && Object.values(tb).some((v) => v !== undefined && v !== '')) {
    const sheet = tb.sheet !== undefined || tb.sheets !== undefined ? `第 ${tb.sheet ?? 1} 图 共 ${tb.sheets ?? tb.sheet ?? 1} 张` : '';
    const cells: Array<[string, string, number]> = [
      ['业务名称', tb.business ?? doc.title ?? '', 2],
      ['制图', tb.drawnBy ?? '', 1],
      ['审核', tb.reviewedBy ?? '', 1],
      ['日期', tb.date ?? '', 1],
      ['图号', sheet, 1.2],
    ];
    const need = cells.map(([h, v]) => Math.max(textWidth(h, SMALL_FONT_SIZE), textWidth(v, SMALL_FONT_SIZE)) + 16);
    const weight = cells.reduce((a, c) => a + c[2], 0);
    const width = Math.max(
      maxX - minX,
      need.reduce((a, b) => a + b, 0),
    );
    let x = minX;
    const y = maxY + 16;
    cells.forEach(([head, value, w], i) => {
      const cw = Math.max(need[i]!, (width * w) / weight);
      titleBlock.push({ x, y, width: cw, height: 2 * BFC_TITLE_ROW, head, value });
      x += cw;
    });
    grow({ x: minX, y, width: x - minX, height: 2 * BFC_TITLE_ROW });
  }
  const bounds = { x: minX - BFC_MARGIN, y: minY - BFC_MARGIN, width: maxX - minX + 2 * BFC_MARGIN, height: maxY - minY + 2 * BFC_MARGIN };
  return { orientation, lanes: laneBoxes, nodes, flows, titleBlock, bounds };
}

/**
 * Orthogonal routes. In columns, a flow leaves its source at the bottom and enters its target at
 * the top, crossing between lanes in the gap just above the target; a flow back up (a loop) leaves
 * and enters on the right and runs in a channel beside both. Rows are the same turned a quarter.
 * Ends are spread along a side when several flows share it, and each crossing gets its own track.
 */
function routeFlows(flows: readonly BfcFlow[], nodes: readonly BfcNodeBox[], cols: boolean): BfcFlowRoute[] {
  // Work in "columns" coordinates: u across lanes, v along the flow; rows swap x and y.
  const toUV = (r: Rect): Rect => (cols ? r : { x: r.y, y: r.x, width: r.height, height: r.width });
  const fromUV = (p: Pt): Pt => (cols ? p : { x: p.y, y: p.x });
  const byId = new Map(nodes.map((n) => [n.id, toUV(n)]));
  const valid = flows.filter((f) => byId.has(f.from) && byId.has(f.to) && f.from !== f.to);
  const validSet = new Set(valid);
  const isBack = (f: BfcFlow) => byId.get(f.to)!.y < byId.get(f.from)!.y + byId.get(f.from)!.height;

  // Spread the ends on each side: outgoing on the bottom, incoming on the top (forward flows).
  const outs = new Map<string, BfcFlow[]>();
  const ins = new Map<string, BfcFlow[]>();
  const backOuts = new Map<string, BfcFlow[]>();
  const backIns = new Map<string, BfcFlow[]>();
  for (const f of valid) {
    if (isBack(f)) {
      (backOuts.get(f.from) ?? backOuts.set(f.from, []).get(f.from)!).push(f);
      (backIns.get(f.to) ?? backIns.set(f.to, []).get(f.to)!).push(f);
      continue;
    }
    (outs.get(f.from) ?? outs.set(f.from, []).get(f.from)!).push(f);
    (ins.get(f.to) ?? ins.set(f.to, []).get(f.to)!).push(f);
  }
  const centerU = (id: string) => byId.get(id)!.x + byId.get(id)!.width / 2;
  const spread = (list: BfcFlow[] | undefined, f: BfcFlow, node: Rect, other: (f: BfcFlow) => string) => {
    if (!list || list.length < 2) return node.x + node.width / 2;
    const sorted = [...list].sort((a, b) => centerU(other(a)) - centerU(other(b)) || a.id.localeCompare(b.id));
    const i = sorted.indexOf(f);
    const span = Math.min(node.width - 24, 24 * (list.length - 1));
    return node.x + node.width / 2 - span / 2 + (span * i) / (list.length - 1);
  };

  const obstacles = nodes.map(toUV);
  const tracks = new Map<number, number>();
  const placedLabels: Rect[] = [];
  const routes: BfcFlowRoute[] = [];

  for (const f of flows) {
    if (!validSet.has(f)) {
      // A line that ends where it starts is drawn as a small loop on the right (the linter names it);
      // a line to a symbol that does not exist cannot be drawn.
      const n = f.from === f.to ? byId.get(f.from) : undefined;
      const points = n
        ? [
            { x: n.x + n.width, y: n.y + n.height * 0.3 },
            { x: n.x + n.width + 18, y: n.y + n.height * 0.3 },
            { x: n.x + n.width + 18, y: n.y + n.height * 0.7 },
            { x: n.x + n.width, y: n.y + n.height * 0.7 },
          ]
        : [];
      const route: BfcFlowRoute = { id: f.id, from: f.from, to: f.to, points: points.map(fromUV) };
      const text = bfcFlowText(f);
      if (n && text) route.label = placeLabel(text, points, obstacles, placedLabels, fromUV, cols);
      routes.push(route);
      continue;
    }
    const a = byId.get(f.from)!;
    const c = byId.get(f.to)!;
    let pts: Pt[];
    if (!isBack(f)) {
      const u1 = spread(outs.get(f.from), f, a, (g) => g.to);
      const u2 = spread(ins.get(f.to), f, c, (g) => g.from);
      const v1 = a.y + a.height;
      const v2 = c.y;
      if (Math.abs(u1 - u2) < 1) {
        pts = [
          { x: u1, y: v1 },
          { x: u2, y: v2 },
        ];
      } else {
        // The crossing runs in the gap above the target, on its own track.
        const key = Math.round(v2);
        const t = tracks.get(key) ?? 0;
        tracks.set(key, t + 1);
        const gapTop = Math.max(v1, v2 - 40);
        const v = Math.max(gapTop + 6, v2 - 14 - ((t * 9) % Math.max(9, v2 - gapTop - 14)));
        pts = [
          { x: u1, y: v1 },
          { x: u1, y: v },
          { x: u2, y: v },
          { x: u2, y: v2 },
        ];
        // A vertical run that would cross a symbol of the source's lane goes down beside it instead.
        if (obstacles.some((o) => o !== a && o !== c && segmentHits(pts[0]!, pts[1]!, o))) {
          const side = u2 > u1 ? a.x + a.width + 10 : a.x - 10;
          pts = [{ x: u2 > u1 ? a.x + a.width : a.x, y: a.y + a.height / 2 }, { x: side, y: a.y + a.height / 2 }, { x: side, y: v }, ...pts.slice(2)];
        }
      }
    } else {
      // A loop back: out of the right side, up a channel right of everything it passes, into the right side.

      const right = Math.max(a.x + a.width, c.x + c.width) + 16;
      const top = Math.min(a.y, c.y);
      const bottom = Math.max(a.y + a.height, c.y + c.height);
      // Several loops into (or out of) one symbol: each end its own height on the side.
      const endAt = (list: BfcFlow[] | undefined, node: Rect) => {
        if (!list || list.length < 2) return node.y + node.height / 2;
        const i = list.indexOf(f);
        const span = Math.min(node.height - 16, 12 * (list.length - 1));
        return node.y + node.height / 2 - span / 2 + (span * i) / (list.length - 1);
      };
      const va = endAt(backOuts.get(f.from), a);
      const vc = endAt(backIns.get(f.to), c);
      let u = right;
      while (obstacles.some((o) => o !== a && o !== c && segmentHits({ x: u, y: top }, { x: u, y: bottom }, o))) u += 24;
      pts = [
        { x: a.x + a.width, y: va },
        { x: u, y: va },
        { x: u, y: vc },
        { x: c.x + c.width, y: vc },
      ];
    }
    const route: BfcFlowRoute = { id: f.id, from: f.from, to: f.to, points: pts.map(fromUV) };
    const text = bfcFlowText(f);
    if (text) route.label = placeLabel(text, pts, obstacles, placedLabels, fromUV, cols);
    routes.push(route);
  }
  return routes;
}

/** A label beside its line: the first candidate (segments longest first) that covers no symbol and no label. */
function placeLabel(text: string, pts: Pt[], obstacles: Rect[], placed: Rect[], fromUV: (p: Pt) => Pt, cols: boolean): BfcLabelBox {
  const w = textWidth(text, SMALL_FONT_SIZE) + 8;
  const h = LABEL_H;
  // Box in screen coordinates around a screen-space anchor.
  const box = (p: Pt, dx: number, dy: number): Rect => ({ x: p.x + dx, y: p.y + dy, width: w, height: h });
  const screenObstacles = obstacles.map((o) => (cols ? o : { x: o.y, y: o.x, width: o.height, height: o.width }));
  const segs = pts.slice(1).map((p, i) => [fromUV(pts[i]!), fromUV(p)] as const);
  const candidates: Rect[] = [];
  const order = segs.map((s, i) => ({ s, i, len: Math.abs(s[0].x - s[1].x) + Math.abs(s[0].y - s[1].y) })).sort((a, b) => b.len - a.len || a.i - b.i);
  for (const { s } of order) {
    const [p, q] = s;
    const horizontal = Math.abs(p.y - q.y) < 0.5;
    for (const t of [0.5, 0.3, 0.7, 0.15, 0.85]) {
      const m = { x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t };
      if (horizontal) candidates.push(box(m, -w / 2, -h - 2), box(m, -w / 2, 2), box(m, -w / 2, -h / 2));
      else candidates.push(box(m, 6, -h / 2), box(m, -w - 6, -h / 2));
    }
  }
  const free = (r: Rect) => !screenObstacles.some((o) => overlaps(r, o, 2)) && !placed.some((o) => overlaps(r, o, 1));
  const pick = candidates.find(free) ?? candidates.find((r) => !screenObstacles.some((o) => overlaps(r, o, 0))) ?? candidates[0]!;
  placed.push(pick);
  return { ...pick, text };
}

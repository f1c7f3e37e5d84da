/**
 * Sizes and text layout of the DFD symbols, shared by the canvas and the SVG/PNG export so that
 * an exported diagram looks like the one on screen. Pure: no DOM. Text width is estimated (CJK
 * and full-width characters one em, others about 0.6 em), which is what both renderers wrap by.
 */
import type { DfdNode } from '../../../schemas/dfd.ts';

export type Notation = 'gane-sarson' | 'yourdon';

export const FONT_SIZE = 14;
export const SMALL_FONT_SIZE = 12;
export const LINE_HEIGHT = 18;
/** Fonts named for exports, so an SVG renders with Chinese glyphs outside the site too. */
export const FONT_FAMILY =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Hiragino Sans GB', 'WenQuanYi Micro Hei', system-ui, sans-serif";
export const GRID = 16;

/** Width of one character in em. */
function charEm(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (
    c >= 0x1100 &&
    (c <= 0x115f ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd))
  )
    return 1;
  if (ch === ' ') return 0.3;
  if (/[A-Z0-9]/.test(ch)) return 0.65;
  return 0.55;
}

export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize;
}

/** Breaks text into lines no wider than maxWidth (by character; CJK has no spaces to break at). */
export function wrapText(text: string, maxWidth: number, fontSize = FONT_SIZE, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const ch of text.trim()) {
    const w = charEm(ch) * fontSize;
    if (width + w > maxWidth && line) {
      lines.push(line);
      line = '';
      width = 0;
      if (lines.length === maxLines) break;
    }
    if (!(line === '' && ch === ' ')) {
      line += ch;
      width += w;
    }
  }
  if (lines.length < maxLines && line) lines.push(line);
  else if (lines.length === maxLines && (line || text.trim().length > lines.join('').length)) {
    const last = lines[maxLines - 1] ?? '';
    lines[maxLines - 1] = `${last.slice(0, -1)}…`;
  }
  return lines.length ? lines : [''];
}

export interface Box {
  width: number;
  height: number;
}

const MAX_TEXT = { entity: 160, process: 160, store: 200 } as const;

/** The label area's width for a node kind (the text wraps inside it). */
export function labelWidth(node: Pick<DfdNode, 'kind'>, notation: Notation): number {
  if (notation === 'yourdon' && node.kind === 'process') return 100;
  return MAX_TEXT[node.kind];
}

/** Size of a node's symbol: grows with its label, snapped to the grid. */
export function nodeBox(node: Pick<DfdNode, 'kind' | 'label' | 'code' | 'owner'>, notation: Notation): Box {
  const lines = wrapText(node.label || ' ', labelWidth(node, notation));
  const textW = Math.max(...lines.map((l) => textWidth(l)));
  const textH = lines.length * LINE_HEIGHT;
  const snap = (v: number) => Math.ceil(v / GRID) * GRID;
  if (notation === 'yourdon') {
    switch (node.kind) {
      case 'process': {
        const d = snap(Math.max(112, Math.hypot(textW + 16, textH + 2 * LINE_HEIGHT + 8)));
        return { width: d, height: d };
      }
      case 'entity':
        return { width: snap(Math.max(112, textW + 32)), height: snap(Math.max(64, textH + LINE_HEIGHT + 20)) };
      case 'store':
        return { width: snap(Math.max(144, textW + 72)), height: snap(Math.max(48, textH + 16)) };
    }
  }
  switch (node.kind) {
    case 'entity':
      return { width: snap(Math.max(112, textW + 40)), height: snap(Math.max(80, textH + 2 * LINE_HEIGHT + 16)) };
    case 'process':
      return { width: snap(Math.max(128, textW + 32)), height: snap(Math.max(96, textH + 2 * 24 + 16)) };
    case 'store':
      return { width: snap(Math.max(160, textW + 72)), height: snap(Math.max(48, textH + 16)) };
  }
}

/** Height of the code band (top) and owner band (bottom) of a Gane-Sarson process. */
export const PROCESS_BAND = 24;
/** Width of the code cell of a store. */
export const STORE_CODE_CELL = 48;

export interface Point {
  x: number;
  y: number;
}

/**
 * Where the straight line from a node's centre towards `toward` leaves its symbol: DFD flows are
 * drawn centre to centre and clipped at the outline (a circle for a Yourdon process).
 */
export function borderPoint(center: Point, box: Box, toward: Point, round: boolean): Point {
  const dx = toward.x - center.x;
  const dy = toward.y - center.y;
  if (dx === 0 && dy === 0) return center;
  if (round) {
    const r = Math.min(box.width, box.height) / 2;
    const len = Math.hypot(dx, dy);
    return { x: center.x + (dx / len) * r, y: center.y + (dy / len) * r };
  }
  const hw = box.width / 2;
  const hh = box.height / 2;
  const t = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
  return { x: center.x + dx * t, y: center.y + dy * t };
}

/** Default position-less nodes are laid out on a simple grid until the user runs 自动布局. */
export function fallbackPosition(index: number): Point {
  const col = index % 4;
  const row = Math.floor(index / 4);
  return { x: 40 + col * 224, y: 40 + row * 160 };
}

export interface FlowEnd {
  center: Point;
  box: Box;
  round: boolean;
}

/**
 * Distance between flows that share a pair of symbols: two opposite flows run this far apart, so
 * that their labels (18 px high, staggered along the line) do not touch.
 */
export const FLOW_GAP = 30;

/** Widest fan of the flows between one pair of symbols (the smallest symbol is 48 px high). */
const MAX_FAN = 40;

/** Height of a flow's label box. */
export const FLOW_LABEL_HEIGHT = 18;

/** Width of a flow's label box (code in bold, a space, the name; 12 px text, 4 px padding each side). */
export function flowLabelWidth(code: string | undefined, label: string | undefined): number {
  const codeW = code ? textWidth(code, SMALL_FONT_SIZE) * 1.08 + (label ? 4 : 0) : 0;
  const labelW = label ? textWidth(label, SMALL_FONT_SIZE) : 0;
  return Math.ceil(Math.max(16, codeW + labelW) + 8);
}

export interface FlowGeometry {
  start: Point;
  end: Point;
  /** The middle of the line or curve (a bowed flow passes through it). */
  mid: Point;
  /** Where the label's centre goes: `mid`, or the spot along the flow that `labelT` chose. */
  label: Point;
  /** Control point of the quadratic curve of a bowed flow. */
  control?: Point;
  /** SVG path data. */
  path: string;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** The default place of a label along its flow: flows that share a pair are staggered. */
export function defaultLabelT(offset: number): number {
  return 0.5 + Math.max(-0.22, Math.min(0.22, (offset / FLOW_GAP) * 0.3));
}

/** The point at parameter t (0 at the start, 1 at the end) of a flow's line or curve. */
export function pointOnFlow(g: Pick<FlowGeometry, 'start' | 'end' | 'control'>, t: number): Point {
  const { start: s, end: e, control: q } = g;
  if (!q) return { x: s.x + (e.x - s.x) * t, y: s.y + (e.y - s.y) * t };
  const u = 1 - t;
  return { x: u * u * s.x + 2 * u * t * q.x + t * t * e.x, y: u * u * s.y + 2 * u * t * q.y + t * t * e.y };
}

/**
 * How a flow is drawn: centre to centre, shifted sideways by `offset` pixels (so that two flows
 * between one pair of nodes do not overlap), bowed sideways by `bend` pixels at its middle (so that
 * it goes round symbols in its way), clipped at both outlines. The label sits at `labelT` along it
 * (from flowLabelSpots, which keeps it clear of symbols), by default staggered by the offset.
 */
export function flowGeometry(from: FlowEnd, to: FlowEnd, offset: number, bend = 0, labelT?: number): FlowGeometry {
  // Labels of flows sharing a pair of symbols are staggered along the line, so that they do not
  // sit on top of each other when the lines are close.
  const staggered = defaultLabelT(offset);
  const dx = to.center.x - from.center.x;
  const dy = to.center.y - from.center.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = -dy / len;
  const uy = dx / len;
  const a = { x: from.center.x + ux * offset, y: from.center.y + uy * offset };
  const b = { x: to.center.x + ux * offset, y: to.center.y + uy * offset };
  if (!bend) {
    const start = borderPoint(a, from.box, b, from.round);
    const end = borderPoint(b, to.box, a, to.round);
    const mid = { x: start.x + (end.x - start.x) * staggered, y: start.y + (end.y - start.y) * staggered };
    const label = labelT === undefined ? mid : pointOnFlow({ start, end }, labelT);
    return { start, end, mid, label, path: `M ${r1(start.x)} ${r1(start.y)} L ${r1(end.x)} ${r1(end.y)}` };
  }
  const c = { x: (a.x + b.x) / 2 + ux * bend, y: (a.y + b.y) / 2 + uy * bend };
  const start = borderPoint(a, from.box, c, from.round);
  const end = borderPoint(b, to.box, c, to.round);
  // Quadratic curve whose middle (t = ½) passes through c.
  const q = { x: 2 * c.x - (start.x + end.x) / 2, y: 2 * c.y - (start.y + end.y) / 2 };
  const label = labelT === undefined ? c : pointOnFlow({ start, end, control: q }, labelT);
  return { start, end, mid: c, label, control: q, path: `M ${r1(start.x)} ${r1(start.y)} Q ${r1(q.x)} ${r1(q.y)} ${r1(end.x)} ${r1(end.y)}` };
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The segment p→q meets the rectangle (Liang–Barsky clipping); shared with routing.ts. */
export function segmentHitsRect(p: Point, q: Point, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const edges: [number, number][] = [
    [-dx, p.x - r.x],
    [dx, r.x + r.w - p.x],
    [-dy, p.y - r.y],
    [dy, r.y + r.h - p.y],
  ];
  for (const [pp, qq] of edges) {
    if (pp === 0) {
      if (qq < 0) return false;
    } else {
      const t = qq / pp;
      if (pp < 0) {
        if (t > t1) return false;
        if (t > t0) t0 = t;
      } else {
        if (t < t0) return false;
        if (t < t1) t1 = t;
      }
    }
  }
  return true;
}

/**
 * The symbols' rectangles in a uniform grid, so that "which symbols might this segment cross" looks
 * at the cells along the segment's bounding box, not at every symbol: routing a diagram's flows
 * stays near-linear in its size (a 5,000-symbol diagram routes in milliseconds, not seconds).
 */
export class RectGrid {
  private readonly cells = new Map<number, number[]>();
  private stamp: Int32Array;
  private visit = 0;
  private readonly rects: { id: string; r: Rect }[];

  constructor(
    rects: readonly { id: string; r: Rect }[],
    private readonly size: number,
  ) {
    this.rects = [];
    this.stamp = new Int32Array(Math.max(16, rects.length));
    for (const { id, r } of rects) this.add(id, r);
  }

  /** Adds a rectangle (labels are added as they are placed). */
  add(id: string, r: Rect): void {
    const i = this.rects.length;
    this.rects.push({ id, r });
    if (i >= this.stamp.length) {
      const grown = new Int32Array(this.stamp.length * 2);
      grown.set(this.stamp);
      this.stamp = grown;
    }
    for (let cx = this.cell(r.x); cx <= this.cell(r.x + r.w); cx++) {
      for (let cy = this.cell(r.y); cy <= this.cell(r.y + r.h); cy++) {
        const k = this.key(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push(i);
        else this.cells.set(k, [i]);
      }
    }
  }

  /** Some rectangle meets the (open) rectangle r. */
  overlaps(r: Rect): boolean {
    this.visit++;
    for (let cx = this.cell(r.x); cx <= this.cell(r.x + r.w); cx++) {
      for (let cy = this.cell(r.y); cy <= this.cell(r.y + r.h); cy++) {
        const list = this.cells.get(this.key(cx, cy));
        if (!list) continue;
        for (const i of list) {
          if (this.stamp[i] === this.visit) continue;
          this.stamp[i] = this.visit;
          const o = this.rects[i]!.r;
          if (r.x < o.x + o.w && o.x < r.x + r.w && r.y < o.y + o.h && o.y < r.y + r.h) return true;
        }
      }
    }
    return false;
  }

  private cell(v: number): number {
    return Math.floor(v / this.size);
  }

  private key(cx: number, cy: number): number {
    // Cells of a drawing stay within ±2^20 of the origin; one number keys them without strings.
    return (cx + 1048576) * 2097152 + (cy + 1048576);
  }

  /** Some rectangle other than those of `a` and `b` meets segment p→q. */
  hits(p: Point, q: Point, a: string, b: string): boolean {
    this.visit++;
    const x0 = this.cell(Math.min(p.x, q.x));
    const x1 = this.cell(Math.max(p.x, q.x));
    const y0 = this.cell(Math.min(p.y, q.y));
    const y1 = this.cell(Math.max(p.y, q.y));
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const list = this.cells.get(this.key(cx, cy));
        if (!list) continue;
        for (const i of list) {
          if (this.stamp[i] === this.visit) continue;
          this.stamp[i] = this.visit;
          const { id, r } = this.rects[i]!;
          if (id !== a && id !== b && segmentHitsRect(p, q, r)) return true;
        }
      }
    }
    return false;
  }
}

/** The bows flowBends tries, shallow first: 48 px, then a growing share of the flow's length. */
export function bendMagnitudes(len: number): number[] {
  const out: number[] = [];
  for (const m of [48, 0.15 * len, 0.25 * len, 0.4 * len, 0.6 * len]) if (m >= 48 && (out.length === 0 || m > out[out.length - 1]! + 8)) out.push(m);
  return out;
}

/**
 * How much each flow must bow (signed, in px) so that it does not cross a symbol other than its
 * own ends; 0 for a straight flow. Tries a few bends on either side, the flow's own side first.
 * Near-linear: the symbols are looked up in a grid (RectGrid).
 */
export function flowBends(
  nodes: readonly { id: string; x: number; y: number; box: Box; round: boolean }[],
  flows: readonly { id: string; from: string; to: string }[],
  offsets: ReadonlyMap<string, number>,
): Map<string, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const rects = nodes.map((n) => ({ id: n.id, r: { x: n.x - 6, y: n.y - 6, w: n.box.width + 12, h: n.box.height + 12 } }));
  const grid = new RectGrid(rects, 192);
  const out = new Map<string, number>();
  const end = (n: (typeof nodes)[number]): FlowEnd => ({ center: { x: n.x + n.box.width / 2, y: n.y + n.box.height / 2 }, box: n.box, round: n.round });
  for (const f of flows) {
    const a = byId.get(f.from);
    const b = byId.get(f.to);
    if (!a || !b || a === b) continue;
    const offset = offsets.get(f.id) ?? 0;
    const blocked = (bend: number) => {
      const g = flowGeometry(end(a), end(b), offset, bend);
      const pts = bend ? [g.start, g.mid, g.end] : [g.start, g.end];
      return pts.slice(1).some((p, i) => grid.hits(pts[i]!, p, a.id, b.id));
    };
    if (!blocked(0)) continue;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const side = offset < 0 ? -1 : 1;
    let chosen = 0;
    // Shallow bows first: a flow that only grazes a symbol needs little, and a deep bow of a long
    // flow sweeps far across the drawing.
    search: for (const mag of bendMagnitudes(len)) {
      for (const sign of [side, -side]) {
        const bend = sign * mag;
        if (!blocked(bend)) {
          chosen = bend;
          break search;
        }
      }
    }
    out.set(f.id, chosen || side * Math.max(48, 0.25 * len));
  }
  return out;
}

/** Places along a flow where its label may go, best first (the middle, then outwards). */
const LABEL_TS = [0, 0.08, -0.08, 0.16, -0.16, 0.24, -0.24, 0.32, -0.32];

/**
 * Where each flow's label goes along its line (the `labelT` of flowGeometry): the spot nearest the
 * middle where the label's box is clear of every symbol (with a 4 px margin) and of the labels
 * placed before it; if no spot is clear of both, the one nearest the middle clear of symbols. The
 * canvas and the SVG/PNG/print export both draw labels at these spots. Near-linear: symbols and
 * labels are looked up in grids. `labelWidth` gives a flow's label box width (0: no label).
 */
export function flowLabelSpots(
  nodes: readonly { id: string; x: number; y: number; box: Box; round: boolean }[],
  flows: readonly { id: string; from: string; to: string }[],
  offsets: ReadonlyMap<string, number>,
  bends: ReadonlyMap<string, number>,
  labelWidth: (flowId: string) => number,
): Map<string, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const m = 4;
  const symbols = new RectGrid(
    nodes.map((n) => ({ id: n.id, r: { x: n.x - m, y: n.y - m, w: n.box.width + 2 * m, h: n.box.height + 2 * m } })),
    192,
  );
  const labels = new RectGrid([], 192);
  const out = new Map<string, number>();
  const end = (n: (typeof nodes)[number]): FlowEnd => ({ center: { x: n.x + n.box.width / 2, y: n.y + n.box.height / 2 }, box: n.box, round: n.round });
  const h = FLOW_LABEL_HEIGHT;
  for (const f of flows) {
    const a = byId.get(f.from);
    const b = byId.get(f.to);
    const w = labelWidth(f.id);
    if (!a || !b || a === b || w <= 0) continue;
    const offset = offsets.get(f.id) ?? 0;
    const g = flowGeometry(end(a), end(b), offset, bends.get(f.id) ?? 0);
    const base = bends.get(f.id) ? 0.5 : defaultLabelT(offset);
    let clearOfSymbols: number | undefined;
    let chosen: number | undefined;
    let box: Rect | undefined;
    for (const d of LABEL_TS) {
      const t = base + d;
      if (t < 0.1 || t > 0.9) continue;
      const p = pointOnFlow(g, t);
      const r = { x: p.x - w / 2, y: p.y - h / 2, w, h };
      if (symbols.overlaps(r)) continue;
      clearOfSymbols ??= t;
      if (!labels.overlaps({ x: r.x - 2, y: r.y - 2, w: r.w + 4, h: r.h + 4 })) {
        chosen = t;
        box = r;
        break;
      }
    }
    const t = chosen ?? clearOfSymbols ?? base;
    if (!box) {
      const p = pointOnFlow(g, t);
      box = { x: p.x - w / 2, y: p.y - h / 2, w, h };
    }
    labels.add(f.id, box);
    if (t !== base) out.set(f.id, t);
  }
  return out;
}

/**
 * Sideways offset of each flow: flows that share a pair of nodes (either direction) fan out
 * around the centre line. Keyed by flow id.
 */
export function flowOffsets(flows: readonly { id: string; from: string; to: string }[], gap = FLOW_GAP): Map<string, number> {
  const groups = new Map<string, { id: string; sign: number }[]>();
  for (const f of flows) {
    const key = f.from < f.to ? `${f.from}\u0000${f.to}` : `${f.to}\u0000${f.from}`;
    // A flow drawn b→a has its normal flipped relative to a→b; compensate so the fan is symmetric.
    const sign = f.from < f.to ? 1 : -1;
    const g = groups.get(key);
    if (g) g.push({ id: f.id, sign });
    else groups.set(key, [{ id: f.id, sign }]);
  }
  const out = new Map<string, number>();
  for (const g of groups.values()) {
    // Many flows between one pair fan out no wider than MAX_FAN, so that every line still meets both symbols.
    const step = g.length > 1 ? Math.min(gap, MAX_FAN / (g.length - 1)) : 0;
    g.forEach((f, i) => out.set(f.id, f.sign * (i - (g.length - 1) / 2) * step));
  }
  return out;
}

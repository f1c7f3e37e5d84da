/**
 * Sizes and text layout of the DFD symbols, shared by the canvas and the SVG/PNG export so that
 * an exported diagram looks like the one on screen. Pure: no DOM. Text width is estimated (CJK
 * and full-width characters one em, others about 0.6 em), which is what both renderers wrap by.
 */
import type { DfdNode } from '@schemas/dfd.ts';

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
  if (c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd))) return 1;
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
export function borderPoint(
  center: Point,
  box: Box,
  toward: Point,
  round: boolean,
): Point {
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
 * The segment a flow is drawn along: centre to centre, shifted sideways by `offset` pixels (so
 * two flows between one pair of nodes do not overlap), clipped at both outlines.
 */
export function flowSegment(from: FlowEnd, to: FlowEnd, offset: number): { start: Point; end: Point; mid: Point } {
  const dx = to.center.x - from.center.x;
  const dy = to.center.y - from.center.y;
  const len = Math.hypot(dx, dy) || 1;
  const nx = (-dy / len) * offset;
  const ny = (dx / len) * offset;
  const a = { x: from.center.x + nx, y: from.center.y + ny };
  const b = { x: to.center.x + nx, y: to.center.y + ny };
  const start = borderPoint(a, from.box, b, from.round);
  const end = borderPoint(b, to.box, a, to.round);
  return { start, end, mid: { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 } };
}

/**
 * Sideways offset of each flow: flows that share a pair of nodes (either direction) fan out
 * around the centre line. Keyed by flow id.
 */
export function flowOffsets(flows: readonly { id: string; from: string; to: string }[], gap = 14): Map<string, number> {
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
    g.forEach((f, i) => out.set(f.id, f.sign * (i - (g.length - 1) / 2) * gap));
  }
  return out;
}

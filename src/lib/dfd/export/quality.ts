/**
 * How readable a drawn diagram is (on its Scene, the geometry the canvas and the exports draw):
 * symbols that overlap, flows that cross, labels over symbols, flows through symbols, and the
 * scale at which the whole diagram fits a screen. Pure; the automatic layout picks among its
 * candidates with these, `npm run bench` prints them, and the unit tests hold the reference
 * diagrams to zero overlaps and zero labels over symbols.
 */
import { pointOnFlow, type Point, type Rect } from './geometry.ts';
import type { Scene, SceneFlow } from './scene.ts';

export interface Quality {
  /** Pairs of symbols whose boxes overlap. */
  overlaps: number;
  /** Pairs of flows without a common symbol whose lines cross. */
  crossings: number;
  /** Flow labels whose box overlaps a symbol's box. */
  labelsOverNodes: number;
  /** Flows whose line passes through a symbol other than its two ends. */
  edgesThroughNodes: number;
  /** Pairs of flow labels whose boxes overlap. */
  labelOverlaps: number;
  /** Flows drawn as a curve (bowed round a symbol in the way of the straight line). */
  bowed: number;
  /** Scale at which the whole diagram (labels included) fits the viewport, capped at 1. */
  fitScale: number;
}

/** The modeller's canvas in a 1366×800 window (measured in Chromium: toolbars, palette and side panel take the rest). */
export const SCREEN = { width: 876, height: 508 } as const;

const rectsMeet = (a: Rect, b: Rect, inset = 0) =>
  a.x + inset < b.x + b.w - inset && b.x + inset < a.x + a.w - inset && a.y + inset < b.y + b.h - inset && b.y + inset < a.y + a.h - inset;

/** The line of a flow as a polyline (a bowed flow's curve in 12 pieces). */
export function flowPolyline(f: SceneFlow): Point[] {
  const g = f.geometry;
  if (!g.control) return [g.start, g.end];
  const pts: Point[] = [];
  for (let i = 0; i <= 12; i++) pts.push(pointOnFlow(g, i / 12));
  return pts;
}

function cross(o: Point, a: Point, b: Point): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/** Segments p1p2 and p3p4 cross at a point inside both (touching ends do not count). */
export function segmentsCross(p1: Point, p2: Point, p3: Point, p4: Point): boolean {
  const d1 = cross(p3, p4, p1);
  const d2 = cross(p3, p4, p2);
  const d3 = cross(p1, p2, p3);
  const d4 = cross(p1, p2, p4);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Segment p→q passes through the inside of r. */
export function segmentThroughRect(p: Point, q: Point, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const sides: [number, number][] = [
    [-dx, p.x - r.x],
    [dx, r.x + r.w - p.x],
    [-dy, p.y - r.y],
    [dy, r.y + r.h - p.y],
  ];
  for (const [a, b] of sides) {
    if (a === 0) {
      if (b <= 0) return false;
    } else {
      const t = b / a;
      if (a < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  return t1 - t0 > 1e-6;
}

const polylinesCross = (a: Point[], b: Point[]) => {
  for (let i = 1; i < a.length; i++) for (let j = 1; j < b.length; j++) if (segmentsCross(a[i - 1]!, a[i]!, b[j - 1]!, b[j]!)) return true;
  return false;
};

/** The box of everything drawn: symbols, lines and labels. */
export function sceneBounds(scene: Scene): Rect {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = (x: number, y: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  for (const n of scene.nodes) {
    add(n.x, n.y);
    add(n.x + n.box.width, n.y + n.box.height);
  }
  for (const f of scene.flows) {
    add(f.geometry.mid.x, f.geometry.mid.y);
    if (f.label) {
      add(f.label.x, f.label.y);
      add(f.label.x + f.label.w, f.label.y + f.label.h);
    }
  }
  if (minX > maxX) return { x: 0, y: 0, w: 0, h: 0 };
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/** Scale at which `bounds` fits `view` with 10 % padding each side (as fitView), at most 1. */
export function fitScale(bounds: Rect, view: { width: number; height: number } = SCREEN): number {
  if (bounds.w <= 0 || bounds.h <= 0) return 1;
  return Math.min(1, view.width / (bounds.w * 1.2), view.height / (bounds.h * 1.2));
}

/** Every measure of a scene. Quadratic in its size: for diagrams a person reads (and the bench). */
export function sceneQuality(scene: Scene, view: { width: number; height: number } = SCREEN): Quality {
  const rects = scene.nodes.map((n) => ({ id: n.node.id, r: { x: n.x, y: n.y, w: n.box.width, h: n.box.height } }));
  let overlaps = 0;
  for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) if (rectsMeet(rects[i]!.r, rects[j]!.r)) overlaps++;
  const lines = scene.flows.map(flowPolyline);
  let crossings = 0;
  for (let i = 0; i < scene.flows.length; i++) {
    const a = scene.flows[i]!.flow;
    for (let j = i + 1; j < scene.flows.length; j++) {
      const b = scene.flows[j]!.flow;
      if (a.from === b.from || a.from === b.to || a.to === b.from || a.to === b.to) continue;
      if (polylinesCross(lines[i]!, lines[j]!)) crossings++;
    }
  }
  let labelsOverNodes = 0;
  let labelOverlaps = 0;
  let edgesThroughNodes = 0;
  scene.flows.forEach((f, i) => {
    if (f.label && rects.some(({ r }) => rectsMeet(f.label!, r))) labelsOverNodes++;
    for (let j = i + 1; j < scene.flows.length; j++) {
      const o = scene.flows[j]!.label;
      if (f.label && o && rectsMeet(f.label, o)) labelOverlaps++;
    }
    // 2 px inside the outline: a line that grazes a corner is not through the symbol.
    const pts = lines[i]!;
    const through = rects.some(({ id, r }) => {
      if (id === f.flow.from || id === f.flow.to) return false;
      const inner = { x: r.x + 2, y: r.y + 2, w: r.w - 4, h: r.h - 4 };
      for (let k = 1; k < pts.length; k++) if (segmentThroughRect(pts[k - 1]!, pts[k]!, inner)) return true;
      return false;
    });
    if (through) edgesThroughNodes++;
  });
  const bowed = scene.flows.filter((f) => f.geometry.control).length;
  return { overlaps, crossings, labelsOverNodes, edgesThroughNodes, labelOverlaps, bowed, fitScale: fitScale(sceneBounds(scene), view) };
}

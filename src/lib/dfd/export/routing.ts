/**
 * Flow routing that follows edits (issue 17, point 11): the same bends as `flowBends` (geometry.ts),
 * kept between calls and recomputed only for the flows an edit can change. A flow's bend depends on
 * its two ends, its offset and the symbols its tested segments cross; so each flow remembers the
 * bounding box of every segment it tested, and when symbols move (or change size, appear, go) only
 * the flows that touch them, or whose box meets one of their old or new rectangles, are routed
 * again. A move of one symbol in a 5,000-symbol diagram reroutes a handful of flows instead of
 * 10,000. `tests/unit/dfd/routing.test.ts` holds it equal to `flowBends` over random edits.
 */
import { bendMagnitudes, flowGeometry, segmentHitsRect, type Box, type FlowEnd, type Point, type Rect } from './geometry.ts';

export interface PlacedNode {
  id: string;
  x: number;
  y: number;
  box: Box;
  round: boolean;
}

export interface RoutedFlow {
  id: string;
  from: string;
  to: string;
}

const CELL = 192;
const cell = (v: number) => Math.floor(v / CELL);
const key = (cx: number, cy: number) => (cx + 1048576) * 2097152 + (cy + 1048576);
const meets = (a: Rect, b: Rect) => a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;

/** The symbols' rectangles in a uniform grid (as geometry.ts's RectGrid), kept up to date as symbols move. */
class SymbolGrid {
  private readonly cells = new Map<number, { id: string; r: Rect }[]>();

  add(id: string, r: Rect): void {
    for (let cx = cell(r.x); cx <= cell(r.x + r.w); cx++)
      for (let cy = cell(r.y); cy <= cell(r.y + r.h); cy++) {
        const k = key(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push({ id, r });
        else this.cells.set(k, [{ id, r }]);
      }
  }

  remove(id: string, r: Rect): void {
    for (let cx = cell(r.x); cx <= cell(r.x + r.w); cx++)
      for (let cy = cell(r.y); cy <= cell(r.y + r.h); cy++) {
        const k = key(cx, cy);
        const list = this.cells.get(k);
        if (!list) continue;
        const i = list.findIndex((e) => e.id === id);
        if (i >= 0) list.splice(i, 1);
        if (!list.length) this.cells.delete(k);
      }
  }

  /** Some rectangle other than those of `a` and `b` meets segment p→q. */
  hits(p: Point, q: Point, a: string, b: string): boolean {
    const x1 = cell(Math.max(p.x, q.x));
    const y0 = cell(Math.min(p.y, q.y));
    const y1 = cell(Math.max(p.y, q.y));
    for (let cx = cell(Math.min(p.x, q.x)); cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const list = this.cells.get(key(cx, cy));
        if (!list) continue;
        for (const { id, r } of list) if (id !== a && id !== b && segmentHitsRect(p, q, r)) return true;
      }
    return false;
  }
}

const rectOf = (n: PlacedNode): Rect => ({ x: n.x - 6, y: n.y - 6, w: n.box.width + 12, h: n.box.height + 12 });
const sameNode = (a: PlacedNode, b: PlacedNode) => a.x === b.x && a.y === b.y && a.box.width === b.box.width && a.box.height === b.box.height && a.round === b.round;

export class FlowRouter {
  private readonly nodes = new Map<string, { n: PlacedNode; r: Rect }>();
  private readonly symbols = new SymbolGrid();
  private readonly flows = new Map<string, { from: string; to: string; offset: number; region: Rect | null; segs: number[] }>();
  private bends = new Map<string, number>();
  /** Flows routed by the last update (for the bench and tests). */
  rerouted = 0;

  /** The bends for these symbols and flows (a new map when any bend changed, else the last one). */
  update(nodes: readonly PlacedNode[], flows: readonly RoutedFlow[], offsets: ReadonlyMap<string, number>): Map<string, number> {
    const changed = new Set<string>();
    const moved: Rect[] = [];
    const seen = new Set<string>();
    for (const n of nodes) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      const old = this.nodes.get(n.id);
      if (old && sameNode(old.n, n)) continue;
      if (old) {
        this.symbols.remove(n.id, old.r);
        moved.push(old.r);
      }
      const r = rectOf(n);
      this.nodes.set(n.id, { n, r });
      this.symbols.add(n.id, r);
      moved.push(r);
      changed.add(n.id);
    }
    for (const [id, old] of this.nodes) {
      if (seen.has(id)) continue;
      this.nodes.delete(id);
      this.symbols.remove(id, old.r);
      moved.push(old.r);
      changed.add(id);
    }

    const dirty = new Set<string>();
    const present = new Set<string>();
    for (const f of flows) {
      present.add(f.id);
      const old = this.flows.get(f.id);
      const offset = offsets.get(f.id) ?? 0;
      if (!old || old.from !== f.from || old.to !== f.to || old.offset !== offset || changed.has(f.from) || changed.has(f.to)) dirty.add(f.id);
    }
    // A flow one of whose tested segments meets a moved rectangle, old or new: only then can a test
    // it made come out otherwise (the box of its segments first, a cheap scan that is linear).
    if (moved.length)
      for (const [id, f] of this.flows) {
        const region = f.region;
        if (!region || dirty.has(id)) continue;
        const segs = f.segs;
        search: for (const r of moved) {
          if (!meets(r, region)) continue;
          for (let i = 0; i < segs.length; i += 4) {
            if (segmentHitsRect({ x: segs[i]!, y: segs[i + 1]! }, { x: segs[i + 2]!, y: segs[i + 3]! }, r)) {
              dirty.add(id);
              break search;
            }
          }
        }
      }

    let next: Map<string, number> | null = null;
    const out = () => (next ??= new Map(this.bends));
    for (const id of this.flows.keys()) {
      if (present.has(id)) continue;
      this.flows.delete(id);
      if (this.bends.has(id)) out().delete(id);
    }
    this.rerouted = 0;
    for (const f of flows) {
      if (!dirty.has(f.id)) continue;
      dirty.delete(f.id); // a repeated id is routed once, as flowBends keeps the last
      this.rerouted++;
      const offset = offsets.get(f.id) ?? 0;
      const { bend, region, segs } = this.route(f, offset);
      this.flows.set(f.id, { from: f.from, to: f.to, offset, region, segs });
      if (bend === undefined) {
        if (this.bends.has(f.id)) out().delete(f.id);
      } else if (this.bends.get(f.id) !== bend) {
        out().set(f.id, bend);
      }
    }
    if (next) this.bends = next;
    return this.bends;
  }

  /** As flowBends routes one flow; also the box of every segment it tested. */
  private route(f: RoutedFlow, offset: number): { bend: number | undefined; region: Rect | null; segs: number[] } {
    const a = this.nodes.get(f.from)?.n;
    const b = this.nodes.get(f.to)?.n;
    const segs: number[] = [];
    if (!a || !b || a === b) return { bend: undefined, region: null, segs };
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    const end = (n: PlacedNode): FlowEnd => ({ center: { x: n.x + n.box.width / 2, y: n.y + n.box.height / 2 }, box: n.box, round: n.round });
    const ea = end(a);
    const eb = end(b);
    const hits = (p: Point, q: Point) => {
      segs.push(p.x, p.y, q.x, q.y);
      x0 = Math.min(x0, p.x, q.x);
      y0 = Math.min(y0, p.y, q.y);
      x1 = Math.max(x1, p.x, q.x);
      y1 = Math.max(y1, p.y, q.y);
      return this.symbols.hits(p, q, a.id, b.id);
    };
    const blocked = (bend: number) => {
      const g = flowGeometry(ea, eb, offset, bend);
      const pts = bend ? [g.start, g.mid, g.end] : [g.start, g.end];
      return pts.slice(1).some((p, i) => hits(pts[i]!, p));
    };
    const region = () => ({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
    if (!blocked(0)) return { bend: undefined, region: region(), segs };
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const side = offset < 0 ? -1 : 1;
    for (const mag of bendMagnitudes(len)) {
      for (const sign of [side, -side]) {
        const bend = sign * mag;
        if (!blocked(bend)) return { bend, region: region(), segs };
      }
    }
    return { bend: side * Math.max(48, 0.25 * len), region: region(), segs };
  }
}

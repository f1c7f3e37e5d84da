/**
 * The drawn geometry of one diagram: where each symbol is, and each flow's line and label box,
 * exactly as the SVG/PNG/print export draws them (and as the canvas does from the same functions:
 * flowOffsets, flowBends, flowLabelSpots, flowGeometry). The quality measures (quality.ts) and the
 * automatic layout judge this. Pure.
 */
import type { DfdDiagram, DfdFlow, DfdNode } from '../../../schemas/dfd.ts';
import {
  FLOW_LABEL_HEIGHT,
  fallbackPosition,
  flowBends,
  flowGeometry,
  flowLabelSpots,
  flowLabelWidth,
  flowOffsets,
  nodeBox,
  type Box,
  type FlowGeometry,
  type Notation,
  type Rect,
} from './geometry.ts';

export interface SceneNode {
  node: DfdNode;
  x: number;
  y: number;
  box: Box;
  round: boolean;
}

export interface SceneFlow {
  flow: DfdFlow;
  geometry: FlowGeometry;
  /** The label's box, or null for a flow without code or name. */
  label: Rect | null;
}

export interface Scene {
  nodes: SceneNode[];
  /** Flows between two different symbols that both exist (loops and dangling flows are not drawn). */
  flows: SceneFlow[];
}

export interface SceneOptions {
  /** Size of a symbol; defaults to nodeBox in the notation. */
  nodeSize?: (node: DfdNode) => Box;
  /** Positions to use instead of the nodes' own (automatic layout tries candidates this way). */
  positions?: ReadonlyMap<string, { x: number; y: number }>;
  /**
   * `clear` (default): labels where flowLabelSpots puts them, clear of symbols; `middle`: every
   * label at the middle of its flow, as drawn before flowLabelSpots (the bench's "before" figures).
   */
  labels?: 'clear' | 'middle';
  /** Distance between flows that share a pair (default FLOW_GAP). */
  flowGap?: number;
}

/** The drawn geometry of `diagram` (positionless nodes fall back to the grid, as everywhere). */
export function diagramScene(diagram: DfdDiagram, notation: Notation, options: SceneOptions = {}): Scene {
  const size = options.nodeSize ?? ((n: DfdNode) => nodeBox(n, notation));
  const nodes: SceneNode[] = diagram.nodes.map((node, i) => {
    const p = options.positions?.get(node.id) ?? (node.x !== undefined && node.y !== undefined ? { x: node.x, y: node.y } : fallbackPosition(i));
    return { node, x: p.x, y: p.y, box: size(node), round: notation === 'yourdon' && node.kind === 'process' };
  });
  const placed = nodes.map((n) => ({ id: n.node.id, x: n.x, y: n.y, box: n.box, round: n.round }));
  const offsets = flowOffsets(diagram.flows, options.flowGap);
  const bends = flowBends(placed, diagram.flows, offsets);
  const widths = new Map(diagram.flows.map((f) => [f.id, f.code || f.label ? flowLabelWidth(f.code, f.label) : 0]));
  const spots = options.labels === 'middle' ? new Map<string, number>() : flowLabelSpots(placed, diagram.flows, offsets, bends, (id) => widths.get(id) ?? 0);
  const byId = new Map(nodes.map((n) => [n.node.id, n]));
  const end = (n: SceneNode) => ({ center: { x: n.x + n.box.width / 2, y: n.y + n.box.height / 2 }, box: n.box, round: n.round });
  const flows: SceneFlow[] = [];
  for (const f of diagram.flows) {
    const a = byId.get(f.from);
    const b = byId.get(f.to);
    if (!a || !b || a === b) continue;
    const geometry = flowGeometry(end(a), end(b), offsets.get(f.id) ?? 0, bends.get(f.id) ?? 0, spots.get(f.id));
    const w = widths.get(f.id) ?? 0;
    const h = FLOW_LABEL_HEIGHT;
    flows.push({ flow: f, geometry, label: w > 0 ? { x: geometry.label.x - w / 2, y: geometry.label.y - h / 2, w, h } : null });
  }
  return { nodes, flows };
}

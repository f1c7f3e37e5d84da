/**
 * Automatic layout with elkjs (layered), shared by the editor and the build. Data reads top down
 * (TD) or left to right (LR); by default the direction is chosen by how the result fits a screen.
 * External entities go to the first layer (those that send more than they receive) or the last,
 * flows carry their labels into ELK so layers leave room for them, and each candidate is judged
 * on the drawing itself (quality.ts: overlaps, labels over symbols, flows through symbols,
 * crossings, fit). elkjs is loaded on first use, so importing the core stays light.
 */
import type { DfdDocument, DfdNode } from '../../schemas/dfd.ts';
import type { Notation } from './export/geometry.ts';
import { FLOW_LABEL_HEIGHT, flowLabelWidth } from './export/geometry.ts';
import { diagramScene } from './export/scene.ts';
import { sceneQuality, SCREEN, type Quality } from './export/quality.ts';

/** TD: top down; LR: left to right; auto: whichever fits a screen better. */
export type LayoutDirection = 'auto' | 'TD' | 'LR';
export const LAYOUT_DIRECTIONS: readonly LayoutDirection[] = ['auto', 'TD', 'LR'];

export interface LayoutOptions {
  /** Lay out every node, not only those without a position. */
  relayout?: boolean;
  /** Size of a node's symbol; defaults to an estimate from its text. */
  nodeSize?: (node: DfdNode) => { width: number; height: number };
  /** Direction of the data (default auto). */
  direction?: LayoutDirection;
  /** Notation the diagram is drawn in (for judging candidates: a Yourdon process is round). */
  notation?: Notation;
  /** The screen a candidate should fit (default: the modeller's canvas in a 1366×800 window). */
  view?: { width: number; height: number };
}

/** What automatic layout chose, and how good the drawing is. */
export interface LayoutReport {
  direction: 'TD' | 'LR';
  quality: Quality | null;
}

/** Text width estimate: CJK and full-width characters 1 em, others about 0.6 em. */
export function estimateTextWidth(text: string, fontSize = 14): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    em += c >= 0x2e80 ? 1 : ch === ' ' ? 0.3 : 0.6;
  }
  return em * fontSize;
}

export function defaultNodeSize(node: DfdNode): { width: number; height: number } {
  const text = Math.max(estimateTextWidth(node.label), estimateTextWidth(node.code ?? ''));
  const width = Math.min(Math.max(Math.ceil(text + 40), node.kind === 'store' ? 140 : 112), 240);
  return { width, height: node.kind === 'store' ? 48 : 64 };
}

interface ElkLike {
  layout(graph: unknown): Promise<{ children?: Array<{ id: string; x?: number; y?: number }> }>;
}

let elkPromise: Promise<ElkLike> | undefined;

async function getElk(): Promise<ElkLike> {
  elkPromise ??= import('elkjs/lib/elk.bundled.js').then((m) => {
    const ELK = (m as unknown as { default: new () => ElkLike }).default;
    return new ELK();
  });
  return elkPromise;
}

const GAP = 80;

/** Diagrams larger than this get one quick layout, not several judged candidates. */
const JUDGE_LIMIT = 150;

type Flow = { id: string; from: string; to: string; label?: string | undefined; code?: string | undefined };

/** Entities that send data, then processes, then stores, then entities that only receive. */
function modelOrder(nodes: DfdNode[], flows: ReadonlyArray<{ from: string; to: string }>): DfdNode[] {
  const sends = new Set(flows.map((f) => f.from));
  const rank = (n: DfdNode) => (n.kind === 'entity' ? (sends.has(n.id) ? 0 : 3) : n.kind === 'process' ? 1 : 2);
  return nodes
    .map((n, i) => ({ n, i }))
    .sort((a, b) => rank(a.n) - rank(b.n) || a.i - b.i)
    .map(({ n }) => n);
}

/**
 * One way to ask ELK. Layering: ELK's default (fewest long flows) puts every process of a level 0
 * in one wide layer; Coffman-Graham (at most about √n symbols a layer) makes it squarer. Labels:
 * handed to ELK, they widen the gaps between layers to hold them (what a left-to-right drawing
 * needs); top down, a label sits across a vertical flow, so a fixed gap does and keeps it compact.
 */
interface Candidate {
  dir: 'TD' | 'LR';
  /** Between symbols in one layer. */
  node: number;
  /** Between layers. */
  layer: number;
  layering: 'NETWORK_SIMPLEX' | 'COFFMAN_GRAHAM';
  labels: boolean;
}

const CANDIDATES: Candidate[] = [
  { dir: 'TD', node: 48, layer: 64, layering: 'NETWORK_SIMPLEX', labels: false },
  { dir: 'TD', node: 48, layer: 64, layering: 'COFFMAN_GRAHAM', labels: false },
  { dir: 'LR', node: 40, layer: 48, layering: 'NETWORK_SIMPLEX', labels: true },
  { dir: 'LR', node: 40, layer: 48, layering: 'COFFMAN_GRAHAM', labels: true },
];

function elkGraph(todo: DfdNode[], flows: readonly Flow[], size: (n: DfdNode) => { width: number; height: number }, c: Candidate) {
  const { dir, layering } = c;
  const ids = new Set(todo.map((n) => n.id));
  const big = todo.length > JUDGE_LIMIT;
  const out = new Map<string, number>();
  const inn = new Map<string, number>();
  for (const f of flows) {
    out.set(f.from, (out.get(f.from) ?? 0) + 1);
    inn.set(f.to, (inn.get(f.to) ?? 0) + 1);
  }
  // External entities at the edges: those that send data in a first layer of their own, those
  // that only receive in a last one.
  const constraint = (n: DfdNode) => (n.kind !== 'entity' ? undefined : (out.get(n.id) ?? 0) > 0 || !inn.get(n.id) ? 'FIRST_SEPARATE' : 'LAST_SEPARATE');
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': dir === 'TD' ? 'DOWN' : 'RIGHT',
      'elk.spacing.nodeNode': String(c.node),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(c.layer),
      'elk.spacing.edgeNode': '24',
      'elk.spacing.edgeEdge': '16',
      'elk.spacing.edgeLabel': '6',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.edgeLabels.centerLabelPlacementStrategy': 'MEDIAN_LAYER',
      // Big diagrams: fewer crossing-minimisation passes, so layout stays interactive.
      'elk.layered.nodePlacement.strategy': big ? 'SIMPLE' : 'BRANDES_KOEPF',
      'elk.layered.thoroughness': big ? '2' : '4',
      'elk.separateConnectedComponents': 'true',
      'elk.layered.layering.strategy': layering,
      ...(layering === 'COFFMAN_GRAHAM' ? { 'elk.layered.layering.coffmanGraham.layerBound': String(Math.max(2, Math.ceil(Math.sqrt(todo.length)))) } : {}),
      // Sources (entities that send data) first, so data reads in the chosen direction.
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: modelOrder(todo, flows).map((n) => {
      const c = constraint(n);
      return { id: n.id, ...size(n), ...(c && !big ? { layoutOptions: { 'elk.layered.layering.layerConstraint': c } } : {}) };
    }),
    edges: flows
      .filter((f) => f.from !== f.to && ids.has(f.from) && ids.has(f.to))
      .map((f, i) => ({
        id: `e${i}`,
        sources: [f.from],
        targets: [f.to],
        labels: c.labels && (f.label?.trim() || f.code) ? [{ text: f.label ?? '', width: flowLabelWidth(f.code, f.label), height: FLOW_LABEL_HEIGHT }] : [],
      })),
  };
}

async function elkPositions(graph: unknown): Promise<Map<string, { x: number; y: number }>> {
  const elk = await getElk();
  const result = await elk.layout(graph);
  const pos = new Map<string, { x: number; y: number }>();
  for (const c of result.children ?? []) pos.set(c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) });
  return pos;
}

/** Lower is better: anything unreadable first, then crossings against how large the drawing shows. */
export function layoutScore(q: Quality): number {
  return (q.overlaps + q.labelsOverNodes + q.edgesThroughNodes) * 1000 + q.labelOverlaps * 20 + q.crossings * 2 + q.bowed * 2 - Math.min(q.fitScale, 1) * 40;
}

/** Diagrams up to this size get their layout improved by swapping symbols (each try redraws it). */
const SWAP_LIMIT = 40;
/** How many of the best candidates get improved by swaps. */
const SWAP_CANDIDATES = 3;

/**
 * Local search on the drawing: ELK places symbols for orthogonal routes, but flows are drawn
 * straight from centre to centre, so trying every swap of two symbols of one kind (centre for
 * centre) and keeping those that lower the score removes crossings ELK could not see. Entities
 * swap only with entities, so they stay in the first and last layers.
 */
function improveBySwaps(
  todo: DfdNode[],
  start: Map<string, { x: number; y: number }>,
  size: (n: DfdNode) => { width: number; height: number },
  measure: (p: ReadonlyMap<string, { x: number; y: number }>) => Quality,
  startScore: number,
): { pos: Map<string, { x: number; y: number }>; quality: Quality; score: number } {
  let pos = start;
  let quality = measure(pos);
  let score = startScore;
  for (let pass = 0; pass < 2; pass++) {
    let improved = false;
    for (let i = 0; i < todo.length; i++) {
      for (let j = i + 1; j < todo.length; j++) {
        const a = todo[i]!;
        const b = todo[j]!;
        if (a.kind !== b.kind) continue;
        const pa = pos.get(a.id)!;
        const pb = pos.get(b.id)!;
        const sa = size(a);
        const sb = size(b);
        const next = new Map(pos);
        // Swap centres: each symbol takes the other's place.
        next.set(a.id, { x: Math.round(pb.x + (sb.width - sa.width) / 2), y: Math.round(pb.y + (sb.height - sa.height) / 2) });
        next.set(b.id, { x: Math.round(pa.x + (sa.width - sb.width) / 2), y: Math.round(pa.y + (sa.height - sb.height) / 2) });
        const q = measure(next);
        const sc = layoutScore(q);
        if (sc < score - 1e-9) {
          pos = next;
          quality = q;
          score = sc;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return { pos, quality, score };
}

/**
 * Returns a new document in which the diagram's nodes without a position (or all nodes, with
 * `relayout`) have `x`, `y` (top-left corner) from an ELK layered layout. Nodes that keep their
 * position are not moved; newly placed nodes go below them.
 */
export async function layoutDiagram(doc: DfdDocument, diagramId: string, options: LayoutOptions = {}): Promise<DfdDocument> {
  return (await layoutDiagramWithReport(doc, diagramId, options)).doc;
}

/** layoutDiagram, and what it chose (direction) and measured (quality of the chosen drawing). */
export async function layoutDiagramWithReport(doc: DfdDocument, diagramId: string, options: LayoutOptions = {}): Promise<{ doc: DfdDocument; report: LayoutReport | null }> {
  const index = doc.diagrams.findIndex((d) => d.id === diagramId);
  if (index < 0) throw new Error(`layoutDiagram: no diagram with id "${diagramId}" (图 "${diagramId}" 不存在)`);
  const diagram = doc.diagrams[index]!;
  const placed = (n: DfdNode) => !options.relayout && typeof n.x === 'number' && typeof n.y === 'number';
  const todo = diagram.nodes.filter((n) => !placed(n));
  if (todo.length === 0) return { doc, report: null };
  const size = options.nodeSize ?? defaultNodeSize;
  const notation = options.notation ?? doc.notation ?? 'gane-sarson';
  const kept = diagram.nodes.filter(placed);
  const direction = options.direction ?? 'auto';
  const dirs: ('TD' | 'LR')[] = direction === 'auto' ? ['TD', 'LR'] : [direction];
  // Judge candidates on the drawing when the whole diagram is laid out and it is not huge.
  const judge = kept.length === 0 && todo.length <= JUDGE_LIMIT;
  const candidates = judge ? CANDIDATES.filter((c) => dirs.includes(c.dir)) : [CANDIDATES.find((c) => c.dir === (direction === 'TD' ? 'TD' : 'LR'))!];
  type Tried = { pos: Map<string, { x: number; y: number }>; dir: 'TD' | 'LR'; quality: Quality | null; score: number };
  const tried: Tried[] = [];
  const view = options.view ?? SCREEN;
  const measure = (p: ReadonlyMap<string, { x: number; y: number }>) => sceneQuality(diagramScene(diagram, notation, { nodeSize: size, positions: p }), view);
  for (const c of candidates) {
    const pos = await elkPositions(elkGraph(todo, diagram.flows, size, c));
    if (!judge) {
      tried.push({ pos, dir: c.dir, quality: null, score: 0 });
      break;
    }
    const quality = measure(pos);
    tried.push({ pos, dir: c.dir, quality, score: layoutScore(quality) });
  }
  tried.sort((a, b) => a.score - b.score);
  // The best few candidates are improved by swaps (one that ELK left with a flow through a symbol
  // is often a swap away from the best drawing), and the best result wins.
  if (judge && todo.length <= SWAP_LIMIT) {
    for (const t of tried.slice(0, SWAP_CANDIDATES)) Object.assign(t, improveBySwaps(todo, t.pos, size, measure, t.score));
    tried.sort((a, b) => a.score - b.score);
  }
  const best = tried[0];
  const pos = best!.pos;

  let dx = 0;
  let dy = 0;
  if (kept.length > 0) {
    let minX = Infinity;
    let maxY = -Infinity;
    for (const n of kept) {
      minX = Math.min(minX, n.x!);
      maxY = Math.max(maxY, n.y! + size(n).height);
    }
    dx = minX;
    dy = maxY + GAP;
  }
  const ids = new Set(todo.map((n) => n.id));
  const nodes = diagram.nodes.map((n) => {
    const p = ids.has(n.id) ? pos.get(n.id) : undefined;
    return p ? { ...n, x: Math.round(p.x + dx), y: Math.round(p.y + dy) } : n;
  });
  const diagrams = doc.diagrams.slice();
  diagrams[index] = { ...diagram, nodes };
  return { doc: { ...doc, diagrams }, report: { direction: best!.dir, quality: best!.quality } };
}

/**
 * Automatic layout with elkjs (layered, left to right), shared by the editor and the build.
 * elkjs is loaded on first use, so importing the core stays light.
 */
import type { DfdDocument, DfdNode } from '../../schemas/dfd.ts';

export interface LayoutOptions {
  /** Lay out every node, not only those without a position. */
  relayout?: boolean;
  /** Size of a node's symbol; defaults to an estimate from its text. */
  nodeSize?: (node: DfdNode) => { width: number; height: number };
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
 * Returns a new document in which the diagram's nodes without a position (or all nodes, with
 * `relayout`) have `x`, `y` (top-left corner) from an ELK layered layout. Nodes that keep their
 * position are not moved; newly placed nodes go below them.
 */
export async function layoutDiagram(doc: DfdDocument, diagramId: string, options: LayoutOptions = {}): Promise<DfdDocument> {
  const index = doc.diagrams.findIndex((d) => d.id === diagramId);
  if (index < 0) throw new Error(`layoutDiagram: no diagram with id "${diagramId}" (图 "${diagramId}" 不存在)`);
  const diagram = doc.diagrams[index]!;
  const placed = (n: DfdNode) => !options.relayout && typeof n.x === 'number' && typeof n.y === 'number';
  const todo = diagram.nodes.filter((n) => !placed(n));
  if (todo.length === 0) return doc;
  const size = options.nodeSize ?? defaultNodeSize;
  const ids = new Set(todo.map((n) => n.id));
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.placement': 'CENTER',
      // Big diagrams: fewer crossing-minimisation passes, so layout stays interactive.
      'elk.layered.nodePlacement.strategy': todo.length > 150 ? 'SIMPLE' : 'BRANDES_KOEPF',
      'elk.layered.thoroughness': todo.length > 150 ? '2' : '7',
      'elk.separateConnectedComponents': 'true',
      // Sources (entities that send data) first, so data reads left to right.
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: modelOrder(todo, diagram.flows).map((n) => ({ id: n.id, ...size(n) })),
    edges: diagram.flows
      .filter((f) => f.from !== f.to && ids.has(f.from) && ids.has(f.to))
      .map((f, i) => ({
        id: `e${i}`,
        sources: [f.from],
        targets: [f.to],
        labels: f.label?.trim() ? [{ text: f.label, width: estimateTextWidth(f.label, 12) + 8, height: 16 }] : [],
      })),
  };
  const elk = await getElk();
  const result = await elk.layout(graph);
  const pos = new Map<string, { x: number; y: number }>();
  for (const c of result.children ?? []) pos.set(c.id, { x: c.x ?? 0, y: c.y ?? 0 });

  let dx = 0;
  let dy = 0;
  const kept = diagram.nodes.filter(placed);
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
  const nodes = diagram.nodes.map((n) => {
    const p = ids.has(n.id) ? pos.get(n.id) : undefined;
    return p ? { ...n, x: Math.round(p.x + dx), y: Math.round(p.y + dy) } : n;
  });
  const diagrams = doc.diagrams.slice();
  diagrams[index] = { ...diagram, nodes };
  return { ...doc, diagrams };
}

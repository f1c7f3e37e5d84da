/**
 * Building the ops for editing gestures: fresh ids and positions are decided here, codes come from
 * the core (`nextCode`), and the reducer then applies the ops as data.
 */
import type { DfdDiagram, DfdDocument, DfdFlow, DfdNode, NodeKind } from '@schemas/dfd.ts';
import { nextCode, repeatsBelow } from '../core.ts';
import { GRID, nodeBox, type Notation } from '../../lib/dfd/export/geometry.ts';
import { applyOp, diagramSubtree, type NodePatch, type Op } from './ops.ts';
import { diagramId as freshDiagramId, elementIds } from './ids.ts';

export function diagramOf(doc: DfdDocument, id: string): DfdDiagram {
  return doc.diagrams.find((d) => d.id === id) ?? doc.diagrams[0]!;
}

const snap = (v: number) => Math.round(v / GRID) * GRID;

export function notationOf(doc: DfdDocument): Notation {
  return doc.notation ?? 'gane-sarson';
}

/** A new node of `kind` centred on `center` (flow coordinates), with the next code. */
export function addNodeOp(doc: DfdDocument, diagramId: string, kind: NodeKind, center: { x: number; y: number }, label = ''): { op: Op; id: string } {
  const d = diagramOf(doc, diagramId);
  const id = elementIds(d)(kind);
  const node: DfdNode = { id, kind, label, code: nextCode(doc, d.id, kind) };
  const box = nodeBox(node, notationOf(doc));
  node.x = snap(center.x - box.width / 2);
  node.y = snap(center.y - box.height / 2);
  return { op: { type: 'addElements', diagram: d.id, nodes: [node], flows: [] }, id };
}

export function connectOp(doc: DfdDocument, diagramId: string, from: string, to: string, label = ''): { op: Op; id: string } {
  const d = diagramOf(doc, diagramId);
  const id = elementIds(d)('flow');
  const flow: DfdFlow = { id, from, to, code: nextCode(doc, d.id, 'flow') };
  if (label) flow.label = label;
  return { op: { type: 'addElements', diagram: d.id, nodes: [], flows: [flow] }, id };
}

export interface Clip {
  nodes: DfdNode[];
  flows: DfdFlow[];
}

/** What Ctrl+C takes: the selected nodes, and the flows among them (selected or not). */
export function copySelection(diagram: DfdDiagram, nodeIds: readonly string[]): Clip | null {
  const ids = new Set(nodeIds);
  const nodes = diagram.nodes.filter((n) => ids.has(n.id));
  if (!nodes.length) return null;
  const flows = diagram.flows.filter((f) => ids.has(f.from) && ids.has(f.to));
  return { nodes: structuredClone(nodes), flows: structuredClone(flows) };
}

/** Ops to paste a clip: fresh ids and codes, shifted by `shift` pixels; returns the new ids. */
export function pasteOps(doc: DfdDocument, diagramId: string, clip: Clip, shift: number): { ops: Op[]; nodes: string[]; flows: string[] } {
  const d0 = diagramOf(doc, diagramId);
  let cur = doc;
  const ids = elementIds(d0);
  const map = new Map<string, string>();
  const nodes: DfdNode[] = [];
  for (const n of clip.nodes) {
    const id = ids(n.kind);
    map.set(n.id, id);
    const copy: DfdNode = { ...n, id, code: nextCode(cur, d0.id, n.kind), x: (n.x ?? 0) + shift, y: (n.y ?? 0) + shift };
    nodes.push(copy);
    cur = applyOp(cur, { type: 'addElements', diagram: d0.id, nodes: [copy], flows: [] });
  }
  const flows: DfdFlow[] = [];
  for (const f of clip.flows) {
    const from = map.get(f.from);
    const to = map.get(f.to);
    if (!from || !to) continue;
    const copy: DfdFlow = { ...f, id: ids('flow'), from, to, code: nextCode(cur, d0.id, 'flow') };
    flows.push(copy);
    cur = applyOp(cur, { type: 'addElements', diagram: d0.id, nodes: [], flows: [copy] });
  }
  return {
    ops: [{ type: 'addElements', diagram: d0.id, nodes, flows }],
    nodes: nodes.map((n) => n.id),
    flows: flows.map((f) => f.id),
  };
}

/** The diagram that refines a process, if any. */
export function childOf(doc: DfdDocument, diagramId: string, processId: string): DfdDiagram | undefined {
  return doc.diagrams.find((d) => d.refines?.diagram === diagramId && d.refines.process === processId);
}

/**
 * 分解: a child diagram of a process that starts balanced (dfd-rules.md, "Balancing"): every node
 * the process exchanges data with — external entities, data stores and sibling processes — is
 * repeated as a boundary node (same code and label, so the child and the linter see the same
 * element), one process inside (numbered from the parent's code) receives and sends every parent
 * flow, all placed: sources left, sinks right, stores below. The student then splits the process.
 */
export function decomposeOps(doc: DfdDocument, diagramId: string, processId: string, title: string): { ops: Op[]; diagramId: string } | null {
  const parent = diagramOf(doc, diagramId);
  const p = parent.nodes.find((n) => n.id === processId && n.kind === 'process');
  if (!p || childOf(doc, parent.id, p.id)) return null;
  const id = freshDiagramId(doc);
  const notation = notationOf(doc);
  let child: DfdDiagram = { id, title, refines: { diagram: parent.id, process: p.id }, nodes: [], flows: [] };
  let cur = applyOp(doc, { type: 'addDiagram', diagram: child });
  const ids = elementIds(child);
  const inner: DfdNode = { id: ids('process'), kind: 'process', label: p.label, code: nextCode(cur, id, 'process') };
  if (p.owner) inner.owner = p.owner;
  const copies = new Map<string, DfdNode>();
  const inputs: DfdNode[] = [];
  const outputs: DfdNode[] = [];
  const stores: DfdNode[] = [];
  const flows: DfdFlow[] = [];
  for (const f of parent.flows) {
    if (f.from !== p.id && f.to !== p.id) continue;
    if (f.from === f.to) continue; // a self-loop at P is the linter's concern, not the child's boundary
    const otherId = f.from === p.id ? f.to : f.from;
    const other = parent.nodes.find((n) => n.id === otherId);
    if (!other) continue;
    let copy = copies.get(other.id);
    if (!copy) {
      // A repeated node is the parent's element: its kind, code and label, nothing of its own.
      copy = { id: ids(other.kind), kind: other.kind, label: other.label };
      if (other.code) copy.code = other.code;
      copies.set(other.id, copy);
      (other.kind === 'store' ? stores : f.to === p.id ? inputs : outputs).push(copy);
    }
    const flow: DfdFlow = { id: ids('flow'), from: f.from === p.id ? inner.id : copy.id, to: f.to === p.id ? inner.id : copy.id };
    if (f.label) flow.label = f.label;
    flows.push(flow);
  }
  // Place: sources left, sinks right, stores below, the process in the middle.
  const place = (n: DfdNode, x: number, y: number) => {
    const b = nodeBox(n, notation);
    n.x = snap(x - b.width / 2);
    n.y = snap(y - b.height / 2);
  };
  const column = (ns: DfdNode[], x: number) => ns.forEach((n, i) => place(n, x, 120 + i * 144 - ((ns.length - 1) * 144) / 2 + 160));
  place(inner, 420, 280);
  column(inputs, 100);
  column(outputs, 740);
  stores.forEach((n, i) => place(n, 420 + (i - (stores.length - 1) / 2) * 240, 520));
  const nodes = [inner, ...inputs, ...outputs, ...stores];
  child = { ...child, nodes, flows: [] };
  cur = applyOp(doc, { type: 'addDiagram', diagram: child });
  // Flow codes continue the child's numbering (F3.1…), decided by the core.
  const coded: DfdFlow[] = [];
  for (const f of flows) {
    const withCode = { ...f, code: nextCode(cur, id, 'flow') };
    coded.push(withCode);
    cur = applyOp(cur, { type: 'addElements', diagram: id, nodes: [], flows: [withCode] });
  }
  return { ops: [{ type: 'addDiagram', diagram: { ...child, flows: coded } }], diagramId: id };
}

/**
 * The ops that change node `id` of diagram `diagramId` and, with it, every boundary node that
 * repeats it below (renaming 审核报损清单 on level 0 renames it in every child). Label and code
 * follow; the performer (`owner`) belongs to the process where it is drawn as its own.
 */
export function updateNodeOps(doc: DfdDocument, diagramId: string, id: string, patch: NodePatch): Op[] {
  const ops: Op[] = [{ type: 'updateNode', diagram: diagramId, id, patch }];
  const shared: NodePatch = {};
  if ('label' in patch) shared.label = patch.label;
  if ('code' in patch) shared.code = patch.code;
  if (!Object.keys(shared).length) return ops;
  for (const r of repeatsBelow(doc, diagramId, id)) ops.push({ type: 'updateNode', diagram: r.diagram, id: r.id, patch: shared });
  return ops;
}

/** What deleting these nodes of a diagram takes along: the child diagrams of its processes, with their sizes. */
export function childrenLost(doc: DfdDocument, diagramId: string, nodeIds: readonly string[]): Array<{ process: DfdNode; diagrams: DfdDiagram[]; nodes: number; flows: number }> {
  const d = diagramOf(doc, diagramId);
  const out: Array<{ process: DfdNode; diagrams: DfdDiagram[]; nodes: number; flows: number }> = [];
  for (const nid of nodeIds) {
    const p = d.nodes.find((n) => n.id === nid && n.kind === 'process');
    const child = p ? childOf(doc, d.id, p.id) : undefined;
    if (!p || !child) continue;
    const sub = diagramSubtree(doc, child.id);
    const diagrams = doc.diagrams.filter((x) => sub.has(x.id));
    out.push({ process: p, diagrams, nodes: diagrams.reduce((k, x) => k + x.nodes.length, 0), flows: diagrams.reduce((k, x) => k + x.flows.length, 0) });
  }
  return out;
}

/** Breadcrumb: the chain of diagrams from the top down to `id` (following `refines`). */
export function levelPath(doc: DfdDocument, id: string): DfdDiagram[] {
  const path: DfdDiagram[] = [];
  const seen = new Set<string>();
  let cur: DfdDiagram | undefined = doc.diagrams.find((d) => d.id === id);
  while (cur && !seen.has(cur.id)) {
    path.unshift(cur);
    seen.add(cur.id);
    const up: string | undefined = cur.refines?.diagram;
    cur = up ? doc.diagrams.find((d) => d.id === up) : undefined;
  }
  return path;
}

/** A diagram's display name: its title, else what it decomposes, else 顶层/0 层. */
export function diagramName(doc: DfdDocument, d: DfdDiagram, t: { topDiagram: string; contextDiagram: string; decomposition(code: string): string }): string {
  if (d.title?.trim()) return d.title.trim();
  if (d.refines) {
    const parent = doc.diagrams.find((x) => x.id === d.refines!.diagram);
    const p = parent?.nodes.find((n) => n.id === d.refines!.process);
    return t.decomposition(p?.code || p?.label || d.refines.process);
  }
  if (d.level === 'context') return t.contextDiagram;
  return d === doc.diagrams[0] ? t.topDiagram : d.id;
}

/** An empty document to start drawing. */
export function emptyDocument(title: string): DfdDocument {
  return { format: 'flowbook-dfd', version: 1, title, diagrams: [{ id: 'top', nodes: [], flows: [] }] };
}

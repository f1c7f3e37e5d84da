/**
 * Every change the modeller makes to a document, as data, and the pure function that applies it.
 * Ops carry everything they need (ids, codes, positions are decided before, see actions.ts), so
 * applying one is deterministic; an op that cannot apply returns the document unchanged (same
 * object), which the history treats as "nothing happened".
 */
import type { DfdDiagram, DfdDocument, DfdEntry, DfdFlow, DfdNode } from '@schemas/dfd.ts';
import type { BfcDocument } from '@schemas/bfc.ts';
import { isBfc, type EditorDocument } from './bfc.ts';

export type NodePatch = Partial<Pick<DfdNode, 'label' | 'code' | 'owner' | 'kind'>>;
export type FlowPatch = Partial<Pick<DfdFlow, 'label' | 'code' | 'from' | 'to'>>;
export type DiagramPatch = { title?: string; level?: 'context' | 'level' };
export type DocumentPatch = { title?: string; notation?: 'gane-sarson' | 'yourdon' };

export type Op =
  | { type: 'addElements'; diagram: string; nodes: DfdNode[]; flows: DfdFlow[] }
  | { type: 'updateNode'; diagram: string; id: string; patch: NodePatch }
  | { type: 'updateFlow'; diagram: string; id: string; patch: FlowPatch }
  | { type: 'moveNodes'; diagram: string; positions: Record<string, { x: number; y: number }> }
  | { type: 'deleteElements'; diagram: string; nodes: string[]; flows: string[] }
  | { type: 'addDiagram'; diagram: DfdDiagram }
  | { type: 'deleteDiagram'; id: string }
  | { type: 'updateDiagram'; id: string; patch: DiagramPatch }
  | { type: 'replaceDiagram'; diagram: DfdDiagram }
  | { type: 'updateDocument'; patch: DocumentPatch }
  | { type: 'upsertEntry'; index: number | null; entry: DfdEntry }
  | { type: 'removeEntry'; index: number }
  /** A business flow chart's next state, decided by the pure edits of model/bfc.ts. */
  | { type: 'setBfc'; doc: BfcDocument };

/** Copies `obj` with `patch` applied; a key set to undefined or '' (for optional text) is removed. */
function patched<T extends object>(obj: T, patch: object, required: readonly string[] = []): T {
  let changed = false;
  const out = { ...obj } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    const remove = v === undefined || (v === '' && !required.includes(k));
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

function mapDiagram(doc: DfdDocument, id: string, fn: (d: DfdDiagram) => DfdDiagram): DfdDocument {
  const i = doc.diagrams.findIndex((d) => d.id === id);
  if (i < 0) return doc;
  const d = doc.diagrams[i]!;
  const next = fn(d);
  if (next === d) return doc;
  const diagrams = doc.diagrams.slice();
  diagrams[i] = next;
  return { ...doc, diagrams };
}

/** Ids of a diagram and of every diagram that (transitively) refines one of its processes. */
export function diagramSubtree(doc: DfdDocument, id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of doc.diagrams) {
      if (!out.has(d.id) && d.refines && out.has(d.refines.diagram)) {
        out.add(d.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Diagrams that refine the given processes of `diagram`, with all their own children. */
function childrenOf(doc: DfdDocument, diagram: string, processes: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const d of doc.diagrams) {
    if (d.refines && d.refines.diagram === diagram && processes.has(d.refines.process)) {
      for (const id of diagramSubtree(doc, d.id)) out.add(id);
    }
  }
  return out;
}

export function applyOp<D extends EditorDocument>(doc: D, op: Op): D {
  if (op.type === 'setBfc') return (isBfc(doc) ? op.doc : doc) as D;
  if (isBfc(doc)) return doc;
  return applyDfdOp(doc as DfdDocument, op) as D;
}

function applyDfdOp(doc: DfdDocument, op: Exclude<Op, { type: 'setBfc' }>): DfdDocument {
  switch (op.type) {
    case 'addElements':
      return mapDiagram(doc, op.diagram, (d) => {
        const nodeIds = new Set(d.nodes.map((n) => n.id));
        const flowIds = new Set(d.flows.map((f) => f.id));
        const nodes = op.nodes.filter((n) => !nodeIds.has(n.id) && (nodeIds.add(n.id), true));
        const flows = op.flows.filter((f) => !flowIds.has(f.id) && (flowIds.add(f.id), true));
        if (!nodes.length && !flows.length) return d;
        return { ...d, nodes: nodes.length ? [...d.nodes, ...nodes] : d.nodes, flows: flows.length ? [...d.flows, ...flows] : d.flows };
      });
    case 'updateNode':
      return mapDiagram(doc, op.diagram, (d) => {
        const i = d.nodes.findIndex((n) => n.id === op.id);
        if (i < 0) return d;
        const n = patched(d.nodes[i]!, op.patch, ['label']);
        if (n === d.nodes[i]) return d;
        const nodes = d.nodes.slice();
        nodes[i] = n;
        return { ...d, nodes };
      });
    case 'updateFlow':
      return mapDiagram(doc, op.diagram, (d) => {
        const i = d.flows.findIndex((f) => f.id === op.id);
        if (i < 0) return d;
        const f = patched(d.flows[i]!, op.patch, ['from', 'to']);
        if (f === d.flows[i]) return d;
        const flows = d.flows.slice();
        flows[i] = f;
        return { ...d, flows };
      });
    case 'moveNodes':
      return mapDiagram(doc, op.diagram, (d) => {
        let changed = false;
        const nodes = d.nodes.map((n) => {
          const p = op.positions[n.id];
          if (!p || (n.x === p.x && n.y === p.y)) return n;
          changed = true;
          return { ...n, x: p.x, y: p.y };
        });
        return changed ? { ...d, nodes } : d;
      });
    case 'deleteElements': {
      const diagram = doc.diagrams.find((d) => d.id === op.diagram);
      if (!diagram) return doc;
      const goneNodes = new Set(op.nodes.filter((id) => diagram.nodes.some((n) => n.id === id)));
      const goneFlows = new Set(op.flows);
      const nodes = diagram.nodes.filter((n) => !goneNodes.has(n.id));
      const flows = diagram.flows.filter((f) => !goneFlows.has(f.id) && !goneNodes.has(f.from) && !goneNodes.has(f.to));
      if (nodes.length === diagram.nodes.length && flows.length === diagram.flows.length) return doc;
      // A deleted process takes its decomposition with it (undo brings both back).
      const goneDiagrams = childrenOf(doc, op.diagram, goneNodes);
      return {
        ...doc,
        diagrams: doc.diagrams.filter((d) => !goneDiagrams.has(d.id)).map((d) => (d.id === op.diagram ? { ...d, nodes, flows } : d)),
      };
    }
    case 'addDiagram':
      if (doc.diagrams.some((d) => d.id === op.diagram.id)) return doc;
      return { ...doc, diagrams: [...doc.diagrams, op.diagram] };
    case 'deleteDiagram': {
      // The top diagram stays: a document has at least one.
      if (doc.diagrams[0]?.id === op.id || !doc.diagrams.some((d) => d.id === op.id)) return doc;
      const gone = diagramSubtree(doc, op.id);
      return { ...doc, diagrams: doc.diagrams.filter((d) => !gone.has(d.id)) };
    }
    case 'updateDiagram':
      return mapDiagram(doc, op.id, (d) => patched(d, op.patch));
    case 'replaceDiagram':
      return mapDiagram(doc, op.diagram.id, () => op.diagram);
    case 'updateDocument':
      return patched(doc, op.patch);
    case 'upsertEntry': {
      const dictionary = (doc.dictionary ?? []).slice();
      if (op.index === null) dictionary.push(op.entry);
      else if (op.index >= 0 && op.index < dictionary.length) {
        if (dictionary[op.index] === op.entry) return doc;
        dictionary[op.index] = op.entry;
      } else return doc;
      return { ...doc, dictionary };
    }
    case 'removeEntry': {
      const dictionary = doc.dictionary ?? [];
      if (op.index < 0 || op.index >= dictionary.length) return doc;
      return { ...doc, dictionary: dictionary.filter((_, i) => i !== op.index) };
    }
  }
}

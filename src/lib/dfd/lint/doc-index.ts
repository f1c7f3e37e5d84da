/**
 * Everything the rules look up, computed once per lint in linear time: nodes by id, flows in and
 * out of each node, diagrams by id, which diagrams refine which process.
 */
import type { DfdDiagram, DfdDocument, DfdFlow, DfdNode } from '../../../schemas/dfd.ts';
import { codePrefixes, type CodeKind, type DfdDiagramLookup } from '../model.ts';

export class DiagramIndex implements DfdDiagramLookup {
  readonly nodes = new Map<string, DfdNode>();
  readonly outgoing = new Map<string, DfdFlow[]>();
  readonly incoming = new Map<string, DfdFlow[]>();
  /** Flows whose both ends name nodes of the diagram. */
  readonly resolvedFlows: Array<{ flow: DfdFlow; from: DfdNode; to: DfdNode }> = [];

  constructor(readonly diagram: DfdDiagram) {
    for (const n of diagram.nodes) if (!this.nodes.has(n.id)) this.nodes.set(n.id, n);
    for (const f of diagram.flows) {
      push(this.outgoing, f.from, f);
      push(this.incoming, f.to, f);
      const from = this.nodes.get(f.from);
      const to = this.nodes.get(f.to);
      if (from && to) this.resolvedFlows.push({ flow: f, from, to });
    }
  }

  node(id: string): DfdNode | undefined {
    return this.nodes.get(id);
  }

  out(id: string): readonly DfdFlow[] {
    return this.outgoing.get(id) ?? [];
  }

  in(id: string): readonly DfdFlow[] {
    return this.incoming.get(id) ?? [];
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export class DocIndex {
  readonly diagrams = new Map<string, DiagramIndex>();
  /** Diagrams in document order, indexed. */
  readonly list: DiagramIndex[];
  /** parent diagram id → process id → diagrams that refine it, in document order. */
  readonly children = new Map<string, Map<string, DfdDiagram[]>>();
  readonly prefixes: Record<CodeKind, string>;

  constructor(readonly doc: DfdDocument) {
    this.prefixes = codePrefixes(doc);
    this.list = doc.diagrams.map((d) => new DiagramIndex(d));
    for (const di of this.list) if (!this.diagrams.has(di.diagram.id)) this.diagrams.set(di.diagram.id, di);
    for (const d of doc.diagrams) {
      if (!d.refines) continue;
      let byProcess = this.children.get(d.refines.diagram);
      if (!byProcess) this.children.set(d.refines.diagram, (byProcess = new Map()));
      push(byProcess, d.refines.process, d);
    }
  }

  /**
   * The parent diagram and process a diagram refines, when `refines` names an existing process of
   * an existing other diagram; undefined otherwise (refines-target reports those).
   */
  parentOf(d: DfdDiagram): { parent: DiagramIndex; process: DfdNode } | undefined {
    if (!d.refines) return undefined;
    const parent = this.diagrams.get(d.refines.diagram);
    if (!parent || parent.diagram === d) return undefined;
    const process = parent.node(d.refines.process);
    if (!process || process.kind !== 'process') return undefined;
    return { parent, process };
  }
}

/**
 * Everything the rules look up, in linear time and with few allocations.
 *
 * Linting a 10,000-node document must stay linear in practice, not only on paper. Two things make
 * a linear pass slower per node on a large document: garbage collection (every object a lint
 * allocates is copied while the index is alive) and the memory cache (a document of a few
 * megabytes no longer fits, so each pass over it waits on memory). So:
 *
 * - the index numbers things instead of building maps of arrays and string keys: every node and
 *   flow of the document has a position (document order); flow ends are resolved to node
 *   positions once; labels are normalised once and interned as integers; the flows in and out of
 *   each node sit in flat arrays (compressed sparse rows, one slice per diagram);
 * - the engine visits the document one diagram at a time: the diagram's slice of the index is
 *   filled (`prepare`), then every rule checks that diagram while it is in the cache. A diagram
 *   a rule needs out of turn (the parent, for balancing) is prepared on demand.
 */
import type { DfdDiagram, DfdDocument, DfdFlow, DfdNode } from '../../../schemas/dfd.ts';
import { codeOf, codePrefixes, type CodeKind, type DfdDiagramLookup } from '../model.ts';
import { normalizeLabel } from '../text.ts';

/**
 * One diagram's labels as small integers: equal after normalising (dfd-format.md, "Reading
 * rules") means the same number. 0 is the blank label (absent, empty or only spaces). Numbers are
 * local to a diagram: a table per diagram stays small, and small maps are cheap to build, while
 * one map of every label of a large document gets slower per label as it grows. Compare labels
 * of two diagrams through their text (`text`, `find`).
 */
export class LabelTable {
  private readonly ids = new Map<string, number>();
  /** Number → normalised text; `text[0]` is ''. */
  readonly text: string[] = [''];

  id(raw: string | undefined): number {
    if (raw === undefined || raw === '') return 0;
    let id = this.ids.get(raw);
    if (id !== undefined) return id;
    const norm = normalizeLabel(raw);
    if (norm === raw) return this.add(norm); // the usual case: one entry, no second lookup
    id = norm === '' ? 0 : (this.ids.get(norm) ?? this.add(norm));
    this.ids.set(raw, id);
    return id;
  }

  private add(norm: string): number {
    const id = this.text.length;
    this.text.push(norm);
    this.ids.set(norm, id);
    return id;
  }

  /** The number of a normalised text; -1 when no label of the diagram has it. */
  find(norm: string): number {
    return norm === '' ? 0 : (this.ids.get(norm) ?? -1);
  }

  /** One more than the largest number given out. */
  get size(): number {
    return this.text.length;
  }
}

const EMPTY_LABELS = new LabelTable();

/** Kinds as small integers, for numeric keys. */
export const KIND_NUMBER: Readonly<Record<DfdNode['kind'], number>> = { entity: 0, process: 1, store: 2 };

/** One diagram's slice of the document index. Positions are document-wide. */
export class DiagramIndex implements DfdDiagramLookup {
  /** Position of the diagram's first node; its nodes are [nodeStart, nodeEnd). */
  readonly nodeStart: number;
  readonly nodeEnd: number;
  /** Position of the diagram's first flow; its flows are [flowStart, flowEnd). */
  readonly flowStart: number;
  readonly flowEnd: number;
  /** The slice is filled (`prepare`), and not yet released. */
  prepared = false;
  /**
   * Node id → position of the first node of this diagram with that id, made on the first lookup
   * that cannot use the document's id map (`DocIndex.ids`), i.e. for a diagram looked up out of
   * turn, such as a parent by its children.
   */
  private positions: Map<string, number> | undefined;
  /** The diagram's labels (`nodeLabel` and `flowLabel` hold their numbers); set by `prepare`. */
  labels: LabelTable = EMPTY_LABELS;
  /** Some diagram refines a process of this one: keep its maps until the end of the lint. */
  hasChildren = false;
  /** The first diagram with this one's id (the one `refines` names). */
  canonical: DiagramIndex = this;
  /** The diagram `refines.diagram` names (its first with that id), if any. */
  refinesDiagram: DiagramIndex | undefined;
  private link: { parent: DiagramIndex; process: DfdNode; at: number } | null | undefined;
  /** `DocIndex.counterpart` holds this diagram's nodes (`DocIndex.bound`). */
  bounded = false;
  /** The diagram's nodes as elements, when some child looks them up (`DocIndex.elementsOf`). */
  elements: ParentElements | undefined;

  constructor(
    private readonly index: DocIndex,
    readonly diagram: DfdDiagram,
    /** Position of the diagram in the document. */
    readonly order: number,
    nodeStart: number,
    flowStart: number,
  ) {
    this.nodeStart = nodeStart;
    this.nodeEnd = nodeStart + diagram.nodes.length;
    this.flowStart = flowStart;
    this.flowEnd = flowStart + diagram.flows.length;
  }

  /** Position of the node with this id in this diagram; -1 when there is none. */
  position(id: string): number {
    const index = this.index.prepare(this);
    if (index.holdsIds(this)) return index.idPosition(this, id);
    if (!this.positions) {
      const positions = (this.positions = new Map());
      const nodes = this.diagram.nodes;
      // Backwards, so that of two nodes with one id the first is the one left in the map.
      for (let i = nodes.length - 1; i >= 0; i--) positions.set(nodes[i]!.id, this.nodeStart + i);
    }
    return this.positions.get(id) ?? -1;
  }

  /** Lets the maps go (`DocIndex.release`). */
  forget(): void {
    this.prepared = false;
    this.positions = undefined;
    this.labels = EMPTY_LABELS;
  }

  node(id: string): DfdNode | undefined {
    const at = this.position(id);
    return at < 0 ? undefined : this.diagram.nodes[at - this.nodeStart];
  }

  /**
   * The parent diagram and process this diagram refines, when `refines` names an existing process
   * of an existing other diagram; undefined otherwise (refines-target reports those). The parent's
   * slice of the index is prepared.
   */
  parentLink(): { parent: DiagramIndex; process: DfdNode; at: number } | undefined {
    if (this.link === undefined) {
      this.link = null;
      const parent = this.refinesDiagram;
      if (parent && parent.diagram !== this.diagram) {
        const at = parent.position(this.diagram.refines!.process);
        const process = at < 0 ? undefined : this.index.nodes[at]!;
        if (process?.kind === 'process') this.link = { parent, process, at };
      }
    }
    return this.link ?? undefined;
  }
}

/**
 * The nodes of a diagram as elements (dfd-rules.md, "same element"): by code, and by kind and
 * label, the label as its number in that diagram. Finds the first node of the diagram that is the
 * same element as a given node of another diagram, without string keys.
 */
export class ParentElements {
  private readonly byCode = new Map<string, number>();
  private readonly byLabelAny = new Map<number, number>();
  private readonly byLabelNoCode = new Map<number, number>();

  constructor(
    private readonly index: DocIndex,
    private readonly parent: DiagramIndex,
  ) {
    index.prepare(parent);
    for (let g = parent.nodeStart; g < parent.nodeEnd; g++) {
      const n = index.nodes[g]!;
      const c = codeOf(n);
      const k = index.nodeLabel[g]! * 3 + KIND_NUMBER[n.kind];
      if (c !== undefined && !this.byCode.has(c)) this.byCode.set(c, g);
      if (!this.byLabelAny.has(k)) this.byLabelAny.set(k, g);
      if (c === undefined && !this.byLabelNoCode.has(k)) this.byLabelNoCode.set(k, g);
    }
  }

  /**
   * Position of the node of this diagram that is the same element as node g of diagram `of`: the
   * same code, or, where a node has no code, the same kind and label; -1 if none. A node found by
   * its code must also be of the same kind.
   */
  find(of: DiagramIndex, g: number): number {
    const n = this.index.nodes[g]!;
    const c = codeOf(n);
    const l = this.index.translateLabel(of, this.index.nodeLabel[g]!, this.parent);
    const k = l * 3 + KIND_NUMBER[n.kind]; // negative (no match) when the parent has no such label
    let at: number | undefined;
    if (c !== undefined) {
      at = this.byCode.get(c);
      if (at !== undefined && this.index.nodes[at]!.kind !== n.kind) at = undefined;
      at ??= this.byLabelNoCode.get(k);
    } else at = this.byLabelAny.get(k);
    return at ?? -1;
  }
}

/** `DocIndex.counterpart` of a node that is not part of its diagram's boundary. */
export const NOT_BOUNDARY = -2;

export class DocIndex {
  /** Every node of the document, diagram after diagram (the other arrays are filled by `prepare`). */
  readonly nodes: DfdNode[] = [];
  /** Every flow of the document, diagram after diagram. */
  readonly flows: DfdFlow[] = [];
  /** Diagrams in document order. */
  readonly list: DiagramIndex[] = [];
  /** Diagram id → the first diagram with that id. */
  readonly diagrams = new Map<string, DiagramIndex>();
  /**
   * Node id → position of a node with that id, for the whole document: `prepare` enters each
   * diagram's nodes in turn, so while `idsHold` is a diagram, the entries of its ids name its
   * nodes. One map that ends up as large as the number of distinct ids costs far less than a map
   * per diagram, which would be built, grown and collected hundreds of times in a large document.
   */
  private readonly ids = new Map<string, number>();
  /** The diagram whose nodes were last entered in `ids`. */
  private idsHold: DiagramIndex | undefined;
  readonly prefixes: Record<CodeKind, string>;
  /** More than any label number of any diagram (for arrays indexed by label number). */
  readonly labelBound: number;
  /** Per node: its label's number in its diagram's LabelTable. */
  readonly nodeLabel: Int32Array;
  /** Per flow: its label's number in its diagram's LabelTable (0 when blank). */
  readonly flowLabel: Int32Array;
  /** Per flow: position of the node its `from` names in its diagram; -1 when none. */
  readonly from: Int32Array;
  /** Per flow: position of the node its `to` names in its diagram; -1 when none. */
  readonly to: Int32Array;
  /**
   * Flows out of node n: `outFlows[outStart[n]]` up to (not including) `outFlows[outEnd[n]]`,
   * flow positions in document order. A flow counts at an end that names a node even when its
   * other end names none.
   */
  readonly outStart: Int32Array;
  readonly outEnd: Int32Array;
  readonly outFlows: Int32Array;
  /** Flows into node n, as for `outStart`, `outEnd` and `outFlows`. */
  readonly inStart: Int32Array;
  readonly inEnd: Int32Array;
  readonly inFlows: Int32Array;
  /**
   * Per node of a child diagram (filled by `bound`): the position of the parent node it stands
   * for when it is a boundary node (dfd-rules.md, "Balancing"), -1 for an entity with no
   * counterpart in the parent (still boundary), NOT_BOUNDARY for the child's own processes and
   * local stores, and for every node of a diagram that refines nothing.
   */
  readonly counterpart: Int32Array;

  constructor(readonly doc: DfdDocument) {
    this.prefixes = codePrefixes(doc);
    let N = 0;
    let F = 0;
    let most = 0;
    for (const d of doc.diagrams) {
      most = Math.max(most, d.nodes.length + d.flows.length);
      const di = new DiagramIndex(this, d, this.list.length, N, F);
      this.list.push(di);
      if (!this.diagrams.has(d.id)) this.diagrams.set(d.id, di);
      di.canonical = this.diagrams.get(d.id)!;
      N += d.nodes.length;
      F += d.flows.length;
      for (const n of d.nodes) this.nodes.push(n);
      for (const f of d.flows) this.flows.push(f);
    }
    this.labelBound = most + 1;
    for (const di of this.list) {
      const r = di.diagram.refines;
      di.refinesDiagram = r ? this.diagrams.get(r.diagram) : undefined;
      if (di.refinesDiagram) di.refinesDiagram.hasChildren = true;
    }
    this.nodeLabel = new Int32Array(N);
    this.flowLabel = new Int32Array(F);
    this.from = new Int32Array(F);
    this.to = new Int32Array(F);
    this.outStart = new Int32Array(N);
    this.outEnd = new Int32Array(N);
    this.outFlows = new Int32Array(F);
    this.inStart = new Int32Array(N);
    this.inEnd = new Int32Array(N);
    this.inFlows = new Int32Array(F);
    this.counterpart = new Int32Array(N).fill(NOT_BOUNDARY);
  }

  /** Diagram `di`'s nodes as elements, for lookups from its children; made once. */
  elementsOf(di: DiagramIndex): ParentElements {
    return (di.elements ??= new ParentElements(this, di));
  }

  /**
   * Fills `counterpart` for the nodes of diagram `di`, once; returns the index. The boundary of a
   * child C of process P of A: its entities, its stores that are the same element as a node of A,
   * and its processes that are the same element as a process of A other than P (siblings of P,
   * repeated in C). Nodes of a diagram whose `refines` is broken are not boundary.
   */
  bound(di: DiagramIndex): this {
    if (di.bounded) return this;
    di.bounded = true;
    const link = di.parentLink();
    if (!link) return this;
    this.prepare(di);
    const elements = this.elementsOf(link.parent);
    for (let g = di.nodeStart; g < di.nodeEnd; g++) {
      const kind = this.nodes[g]!.kind;
      const c = elements.find(di, g);
      if (kind === 'entity') this.counterpart[g] = c;
      else if (c >= 0 && (kind === 'store' || c !== link.at)) this.counterpart[g] = c;
    }
    return this;
  }

  /**
   * Node g (of diagram `di`) is a process of that diagram: a process that is not a sibling process
   * repeated as the boundary of a child (those are no process of the child for any rule).
   */
  isOwnProcess(di: DiagramIndex, g: number): boolean {
    if (this.nodes[g]!.kind !== 'process') return false;
    if (!di.diagram.refines) return true;
    return this.bound(di).counterpart[g] === NOT_BOUNDARY;
  }

  /** Fills a diagram's slice of the index, once; returns the index. */
  prepare(di: DiagramIndex): this {
    if (di.prepared) return this;
    di.prepared = true;
    di.labels = new LabelTable();
    const { nodes, flows } = di.diagram;
    // Backwards, so that of two nodes with one id the first is the one left in the map.
    for (let i = nodes.length - 1; i >= 0; i--) this.ids.set(nodes[i]!.id, di.nodeStart + i);
    this.idsHold = di;
    for (let i = 0; i < nodes.length; i++) this.nodeLabel[di.nodeStart + i] = di.labels.id(nodes[i]!.label);
    for (let j = 0; j < flows.length; j++) {
      const f = flows[j]!;
      const k = di.flowStart + j;
      this.flowLabel[k] = di.labels.id(f.label);
      this.from[k] = this.idPosition(di, f.from);
      this.to[k] = this.idPosition(di, f.to);
    }
    this.adjacency(di, this.from, this.outStart, this.outEnd, this.outFlows);
    this.adjacency(di, this.to, this.inStart, this.inEnd, this.inFlows);
    return this;
  }

  /** `ids` holds the nodes of diagram `di` (it was the last one prepared). */
  holdsIds(di: DiagramIndex): boolean {
    return this.idsHold === di;
  }

  /**
   * Position of the node with this id in diagram `di`, when `holdsIds(di)`; -1 when there is none.
   * An entry outside the diagram's nodes was left by another diagram: `di` has no such id.
   */
  idPosition(di: DiagramIndex, id: string): number {
    const at = this.ids.get(id);
    return at !== undefined && at >= di.nodeStart && at < di.nodeEnd ? at : -1;
  }

  /**
   * Lets a diagram's maps go once every rule has visited it, unless a child needs them later:
   * short-lived maps cost the garbage collector little, maps kept to the end of a large lint are
   * copied again and again. A later lookup prepares the diagram again, with the same numbers.
   */
  release(di: DiagramIndex): void {
    if (!di.hasChildren) di.forget();
  }

  /**
   * Compressed sparse rows for one diagram: for each node, the flows whose `end` is that node, in
   * flow order, in the diagram's stretch of `list`. Two passes over the flows, no allocation.
   */
  private adjacency(di: DiagramIndex, end: Int32Array, start: Int32Array, stop: Int32Array, list: Int32Array): void {
    for (let g = di.nodeStart; g < di.nodeEnd; g++) stop[g] = 0;
    for (let k = di.flowStart; k < di.flowEnd; k++) if (end[k]! >= 0) stop[end[k]!]!++;
    let at = di.flowStart;
    for (let g = di.nodeStart; g < di.nodeEnd; g++) {
      start[g] = at;
      at += stop[g]!;
      stop[g] = start[g]!;
    }
    for (let k = di.flowStart; k < di.flowEnd; k++) {
      const g = end[k]!;
      if (g >= 0) list[stop[g]!++] = k;
    }
  }

  /** The number, in diagram `to`, of label number `l` of diagram `from`; -1 when `to` has no such label. */
  translateLabel(from: DiagramIndex, l: number, to: DiagramIndex): number {
    return l === 0 ? 0 : to.labels.find(from.labels.text[l]!);
  }

  /** Some flow comes into node n from another end (a flow from n to itself does not count). */
  hasInput(n: number): boolean {
    for (let i = this.inStart[n]!; i < this.inEnd[n]!; i++) if (this.from[this.inFlows[i]!] !== n) return true;
    return false;
  }

  /** Some flow goes out of node n to another end (a flow from n to itself does not count). */
  hasOutput(n: number): boolean {
    for (let i = this.outStart[n]!; i < this.outEnd[n]!; i++) if (this.to[this.outFlows[i]!] !== n) return true;
    return false;
  }

  /** Number of flows out of node n. */
  outDegree(n: number): number {
    return this.outEnd[n]! - this.outStart[n]!;
  }

  /** Number of flows into node n. */
  inDegree(n: number): number {
    return this.inEnd[n]! - this.inStart[n]!;
  }
}

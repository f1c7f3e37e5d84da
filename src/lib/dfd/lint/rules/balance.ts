import type { DfdNode } from '../../../../schemas/dfd.ts';
import type { RuleContext, RuleDefinition } from '../types.ts';
import { KIND_NUMBER, type DiagramIndex, type DocIndex } from '../doc-index.ts';
import { codeOf, describeDiagram, describeFlow, describeNode } from '../../model.ts';

const IN = 0;
const OUT = 1;

/**
 * The nodes of a parent diagram as elements (dfd-rules.md, "same element"): by code, and by kind
 * and label, the label as its number in the parent. Finds the first node of the diagram that is the same
 * element as a given node (as ElementIndex in model.ts, without string keys).
 */
class ParentElements {
  private readonly byCode = new Map<string, number>();
  private readonly byLabelAny = new Map<number, number>();
  private readonly byLabelNoCode = new Map<number, number>();

  constructor(
    private readonly index: DocIndex,
    private readonly parent: DiagramIndex,
  ) {
    for (let g = parent.nodeStart; g < parent.nodeEnd; g++) {
      const n = index.nodes[g]!;
      const c = codeOf(n);
      const k = index.nodeLabel[g]! * 3 + KIND_NUMBER[n.kind];
      if (c !== undefined && !this.byCode.has(c)) this.byCode.set(c, g);
      if (!this.byLabelAny.has(k)) this.byLabelAny.set(k, g);
      if (c === undefined && !this.byLabelNoCode.has(k)) this.byLabelNoCode.set(k, g);
    }
  }

  /** Position of the parent node that is the same element as node g of diagram `of`; -1 if none. */
  find(of: DiagramIndex, g: number): number {
    const n = this.index.nodes[g]!;
    const c = codeOf(n);
    const l = this.index.translateLabel(of, this.index.nodeLabel[g]!, this.parent);
    const k = l * 3 + KIND_NUMBER[n.kind]; // negative (no match) when the parent has no such label
    const at = c !== undefined ? (this.byCode.get(c) ?? this.byLabelNoCode.get(k)) : this.byLabelAny.get(k);
    return at ?? -1;
  }
}

/** A boundary flow of child `ci` (flow k) with no counterpart at process p of the parent. */
function reportChildFlow(index: DocIndex, report: RuleContext['report'], ci: DiagramIndex, p: DfdNode, k: number, dir: number, boundary: number, inner: number): void {
  const child = ci.diagram;
  const flow = index.flows[k]!;
  const bn = index.nodes[boundary]!;
  const inn = index.nodes[inner]!;
  const zhRel = () => (dir === IN ? `从${describeNode(bn, 'zh-CN')}流入${describeNode(inn, 'zh-CN')}` : `从${describeNode(inn, 'zh-CN')}流向${describeNode(bn, 'zh-CN')}`);
  const enRel = () => (dir === IN ? `from ${describeNode(bn, 'en')} into ${describeNode(inn, 'en')}` : `from ${describeNode(inn, 'en')} to ${describeNode(bn, 'en')}`);
  report({
    diagram: child.id,
    element: flow.id,
    message: (l) => (l === 'en' ? `${describeFlow(flow, ci, 'en')} of ${describeDiagram(child, 'en', 'child')} (${enRel()}) has no counterpart among the flows of ${describeNode(p, 'en')} in the parent diagram` : `${describeDiagram(child, 'zh-CN', 'child')}中的${describeFlow(flow, ci, 'zh-CN')}（${zhRel()}）在父图中${describeNode(p, 'zh-CN')}的数据流里没有对应项`),
  });
}

/** A flow at process p of the parent (flow k) with no counterpart in child `ci`. */
function reportParentFlow(index: DocIndex, report: RuleContext['report'], parent: DiagramIndex, ci: DiagramIndex, p: DfdNode, k: number): void {
  const child = ci.diagram;
  const flow = index.flows[k]!;
  const into = index.nodes[index.to[k]!] === p; // self-loops at p never get here
  const other = index.nodes[into ? index.from[k]! : index.to[k]!]!;
  const zhRel = () => (into ? `从${describeNode(other, 'zh-CN')}流入${describeNode(p, 'zh-CN')}` : `从${describeNode(p, 'zh-CN')}流向${describeNode(other, 'zh-CN')}`);
  const enRel = () => (into ? `from ${describeNode(other, 'en')} into ${describeNode(p, 'en')}` : `from ${describeNode(p, 'en')} to ${describeNode(other, 'en')}`);
  report({
    diagram: parent.diagram.id,
    element: flow.id,
    message: (l) => (l === 'en' ? `${describeFlow(flow, parent, 'en')} (${enRel()}) has no matching flow in ${describeDiagram(child, 'en', 'child')}` : `${describeFlow(flow, parent, 'zh-CN')}（${zhRel()}）在${describeDiagram(child, 'zh-CN', 'child')}中没有对应的数据流`),
  });
}

/**
 * Parent–child balancing (dfd-rules.md, "Balancing"). For a child C of process P of diagram A:
 * the boundary of C is its entities plus its stores that are the same element as a node of A;
 * boundary flows (process of C ↔ boundary node) must match the flows of A at P exactly, compared
 * as (direction relative to the process, same element at the other end, label). Each unmatched
 * flow, on either side, is one finding, placed in the diagram that holds the flow.
 *
 * A flow is keyed by one number: (position of the parent node at the other end within A, label
 * number, direction). Parent flows with equal keys are matched first to last.
 */
const rule: RuleDefinition = {
  id: 'balance',
  title: { 'zh-CN': '父图与子图平衡', en: 'Parent and child diagrams balance' },
  create({ index, report }) {
    const elements = new Map<DiagramIndex, ParentElements>();
    // Reused for every child: the parent's flows at P (positions, document order), their keys,
    // the next parent flow with the same key, whether each is matched; and per key the first
    // parent flow not yet matched.
    const atP: number[] = [];
    const keys: number[] = [];
    const next: number[] = [];
    const matched: boolean[] = [];
    const first = new Map<number, number>();
    // Per child node (by position within the child): the parent node it stands for, -1 for an
    // entity with no counterpart (still boundary), NOT_BOUNDARY otherwise.
    const counterpart: number[] = [];
    const NOT_BOUNDARY = -2;

    return {
      diagram(ci) {
        const child = ci.diagram;
        const link = ci.parentLink();
        if (!link) return;
        const { parent, process: p, at: pAt } = link;
        let parentElements = elements.get(parent);
        if (!parentElements) elements.set(parent, (parentElements = new ParentElements(index, parent)));
        const L = parent.labels.size; // labels are compared by their number in the parent
        const base = parent.nodeStart;

        // Parent flows at P: merge the flows into and out of P, both already in document order.
        atP.length = keys.length = next.length = matched.length = 0;
        first.clear();
        let i = index.inStart[pAt]!;
        let o = index.outStart[pAt]!;
        const iEnd = index.inEnd[pAt]!;
        const oEnd = index.outEnd[pAt]!;
        while (i < iEnd || o < oEnd) {
          const takeIn = o >= oEnd || (i < iEnd && index.inFlows[i]! < index.outFlows[o]!);
          const k = takeIn ? index.inFlows[i++]! : index.outFlows[o++]!;
          const a = index.from[k]!;
          const b = index.to[k]!;
          if (a === b) continue;
          const other = takeIn ? a : b;
          if (other < 0) continue;
          atP.push(k);
          keys.push(((other - base) * L + index.flowLabel[k]!) * 2 + (takeIn ? IN : OUT));
          matched.push(false);
          next.push(-1);
        }
        for (let j = atP.length - 1; j >= 0; j--) {
          next[j] = first.get(keys[j]!) ?? -1;
          first.set(keys[j]!, j);
        }

        // Boundary nodes of C and their counterparts in A.
        counterpart.length = 0;
        for (let g = ci.nodeStart; g < ci.nodeEnd; g++) {
          const kind = index.nodes[g]!.kind;
          const c = kind === 'process' ? -1 : parentElements.find(ci, g);
          counterpart.push(kind === 'entity' ? c : kind === 'store' && c >= 0 ? c : NOT_BOUNDARY);
        }

        for (let k = ci.flowStart; k < ci.flowEnd; k++) {
          const a = index.from[k]!;
          const b = index.to[k]!;
          if (a < 0 || b < 0) continue;
          let dir: number;
          let boundary: number;
          if (index.nodes[a]!.kind === 'process' && counterpart[b - ci.nodeStart] !== NOT_BOUNDARY) {
            dir = OUT;
            boundary = b;
          } else if (index.nodes[b]!.kind === 'process' && counterpart[a - ci.nodeStart] !== NOT_BOUNDARY) {
            dir = IN;
            boundary = a;
          } else continue;
          const c = counterpart[boundary - ci.nodeStart]!;
          const l = c >= 0 ? index.translateLabel(ci, index.flowLabel[k]!, parent) : -1;
          const hit = l >= 0 ? first.get(((c - base) * L + l) * 2 + dir) : undefined;
          if (hit !== undefined && hit >= 0) {
            matched[hit] = true;
            first.set(keys[hit]!, next[hit]!);
            continue;
          }
          reportChildFlow(index, report, ci, p, k, dir, boundary, dir === OUT ? a : b);
        }

        for (let j = 0; j < atP.length; j++) if (!matched[j]) reportParentFlow(index, report, parent, ci, p, atP[j]!);
      },
    };
  },
};
export default rule;

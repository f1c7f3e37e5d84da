import type { DfdNode } from '../../../../schemas/dfd.ts';
import type { RuleContext, RuleDefinition } from '../types.ts';
import { NOT_BOUNDARY, type DiagramIndex, type DocIndex } from '../doc-index.ts';
import { describeDiagram, describeFlow, describeNode } from '../../model.ts';
import { normalizeLabel } from '../../text.ts';

const IN = 0;
const OUT = 1;

/** A boundary flow of child `ci` (flow k) with no counterpart at process p of the parent. */
/**
 * Why a boundary flow of the child has no counterpart, for its message: the boundary node is not
 * in the parent at all, or the parent has a flow between the same ends whose label differs (its
 * label is given), or the parent has no flow there.
 */
type Reason = { kind: 'unknown-node' } | { kind: 'label'; parentLabel: string } | { kind: 'none' };

function reasonText(r: Reason, bn: DfdNode, p: DfdNode, l: 'zh-CN' | 'en'): string {
  if (l === 'en') {
    if (r.kind === 'unknown-node') return `: ${describeNode(bn, 'en')} is not in the parent diagram; add it there with a flow to ${describeNode(p, 'en')}, or remove it here`;
    if (r.kind === 'label')
      return r.parentLabel
        ? `: the parent's flow between these ends is named "${r.parentLabel}"; use the same name on both levels`
        : `: the parent's flow between these ends has no name; name both alike`;
    return `: the parent diagram has no flow in this direction between ${describeNode(bn, 'en')} and ${describeNode(p, 'en')}`;
  }
  if (r.kind === 'unknown-node') return `：${describeNode(bn, 'zh-CN')}不在父图中，请在父图中加上它与${describeNode(p, 'zh-CN')}之间的数据流，或从子图中删去它`;
  if (r.kind === 'label') return r.parentLabel ? `：父图中这两端之间的数据流名为「${r.parentLabel}」，两层应使用同一名称` : `：父图中这两端之间的数据流没有名称，两层应一致`;
  return `：父图中${describeNode(bn, 'zh-CN')}与${describeNode(p, 'zh-CN')}之间没有这个方向的数据流`;
}

function reportChildFlow(index: DocIndex, report: RuleContext['report'], ci: DiagramIndex, p: DfdNode, k: number, dir: number, boundary: number, inner: number, why: Reason): void {
  const child = ci.diagram;
  const flow = index.flows[k]!;
  const bn = index.nodes[boundary]!;
  const inn = index.nodes[inner]!;
  const zhRel = () => (dir === IN ? `从${describeNode(bn, 'zh-CN')}流入${describeNode(inn, 'zh-CN')}` : `从${describeNode(inn, 'zh-CN')}流向${describeNode(bn, 'zh-CN')}`);
  const enRel = () => (dir === IN ? `from ${describeNode(bn, 'en')} into ${describeNode(inn, 'en')}` : `from ${describeNode(inn, 'en')} to ${describeNode(bn, 'en')}`);
  report({
    diagram: child.id,
    element: flow.id,
    message: (l) =>
      l === 'en'
        ? `${describeFlow(flow, ci, 'en')} of ${describeDiagram(child, 'en', 'child')} (${enRel()}) has no counterpart among the flows of ${describeNode(p, 'en')} in the parent diagram${reasonText(why, bn, p, 'en')}`
        : `${describeDiagram(child, 'zh-CN', 'child')}中的${describeFlow(flow, ci, 'zh-CN')}（${zhRel()}）在父图中${describeNode(p, 'zh-CN')}的数据流里没有对应项${reasonText(why, bn, p, 'zh-CN')}`,
  });
}

/** A flow at process p of the parent (flow k) with no counterpart in child `ci`. */
/**
 * `childLabel`: the label of an unmatched child flow between the same ends in the same direction
 * (the names differ), or undefined; `inChild`: the child repeats the node at the other end.
 */
function reportParentFlow(
  index: DocIndex,
  report: RuleContext['report'],
  parent: DiagramIndex,
  ci: DiagramIndex,
  p: DfdNode,
  k: number,
  inChild: boolean,
  childLabel: string | undefined,
): void {
  const child = ci.diagram;
  const flow = index.flows[k]!;
  const into = index.nodes[index.to[k]!] === p; // self-loops at p never get here
  const other = index.nodes[into ? index.from[k]! : index.to[k]!]!;
  const zhRel = () => (into ? `从${describeNode(other, 'zh-CN')}流入${describeNode(p, 'zh-CN')}` : `从${describeNode(p, 'zh-CN')}流向${describeNode(other, 'zh-CN')}`);
  const enRel = () => (into ? `from ${describeNode(other, 'en')} into ${describeNode(p, 'en')}` : `from ${describeNode(p, 'en')} to ${describeNode(other, 'en')}`);
  const zhWhy = () =>
    childLabel !== undefined
      ? `：子图中对应的数据流${childLabel ? `名为「${childLabel}」` : '没有名称'}，两层应使用同一名称`
      : inChild
        ? `：子图中${describeNode(other, 'zh-CN')}与子图的处理之间缺少这条数据流`
        : `：子图中没有${describeNode(other, 'zh-CN')}，请把它作为边界画进子图，并连到子图的处理上`;
  const enWhy = () =>
    childLabel !== undefined
      ? `: the child's flow between these ends is ${childLabel ? `named "${childLabel}"` : 'unnamed'}; use the same name on both levels`
      : inChild
        ? `: the child has ${describeNode(other, 'en')} but no such flow between it and a process of the child`
        : `: ${describeNode(other, 'en')} is missing from the child; repeat it there as a boundary node and connect it to a process of the child`;
  report({
    diagram: parent.diagram.id,
    element: flow.id,
    message: (l) =>
      l === 'en'
        ? `${describeFlow(flow, parent, 'en')} (${enRel()}) has no matching flow in ${describeDiagram(child, 'en', 'child')}${enWhy()}`
        : `${describeFlow(flow, parent, 'zh-CN')}（${zhRel()}）在${describeDiagram(child, 'zh-CN', 'child')}中没有对应的数据流${zhWhy()}`,
  });
}

/**
 * Parent–child balancing (dfd-rules.md, "Balancing"). For a child C of process P of diagram A:
 * the boundary of C is its entities, its stores that are the same element as a node of A, and its
 * processes that are the same element as a sibling of P in A (`DocIndex.bound`); boundary flows
 * (own process of C ↔ boundary node) must match the flows of A at P exactly, compared as
 * (direction relative to the process, same element at the other end, label). Each unmatched
 * flow, on either side, is one finding, placed in the diagram that holds the flow, with what
 * differs.
 *
 * A flow is keyed by one number: (position of the parent node at the other end within A, label
 * number, direction). Parent flows with equal keys are matched first to last.
 */
const rule: RuleDefinition = {
  id: 'balance',
  title: { 'zh-CN': '父图与子图平衡', en: 'Parent and child diagrams balance' },
  create({ index, report }) {
    // Reused for every child: the parent's flows at P (positions, document order), their keys,
    // the next parent flow with the same key, whether each is matched; and per key the first
    // parent flow not yet matched.
    const atP: number[] = [];
    const keys: number[] = [];
    const next: number[] = [];
    const matched: boolean[] = [];
    const first = new Map<number, number>();
    // Parent node positions (within A) that the child repeats as boundary nodes, and, per
    // (parent node, direction), the label of a parent flow at P, for "the name differs".
    const present = new Set<number>();
    const ends = new Map<number, number>();
    const unmatchedChild: Array<{ k: number; dir: number; boundary: number; inner: number; c: number }> = [];

    return {
      diagram(ci) {
        const link = ci.parentLink();
        if (!link) return;
        const { parent, process: p, at: pAt } = link;
        index.bound(ci);
        const L = parent.labels.size; // labels are compared by their number in the parent
        const base = parent.nodeStart;

        // Parent flows at P: merge the flows into and out of P, both already in document order.
        atP.length = keys.length = next.length = matched.length = unmatchedChild.length = 0;
        first.clear();
        present.clear();
        ends.clear();
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
          const endKey = (other - base) * 2 + (takeIn ? IN : OUT);
          if (!ends.has(endKey)) ends.set(endKey, k);
        }
        for (let j = atP.length - 1; j >= 0; j--) {
          next[j] = first.get(keys[j]!) ?? -1;
          first.set(keys[j]!, j);
        }

        const cp = index.counterpart;
        for (let g = ci.nodeStart; g < ci.nodeEnd; g++) if (cp[g]! >= 0) present.add(cp[g]! - base);
        for (let k = ci.flowStart; k < ci.flowEnd; k++) {
          const a = index.from[k]!;
          const b = index.to[k]!;
          if (a < 0 || b < 0) continue;
          let dir: number;
          let boundary: number;
          if (cp[a] === NOT_BOUNDARY && index.nodes[a]!.kind === 'process' && cp[b] !== NOT_BOUNDARY) {
            dir = OUT;
            boundary = b;
          } else if (cp[b] === NOT_BOUNDARY && index.nodes[b]!.kind === 'process' && cp[a] !== NOT_BOUNDARY) {
            dir = IN;
            boundary = a;
          } else continue;
          const c = cp[boundary]!;
          const l = c >= 0 ? index.translateLabel(ci, index.flowLabel[k]!, parent) : -1;
          const hit = l >= 0 ? first.get(((c - base) * L + l) * 2 + dir) : undefined;
          if (hit !== undefined && hit >= 0) {
            matched[hit] = true;
            first.set(keys[hit]!, next[hit]!);
            continue;
          }
          unmatchedChild.push({ k, dir, boundary, inner: dir === OUT ? a : b, c });
        }

        for (const u of unmatchedChild) {
          let why: Reason = { kind: 'none' };
          if (u.c < 0) why = { kind: 'unknown-node' };
          else {
            const pk = ends.get((u.c - base) * 2 + u.dir);
            if (pk !== undefined) why = { kind: 'label', parentLabel: normalizeLabel(index.flows[pk]!.label ?? '') };
          }
          reportChildFlow(index, report, ci, p, u.k, u.dir, u.boundary, u.inner, why);
        }
        let childEnds: Map<number, number> | undefined; // (parent node, direction) → unmatched child flow
        for (let j = 0; j < atP.length; j++) {
          if (matched[j]) continue;
          const k = atP[j]!;
          const into = index.nodes[index.to[k]!] === p;
          const other = into ? index.from[k]! : index.to[k]!;
          if (!childEnds) {
            childEnds = new Map();
            for (const u of unmatchedChild) if (u.c >= 0 && !childEnds.has((u.c - base) * 2 + u.dir)) childEnds.set((u.c - base) * 2 + u.dir, u.k);
          }
          const ck = childEnds.get((other - base) * 2 + (into ? IN : OUT));
          const childLabel = ck === undefined ? undefined : normalizeLabel(index.flows[ck]!.label ?? '');
          reportParentFlow(index, report, parent, ci, p, k, present.has(other - base), childLabel);
        }
      },
    };
  },
};
export default rule;

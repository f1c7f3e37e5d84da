import type { DfdFlow, DfdNode } from '../../../../schemas/dfd.ts';
import type { RuleDefinition } from '../types.ts';
import { describeDiagram, describeFlow, describeNode, ElementIndex } from '../../model.ts';
import { normalizeLabel } from '../../text.ts';

type Dir = 'in' | 'out';

/**
 * Parent–child balancing (dfd-rules.md, "Balancing"). For a child C of process P of diagram A:
 * the boundary of C is its entities plus its stores that are the same element as a node of A;
 * boundary flows (process of C ↔ boundary node) must match the flows of A at P exactly, compared
 * as (direction relative to the process, same element at the other end, label). Each unmatched
 * flow, on either side, is one finding, placed in the diagram that holds the flow.
 */
const rule: RuleDefinition = {
  id: 'balance',
  title: { 'zh-CN': '父图与子图平衡', en: 'Parent and child diagrams balance' },
  check({ index, report }) {
    const perParent = new Map<object, { elements: ElementIndex<DfdNode>; order: Map<DfdFlow, number> }>();
    for (const ci of index.list) {
      const child = ci.diagram;
      const link = index.parentOf(child);
      if (!link) continue;
      const { parent, process: p } = link;
      let cached = perParent.get(parent);
      if (!cached) {
        cached = { elements: new ElementIndex(parent.diagram.nodes), order: new Map(parent.diagram.flows.map((f, i) => [f, i])) };
        perParent.set(parent, cached);
      }
      const { elements: parentIndex, order } = cached;

      // Parent flows at P, keyed.
      const parentFlows: Array<{ flow: DfdFlow; dir: Dir; other: DfdNode; key: string }> = [];
      const byKey = new Map<string, number[]>();
      const atP = [...parent.in(p.id), ...parent.out(p.id)].sort((a, b) => order.get(a)! - order.get(b)!);
      for (const f of atP) {
        if (f.from === f.to) continue;
        const dir: Dir = f.to === p.id ? 'in' : 'out';
        const other = parent.node(dir === 'in' ? f.from : f.to);
        if (!other) continue;
        const key = `${dir}\u0000${other.id}\u0000${normalizeLabel(f.label ?? '')}`;
        const list = byKey.get(key);
        if (list) list.push(parentFlows.length);
        else byKey.set(key, [parentFlows.length]);
        parentFlows.push({ flow: f, dir, other, key });
      }
      const matched = new Set<number>();

      // Boundary nodes of C and their counterparts in A.
      const counterpart = new Map<string, DfdNode | null>();
      for (const n of child.nodes) {
        if (n.kind === 'process') continue;
        const c = parentIndex.find(n);
        if (n.kind === 'entity') counterpart.set(n.id, c ?? null);
        else if (c) counterpart.set(n.id, c);
      }

      for (const { flow, from, to } of ci.resolvedFlows) {
        let dir: Dir;
        let boundary: DfdNode;
        let inner: DfdNode;
        if (from.kind === 'process' && counterpart.has(to.id)) {
          dir = 'out';
          boundary = to;
          inner = from;
        } else if (to.kind === 'process' && counterpart.has(from.id)) {
          dir = 'in';
          boundary = from;
          inner = to;
        } else continue;
        const c = counterpart.get(boundary.id);
        const key = c ? `${dir}\u0000${c.id}\u0000${normalizeLabel(flow.label ?? '')}` : undefined;
        const list = key !== undefined ? byKey.get(key) : undefined;
        const hit = list?.find((i) => !matched.has(i));
        if (hit !== undefined) {
          matched.add(hit);
          continue;
        }
        const zhRel = () => (dir === 'in' ? `从${describeNode(boundary, 'zh-CN')}流入${describeNode(inner, 'zh-CN')}` : `从${describeNode(inner, 'zh-CN')}流向${describeNode(boundary, 'zh-CN')}`);
        const enRel = () => (dir === 'in' ? `from ${describeNode(boundary, 'en')} into ${describeNode(inner, 'en')}` : `from ${describeNode(inner, 'en')} to ${describeNode(boundary, 'en')}`);
        report({
          diagram: child.id,
          element: flow.id,
          message: (l) => (l === 'en' ? `${describeFlow(flow, ci, 'en')} of ${describeDiagram(child, 'en', 'child')} (${enRel()}) has no counterpart among the flows of ${describeNode(p, 'en')} in the parent diagram` : `${describeDiagram(child, 'zh-CN', 'child')}中的${describeFlow(flow, ci, 'zh-CN')}（${zhRel()}）在父图中${describeNode(p, 'zh-CN')}的数据流里没有对应项`),
        });
      }

      parentFlows.forEach((pf, i) => {
        if (matched.has(i)) return;
        const zhRel = () => (pf.dir === 'in' ? `从${describeNode(pf.other, 'zh-CN')}流入${describeNode(p, 'zh-CN')}` : `从${describeNode(p, 'zh-CN')}流向${describeNode(pf.other, 'zh-CN')}`);
        const enRel = () => (pf.dir === 'in' ? `from ${describeNode(pf.other, 'en')} into ${describeNode(p, 'en')}` : `from ${describeNode(p, 'en')} to ${describeNode(pf.other, 'en')}`);
        report({
          diagram: parent.diagram.id,
          element: pf.flow.id,
          message: (l) => (l === 'en' ? `${describeFlow(pf.flow, parent, 'en')} (${enRel()}) has no matching flow in ${describeDiagram(child, 'en', 'child')}` : `${describeFlow(pf.flow, parent, 'zh-CN')}（${zhRel()}）在${describeDiagram(child, 'zh-CN', 'child')}中没有对应的数据流`),
        });
      });
    }
  },
};
export default rule;

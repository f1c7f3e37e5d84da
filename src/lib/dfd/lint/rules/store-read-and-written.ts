import type { DfdNode } from '../../../../schemas/dfd.ts';
import type { RuleDefinition } from '../types.ts';
import { codeOf, describeNode, kindLabelKey } from '../../model.ts';

/**
 * A data store (one element across all diagrams) that no flow reads from, or that no flow writes
 * to, in the whole document. One finding per store element, on its first appearance.
 */
const rule: RuleDefinition = {
  id: 'store-read-and-written',
  title: { 'zh-CN': '数据存储既要有读也要有写', en: 'A data store is both read and written' },
  check({ index, report }) {
    // Group the store nodes of all diagrams into elements (union–find over "same element").
    const stores: Array<{ node: DfdNode; diagram: string }> = [];
    const parentOf: number[] = [];
    const find = (i: number): number => {
      while (parentOf[i] !== i) {
        parentOf[i] = parentOf[parentOf[i]!]!;
        i = parentOf[i]!;
      }
      return i;
    };
    const union = (a: number, b: number) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parentOf[Math.max(ra, rb)] = Math.min(ra, rb);
    };
    const byCode = new Map<string, number>();
    const byLabelAny = new Map<string, number>();
    const byLabelNoCode = new Map<string, number>();
    const slot = new Map<DfdNode, number>();
    for (const di of index.list) {
      for (const n of di.diagram.nodes) {
        if (n.kind !== 'store') continue;
        const i = stores.length;
        stores.push({ node: n, diagram: di.diagram.id });
        parentOf.push(i);
        slot.set(n, i);
        const c = codeOf(n);
        const k = kindLabelKey(n);
        if (c !== undefined) {
          const j = byCode.get(c);
          if (j !== undefined) union(i, j);
          else byCode.set(c, i);
          const m = byLabelNoCode.get(k);
          if (m !== undefined) union(i, m);
        } else {
          const j = byLabelAny.get(k);
          if (j !== undefined) union(i, j);
          if (!byLabelNoCode.has(k)) byLabelNoCode.set(k, i);
        }
        if (!byLabelAny.has(k)) byLabelAny.set(k, i);
      }
    }
    const read = new Set<number>();
    const written = new Set<number>();
    for (const di of index.list) {
      for (const { from, to } of di.resolvedFlows) {
        if (from === to) continue;
        if (from.kind === 'store') read.add(find(slot.get(from)!));
        if (to.kind === 'store') written.add(find(slot.get(to)!));
      }
    }
    for (let i = 0; i < stores.length; i++) {
      if (find(i) !== i) continue;
      const r = read.has(i);
      const w = written.has(i);
      if (r && w) continue;
      const { node, diagram } = stores[i]!;
      const zh = !r && !w ? '既没有被任何处理读取，也没有被写入' : !r ? '只被写入，从未被任何处理读取' : '只被读取，从未被任何处理写入';
      const en = !r && !w ? 'is neither read nor written by any process' : !r ? 'is written but never read by any process' : 'is read but never written by any process';
      report({
        diagram,
        element: node.id,
        message: (l) => (l === 'en' ? `${describeNode(node, 'en')} ${en} anywhere in the document` : `${describeNode(node, 'zh-CN')}在整个文档中${zh}`),
      });
    }
  },
};
export default rule;

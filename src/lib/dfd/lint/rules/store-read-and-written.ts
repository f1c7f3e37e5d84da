import type { DfdNode } from '../../../../schemas/dfd.ts';
import type { RuleContext, RuleDefinition } from '../types.ts';
import { codeOf, describeNode } from '../../model.ts';

const READ = 1;
const WRITTEN = 2;

function reportStore(report: RuleContext['report'], diagram: string, node: DfdNode, use: number): void {
  const r = (use & READ) !== 0;
  const w = (use & WRITTEN) !== 0;
  const zh = !r && !w ? '既没有被任何处理读取，也没有被写入' : !r ? '只被写入，从未被任何处理读取' : '只被读取，从未被任何处理写入';
  const en = !r && !w ? 'is neither read nor written by any process' : !r ? 'is written but never read by any process' : 'is read but never written by any process';
  report({
    diagram,
    element: node.id,
    message: (l) => (l === 'en' ? `${describeNode(node, 'en')} ${en} anywhere in the document` : `${describeNode(node, 'zh-CN')}在整个文档中${zh}`),
  });
}

/**
 * A data store (one element across all diagrams) that no flow reads from, or that no flow writes
 * to, in the whole document. One finding per store element, on its first appearance.
 */
const rule: RuleDefinition = {
  id: 'store-read-and-written',
  title: { 'zh-CN': '数据存储既要有读也要有写', en: 'A data store is both read and written' },
  create({ index, report }) {
    // Diagram by diagram: group the store nodes into elements (union–find over "same element",
    // on node positions; the root of a group is its first appearance), and note which store
    // nodes are read or written. At the end, each element's use is the union of its nodes'.
    const N = index.nodes.length;
    const root = new Int32Array(N);
    const use = new Uint8Array(N);
    // The store nodes met so far (positions, document order) and their diagrams.
    const stores = new Int32Array(N);
    const storeDiagram = new Int32Array(N);
    let count = 0;
    const find = (i: number): number => {
      while (root[i] !== i) {
        root[i] = root[root[i]!]!;
        i = root[i]!;
      }
      return i;
    };
    const union = (a: number, b: number) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) root[Math.max(ra, rb)] = Math.min(ra, rb);
    };
    const byCode = new Map<string, number>();
    const byLabelAny = new Map<string, number>(); // by normalised label
    const byLabelNoCode = new Map<string, number>();
    return {
      diagram(di) {
        for (let g = di.nodeStart; g < di.nodeEnd; g++) {
          const n = index.nodes[g]!;
          if (n.kind !== 'store') continue;
          root[g] = g;
          stores[count] = g;
          storeDiagram[count++] = di.order;
          const c = codeOf(n);
          const k = di.labels.text[index.nodeLabel[g]!]!;
          if (c !== undefined) {
            const j = byCode.get(c);
            if (j !== undefined) union(g, j);
            else byCode.set(c, g);
            const m = byLabelNoCode.get(k);
            if (m !== undefined) union(g, m);
          } else {
            const j = byLabelAny.get(k);
            if (j !== undefined) union(g, j);
            if (!byLabelNoCode.has(k)) byLabelNoCode.set(k, g);
          }
          if (!byLabelAny.has(k)) byLabelAny.set(k, g);
        }
        for (let k = di.flowStart; k < di.flowEnd; k++) {
          const a = index.from[k]!;
          const b = index.to[k]!;
          if (a < 0 || b < 0 || a === b) continue;
          if (index.nodes[a]!.kind === 'store') use[a]! |= READ;
          if (index.nodes[b]!.kind === 'store') use[b]! |= WRITTEN;
        }
      },
      done() {
        for (let s = 0; s < count; s++) {
          const g = stores[s]!;
          if (use[g] !== 0) use[find(g)]! |= use[g]!;
        }
        for (let s = 0; s < count; s++) {
          const g = stores[s]!;
          if (find(g) !== g || use[g] === (READ | WRITTEN)) continue;
          reportStore(report, index.list[storeDiagram[s]!]!.diagram.id, index.nodes[g]!, use[g]!);
        }
      },
    };
  },
};
export default rule;

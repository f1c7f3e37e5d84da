/**
 * Generated documents of a chosen size, for the bench (scripts/bench-dfd.ts) and the linearity
 * test (tests/unit/dfd/linear.test.ts): both measure the same documents. Not part of the core's
 * public index.
 */
import type { DfdDiagram, DfdDocument, DfdNode } from '../../schemas/dfd.ts';
import { readDocument } from './read.ts';

/**
 * A levelled document of about `n` nodes that follows the rules: a top diagram of 3 entities,
 * 7 processes and 3 stores; each process refined by a child diagram (breadth first) until the
 * count is reached. A child repeats the entities and stores its process touches (same codes) and
 * its process's flows, attached to its 7 processes (so it balances), and has 2 local stores that
 * its processes read and write. About 2 flows per node; few or no findings.
 */
export function generateDocument(n: number): DfdDocument {
  const diagrams: DfdDiagram[] = [];
  let labels = 0;
  let stores = 3;
  const label = () => `数据${++labels}`;
  const top: DfdDiagram = { id: 'd0', title: '顶层', level: 'level', nodes: [], flows: [] };
  const e = [1, 2, 3].map((i) => ({ id: `e${i}`, kind: 'entity' as const, code: `E${i}`, label: `实体${i}` }));
  const s = [1, 2, 3].map((i) => ({ id: `s${i}`, kind: 'store' as const, code: `D${i}`, label: `存储${i}` }));
  const p = [1, 2, 3, 4, 5, 6, 7].map((i) => ({ id: `p${i}`, kind: 'process' as const, code: `P${i}`, label: `处理P${i}` }));
  top.nodes.push(...e, ...p, ...s);
  p.forEach((x, k) => {
    top.flows.push({ id: `f${top.flows.length}`, from: e[k % 3]!.id, to: x.id, label: label() });
    top.flows.push({ id: `f${top.flows.length}`, from: x.id, to: e[(k + 1) % 3]!.id, label: label() });
    top.flows.push({ id: `f${top.flows.length}`, from: x.id, to: s[k % 3]!.id, label: label() });
    top.flows.push({ id: `f${top.flows.length}`, from: s[(k + 1) % 3]!.id, to: x.id, label: label() });
  });
  diagrams.push(top);
  let count = top.nodes.length;
  const queue: Array<{ diagram: DfdDiagram; process: DfdNode }> = p.map((x) => ({ diagram: top, process: x }));
  let k = 1;
  while (count < n && queue.length > 0) {
    const { diagram: parent, process: proc } = queue.shift()!;
    const child: DfdDiagram = { id: `d${k++}`, title: `${proc.code} 的分解`, level: 'level', refines: { diagram: parent.id, process: proc.id }, nodes: [], flows: [] };
    const copies = new Map<string, DfdNode>();
    const procs: DfdNode[] = [1, 2, 3, 4, 5, 6, 7].map((i) => ({ id: `p${i}`, kind: 'process', code: `${proc.code}.${i}`, label: `处理${proc.code}.${i}` }));
    const local: DfdNode[] = [0, 1].map(() => ({ id: `l${++stores}`, kind: 'store', code: `D${stores}`, label: `存储${stores}` }));
    const byId = new Map(parent.nodes.map((x) => [x.id, x]));
    const at = parent.flows.filter((f) => f.from === proc.id || f.to === proc.id);
    at.forEach((f, j) => {
      const other = byId.get(f.from === proc.id ? f.to : f.from)!;
      let copy = copies.get(other.id);
      if (!copy) copies.set(other.id, (copy = { id: `c${copies.size}`, kind: other.kind, code: other.code!, label: other.label }));
      const mine = procs[j % procs.length]!;
      child.flows.push(
        f.from === proc.id
          ? { id: `f${child.flows.length}`, from: mine.id, to: copy.id, label: f.label! }
          : { id: `f${child.flows.length}`, from: copy.id, to: mine.id, label: f.label! },
      );
    });
    procs.forEach((x, i) => {
      child.flows.push({ id: `f${child.flows.length}`, from: local[i % 2]!.id, to: x.id, label: label() });
      child.flows.push({ id: `f${child.flows.length}`, from: x.id, to: local[(i + 1) % 2]!.id, label: label() });
      child.flows.push({ id: `f${child.flows.length}`, from: x.id, to: local[i % 2]!.id, label: label() });
    });
    child.nodes.push(...copies.values(), ...procs, ...local);
    diagrams.push(child);
    count += child.nodes.length;
    for (const x of procs) queue.push({ diagram: child, process: x });
  }
  const r = readDocument({ format: 'flowbook-dfd', version: 1, title: `生成的文档（约 ${n} 个节点）`, diagrams });
  if (!r.ok) throw new Error(r.error.en);
  return r.doc;
}

/**
 * One diagram of `n` nodes and about 2n flows, for layout: mostly local flows (to the next node and
 * to one a few steps on), with a flow back every tenth node, as data returns in real diagrams.
 */
export function generateDiagram(n: number): DfdDocument {
  const nodes: DfdNode[] = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: i % 5 === 0 ? 'entity' : i % 5 === 4 ? 'store' : 'process', label: `节点${i}` }));
  const flows: DfdDiagram['flows'] = [];
  nodes.forEach((node, i) => {
    if (i + 1 < n) flows.push({ id: `a${i}`, from: node.id, to: nodes[i + 1]!.id, label: `数据${i}` });
    const j = i + 2 + ((i * 7) % 5);
    if (j < n) flows.push({ id: `b${i}`, from: node.id, to: nodes[j]!.id, label: `信息${i}` });
    if (i % 10 === 9) flows.push({ id: `c${i}`, from: node.id, to: nodes[i - 6]!.id, label: `回执${i}` });
  });
  return { format: 'flowbook-dfd', version: 1, diagrams: [{ id: 'd', nodes, flows }] };
}

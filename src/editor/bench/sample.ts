/**
 * A large synthetic DFD for the editor benchmark (scripts/bench-editor.ts): `n` symbols on a grid
 * (entities, processes, stores in turn) and about one flow per symbol. Deterministic.
 */
import type { DfdDocument, DfdFlow, DfdNode } from '@schemas/dfd.ts';

export function benchDocument(n = 500, columns = 25): DfdDocument {
  const kinds = ['entity', 'process', 'store'] as const;
  const codes = { entity: 'E', process: 'P', store: 'D' } as const;
  const count = { entity: 0, process: 0, store: 0 };
  const nodes: DfdNode[] = [];
  for (let i = 0; i < n; i++) {
    const kind = kinds[i % 3]!;
    count[kind]++;
    nodes.push({
      id: `n${i}`,
      kind,
      code: `${codes[kind]}${count[kind]}`,
      label: `${kind === 'process' ? '处理' : kind === 'store' ? '存储' : '实体'}${i}`,
      x: (i % columns) * 240,
      y: Math.floor(i / columns) * 176,
    });
  }
  const flows: DfdFlow[] = [];
  for (let i = 0; i < n; i++) {
    const right = i + 1;
    const down = i + columns;
    const to = i % 2 === 0 && right < n && right % columns !== 0 ? right : down < n ? down : -1;
    if (to >= 0) flows.push({ id: `f${i}`, from: `n${i}`, to: `n${to}`, code: `F${flows.length + 1}`, label: `数据${i}` });
  }
  return { format: 'flowbook-dfd', version: 1, title: `基准 ${n}`, diagrams: [{ id: 'top', nodes, flows }] };
}

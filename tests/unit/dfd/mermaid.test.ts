import { describe, expect, it } from 'vitest';
import { fromMermaid, readDocument, toMermaid } from '../../../src/lib/dfd/index.ts';

const doc = (() => {
  const r = readDocument({
    format: 'flowbook-dfd',
    version: 1,
    diagrams: [
      {
        id: 'top',
        nodes: [
          { id: 'e1', kind: 'entity', code: 'E1', label: '书商' },
          { id: 'p1', kind: 'process', code: 'P1', label: '审核采购单' },
        ],
        flows: [{ id: 'f1', from: 'e1', to: 'p1', code: 'F1', label: '采购单' }],
      },
    ],
  });
  if (!r.ok) throw new Error(r.error.en);
  return r.doc;
})();

describe('toMermaid direction', () => {
  it('lays out left to right by default, as textbooks draw DFDs', () => {
    expect(toMermaid(doc).split('\n')[0]).toBe('flowchart LR');
  });

  it('stacks top-down when asked, and the text reads back the same', () => {
    const td = toMermaid(doc, { direction: 'TD' });
    expect(td.split('\n')[0]).toBe('flowchart TD');
    expect(td.split('\n').slice(1)).toEqual(toMermaid(doc).split('\n').slice(1));
    const back = fromMermaid(td);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.doc.diagrams[0]!.nodes.map((n) => n.label)).toEqual(['书商', '审核采购单']);
  });
});

import { describe, expect, it } from 'vitest';
import { readDocument, serializeDocument, type DfdDocument } from '../../../src/lib/dfd/index.ts';

const doc = (): DfdDocument => ({
  zeta: 1,
  diagrams: [
    {
      flows: [{ label: '采购单', to: 'p', from: 'e', id: 'f' }],
      nodes: [
        { label: '书商', kind: 'entity', id: 'e', code: 'E1' },
        { id: 'p', kind: 'process', label: '审核' },
      ],
      id: 'top',
      level: 'level',
    },
  ],
  version: 1,
  format: 'flowbook-dfd',
  alpha: { b: 2, a: 1 },
  notation: 'gane-sarson',
});

describe('serializeDocument', () => {
  it('writes known fields in the format’s order, unknown fields after them sorted, 2-space JSON and a newline', () => {
    expect(serializeDocument(doc())).toMatchInlineSnapshot(`
      "{
        "format": "flowbook-dfd",
        "version": 1,
        "notation": "gane-sarson",
        "diagrams": [
          {
            "id": "top",
            "level": "level",
            "nodes": [
              {
                "id": "e",
                "kind": "entity",
                "code": "E1",
                "label": "书商"
              },
              {
                "id": "p",
                "kind": "process",
                "label": "审核"
              }
            ],
            "flows": [
              {
                "id": "f",
                "from": "e",
                "to": "p",
                "label": "采购单"
              }
            ]
          }
        ],
        "alpha": {
          "b": 2,
          "a": 1
        },
        "zeta": 1
      }
      "
    `);
  });
  it('is stable: the same document gives the same bytes, whatever the key order', () => {
    const a = doc();
    const reversed = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).reverse()) as T;
    const b = reversed({ ...a, diagrams: a.diagrams.map((d) => reversed({ ...d, nodes: d.nodes.map(reversed), flows: d.flows.map(reversed) })) });
    expect(serializeDocument(a)).toBe(serializeDocument(a));
    const r = readDocument(serializeDocument(a));
    expect(r.ok && serializeDocument(r.doc)).toBe(serializeDocument(a));
    expect(Object.keys(b)[0]).toBe('notation');
    expect(serializeDocument(b)).toBe(serializeDocument(a));
  });
  it('leaves out undefined values and does not change the document', () => {
    const a = { ...doc(), title: undefined };
    const before = structuredClone(a);
    expect(serializeDocument(a)).not.toContain('title');
    expect(a).toEqual(before);
  });
});

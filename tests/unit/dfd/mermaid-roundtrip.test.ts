/**
 * Mermaid round trip for any label (issue 17, point 4): toMermaid → fromMermaid gives back the same
 * document, as the round-trip test in mermaid-parse.test.ts defines it (node ids, kinds, codes and
 * trimmed labels; flow ids, ends, codes and trimmed labels; the title), for arbitrary Unicode
 * labels: every Unicode space separator, control characters (C0, C1), bidi controls, quotes,
 * brackets, Mermaid syntax, lone surrogates, word joiners and control pictures (the escape's own
 * markers), and labels that look like codes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMermaid, readDocument, toMermaid, type DfdDocument } from '../../../src/lib/dfd/index.ts';
import { anyLabelArb, SPACE_SEPARATORS } from './arbitraries.ts';

function roundTrip(raw: unknown) {
  const doc = readDocument(JSON.parse(JSON.stringify(raw)));
  if (!doc.ok) throw new Error(doc.error.en);
  const text = toMermaid(doc.doc);
  const back = fromMermaid(text);
  if (!back.ok) throw new Error(`${back.error.en}\n${text}`);
  const a = doc.doc.diagrams[0]!;
  const b = back.doc.diagrams[0]!;
  expect(b.title, text).toBe(a.title?.trim() || undefined);
  expect(
    b.nodes.map((n) => [n.id, n.kind, n.code, n.label, n.owner]),
    text,
  ).toEqual(a.nodes.map((n) => [n.id, n.kind, n.code, n.label.trim(), (n.kind === 'process' && n.owner?.trim()) || undefined]));
  // The notation comes back from the shapes whenever a process or a store says which it is (else the default).
  const telling = a.nodes.some((n) => n.kind === 'process' || n.kind === 'store');
  expect(back.doc.notation, text).toBe(telling ? doc.doc.notation : 'gane-sarson');
  expect(
    b.flows.map((f) => [f.id, f.from, f.to, f.code, f.label]),
    text,
  ).toEqual(a.flows.map((f) => [f.id, f.from, f.to, f.code, f.label?.trim() || undefined]));
  return { doc: doc.doc, text };
}

const codeArb = fc.option(fc.constantFrom('E1', 'P3.1', 'D2', 'S01', 'F1', 'F3.2', 'P0'), { nil: undefined });

describe('Mermaid round trip for any label', () => {
  it('every Unicode space separator inside CJK text, as node, flow and title (the reported 收费 单)', () => {
    for (const sp of SPACE_SEPARATORS) {
      roundTrip({
        format: 'flowbook-dfd',
        version: 1,
        diagrams: [
          {
            id: 'main',
            title: `收费${sp}单`,
            nodes: [
              { id: 'a', kind: 'entity', label: `收费${sp}单` },
              { id: 'b', kind: 'process', code: 'P1', label: `收${sp}${sp}费单` },
            ],
            flows: [{ id: 'f1', from: 'a', to: 'b', label: `收费${sp}单` }],
          },
        ],
      });
    }
  });

  it('labels that look like codes stay labels; codes with blank labels stay codes', () => {
    roundTrip({
      format: 'flowbook-dfd',
      version: 1,
      diagrams: [
        {
          id: 'main',
          nodes: [
            { id: 'a', kind: 'entity', label: 'E1\n书商' },
            { id: 'b', kind: 'process', code: 'P1', label: '' },
            { id: 'c', kind: 'store', label: 'D1' },
          ],
          flows: [
            { id: 'f1', from: 'a', to: 'b', label: 'F2 采购单' },
            { id: 'f2', from: 'b', to: 'c', label: 'F3' },
            { id: 'f3', from: 'b', to: 'a', code: 'E9' },
            { id: 'f4', from: 'c', to: 'b', code: 'F4' },
          ],
        },
      ],
    });
  });

  it('arbitrary Unicode labels, codes and titles: export → import gives back the same document', () => {
    fc.assert(
      fc.property(
        fc.option(anyLabelArb, { nil: undefined }),
        fc.array(fc.record({ kind: fc.constantFrom('entity', 'process', 'store'), label: anyLabelArb, code: codeArb, owner: fc.option(anyLabelArb, { nil: undefined }) }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.array(fc.record({ from: fc.nat(4), to: fc.nat(4), label: fc.option(anyLabelArb, { nil: undefined }), code: codeArb }), { maxLength: 6 }),
        fc.option(fc.constantFrom('gane-sarson' as const, 'yourdon' as const), { nil: undefined }),
        (title, nodes, flows, notation) => {
          roundTrip({
            format: 'flowbook-dfd',
            version: 1,
            ...(notation === undefined ? {} : { notation }),
            diagrams: [
              {
                id: 'main',
                ...(title === undefined ? {} : { title }),
                nodes: nodes.map(({ owner, ...n }, i) => ({ id: `n${i}`, ...n, ...(owner === undefined ? {} : { owner }) })),
                flows: flows
                  .filter((f) => f.from < nodes.length && f.to < nodes.length)
                  .map((f, i) => ({ id: `f${i}`, label: f.label, code: f.code, from: `n${f.from}`, to: `n${f.to}` })),
              },
            ],
          } satisfies Partial<DfdDocument> & object);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

/** Properties of the business flow chart core over generated charts: round trip, a linter that never throws, findings that point at real elements. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BFC_RULE_IDS, lintBfc, readBfc, restoreBfc, serializeBfc, type BfcDocument } from '../../../src/lib/bfc/index.ts';

const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
const text = fc.oneof(fc.constantFrom('', ' ', '采购部', '验货', '合格', '不合格', '开始', '是否合格？', '入库单', '库存帐'), fc.string({ maxLength: 6 }));

/** Charts as a reader would accept them: ids unique within each list, references anywhere (dangling ones included). */
const chartArb: fc.Arbitrary<BfcDocument> = fc
  .record({
    lanes: fc.uniqueArray(fc.record({ id: ids, label: text, external: fc.option(fc.boolean(), { nil: undefined }) }), { selector: (l) => l.id, maxLength: 4 }),
    nodes: fc.uniqueArray(
      fc.record({
        id: ids,
        kind: fc.constantFrom('process', 'form', 'store', 'collect'),
        label: text,
        lane: fc.option(ids, { nil: undefined }),
        copies: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      }),
      { selector: (n) => n.id, maxLength: 8 },
    ),
    flows: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'a', 'b'),
        from: ids,
        to: ids,
        label: fc.option(text, { nil: undefined }),
        condition: fc.option(text, { nil: undefined }),
      }),
      { selector: (f) => f.id, maxLength: 10 },
    ),
    titleBlock: fc.option(fc.record({ business: fc.option(text, { nil: undefined }), sheet: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) }), { nil: undefined }),
  })
  .map((r) => {
    const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
    const doc = {
      format: 'flowbook-bfc' as const,
      version: 1 as const,
      orientation: 'columns' as const,
      ...(r.titleBlock ? { titleBlock: strip(r.titleBlock) } : {}),
      lanes: r.lanes.map(strip),
      nodes: r.nodes.map(strip),
      flows: r.flows.map(strip),
    };
    return doc as BfcDocument;
  });

describe('business flow chart properties', () => {
  it('write → read gives the same chart, and writing is stable', () => {
    fc.assert(
      fc.property(chartArb, (doc) => {
        const out = serializeBfc(doc);
        const back = readBfc(out);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(back.doc).toEqual(doc);
        expect(serializeBfc(back.doc)).toBe(out);
      }),
      { numRuns: 200 },
    );
  });

  it('the linter never throws, and every finding names a real element (or the whole chart) in both languages', () => {
    fc.assert(
      fc.property(chartArb, fc.constantFrom('recommended', 'strict'), fc.constantFrom('zh-CN', 'en'), (doc, preset, locale) => {
        const all = new Set([...doc.lanes, ...doc.nodes, ...doc.flows].map((e) => e.id));
        const findings = lintBfc(doc, { preset: preset as 'recommended' | 'strict', locale: locale as 'zh-CN' | 'en' });
        for (const f of findings) {
          expect(BFC_RULE_IDS).toContain(f.rule);
          expect(f.message.length).toBeGreaterThan(0);
          if (f.element !== undefined) expect(all.has(f.element)).toBe(true);
          else expect(f.rule).toBe('title-block');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('restoreBfc never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(() => restoreBfc(v)).not.toThrow();
        expect(() => restoreBfc({ format: 'flowbook-bfc', version: 1, lanes: [], nodes: [], flows: [], extra: v })).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

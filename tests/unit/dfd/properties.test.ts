import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grade, lint, readDocument, serializeDocument, toMermaid } from '../../../src/lib/dfd/index.ts';
import { documentArb } from './arbitraries.ts';

describe('properties', () => {
  it('write → read returns the same document', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const text = serializeDocument(doc);
        const back = readDocument(text);
        expect(back.ok).toBe(true);
        if (back.ok) expect(back.doc).toEqual(doc);
        // and writing is stable
        if (back.ok) expect(serializeDocument(back.doc)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('the linter never throws, in either preset and language', () => {
    fc.assert(
      fc.property(documentArb, fc.constantFrom('recommended', 'strict'), fc.constantFrom('zh-CN', 'en'), (doc, preset, locale) => {
        const findings = lint(doc, { preset: preset as 'recommended' | 'strict', locale: locale as 'zh-CN' | 'en' });
        for (const f of findings) {
          expect(f.message.length).toBeGreaterThan(0);
          expect(doc.diagrams.some((d) => d.id === f.diagram)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('grading never throws and stays within 0–100; a document graded against itself scores 100', () => {
    fc.assert(
      fc.property(documentArb, documentArb, (a, b) => {
        const r = grade(a, b);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(grade(a, a).score).toBe(100);
      }),
      { numRuns: 100 },
    );
  });

  it('Mermaid export never throws', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        for (const d of doc.diagrams) expect(toMermaid(doc, { diagram: d.id })).toMatch(/^flowchart LR\n/);
      }),
      { numRuns: 200 },
    );
  });
});

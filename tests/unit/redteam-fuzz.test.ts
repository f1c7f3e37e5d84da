/**
 * The fuzzer (issue 17, point 12): hostile input through the modeller's one door from outside
 * (io/restore.ts: files, drops, pasted Mermaid, share links, stored records) and on through what
 * the modeller then does with an accepted document (lint, save, Mermaid export and import).
 *
 * Three kinds of case: any JSON value, valid documents broken by random mutations (fields
 * removed, replaced by any JSON, ids repeated, refines pointed anywhere, labels of any Unicode),
 * and Mermaid text assembled from its own tokens. Each case must end in a document or in one
 * message in both languages; never an exception. A document that is accepted must save, read back
 * the same, lint and export.
 *
 * `npm test` runs 1,000 cases; `npm run bench` runs 10,000 (FLOWBOOK_FUZZ_RUNS=10000, and
 * FLOWBOOK_FUZZ_SEED to replay a failure).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMermaid, lint, readDocument, serializeDocument, toMermaid } from '../../src/lib/dfd/index.ts';
import { lintBfc, readBfc, serializeBfc } from '../../src/lib/bfc/index.ts';
import { isBfc, type EditorDocument } from '../../src/editor/model/bfc.ts';
import { restoreDocument, restoreStored, type Restored } from '../../src/editor/io/restore.ts';
import { documentArb, NASTY_LABELS } from './dfd/arbitraries.ts';

/** Total cases, shared out between the three kinds below. */
export const FUZZ_RUNS = Number(process.env.FLOWBOOK_FUZZ_RUNS) > 0 ? Number(process.env.FLOWBOOK_FUZZ_RUNS) : 1000;
const SEED = process.env.FLOWBOOK_FUZZ_SEED ? Number(process.env.FLOWBOOK_FUZZ_SEED) : undefined;
const share = { json: 0.3, mutated: 0.5, mermaid: 0.2 };
const runs = (k: keyof typeof share) => Math.round(FUZZ_RUNS * share[k]);
const params = (k: keyof typeof share) => ({ numRuns: runs(k), ...(SEED !== undefined ? { seed: SEED } : {}) });

/** A generous bound per property for the bench's 10,000 (a hang still fails). */
const TIMEOUT = Math.max(30_000, FUZZ_RUNS * 30);

let cases = 0;
let accepted = 0;

/** An outcome the modeller can act on: a usable document, or one message in both languages. */
function checkOutcome(r: Restored<EditorDocument>): void {
  cases++;
  if (!r.ok) {
    expect(typeof r.error.zh).toBe('string');
    expect(typeof r.error.en).toBe('string');
    expect(r.error.zh.length).toBeGreaterThan(0);
    expect(r.error.en.length).toBeGreaterThan(0);
    return;
  }
  accepted++;
  if (isBfc(r.value)) {
    // A business flow chart (the door takes both kinds): saved and read back the same, and linted.
    const chart = r.value;
    const text = serializeBfc(chart);
    const back = readBfc(text);
    expect(back.ok).toBe(true);
    if (back.ok) expect(serializeBfc(back.doc)).toBe(text);
    for (const f of lintBfc(chart)) expect(typeof f.message).toBe('string');
    return;
  }
  const doc = r.value;
  expect(doc.diagrams.length).toBeGreaterThan(0);
  // Saved and read back: the same document (what autosave and 导出 JSON rely on).
  const text = serializeDocument(doc);
  const back = readDocument(text);
  expect(back.ok).toBe(true);
  if (back.ok) expect(serializeDocument(back.doc)).toBe(text);
  // Stored, it comes back through the stored-record door too.
  const stored = restoreStored({ id: 'x', name: 'n', doc, rev: 1, updated: 1 });
  expect(stored.ok).toBe(true);
  for (const f of lint(doc)) expect(doc.diagrams.some((d) => d.id === f.diagram)).toBe(true);
  for (const d of doc.diagrams) {
    const m = toMermaid(doc, { diagram: d.id });
    const again = fromMermaid(m);
    expect(again.ok, m).toBe(true);
  }
}

const anyLabel = fc.oneof(fc.constantFrom(...NASTY_LABELS), fc.string({ unit: 'binary', maxLength: 16 }), fc.string({ unit: 'grapheme', maxLength: 8 }));
const anyId = fc.oneof(fc.constantFrom('d0', 'd1', 'n0', 'n1', 'f0', '', '__proto__', 'constructor', '"><img src=x onerror=alert(1)>', 'a\\b', '\ud800'), anyLabel);

type Json = unknown;
type Path = (string | number)[];

/** Every path to a value inside `v` (objects and arrays included), down to the document's own depth. */
function paths(v: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (at.length > 8) return out;
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

function setAt(root: Json, path: Path, f: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return f(root);
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    const v = setAt(copy[head as number], rest, f);
    if (v === undefined && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = v;
    return copy;
  }
  const copy = { ...(root as Record<string, Json>) };
  const v = setAt(copy[head as string], rest, f);
  if (v === undefined && rest.length === 0) delete copy[head as string];
  else copy[head as string] = v;
  return copy;
}

/** One mutation of a JSON value, at a path chosen by `pick` (0…1). */
const mutationArb = fc.record({
  pick: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  how: fc.oneof(
    fc.constant({ type: 'remove' as const }),
    fc.record({ type: fc.constant('replace' as const), value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), anyLabel, anyId) }),
    fc.record({ type: fc.constant('nest' as const), depth: fc.integer({ min: 1, max: 3000 }) }),
    fc.constant({ type: 'duplicate' as const }),
    fc.record({ type: fc.constant('number' as const), value: fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, -1, 0.5) }),
  ),
});

function mutate(doc: Json, m: { pick: number; how: { type: string; value?: unknown; depth?: number } }): Json {
  const all = paths(doc);
  const path = all[Math.floor(m.pick * all.length)]!;
  switch (m.how.type) {
    case 'remove':
      return setAt(doc, path, () => undefined);
    case 'replace':
    case 'number':
      return setAt(doc, path, () => m.how.value);
    case 'nest':
      return setAt(doc, path, (old) => {
        let v: Json = old;
        for (let i = 0; i < (m.how.depth ?? 1); i++) v = [v];
        return v;
      });
    case 'duplicate':
      return setAt(doc, path.slice(0, -1), (parent) => (Array.isArray(parent) && parent.length ? [...parent, parent[0]] : parent));
  }
  return doc;
}

/** A valid document as plain JSON, broken by one to five mutations, handed over as text or as a value. */
const mutatedArb = fc.tuple(documentArb, fc.array(mutationArb, { minLength: 1, maxLength: 5 }), fc.boolean()).map(([doc, ms, asText]) => {
  let v: Json = JSON.parse(serializeDocument(doc));
  for (const m of ms) v = mutate(v, m);
  if (!asText) return v;
  try {
    return JSON.stringify(v) ?? 'undefined';
  } catch {
    return v; // nested too deep for JSON.stringify itself: handed over as a value
  }
});

/** JSON text nested deeper than any parser's stack: `[[[…]]]` and `{"a":{"a":…}}`. */
const deepTextArb = fc
  .tuple(fc.integer({ min: 1000, max: 20_000 }), fc.boolean())
  .map(([k, arr]) => (arr ? '['.repeat(k) + ']'.repeat(k) : '{"a":'.repeat(k) + '1' + '}'.repeat(k)));

const MERMAID_TOKENS = [
  'flowchart LR\n',
  'graph TD\n',
  'A',
  'B1',
  '[',
  ']',
  '(',
  ')',
  '[(',
  ')]',
  '((',
  '))',
  '{',
  '}',
  '"',
  '|',
  '-->',
  '---',
  '-.->',
  '==>',
  '--',
  ' ',
  '\n',
  ';',
  '%%',
  '%%{init: {}}%%\n',
  'subgraph s\n',
  'end\n',
  'classDef x fill:#f00\n',
  'click A call alert()\n',
  '&',
  ':::',
  '@{ shape: rect }',
  '#quot;',
  '\\',
  '`',
  '\u2060',
  '\u2028',
  '\ud83d',
];
const mermaidArb = fc.oneof(
  fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...MERMAID_TOKENS) }, { weight: 1, arbitrary: anyLabel }), { maxLength: 60 }).map((t) => t.join('')),
  documentArb.map((d) => toMermaid(d)),
);

describe(`the fuzzer: ${FUZZ_RUNS} hostile inputs through the modeller's door`, () => {
  it(
    'any JSON value, as a value or as text, is read or refused with a message',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            { weight: 5, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
            { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
            { weight: 1, arbitrary: deepTextArb },
          ),
          fc.boolean(),
          (v, asText) => {
            checkOutcome(restoreDocument(asText && typeof v !== 'string' ? JSON.stringify(v) : v));
          },
        ),
        params('json'),
      );
    },
    TIMEOUT,
  );

  it(
    'a valid document broken by random mutations is read (repaired) or refused with a message; what is read saves, lints and exports',
    () => {
      fc.assert(
        fc.property(mutatedArb, (v) => checkOutcome(restoreDocument(v))),
        params('mutated'),
      );
    },
    TIMEOUT,
  );

  it(
    'Mermaid text assembled from its own tokens is read or refused with a message',
    () => {
      fc.assert(
        fc.property(mermaidArb, (text) => checkOutcome(restoreDocument(text, 'mermaid'))),
        params('mermaid'),
      );
    },
    TIMEOUT,
  );

  it('ran every case', () => {
    expect(cases).toBeGreaterThanOrEqual(runs('json') + runs('mutated') + runs('mermaid'));
    console.log(`fuzzer: ${cases} cases, ${accepted} accepted, ${cases - accepted} refused with a message`);
    // Both outcomes are exercised, not only refusals.
    expect(accepted).toBeGreaterThan(cases / 10);
    expect(cases - accepted).toBeGreaterThan(cases / 10);
  });
});

/**
 * Linting does work in proportion to the size of the document, not its square. Measured without a
 * clock (the bench, scripts/bench-dfd.ts, prints the times): every object of the document is
 * wrapped in a Proxy that counts property reads, and so is every array of the lint's index (the
 * typed arrays of flow ends and adjacency that the rules loop over), so the count is the same on
 * every machine and every run and covers the work done inside the index as well as on the
 * document. Four times the nodes must cost about four times the reads; a rule that looked at
 * every node or every flow of the document for each node would cost sixteen times.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../../src/lib/dfd/index.ts';
import { generateDocument } from '../../../src/lib/dfd/generate.ts';
import { DocIndex } from '../../../src/lib/dfd/lint/doc-index.ts';

/** Reads counted so far; past `limit` a read throws, so that quadratic work fails in seconds, not minutes. */
const counter = { reads: 0, limit: Infinity };
function read(): void {
  if (++counter.reads > counter.limit) throw new Error(`lint read more than ${counter.limit} values: its work grows faster than the document`);
}

/** A deep copy of `value` whose objects and arrays count every property read in `counter.reads`. */
function counted<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string | symbol, unknown> = Array.isArray(value) ? ([] as unknown as Record<string, unknown>) : {};
  for (const [k, v] of Object.entries(value)) copy[k] = counted(v);
  return new Proxy(copy, {
    get(target, key, receiver) {
      read();
      return Reflect.get(target, key, receiver);
    },
  }) as T;
}

/**
 * `array` (a typed array or an array) counting its element reads. A typed array's methods need the
 * array itself as `this`, so they are handed out bound to it.
 */
function countedArray<T extends object>(array: T): T {
  return new Proxy(array, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value === 'function') return value.bind(target);
      read();
      return value;
    },
  });
}

/**
 * Every DocIndex counts the reads of its arrays from its first `prepare` on (before any rule runs):
 * a rule that scans the index's arrays shows up in the count as much as one that scans the document.
 */
const prepare = DocIndex.prototype.prepare;
const instrumented = new WeakSet<DocIndex>();
beforeAll(() => {
  DocIndex.prototype.prepare = function (this: DocIndex, di) {
    if (!instrumented.has(this)) {
      instrumented.add(this);
      const fields = this as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(this)) if (Array.isArray(value) || ArrayBuffer.isView(value)) fields[key] = countedArray(value);
    }
    return prepare.call(this, di);
  };
});
afterAll(() => {
  DocIndex.prototype.prepare = prepare;
});

/** Reads of one lint of a generated document of about `nodes` nodes, stopped past `limit` reads. */
function readsToLint(nodes: number, limit: number, broken = false): { reads: number; findings: number } {
  const generated = generateDocument(nodes);
  // Broken: each diagram loses its first flow, so that nearly every diagram has findings.
  if (broken) for (const d of generated.diagrams) d.flows.shift();
  const doc = counted(generated);
  counter.reads = 0;
  counter.limit = limit;
  try {
    const findings = lint(doc, { preset: 'strict' }).length;
    return { reads: counter.reads, findings };
  } finally {
    counter.limit = Infinity;
  }
}

/** About 190 reads a node today; ten times that is work per node that no longer stays constant. */
const PER_NODE = 2000;

describe('lint work', () => {
  it('grows linearly with the document (counted property reads)', () => {
    const small = readsToLint(2500, 2500 * PER_NODE);
    const large = readsToLint(10000, 4.5 * small.reads);
    expect(small.findings).toBe(0);
    expect(small.reads).toBeGreaterThan(2500);
    // generateDocument's sizes are about 2,500 and 10,000 nodes, not exactly 1 : 4.
    const ratio = large.reads / small.reads;
    expect(ratio, `reads ${small.reads} → ${large.reads}`).toBeGreaterThan(3.5);
    expect(ratio, `reads ${small.reads} → ${large.reads}`).toBeLessThan(4.5);
  });

  it('stays linear when nearly every diagram has findings', () => {
    // Findings exercise the report path too: messages, and sorting them into document order.
    const small = readsToLint(2500, 2500 * PER_NODE, true);
    const large = readsToLint(10000, 4.5 * small.reads, true);
    expect(small.findings).toBeGreaterThan(200);
    const ratio = large.reads / small.reads;
    expect(ratio, `reads ${small.reads} → ${large.reads}`).toBeGreaterThan(3.5);
    expect(ratio, `reads ${small.reads} → ${large.reads}`).toBeLessThan(4.5);
  });
});

/**
 * Linting does work in proportion to the size of the document, not its square. Measured without a
 * clock (the bench, scripts/bench-dfd.ts, prints the times): every object of the document is
 * wrapped in a Proxy that counts property reads, so the count is the same on every machine and
 * every run. Four times the nodes must cost about four times the reads; a rule that looked at every
 * node for each node would cost sixteen times.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lib/dfd/index.ts';
import { generateDocument } from '../../../src/lib/dfd/generate.ts';

/** A deep copy of `value` whose objects and arrays count every property read in `counter.reads`. */
function counted<T>(value: T, counter: { reads: number }): T {
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string | symbol, unknown> = Array.isArray(value) ? ([] as unknown as Record<string, unknown>) : {};
  for (const [k, v] of Object.entries(value)) copy[k] = counted(v, counter);
  return new Proxy(copy, {
    get(target, key, receiver) {
      counter.reads++;
      return Reflect.get(target, key, receiver);
    },
  }) as T;
}

function readsToLint(nodes: number, broken = false): { reads: number; findings: number } {
  const counter = { reads: 0 };
  const generated = generateDocument(nodes);
  // Broken: each diagram loses its first flow, so that nearly every diagram has findings.
  if (broken) for (const d of generated.diagrams) d.flows.shift();
  const doc = counted(generated, counter);
  counter.reads = 0;
  const findings = lint(doc, { preset: 'strict' }).length;
  return { reads: counter.reads, findings };
}

describe('lint work', () => {
  it('grows linearly with the document (counted property reads)', () => {
    const small = readsToLint(2500);
    const large = readsToLint(10000);
    expect(small.findings).toBe(0);
    expect(small.reads).toBeGreaterThan(2500);
    // generateDocument's sizes are about 2,500 and 10,000 nodes, not exactly 1 : 4.
    const ratio = large.reads / small.reads;
    expect(ratio).toBeGreaterThan(3.5);
    expect(ratio).toBeLessThan(4.5);
  });

  it('stays linear when nearly every diagram has findings', () => {
    // Findings exercise the report path too: messages, and sorting them into document order.
    const small = readsToLint(2500, true);
    const large = readsToLint(10000, true);
    expect(small.findings).toBeGreaterThan(200);
    const ratio = large.reads / small.reads;
    expect(ratio).toBeGreaterThan(3.5);
    expect(ratio).toBeLessThan(4.5);
  });
});

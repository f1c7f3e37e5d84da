/**
 * Linting is linear in the size of the document: 4× the nodes takes about 4× the time, not
 * 16× (the bench, scripts/bench-dfd.ts, prints the figures). The bound is loose so that a busy
 * machine does not fail it, and tight enough to catch an O(n²) pass.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lib/dfd/index.ts';
import { generateDocument } from '../../../scripts/bench-dfd.ts';

/** The fastest of a few runs: the least disturbed by other work on the machine. */
function fastest(f: () => void, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    f();
    best = Math.min(best, performance.now() - s);
  }
  return best;
}

describe('lint time', () => {
  it('grows linearly', () => {
    const small = generateDocument(2500);
    const large = generateDocument(10000);
    lint(small);
    lint(large);
    for (let i = 0; i < 5; i++) lint(small);
    const a = fastest(() => lint(small), 20);
    const b = fastest(() => lint(large), 10);
    // 4× the nodes: linear is 4×, caches and garbage collection add some; quadratic would be 16×
    expect(b / a).toBeLessThan(12);
    expect(b).toBeLessThan(1000);
  });
});

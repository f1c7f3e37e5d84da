import { describe, expect, it } from 'vitest';
import { readAllProcedures } from '../../../src/lib/content/procedures-loader.ts';
import { columnGroups, stepCards } from '../../../src/lib/procedures/views.ts';

const procedures = (await readAllProcedures()).map((p) => p.data);

describe('columnGroups (printing a wide matrix in parts)', () => {
  it('splits into even groups of at most max, keeping order', () => {
    const n = (k: number) => Array.from({ length: k }, (_, i) => i);
    expect(columnGroups(n(5), 8)).toEqual([n(5)]);
    expect(columnGroups(n(8), 8)).toEqual([n(8)]);
    expect(columnGroups(n(15), 8).map((g) => g.length)).toEqual([8, 7]);
    expect(columnGroups(n(23), 8).map((g) => g.length)).toEqual([8, 8, 7]);
    expect(columnGroups(n(17), 8).map((g) => g.length)).toEqual([6, 6, 5]);
    expect(columnGroups(n(23), 8).flat()).toEqual(n(23));
    expect(columnGroups([], 8)).toEqual([]);
  });
});

describe('stepCards (the matrix read step by step)', () => {
  it('lists every letter of every row exactly once, A first', () => {
    for (const p of procedures) {
      const cards = stepCards(p);
      expect(cards.map((c) => c.step)).toEqual(p.activities.map((a) => a.step));
      cards.forEach((c, i) => {
        const a = p.activities[i]!;
        const listed = c.entries.flatMap((e) => e.roles.map((r) => [r.id, r.value]));
        expect(Object.fromEntries(listed), `${p.slug} ${a.step}`).toEqual(a.raci);
        expect(listed.length).toBe(Object.keys(a.raci).length);
        expect(c.entries[0]!.letter).toBe('A');
      });
    }
  });
});

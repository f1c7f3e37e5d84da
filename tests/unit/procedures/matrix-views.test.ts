import { describe, expect, it } from 'vitest';
import { readAllProcedures } from '../../../src/lib/content/procedures-loader.ts';
import { columnGroups, stepCards, matrixCsv } from '../../../src/lib/procedures/views.ts';
import { readProcedure } from '../../../src/lib/content/procedures-loader.ts';

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

describe('inferred cells', () => {
  const yaml = (inferred: string) => `slug: x
title: 示例
owner: 部门
source: 《示例》（未注明日期）
roles:
  - { id: manager, name: 经理 }
  - { id: staff, name: 职员 }
activities:
  - { id: a, step: "1", name: 做事, raci: { manager: A, staff: R }, inferred: ${inferred} }
`;
  it('are marked in the CSV', () => {
    const p = readProcedure('x.yaml', yaml('[staff]'));
    expect(matrixCsv(p)).toContain('1,做事,A,R*');
  });
  it('must be roles with a letter in the row', () => {
    expect(() => readProcedure('x.yaml', yaml('[boss]'))).toThrow(/inferred 中的角色「boss」在本行没有字母/);
  });
});

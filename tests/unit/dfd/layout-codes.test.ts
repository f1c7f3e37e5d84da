import { describe, expect, it } from 'vitest';
import { layoutDiagram, nextCode, readDocument, type DfdDocument } from '../../../src/lib/dfd/index.ts';
import { readFileSync } from 'node:fs';

function load(path: string): DfdDocument {
  const r = readDocument(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.error.en);
  return r.doc;
}

const leveled = load('tests/rules/balance/valid.dfd.json');

describe('layoutDiagram', () => {
  it('places every node without a position, left to right (LR), without overlaps', async () => {
    const doc = load('tests/fixtures/dfd/grade/reference.dfd.json');
    const out = await layoutDiagram(doc, 'top', { direction: 'LR' });
    const nodes = out.diagrams[0]!.nodes;
    for (const n of nodes) {
      expect(Number.isFinite(n.x)).toBe(true);
      expect(Number.isFinite(n.y)).toBe(true);
    }
    const at = (label: string) => nodes.find((n) => n.label === label)!;
    // data reads left to right: the source entity, then the chain of processes
    expect(at('书商').x!).toBeLessThan(at('审核采购单').x!);
    expect(at('审核采购单').x!).toBeLessThan(at('编目处理').x!);
    expect(at('编目处理').x!).toBeLessThan(at('入库处理').x!);
    const boxes = nodes.map((n) => ({ x: n.x!, y: n.y!, w: 112, h: 48 }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
      }
    // the input is not changed
    expect(doc.diagrams[0]!.nodes.every((n) => n.x === undefined)).toBe(true);
  });

  it('TD reads top down: the source entity, then the chain of processes', async () => {
    const doc = load('tests/fixtures/dfd/grade/reference.dfd.json');
    const nodes = (await layoutDiagram(doc, 'top', { direction: 'TD' })).diagrams[0]!.nodes;
    const at = (label: string) => nodes.find((n) => n.label === label)!;
    expect(at('书商').y!).toBeLessThan(at('审核采购单').y!);
    expect(at('审核采购单').y!).toBeLessThan(at('编目处理').y!);
    expect(at('编目处理').y!).toBeLessThan(at('入库处理').y!);
  });

  it('keeps nodes that have a position and puts new ones below them; relayout moves all', async () => {
    const doc = structuredClone(leveled);
    const d = doc.diagrams[1]!;
    d.nodes[0]!.x = 1000;
    d.nodes[0]!.y = 2000;
    const out = await layoutDiagram(doc, 'l0');
    const nodes = out.diagrams[1]!.nodes;
    expect([nodes[0]!.x, nodes[0]!.y]).toEqual([1000, 2000]);
    for (const n of nodes.slice(1)) expect(n.y!).toBeGreaterThan(2000);
    const all = await layoutDiagram(doc, 'l0', { relayout: true });
    expect(all.diagrams[1]!.nodes[0]!.y).not.toBe(2000);
    // other diagrams are untouched
    expect(out.diagrams[0]).toBe(doc.diagrams[0]);
  });

  it('refuses an unknown diagram', async () => {
    await expect(layoutDiagram(leveled, 'nope')).rejects.toThrow(/nope/);
  });
});

describe('nextCode', () => {
  it('numbers entities and stores across the document, processes and flows by level', () => {
    expect(nextCode(leveled, 'l0', 'entity')).toBe('E3');
    expect(nextCode(leveled, 'l1', 'store')).toBe('D2');
    expect(nextCode(leveled, 'l0', 'process')).toBe('P3');
    expect(nextCode(leveled, 'l0', 'flow')).toBe('F7');
    expect(nextCode(leveled, 'l1', 'process')).toBe('P1.3');
    expect(nextCode(leveled, 'l1', 'flow')).toBe('F1.5');
  });
  it('gives P0 to the first process of a context diagram', () => {
    const r = readDocument({ format: 'flowbook-dfd', version: 1, diagrams: [{ id: 'c', level: 'context', nodes: [], flows: [] }] });
    if (!r.ok) throw new Error();
    expect(nextCode(r.doc, 'c', 'process')).toBe('P0');
  });
  it('follows the document’s prefixes', () => {
    const r = readDocument({
      format: 'flowbook-dfd',
      version: 1,
      codes: { store: 'S', entity: 'W' },
      diagrams: [{ id: 'a', nodes: [{ id: 's', kind: 'store', label: 'x', code: 'S07' }], flows: [] }],
    });
    if (!r.ok) throw new Error();
    expect(nextCode(r.doc, 'a', 'store')).toBe('S8');
    expect(nextCode(r.doc, 'a', 'entity')).toBe('W1');
  });
  it('every code it gives fits code-format', async () => {
    const { lint } = await import('../../../src/lib/dfd/index.ts');
    const doc = structuredClone(leveled);
    for (const d of doc.diagrams) {
      for (const kind of ['entity', 'process', 'store'] as const) d.nodes.push({ id: `new-${kind}`, kind, label: `新${kind}`, code: nextCode(doc, d.id, kind) });
      d.flows.push({ id: 'new-flow', from: 'new-process', to: 'new-entity', code: nextCode(doc, d.id, 'flow'), label: '新数据' });
    }
    expect(lint(doc).filter((f) => f.rule === 'code-format' && !(doc.diagrams[0]!.id === f.diagram && f.element === 'new-process'))).toEqual([]);
  });
});

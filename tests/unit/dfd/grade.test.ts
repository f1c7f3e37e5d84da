import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grade, lint, readDocument, type DfdDocument } from '../../../src/lib/dfd/index.ts';

function load(path: string): DfdDocument {
  const r = readDocument(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.error.en);
  return r.doc;
}

const reference = load('tests/fixtures/dfd/grade/reference.dfd.json');
const copy = (): DfdDocument => structuredClone(reference);
const top = (d: DfdDocument) => d.diagrams[0]!;

function withoutProcess(d: DfdDocument, label: string): DfdDocument {
  const t = top(d);
  const p = t.nodes.find((n) => n.label === label)!;
  t.nodes = t.nodes.filter((n) => n !== p);
  t.flows = t.flows.filter((f) => f.from !== p.id && f.to !== p.id);
  return d;
}

describe('grade', () => {
  it('the reference lints clean', () => {
    expect(lint(reference)).toEqual([]);
  });

  it('an identical answer scores 100 with everything matched', () => {
    const r = grade(copy(), reference);
    expect(r.score).toBe(100);
    expect(r.missing).toEqual([]);
    expect(r.extra).toEqual([]);
    expect(r.matched).toHaveLength(6 + 8);
  });

  it('renamed ids, other codes, positions, order and spacing still score 100', () => {
    const d = copy();
    const t = top(d);
    const ids = new Map(t.nodes.map((n, i) => [n.id, `node-${i * 7}`]));
    t.nodes = t.nodes
      .map((n, i) => ({ ...n, id: ids.get(n.id)!, code: `X${i}`, x: i * 100, y: 50, label: `  ${n.label.replace('P', 'Ｐ')}　` }))
      .reverse();
    t.flows = t.flows.map((f, i) => ({ ...f, id: `flow${i}`, code: undefined, from: ids.get(f.from)!, to: ids.get(f.to)!, label: f.label ? ` ${f.label}  ` : f.label })).reverse();
    d.dictionary = undefined;
    expect(grade(d, reference).score).toBe(100);
  });

  it('Traditional characters score 100', () => {
    const d = readDocument(JSON.stringify(copy()).replaceAll('审核采购单', '審核採購單').replaceAll('编目处理', '編目處理').replaceAll('书商', '書商').replaceAll('入库台账', '入庫臺賬'));
    if (!d.ok) throw new Error();
    expect(grade(d.doc, reference).score).toBe(100);
  });

  it('names the reference dictionary lists as aliases score 100', () => {
    const d = readDocument(JSON.stringify(copy()).replaceAll('"采购单"', '"订购单"').replaceAll('"书商"', '"供应商"'));
    if (!d.ok) throw new Error();
    expect(top(d.doc).flows[0]!.label).toBe('订购单');
    expect(grade(d.doc, reference).score).toBe(100);
  });

  it('a missing process costs points, two cost more', () => {
    const one = grade(withoutProcess(copy(), '编目处理'), reference);
    const two = grade(withoutProcess(withoutProcess(copy(), '编目处理'), '统计库存'), reference);
    expect(one.score).toBeLessThan(100);
    expect(two.score).toBeLessThan(one.score);
    expect(one.missing.map((m) => m.text['zh-CN'])).toEqual(['处理「编目处理」', '数据流「合格采购单」（审核采购单 → 编目处理）', '数据流「入库单」（编目处理 → 入库处理）']);
    expect(one.extra).toEqual([]);
  });

  it('an extra wrong flow costs points and is listed', () => {
    const d = copy();
    top(d).flows.push({ id: 'fx', from: 'e1', to: 'p3', label: '新书' });
    const r = grade(d, reference);
    expect(r.score).toBeLessThan(100);
    expect(r.extra.map((e) => e.text['zh-CN'])).toEqual(['数据流「新书」（书商 → 入库处理）']);
  });

  it('a wrong flow label gets half credit for the flow', () => {
    const d = copy();
    top(d).flows[3]!.label = '图书清单';
    const r = grade(d, reference);
    expect(r.score).toBeLessThan(100);
    const partial = r.matched.filter((m) => m.credit === 0.5);
    expect(partial.map((m) => [m.reference.label, m.student.label])).toEqual([['入库单', '图书清单']]);
    // half credit is worth more than none
    const none = copy();
    top(none).flows.splice(3, 1);
    expect(r.score).toBeGreaterThan(grade(none, reference).score);
  });

  it('a wrong process label costs points', () => {
    const d = copy();
    top(d).nodes[1]!.label = '检查订单';
    const r = grade(d, reference);
    expect(r.score).toBeLessThan(100);
    expect(r.missing.map((m) => m.text['zh-CN'])).toContain('处理「审核采购单」');
    expect(r.extra.map((m) => m.text['zh-CN'])).toContain('处理「检查订单」');
  });

  it('a student may leave a flow to or from a data store unnamed', () => {
    const d = copy();
    top(d).flows[5]!.label = undefined;
    expect(grade(d, reference).score).toBe(100);
  });

  it('an empty answer scores at most 10', () => {
    const empty = readDocument({ format: 'flowbook-dfd', version: 1, diagrams: [{ id: 'd', nodes: [], flows: [] }] });
    if (!empty.ok) throw new Error();
    expect(grade(empty.doc, reference).score).toBeLessThanOrEqual(10);
    const lone = readDocument({ format: 'flowbook-dfd', version: 1, diagrams: [{ id: 'd', nodes: [{ id: 'a', kind: 'entity', label: '书商' }], flows: [] }] });
    if (!lone.ok) throw new Error();
    expect(grade(lone.doc, reference).score).toBeLessThanOrEqual(15);
  });

  it('reports the student’s lint findings in the chosen language', () => {
    const d = withoutProcess(copy(), '统计库存');
    const r = grade(d, reference, { locale: 'en' });
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.message])).toEqual([['store-read-and-written', 'data store D1 "入库台账" is written but never read by any process anywhere in the document']]);
  });

  it('an element repeated in a child diagram counts once', () => {
    const d = copy();
    const child = { id: 'c', refines: { diagram: 'top', process: 'p1' }, nodes: [{ id: 'e', kind: 'entity' as const, label: '书商' }], flows: [] };
    d.diagrams.push(child);
    const r = grade(d, d);
    expect(r.score).toBe(100);
    expect(r.matched.filter((m) => m.reference.type === 'entity')).toHaveLength(1);
  });
});

describe('grade with a starting document (exercise mode)', () => {
  const ref = load('content/dfd/exercises/book-purchasing.dfd.json');
  const start = load('content/dfd/exercises/book-purchasing.start.dfd.json');

  it('without `given`, the starting document alone already earns points', () => {
    expect(grade(start, ref).score).toBeGreaterThan(50);
  });

  it('handing in the starting document unchanged scores 0', () => {
    const r = grade(structuredClone(start), ref, { given: start });
    expect(r.score).toBe(0);
    expect(r.missing.length).toBeGreaterThan(0);
  });

  it('the full solution still scores 100', () => {
    expect(grade(structuredClone(ref), ref, { given: start }).score).toBe(100);
  });

  it('half of the child diagram scores between the two', () => {
    const half = structuredClone(ref);
    const child = half.diagrams.find((d) => d.refines)!;
    const keep = new Set(child.nodes.filter((n) => n.kind !== 'process').map((n) => n.id));
    const procs = child.nodes.filter((n) => n.kind === 'process');
    procs.slice(0, Math.ceil(procs.length / 2)).forEach((p) => keep.add(p.id));
    child.nodes = child.nodes.filter((n) => keep.has(n.id));
    child.flows = child.flows.filter((f) => keep.has(f.from) && keep.has(f.to));
    const s = grade(half, ref, { given: start }).score;
    expect(s).toBeGreaterThan(10);
    expect(s).toBeLessThan(90);
  });

  it('deleting a given element counts against the student', () => {
    const broken = structuredClone(ref);
    const top0 = broken.diagrams[0]!;
    const entity = top0.nodes.find((n) => n.kind === 'entity')!;
    for (const d of broken.diagrams) {
      const ids = new Set(d.nodes.filter((n) => n.kind === 'entity' && n.label === entity.label).map((n) => n.id));
      d.nodes = d.nodes.filter((n) => !ids.has(n.id));
      d.flows = d.flows.filter((f) => !ids.has(f.from) && !ids.has(f.to));
    }
    expect(grade(broken, ref, { given: start }).score).toBeLessThan(100);
  });
});

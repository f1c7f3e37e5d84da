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
    t.nodes = t.nodes.map((n, i) => ({ ...n, id: ids.get(n.id)!, code: `X${i}`, x: i * 100, y: 50, label: `  ${n.label.replace('P', 'Ｐ')}\u3000` })).reverse();
    t.flows = t.flows.map((f, i) => ({ ...f, id: `flow${i}`, code: undefined, from: ids.get(f.from)!, to: ids.get(f.to)!, label: f.label ? ` ${f.label}  ` : f.label })).reverse();
    d.dictionary = undefined;
    expect(grade(d, reference).score).toBe(100);
  });

  it('Traditional characters score 100', () => {
    const d = readDocument(
      JSON.stringify(copy()).replaceAll('审核采购单', '審核採購單').replaceAll('编目处理', '編目處理').replaceAll('书商', '書商').replaceAll('入库台账', '入庫臺賬'),
    );
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
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.message])).toEqual([
      ['store-read-and-written', 'data store D1 "入库台账" is written but never read by any process anywhere in the document'],
    ]);
  });

  it('an element repeated in a child diagram is matched in each diagram it is drawn in', () => {
    const d = copy();
    const child = { id: 'c', refines: { diagram: 'top', process: 'p1' }, nodes: [{ id: 'e', kind: 'entity' as const, label: '书商' }], flows: [] };
    d.diagrams.push(child);
    const r = grade(d, d);
    expect(r.score).toBe(100);
    expect(r.matched.filter((m) => m.reference.type === 'entity').map((m) => m.reference.diagram)).toEqual(['top', 'c']);
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

describe('grading pairs diagrams (spec revision 2)', () => {
  const ref = load('content/dfd/exercises/book-purchasing.dfd.json');
  const start = load('content/dfd/exercises/book-purchasing.start.dfd.json');
  /** The reference's child of P3 alone, as a document of one diagram (as textbooks print it). */
  const childOnly = (): DfdDocument => {
    const d = structuredClone(ref);
    const child = d.diagrams.find((x) => x.refines?.process === 'p3')!;
    return { ...d, diagrams: [{ ...child, refines: undefined, title: '进书数据流程图' }] };
  };

  it('a single-diagram answer is paired with the child of the reference it draws', () => {
    const r = grade(childOnly(), ref, { given: start });
    expect(r.score).toBe(100);
    const pair = r.diagrams.find((x) => x.student === 'p3');
    expect(pair?.reference).toBe('p3');
    expect(r.diagrams.filter((x) => x.asked).map((x) => x.reference)).toEqual(['p3']);
  });

  it('diagram order, titles and ids do not decide the pairing', () => {
    const d = structuredClone(ref);
    d.diagrams.reverse();
    d.diagrams.forEach((x, i) => {
      x.title = `图 ${i}`;
      x.id = `d${i}`;
      x.refines = undefined;
    });
    expect(grade(d, ref, { given: start }).score).toBe(100);
  });

  it('without the given start, a single-diagram answer loses the levels it did not draw', () => {
    const r = grade(childOnly(), ref);
    expect(r.score).toBeLessThan(70);
    expect(r.hints.filter((h) => h.kind === 'level')).toHaveLength(2);
  });

  it('a reference level nobody drew costs its items, and a hint names the process to decompose', () => {
    const r = grade(structuredClone(start), ref, { given: start });
    expect(r.score).toBe(0);
    const level = r.hints.find((h) => h.kind === 'level')!;
    expect(level.message).toBe('处理「进书」还需要画出它的分解（子图）');
    expect(level.diagram).toBe('level0');
    expect(level.element).toBe('p3');
  });
});

describe('optional reference elements', () => {
  const withOptional = (): DfdDocument => {
    const d = structuredClone(reference);
    const t = top(d);
    t.nodes.push({ id: 'opt', kind: 'store', label: '供应商档案', optional: true });
    const p = t.nodes.find((n) => n.kind === 'process')!;
    t.flows.push({ id: 'fopt', from: p.id, to: 'opt', label: '供应商信息', optional: true });
    return d;
  };

  it('cost nothing when missing', () => {
    const r = grade(copy(), withOptional());
    expect(r.score).toBe(100);
    expect(r.missing).toEqual([]);
  });

  it('count as matched, not extra, when present', () => {
    const student = withOptional();
    for (const n of top(student).nodes) delete n.optional;
    for (const f of top(student).flows) delete f.optional;
    const r = grade(student, withOptional());
    expect(r.score).toBe(100);
    expect(r.extra).toEqual([]);
    expect(r.matched.filter((m) => m.reference.optional)).toHaveLength(2);
  });

  it('a required element is still required', () => {
    const r = grade(withoutProcess(copy(), '编目处理'), withOptional());
    expect(r.score).toBeLessThan(100);
    expect(r.missing.some((m) => m.label === '编目处理')).toBe(true);
  });
});

describe('hints that teach', () => {
  it('name the student’s own elements and point at them, never a missing label', () => {
    const d = withoutProcess(copy(), '编目处理');
    const r = grade(d, reference);
    expect(r.hints.length).toBeGreaterThan(0);
    const text = r.hints.map((h) => h.message).join('\n');
    expect(text).not.toContain('编目处理');
    const missing = r.hints.find((h) => h.kind === 'missing' && h.message.startsWith('这一层还缺少一个处理'))!;
    expect(missing.message).toMatch(/「审核采购单」/);
    expect(missing.element).toBe(top(d).nodes.find((n) => n.label === '审核采购单')!.id);
    expect(missing.diagram).toBe(top(d).id);
  });

  it('say a missing flow of a process the student drew', () => {
    const d = copy();
    const t = top(d);
    const p = t.nodes.find((n) => n.label === '审核采购单')!;
    const out = t.flows.find((f) => f.from === p.id)!;
    t.flows = t.flows.filter((f) => f !== out);
    const r = grade(d, reference);
    const h = r.hints.find((x) => x.kind === 'missing')!;
    expect(h.message).toMatch(/^处理「审核采购单」还缺少一条流向.+的输出数据流$/);
    expect(h.element).toBe(p.id);
  });

  it('say when a flow runs the wrong way, and when a performer is drawn as an entity', () => {
    const d = copy();
    const t = top(d);
    const f = t.flows[0]!;
    [f.from, f.to] = [f.to, f.from];
    const r = grade(d, reference);
    expect(r.hints.some((h) => h.element === f.id && h.message.includes('方向反了'))).toBe(true);

    const ref2 = structuredClone(reference);
    top(ref2).nodes.find((n) => n.label === '审核采购单')!.owner = '采购员';
    const d2 = copy();
    top(d2).nodes.push({ id: 'x', kind: 'entity', label: '采购员' });
    const r2 = grade(d2, ref2);
    expect(r2.hints.find((h) => h.element === 'x')?.message).toBe('多出的外部实体「采购员」在题目中是处理的执行者，属于系统内部，不是外部实体');
  });

  it('come in English too', () => {
    const r = grade(withoutProcess(copy(), '编目处理'), reference, { locale: 'en' });
    expect(r.hints.some((h) => h.message.startsWith('This diagram still lacks a process'))).toBe(true);
  });
});

describe('the textbook’s own printed answers (进书, 售书) against the site’s references', () => {
  for (const slug of ['book-purchasing', 'book-selling']) {
    const ref = load(`content/dfd/exercises/${slug}.dfd.json`);
    const start = load(`content/dfd/exercises/${slug}.start.dfd.json`);
    const textbook = load(`tests/fixtures/dfd/textbook/${slug}.dfd.json`);

    it(`${slug}: the textbook's one-diagram answer scores at least 90 in exercise mode`, () => {
      const r = grade(textbook, ref, { given: start });
      expect(r.score).toBeGreaterThanOrEqual(90);
      // It is graded as the level the exercise asks for.
      expect(r.diagrams.filter((d) => d.asked).map((d) => d.student)).toEqual([textbook.diagrams[0]!.id]);
    });

    it(`${slug}: the untouched start still scores 0, the reference itself 100`, () => {
      expect(grade(structuredClone(start), ref, { given: start }).score).toBe(0);
      expect(grade(structuredClone(ref), ref, { given: start }).score).toBe(100);
    });
  }
});

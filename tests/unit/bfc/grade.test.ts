import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js/cn2t';
import type { BfcDocument } from '../../../src/schemas/bfc.ts';
import { gradeBfc } from '../../../src/lib/bfc/index.ts';
import { bfcSchemaCheck, EXERCISES } from './support.ts';

const ref = (name: string): BfcDocument => bfcSchemaCheck(JSON.parse(readFileSync(`content/bfc/exercises/${name}.bfc.json`, 'utf8')));
const first = (name: string): BfcDocument => bfcSchemaCheck(JSON.parse(readFileSync(`tests/fixtures/bfc/${name}.first-attempt.bfc.json`, 'utf8')));
const copy = (d: BfcDocument): BfcDocument => structuredClone(d);
/** The student's element with this label (or flow between these labels). */
const nodeId = (d: BfcDocument, label: string) => d.nodes.find((n) => n.label === label)!.id;
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });

describe('gradeBfc: every reference against itself and equivalent answers', () => {
  for (const name of EXERCISES) {
    it(`${name}: itself scores 100 with no hints`, () => {
      const r = gradeBfc(ref(name), ref(name));
      expect(r.score).toBe(100);
      expect(r.hints).toEqual([]);
      expect(r.items.missing).toEqual([]);
      expect(r.items.extra).toEqual([]);
      expect(r.counts.nodes.matched).toBe(ref(name).nodes.length);
    });

    it(`${name}: other ids, reversed order, spaces, Traditional characters and no optional items still score 100`, () => {
      const d = copy(ref(name));
      const ids = new Map(d.nodes.map((n, i) => [n.id, `s${i}`]));
      const lanes = new Map(d.lanes.map((l, i) => [l.id, `u${i}`]));
      d.lanes = d.lanes.map((l) => ({ id: lanes.get(l.id)!, label: ` ${toTw(l.label)}\u3000` })).reverse();
      const keep = d.nodes.filter((n) => !n.optional);
      d.nodes = keep.map((n) => ({ id: ids.get(n.id)!, kind: n.kind, label: toTw(n.label).replace(/，/g, ', '), lane: lanes.get(n.lane!)!, x: 0, y: 0 })).reverse();
      d.flows = d.flows
        .filter((f) => !f.optional && keep.some((n) => n.id === f.from) && keep.some((n) => n.id === f.to))
        .map((f, i) => ({ id: `e${i}`, from: ids.get(f.from)!, to: ids.get(f.to)!, label: f.label && ` ${toTw(f.label)} `, condition: f.condition && toTw(f.condition) }))
        .reverse();
      expect(JSON.stringify(d)).not.toBe(JSON.stringify(ref(name)));
      const r = gradeBfc(d, ref(name));
      expect(r.hints).toEqual([]);
      expect(r.score).toBe(100);
    });
  }

  it('aliases of the reference count as its names; a condition written in the label counts as the condition', () => {
    const d = copy(ref('material-ordering'));
    d.lanes.find((l) => l.label === '库房管理员')!.label = '库管员';
    d.nodes.find((n) => n.label === '采购订货单')!.label = '订货单';
    const f = d.flows.find((x) => x.condition === '合格' && x.label === '送交库房')!;
    delete f.condition;
    f.label = '合格，送交库房';
    expect(gradeBfc(d, ref('material-ordering')).score).toBe(100);
    // 报损: the reference's condition 必须报损 lists 合格 as another word for it.
    const b = copy(ref('damage-write-off'));
    b.flows.find((x) => x.condition === '必须报损')!.condition = '合格';
    expect(gradeBfc(b, ref('damage-write-off')).score).toBe(100);
  });
});

describe('gradeBfc: mutated answers score lower, with hints that point at the student’s elements', () => {
  const R = ref('material-ordering');

  it('a missing symbol: missing item, a hint by kind that points at its neighbour, no label of the answer given away', () => {
    const d = copy(R);
    const gone = d.nodes.find((n) => n.label === '采购收货单')!;
    d.nodes = d.nodes.filter((n) => n !== gone);
    d.flows = d.flows.filter((f) => f.from !== gone.id && f.to !== gone.id);
    const r = gradeBfc(d, R);
    expect(r.score).toBeLessThan(100);
    expect(r.score).toBeGreaterThan(70);
    expect(r.items.missing.map((i) => i.label)).toContain('采购收货单');
    const h = r.hints.find((x) => x.kind === 'missing' && x.message.startsWith('还缺少一个表格制作'))!;
    expect(h.element).toBe(nodeId(d, '按订单发货'));
    expect(h.message).toContain('按订单发货');
    expect(r.hints.map((x) => x.message).join('')).not.toContain('采购收货单');
  });

  it('a business step in the wrong unit gets half credit and a hint on that step', () => {
    const d = copy(R);
    d.nodes.find((n) => n.label === '验货')!.lane = 'cgb';
    const r = gradeBfc(d, R);
    expect(r.score).toBeLessThan(100);
    expect(r.items.matched.find((m) => m.reference.label === '验货')!.credit).toBe(0.5);
    expect(r.hints).toEqual([{ kind: 'partial', element: 'yh', message: '业务处理「验货」画在了「采购部」一栏：题目中这一步是哪个单位做的？' }]);
    // A store may sit in any lane; so may a step the reference puts in no lane.
    const s = copy(R);
    s.nodes.find((n) => n.label === '流水帐')!.lane = 'zg';
    expect(gradeBfc(s, R).score).toBe(100);
    const loose = copy(R);
    delete loose.nodes.find((n) => n.label === '验货')!.lane;
    expect(gradeBfc(d, loose).items.matched.find((m) => m.reference.label === '验货')!.credit).toBe(1);
  });

  it('a branch without its condition gets half credit and a hint on the line', () => {
    const d = copy(R);
    const f = d.flows.find((x) => x.condition === '不合格' && x.to === 'zgsh')!;
    delete f.condition;
    const r = gradeBfc(d, R);
    expect(r.score).toBeLessThan(100);
    expect(r.hints).toHaveLength(1);
    expect(r.hints[0]).toMatchObject({ kind: 'partial', element: f.id });
    expect(r.hints[0]!.message).toContain('把条件写在线旁');
    // The opposite condition is not the condition: 不合格 where the answer says 合格.
    const w = copy(R);
    w.flows.find((x) => x.condition === '合格' && x.to === 'shhw')!.condition = '不合格';
    expect(gradeBfc(w, R).hints[0]).toMatchObject({ kind: 'partial' });
  });

  it('a line drawn the wrong way, an extra symbol and a symbol of the wrong kind are named as such', () => {
    const d = copy(R);
    const f = d.flows.find((x) => x.from === 'dhd' && x.to === 'fh')!;
    [f.from, f.to] = [f.to, f.from];
    d.nodes.push({ id: 'x1', kind: 'process', label: '打电话催货', lane: 'cgb' });
    d.nodes.find((n) => n.label === '流水帐')!.kind = 'form';
    const r = gradeBfc(d, R);
    expect(r.score).toBeLessThan(90);
    const by = (el: string) => r.hints.find((h) => h.element === el)?.message;
    expect(by(f.id)).toBe('信息传递「订货请求」（按订单发货 → 采购订货单）的方向反了：想一想是哪一方交给另一方');
    expect(by('x1')).toContain('多出的业务处理「打电话催货」');
    expect(by('lsz')).toBe('「流水帐」画成了表格制作，在这张图里它应是数据存储');
  });

  it('a missing unit is hinted through the student’s steps it should do; English hints in English', () => {
    const d = copy(R);
    d.lanes = d.lanes.filter((l) => l.id !== 'zg');
    d.nodes.find((n) => n.id === 'zgsh')!.lane = 'kfgly';
    const r = gradeBfc(d, R, { locale: 'en' });
    expect(r.hints.find((h) => h.kind === 'missing')).toEqual({ kind: 'missing', element: 'zgsh', message: 'The chart still lacks a unit: it does business step "主管审核"' });
    expect(r.counts.lanes).toEqual({ matched: 4, missing: 1, extra: 0 });
  });

  it('an empty answer scores 0 and an answer with everything twice scores less than 100', () => {
    expect(gradeBfc({ ...R, lanes: [], nodes: [], flows: [] }, R).score).toBe(0);
    const d = copy(R);
    d.flows = [...d.flows, ...d.flows.map((f) => ({ ...f, id: `${f.id}b` }))];
    expect(gradeBfc(d, R).score).toBeLessThan(100);
  });
});

describe('gradeBfc: a hand-made first attempt per exercise', () => {
  // What a student typically hands in first: the scenario's own words (some as aliases), a step in
  // the wrong unit, a branch without its condition, a store read missing, goods drawn as a form.
  const expected: Record<(typeof EXERCISES)[number], { min: number; max: number; hints: Array<[string, string]> }> = {
    'material-ordering': {
      min: 75,
      max: 95,
      hints: [
        ['partial', '业务处理「验货」画在了「采购部」一栏'],
        ['missing', '还缺少一个业务处理单位：业务处理「主管审核」应由它来做'],
        ['missing', '还缺少一个收集资料：通向业务处理「编制订货单」'],
      ],
    },
    stocktaking: {
      min: 75,
      max: 95,
      hints: [
        ['partial', '表格制作「盘存报表」画在了「主管」一栏'],
        ['missing', '数据存储「库存清单」还缺少一条通向业务处理「审核盘存报表」的信息传递'],
        ['extra', '多出的收集资料「盘点规定」'],
      ],
    },
    'book-purchasing': {
      min: 70,
      max: 95,
      hints: [
        ['missing', '还缺少一个表格制作：它接在业务处理「验收」之后'],
        ['extra', '多出的表格制作「新书」'],
        ['partial', '业务处理「入库」通向数据存储「入库台帐」的连线是一条分支'],
      ],
    },
    'book-selling': {
      min: 70,
      max: 95,
      hints: [
        ['missing', '业务处理「审核」还缺少一条通向业务处理「收费」的信息传递（一条分支，线旁要写条件）'],
        ['extra', '多出的业务处理「是否已缴费」'],
      ],
    },
    'damage-write-off': {
      min: 75,
      max: 97,
      hints: [
        ['missing', '业务处理「报损处理」还缺少一条通向数据存储「库存台帐」的信息传递'],
        ['extra', '信息传递（库存台帐 → 报损处理）的方向反了'],
      ],
    },
  };
  for (const name of EXERCISES) {
    it(`${name}: a score between a pass and full marks, and the hints a teacher would give`, () => {
      const s = first(name);
      const r = gradeBfc(s, ref(name));
      console.log(`${name}: first attempt ${r.score} / 100, ${r.hints.length} hint(s)`);
      expect(r.score).toBeGreaterThanOrEqual(expected[name].min);
      expect(r.score).toBeLessThanOrEqual(expected[name].max);
      for (const [kind, text] of expected[name].hints) {
        const h = r.hints.find((x) => x.kind === kind && x.message.includes(text));
        expect(h, text).toBeDefined();
        // Every hint that points, points at one of the student's own elements.
        const ids = new Set([...s.lanes.map((l) => l.id), ...s.nodes.map((n) => n.id), ...s.flows.map((f) => f.id)]);
        expect(h!.element === undefined || ids.has(h!.element)).toBe(true);
      }
      for (const h of r.hints) if (h.element !== undefined) expect([...s.lanes, ...s.nodes, ...s.flows].some((x) => x.id === h.element)).toBe(true);
    });
  }
});

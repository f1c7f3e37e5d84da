/**
 * The steps content/docs/learn/flowchart-to-dfd.mdx leaves to the student after 生成数据流程图草稿,
 * written out for the five exercises of seed 002 as short lists of explicit edits, in the page's
 * order: 1 划定系统边界 (mark a unit outside the system in the chart and derive again), 3 name each
 * process with a verb and its object, 4 name the flows (a document in a new state gets a new name),
 * 5 the stores' names, 6 leave out goods, and 2 the context diagram redrawn from level 0 last (so the
 * levels balance). The unit test and scripts/bench-bfc.ts apply them and grade the result.
 */
import type { BfcDocument } from '../../schemas/bfc.ts';
import type { DfdDiagram, DfdDocument } from '../../schemas/dfd.ts';
import { bfcToDfd, contextDiagram } from './to-dfd.ts';

export const DRAFT_EXERCISES = ['material-ordering', 'stocktaking', 'book-purchasing', 'book-selling', 'damage-write-off'] as const;
export type DraftExercise = (typeof DRAFT_EXERCISES)[number];

/** One edit of the student's: on the chart before deriving (boundary) or on the draft's level 0. */
export type DraftStep =
  | { outside: string }
  | { rename: string; to: string }
  | { flow: [string, string]; name: string }
  | { remove: [string, string] }
  | { redirect: [string, string]; to: string; name: string }
  | { add: { process: string; owner: string }; from: string; inputs: Array<[string, string]>; outputs: Array<[string, string]> };

export const DRAFT_STEPS: Record<DraftExercise, DraftStep[]> = {
  'material-ordering': [
    { rename: '查询库存，编制订货单', to: '编制采购订货单' },
    { rename: '验货', to: '检验货物' },
    { rename: '审核货物', to: '复核并登记入库' },
    { rename: '主管审核', to: '审核不合格货物' },
    { flow: ['用户', '编制采购订货单'], name: '用户需求' },
    { flow: ['检验货物', '供应商'], name: '不合格收货单' },
    { flow: ['检验货物', '复核并登记入库'], name: '合格收货单' },
    { flow: ['复核并登记入库', '审核不合格货物'], name: '复核不合格收货单' },
    { flow: ['审核不合格货物', '供应商'], name: '退货单' },
  ],
  stocktaking: [
    // The textbook's DFD has the clerk (库管员) outside the system: he hands in the report and gets it back.
    { outside: '库管员' },
    { rename: '查询库存清单和盘点流水账，按盘点规定审核', to: '审核盘存报表' },
    // …and keeps the clerk's update of the books as a process of the system.
    { remove: ['审核盘存报表', '库管员'] },
    {
      add: { process: '更新库存清单和流水账', owner: '库管员' },
      from: '审核盘存报表',
      inputs: [['审核盘存报表', '合格盘存报表']],
      outputs: [
        ['库存清单', ''],
        ['盘点流水账', ''],
      ],
    },
  ],
  'book-purchasing': [
    { rename: '验收', to: '审核采购单' },
    { rename: '分类编号，填写入库单', to: '编制入库单' },
    { rename: '验收入库单和新书', to: '验收入库' },
    { rename: '入库台帐', to: '图书库存情况存档' },
    { flow: ['书商', '审核采购单'], name: '采购单' },
    { flow: ['审核采购单', '书商'], name: '不合格采购单' },
    { flow: ['审核采购单', '编制入库单'], name: '合格采购单' },
    { flow: ['验收入库', '图书库存情况存档'], name: '合格入库清单' },
  ],
  'book-selling': [
    { rename: '收费，开收费单', to: '收费开单' },
    { rename: '销售台帐', to: '图书销售存档' },
    { flow: ['顾客', '收费开单'], name: '购书单' },
    { flow: ['收费开单', '图书销售存档'], name: '销售清单' },
    // 放行 lets the goods go: no data leaves there; an unpaid slip goes back to the customer, who goes to pay.
    { remove: ['审核收费单', '顾客'] },
    { redirect: ['审核收费单', '收费开单'], to: '顾客', name: '不合格收费单' },
  ],
  'damage-write-off': [
    // The textbook's DFD has the store room (库房) outside: it hands in the list and gets rejected ones back.
    { outside: '库房' },
    { rename: '确认、审核', to: '审核报损清单' },
    { rename: '报损处理', to: '报损登帐' },
    { flow: ['审核报损清单', '报损登帐'], name: '确认报损清单' },
    { flow: ['审核报损清单', '库房'], name: '不合格报损单' },
  ],
};

export function level0(doc: DfdDocument): DfdDiagram {
  return doc.diagrams.find((d) => d.id === 'level0')!;
}

/** The draft of `chart` after the student's steps. Throws when a step names something the draft lacks (so the list stays true). */
export function applyDraftSteps(name: DraftExercise, chart: BfcDocument): DfdDocument {
  const bfc = structuredClone(chart);
  for (const s of DRAFT_STEPS[name]) if ('outside' in s) bfc.lanes.find((l) => l.label === s.outside)!.external = true;
  const { doc } = bfcToDfd(bfc);
  const d = level0(doc);
  const node = (label: string) => {
    const n = d.nodes.find((x) => x.label === label);
    if (!n) throw new Error(`${name}: no node 「${label}」 in the draft`);
    return n;
  };
  const flow = ([a, b]: [string, string]) => {
    const f = d.flows.find((x) => x.from === node(a).id && x.to === node(b).id);
    if (!f) throw new Error(`${name}: no flow ${a} → ${b} in the draft`);
    return f;
  };
  for (const s of DRAFT_STEPS[name]) {
    if ('rename' in s) node(s.rename).label = s.to;
    else if ('flow' in s) flow(s.flow).label = s.name;
    else if ('remove' in s) d.flows.splice(d.flows.indexOf(flow(s.remove)), 1);
    else if ('redirect' in s) Object.assign(flow(s.redirect), { to: node(s.to).id, label: s.name });
    else if ('add' in s) {
      const id = `p${d.nodes.length + 1}`;
      const code = `P${d.nodes.filter((n) => n.kind === 'process').length + 1}`;
      d.nodes.push({ id, kind: 'process', label: s.add.process, owner: s.add.owner, code });
      for (const [from, label] of s.inputs) d.flows.push({ id: `s${d.flows.length}`, from: node(from).id, to: id, ...(label ? { label } : {}) });
      for (const [to, label] of s.outputs) d.flows.push({ id: `s${d.flows.length}`, from: id, to: node(to).id, ...(label ? { label } : {}) });
    }
  }
  // Step 2, last: the context diagram redrawn from level 0.
  doc.diagrams[0] = contextDiagram(d, doc.diagrams[0]!.nodes[0]!.label);
  return doc;
}

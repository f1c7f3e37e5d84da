/**
 * 生成数据流程图草稿: a business flow chart → a DFD draft, by the steps the learn page teaches
 * (content/docs/learn/flowchart-to-dfd.mdx):
 *
 * 1. System boundary: lanes marked `external` (供应商, 顾客) become external entities; every other
 *    lane is inside the system and becomes the performer (owner) of its processes.
 * 2. Context diagram: one process P0 for the whole system; the entities' flows with it are the
 *    level-0 flows between entities and processes, so the two levels balance.
 * 3. Each 业务处理 of a unit inside the system becomes a process (its label kept: renaming it to a
 *    verb-object name is the student's decision).
 * 4. Each 表格制作 becomes data flows, from the symbol that makes it to each symbol that receives it;
 *    a line with a condition (合格, 不合格) straight from a step to a step becomes a flow named after
 *    the condition and the document the step received (不合格 + 采购收货单 → 不合格采购收货单).
 * 5. Each 数据存储 becomes a store; the direction comes from the verb beside the line: 查询 reads,
 *    登记 writes, 更新 and 修改 read and write. Store flows stay unnamed (a DFD may leave them so).
 *    A condition other than 合格 / 不合格 counts as one of them (必须报损 → 合格, 不符合… → 不合格).
 * 6. What is not data is left out: symbols inside an external unit (its own steps), flows between
 *    two outside symbols, flows that would end where they start. 收集资料 becomes a flow from an
 *    external entity named from it (用户需求 → 用户, an inference the student must confirm); a form
 *    nobody in the chart makes becomes a store the receiving step reads.
 *
 * The draft keeps `derivedFrom: { format: 'flowbook-bfc', title }` (a passthrough field) and comes
 * with `todo`: what the student still has to decide. Pure and deterministic; positions are left to
 * the modeller's layout.
 */
import type { BfcDocument, BfcFlow, BfcNode } from '../../schemas/bfc.ts';
import type { DfdDiagram, DfdDocument, DfdFlow, DfdNode } from '../../schemas/dfd.ts';
import { normalizeLabel } from '../dfd/text.ts';

export interface BfcToDfdOptions {
  locale?: 'zh-CN' | 'en';
}

export interface BfcToDfdResult {
  doc: DfdDocument;
  /** The decisions the student still has to make, one sentence each, in the requested language. */
  todo: string[];
}

const READ = /查询|查阅|读取|调阅|核对|参照/;
const WRITE = /登记|登帐|登账|记帐|记账|写入|存档|入库|录入|更新|修改/;
const READ_WRITE = /更新|修改/;
/** Words that name goods, not data, in a label (the learn page: goods are not drawn). */
const GOODS = /货物|新书|图书|书籍|商品|物资|货品|退货|发货|^书$/;

function systemName(doc: BfcDocument): string {
  const b = normalizeLabel(doc.titleBlock?.business ?? doc.title ?? '').replace(/业务流程图$|流程图$/, '');
  if (!b) return '系统';
  return /管理$|系统$/.test(b) ? b : `${b}管理`;
}

/** An entity's name guessed from collected data: 用户需求 → 用户 (an inference). */
function sourceOf(label: string): string {
  const s = label.replace(/(的)?(需求|资料|信息|情况|数据|意见|要求)$/, '');
  return s && s !== label ? s : `${label}的提供者`;
}

export function bfcToDfd(bfc: BfcDocument, opts: BfcToDfdOptions = {}): BfcToDfdResult {
  const en = opts.locale === 'en';
  const todo: string[] = [];
  const lanes = new Map(bfc.lanes.map((l) => [l.id, l]));
  const outside = (n: BfcNode) => n.lane !== undefined && lanes.get(n.lane)?.external === true;
  const byId = new Map(bfc.nodes.map((n) => [n.id, n]));
  const flows = bfc.flows.filter((f) => byId.has(f.from) && byId.has(f.to) && f.from !== f.to);
  const ins = new Map<string, BfcFlow[]>();
  const outs = new Map<string, BfcFlow[]>();
  for (const f of flows) {
    (ins.get(f.to) ?? ins.set(f.to, []).get(f.to)!).push(f);
    (outs.get(f.from) ?? outs.set(f.from, []).get(f.from)!).push(f);
  }

  // DFD nodes: entities (external lanes, and sources of collected data), processes, stores.
  const nodes: DfdNode[] = [];
  const entityOfLane = new Map<string, DfdNode>();
  const entityByName = new Map<string, DfdNode>();
  const dfdOf = new Map<string, DfdNode>(); // BFC symbol id → the DFD node that stands for it
  let e = 0;
  let p = 0;
  let d = 0;
  const entity = (label: string): DfdNode => {
    const key = normalizeLabel(label);
    let n = entityByName.get(key);
    if (!n) {
      e++;
      n = { id: `e${e}`, kind: 'entity', label: key, code: `E${e}` };
      entityByName.set(key, n);
      nodes.push(n);
    }
    return n;
  };
  for (const l of bfc.lanes) if (l.external) entityOfLane.set(l.id, entity(l.label));
  for (const n of bfc.nodes) {
    // A book is a store whoever keeps it; any other symbol of an outside unit is that unit.
    if (outside(n) && n.kind !== 'store') {
      dfdOf.set(n.id, entityOfLane.get(n.lane!)!);
      continue;
    }
    if (n.kind === 'process') {
      p++;
      const node: DfdNode = { id: `p${p}`, kind: 'process', label: normalizeLabel(n.label), code: `P${p}` };
      const lane = n.lane !== undefined ? lanes.get(n.lane) : undefined;
      if (lane) node.owner = normalizeLabel(lane.label);
      nodes.push(node);
      dfdOf.set(n.id, node);
    } else if (n.kind === 'store' || (n.kind === 'form' && !(ins.get(n.id) ?? []).length)) {
      d++;
      const node: DfdNode = { id: `d${d}`, kind: 'store', label: normalizeLabel(n.label), code: `D${d}` };
      nodes.push(node);
      dfdOf.set(n.id, node);
      if (n.kind === 'form')
        todo.push(
          en
            ? `Form "${node.label}" is made by no one in the chart: the draft makes it a data store that is read; decide whether it comes from an external entity or a store`
            : `单据「${node.label}」在图中没有制作者：草稿把它画成一个被读取的数据存储；决定它来自哪个外部实体还是哪个数据存储`,
        );
    } else if (n.kind === 'collect') {
      const src = entity(sourceOf(normalizeLabel(n.label)));
      dfdOf.set(n.id, src);
      todo.push(
        en
          ? `"${normalizeLabel(n.label)}" is collected data: the draft draws it as a flow from the external entity "${src.label}" (guessed from its name); confirm the source, or make it a data store if it is kept inside the system`
          : `「${normalizeLabel(n.label)}」是收集资料：草稿把它画成来自外部实体「${src.label}」的数据流（按名称推测），请确认来源；若它保存在系统内部，改成一个数据存储`,
      );
    }
  }

  // The document a step received (for naming its conditional outputs).
  const received = new Map<string, string>();
  const receivedBy = (id: string, seen = new Set<string>()): string => {
    if (received.has(id)) return received.get(id)!;
    if (seen.has(id)) return '';
    seen.add(id);
    let out = '';
    for (const f of ins.get(id) ?? []) {
      const src = byId.get(f.from)!;
      if (src.kind === 'form') out = normalizeLabel(src.label);
      else if (src.kind === 'process' && !f.condition && f.label && !GOODS.test(f.label)) out = normalizeLabel(f.label);
      else if (src.kind === 'process') out = receivedBy(src.id, seen);
      if (out) break;
    }
    received.set(id, out);
    return out;
  };
  const bare = (s: string) => s.replace(/^(不?合格)/, '');

  // DFD flows, level 0.
  const level: DfdFlow[] = [];
  const seen = new Set<string>();
  let fc = 0;
  const add = (from: DfdNode | undefined, to: DfdNode | undefined, label: string) => {
    if (!from || !to || from === to) return;
    if (from.kind !== 'process' && to.kind !== 'process') return; // data moves only through a process
    const key = `${from.id}\u0000${to.id}\u0000${label}`;
    if (seen.has(key)) return;
    seen.add(key);
    fc++;
    const f: DfdFlow = { id: `f${fc}`, from: from.id, to: to.id };
    if (label) f.label = label;
    level.push(f);
  };
  const named: string[] = [];
  const goods = new Set<string>();
  /** Where a line leaving `id` ends up: through forms to the symbols that receive them. */
  const consumers = (id: string, trail = new Set<string>()): BfcNode[] => {
    const n = byId.get(id)!;
    if (n.kind !== 'form' || dfdOf.has(id)) return [n];
    if (trail.has(id)) return [];
    trail.add(id);
    return (outs.get(id) ?? []).flatMap((f) => consumers(f.to, trail));
  };
  for (const f of flows) {
    const a = byId.get(f.from)!;
    const b = byId.get(f.to)!;
    if (a.kind === 'form' && !dfdOf.has(a.id)) continue; // handled from the form's maker
    if (b.kind === 'form' && !dfdOf.has(b.id)) {
      // A form: from its maker to whoever receives it, named by the form.
      const label = normalizeLabel(b.label);
      if (GOODS.test(label) || label.includes('/')) goods.add(label);
      for (const c of consumers(b.id)) add(dfdOf.get(a.id), dfdOf.get(c.id), label);
      continue;
    }
    const from = dfdOf.get(a.id);
    const to = dfdOf.get(b.id);
    if (!from || !to) continue;
    if (from.kind === 'store' || to.kind === 'store') {
      // Direction from the verb: 查询 reads; 登记 writes; 更新, 修改 read and write.
      const verb = `${f.label ?? ''}${f.condition ?? ''}`;
      if (to.kind === 'store' && READ_WRITE.test(verb)) add(to, from, '');
      if (from.kind === 'store' && WRITE.test(verb) && !READ.test(verb)) {
        add(to, from, '');
        continue;
      }
      add(from, to, a.kind === 'form' ? normalizeLabel(a.label) : '');
      continue;
    }
    let label = '';
    if (a.kind === 'form') label = normalizeLabel(a.label);
    else if (f.condition) {
      // 合格 / 不合格 + the document; another condition counts as one of the two (必须报损 → 合格).
      const cond = normalizeLabel(f.condition);
      const state = /^不?合格/.test(cond) ? cond.match(/^不?合格/)![0] : /^(不|未|否|没|无)/.test(cond) ? '不合格' : '合格';
      label = `${state}${bare(receivedBy(a.id))}`;
      named.push(label);
    } else if (f.label && !GOODS.test(f.label)) label = normalizeLabel(f.label);
    else if (f.label) {
      goods.add(normalizeLabel(f.label));
      label = receivedBy(a.id);
    } else label = receivedBy(a.id);
    add(from, to, label);
  }

  const external = bfc.lanes.filter((l) => l.external).map((l) => normalizeLabel(l.label));
  const inside = bfc.lanes.filter((l) => !l.external).map((l) => normalizeLabel(l.label));
  todo.unshift(
    en
      ? `System boundary: ${external.length ? `${external.join(', ')} ${external.length > 1 ? 'are' : 'is'} outside the system (external entities)` : 'no unit is marked as outside the system'}; ${inside.join(', ')} perform the processes. If a unit is really outside (or inside), change its "external" mark in the business flow chart and derive again`
      : `系统边界：${external.length ? `${external.join('、')}在系统之外，成为外部实体` : '没有单位标为系统之外'}；${inside.join('、')}是处理的执行者。若某个单位其实在系统之外（或之内），在业务流程图中改它的「外部」标记后重新生成`,
    en
      ? 'Name each process with a verb and its object (验货 → 检验货物); merge closely linked steps into one process where it reads better'
      : '把每个处理改成动宾结构的名称（如「验货」→「检验货物」）；紧密相连的几个环节可以合并成一个处理',
  );
  for (const label of [...new Set(named)])
    todo.push(
      en
        ? `The flow "${label}" is named after a branch condition and the document the step received: check the name (one document in two states gets two names)`
        : `数据流「${label}」按分支条件和这一步收到的单据命名：核对名称（同一张单据处理后状态不同，名称也不同）`,
    );
  for (const g of goods)
    todo.push(
      en ? `"${g}" names goods: a DFD draws only the documents that travel with goods; rename or remove` : `「${g}」含有货物：数据流程图只画随货物流动的单据，请改名或删去货物`,
    );
  const unnamed = level.filter((f) => !f.label && nodes.find((n) => n.id === f.from)!.kind !== 'store' && nodes.find((n) => n.id === f.to)!.kind !== 'store');
  for (const f of unnamed) {
    const a = nodes.find((n) => n.id === f.from)!;
    const b = nodes.find((n) => n.id === f.to)!;
    todo.push(en ? `Name the data flow from "${a.label}" to "${b.label}"` : `给「${a.label}」流向「${b.label}」的数据流起名`);
  }
  if (nodes.some((n) => n.kind === 'store'))
    todo.push(
      en
        ? 'Store directions follow the verbs beside the lines (查询 reads, 登记 writes, 更新/修改 read and write): check each, and name the store flows where it helps'
        : '数据存储的读写方向按线旁的动词推断（查询是读出，登记是写入，更新、修改是先读后写）：逐条确认，需要时给数据流起名',
    );
  if (p > 7) todo.push(en ? `${p} processes: decompose into child diagrams (levelling and balancing)` : `共 ${p} 个处理：分解成子图（见“分层与平衡”）`);
  todo.push(en ? 'Write a data dictionary entry for each element' : '为每个成分写数据字典条目');

  const levelNodes = nodes.filter((n) => n.kind !== 'entity' || level.some((f) => f.from === n.id || f.to === n.id));
  const title = normalizeLabel(bfc.titleBlock?.business ?? bfc.title ?? '').replace(/业务流程图$/, '');
  const level0: DfdDiagram = { id: 'level0', title: en ? 'Level 0' : '0 层图', refines: { diagram: 'context', process: 'p0' }, nodes: levelNodes, flows: level };
  const diagrams: DfdDiagram[] = [contextDiagram(level0, systemName(bfc), en), level0];
  const doc: DfdDocument = {
    format: 'flowbook-dfd',
    version: 1,
    title: en ? `${title || 'Chart'}: data flow diagram (draft)` : `${title || '业务'}数据流程图（草稿）`,
    diagrams,
    derivedFrom: { format: 'flowbook-bfc', title: bfc.title ?? bfc.titleBlock?.business ?? '' },
  };
  return { doc, todo };
}

/**
 * The context diagram of a level-0 diagram (the learn page's step 2): one process P0 named `name`,
 * the entities, and one flow for each distinct entity–process flow of level 0 (same direction and
 * name), so the two levels balance. Run again after editing level 0.
 */
export function contextDiagram(level0: DfdDiagram, name: string, en = false): DfdDiagram {
  const byId = new Map(level0.nodes.map((n) => [n.id, n]));
  const nodes: DfdNode[] = [{ id: 'p0', kind: 'process', label: name, code: 'P0' }];
  const flows: DfdFlow[] = [];
  const seen = new Set<string>();
  for (const n of level0.nodes) if (n.kind === 'entity' && level0.flows.some((f) => f.from === n.id || f.to === n.id)) nodes.push({ ...n });
  for (const f of level0.flows) {
    const a = byId.get(f.from);
    const b = byId.get(f.to);
    if (!a || !b) continue;
    const ent = a.kind === 'entity' && b.kind === 'process' ? a : b.kind === 'entity' && a.kind === 'process' ? b : undefined;
    if (!ent) continue;
    const into = ent === a;
    const key = `${ent.id}\u0000${into}\u0000${f.label ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cf: DfdFlow = { id: `c${flows.length + 1}`, from: into ? ent.id : 'p0', to: into ? 'p0' : ent.id };
    if (f.label) cf.label = f.label;
    flows.push(cf);
  }
  return { id: 'context', title: en ? 'Context diagram' : '顶层图', level: 'context', nodes, flows };
}

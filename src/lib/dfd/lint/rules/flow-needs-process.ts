import type { RuleDefinition } from '../types.ts';
import { describeFlow, describeNode } from '../../model.ts';

/** A flow with no process at either end: entity→entity, entity→store, store→entity, store→store. */
const rule: RuleDefinition = {
  id: 'flow-needs-process',
  title: { 'zh-CN': '数据流至少有一端是处理', en: 'A flow needs a process at one end' },
  create({ index, report }) {
    return {
      diagram(di) {
        for (let k = di.flowStart; k < di.flowEnd; k++) {
          const a = index.from[k]!;
          const b = index.to[k]!;
          if (a < 0 || b < 0) continue;
          const flow = index.flows[k]!;
          const from = index.nodes[a]!;
          const to = index.nodes[b]!;
          if (from.kind === 'process' || to.kind === 'process') continue;
          report({
            diagram: di.diagram.id,
            element: flow.id,
            message: (l) => (l === 'en' ? `${describeFlow(flow, di, 'en')} goes straight from ${describeNode(from, 'en')} to ${describeNode(to, 'en')} with no process between: data moves only through a process` : `${describeFlow(flow, di, 'zh-CN')}从${describeNode(from, 'zh-CN')}直接流向${describeNode(to, 'zh-CN')}，中间没有处理：数据只能经由处理流动`),
          });
        }
      },
    };
  },
};
export default rule;

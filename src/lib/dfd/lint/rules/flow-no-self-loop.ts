import type { RuleDefinition } from '../types.ts';
import { describeFlow, describeNode } from '../../model.ts';

/** A flow whose `from` and `to` are the same node. */
const rule: RuleDefinition = {
  id: 'flow-no-self-loop',
  title: { 'zh-CN': '数据流不能首尾相接于同一节点', en: 'No flow from a node to itself' },
  check({ index, report }) {
    for (const di of index.list) {
      for (const { flow, from, to } of di.resolvedFlows) {
        if (from !== to) continue;
        report({
          diagram: di.diagram.id,
          element: flow.id,
          message: (l) => (l === 'en' ? `${describeFlow(flow, di, 'en')} goes from ${describeNode(from, 'en')} back to itself` : `${describeFlow(flow, di, 'zh-CN')}从${describeNode(from, 'zh-CN')}流回它自己`),
        });
      }
    }
  },
};
export default rule;

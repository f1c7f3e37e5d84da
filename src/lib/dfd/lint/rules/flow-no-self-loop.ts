import type { RuleDefinition } from '../types.ts';
import { describeFlow, describeNode } from '../../model.ts';

/** A flow whose `from` and `to` are the same node. */
const rule: RuleDefinition = {
  id: 'flow-no-self-loop',
  title: { 'zh-CN': '数据流不能首尾相接于同一节点', en: 'No flow from a node to itself' },
  create({ index, report }) {
    return {
      diagram(di) {
        for (let k = di.flowStart; k < di.flowEnd; k++) {
          const a = index.from[k]!;
          const b = index.to[k]!;
          if (a < 0 || b < 0 || a !== b) continue;
          const flow = index.flows[k]!;
          const from = index.nodes[a]!;
          report({
            diagram: di.diagram.id,
            element: flow.id,
            message: (l) =>
              l === 'en'
                ? `${describeFlow(flow, di, 'en')} goes from ${describeNode(from, 'en')} back to itself`
                : `${describeFlow(flow, di, 'zh-CN')}从${describeNode(from, 'zh-CN')}流回它自己`,
          });
        }
      },
    };
  },
};
export default rule;

import type { RuleDefinition } from '../types.ts';
import { describeFlow } from '../../model.ts';

/** A flow's `from` or `to` names no node of its diagram. */
const rule: RuleDefinition = {
  id: 'flow-endpoints',
  title: { 'zh-CN': '数据流的两端必须是本图中的节点', en: 'Flow ends must be nodes of the diagram' },
  create({ index, report }) {
    return {
      diagram(di) {
        for (let k = di.flowStart; k < di.flowEnd; k++) {
          const badFrom = index.from[k]! < 0;
          const badTo = index.to[k]! < 0;
          if (!badFrom && !badTo) continue;
          const f = index.flows[k]!;
          const zhWhich = badFrom && badTo ? `起点 "${f.from}" 和终点 "${f.to}" 都` : badFrom ? `起点 "${f.from}" ` : `终点 "${f.to}" `;
          const enWhich = badFrom && badTo ? `start "${f.from}" and end "${f.to}" are not nodes` : badFrom ? `start "${f.from}" is not a node` : `end "${f.to}" is not a node`;
          report({
            diagram: di.diagram.id,
            element: f.id,
            message: (l) => (l === 'en' ? `${describeFlow(f, di, 'en')}: its ${enWhich} of this diagram` : `${describeFlow(f, di, 'zh-CN')}的${zhWhich}不是本图中的节点`),
          });
        }
      },
    };
  },
};
export default rule;

import type { RuleDefinition } from '../types.ts';
import { describeNode } from '../../model.ts';

/** An external entity that no flow of its diagram touches. */
const rule: RuleDefinition = {
  id: 'entity-connected',
  title: { 'zh-CN': '外部实体要与数据流相连', en: 'An external entity is connected' },
  create({ index, report }) {
    return {
      diagram(di) {
        for (let g = di.nodeStart; g < di.nodeEnd; g++) {
          const n = index.nodes[g]!;
          if (n.kind !== 'entity' || index.inDegree(g) > 0 || index.outDegree(g) > 0) continue;
          report({
            diagram: di.diagram.id,
            element: n.id,
            message: (l) => (l === 'en' ? `${describeNode(n, 'en')} is not connected to any flow` : `${describeNode(n, 'zh-CN')}没有连接任何数据流`),
          });
        }
      },
    };
  },
};
export default rule;

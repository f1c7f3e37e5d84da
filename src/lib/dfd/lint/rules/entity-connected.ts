import type { RuleDefinition } from '../types.ts';
import { describeNode } from '../../model.ts';

/** An external entity that no flow of its diagram touches. */
const rule: RuleDefinition = {
  id: 'entity-connected',
  title: { 'zh-CN': '外部实体要与数据流相连', en: 'An external entity is connected' },
  check({ index, report }) {
    for (const di of index.list) {
      for (const n of di.diagram.nodes) {
        if (n.kind !== 'entity' || di.in(n.id).length > 0 || di.out(n.id).length > 0) continue;
        report({
          diagram: di.diagram.id,
          element: n.id,
          message: (l) => (l === 'en' ? `${describeNode(n, 'en')} is not connected to any flow` : `${describeNode(n, 'zh-CN')}没有连接任何数据流`),
        });
      }
    }
  },
};
export default rule;

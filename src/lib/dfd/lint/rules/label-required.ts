import type { RuleDefinition } from '../types.ts';
import { describeNode } from '../../model.ts';

/** An entity, process or store whose label is blank. */
const rule: RuleDefinition = {
  id: 'label-required',
  title: { 'zh-CN': '外部实体、处理和数据存储必须有名称', en: 'Entities, processes and stores need a name' },
  create({ index, report }) {
    return {
      diagram(di) {
        for (let g = di.nodeStart; g < di.nodeEnd; g++) {
          if (index.nodeLabel[g] !== 0) continue;
          const n = index.nodes[g]!;
          report({
            diagram: di.diagram.id,
            element: n.id,
            message: (l) => (l === 'en' ? `${describeNode(n, 'en')} has no name` : `${describeNode(n, 'zh-CN')}没有名称`),
          });
        }
      },
    };
  },
};
export default rule;

import type { RuleDefinition } from '../types.ts';
import { describeNode } from '../../model.ts';
import { isBlank } from '../../text.ts';

/** An entity, process or store whose label is blank. */
const rule: RuleDefinition = {
  id: 'label-required',
  title: { 'zh-CN': '外部实体、处理和数据存储必须有名称', en: 'Entities, processes and stores need a name' },
  check({ index, report }) {
    for (const di of index.list) {
      for (const n of di.diagram.nodes) {
        if (!isBlank(n.label)) continue;
        report({
          diagram: di.diagram.id,
          element: n.id,
          message: (l) => (l === 'en' ? `${describeNode(n, 'en')} has no name` : `${describeNode(n, 'zh-CN')}没有名称`),
        });
      }
    }
  },
};
export default rule;

import type { RuleDefinition } from '../types.ts';
import { describeDiagram, describeNode } from '../../model.ts';

/** A context diagram that contains a data store. One finding per store. */
const rule: RuleDefinition = {
  id: 'context-no-store',
  title: { 'zh-CN': '顶层图中不画数据存储', en: 'No data store in a context diagram' },
  create({ report }) {
    return {
      diagram(di) {
        if (di.diagram.level !== 'context') return;
        for (const n of di.diagram.nodes) {
          if (n.kind !== 'store') continue;
          report({
            diagram: di.diagram.id,
            element: n.id,
            message: (l) =>
              l === 'en'
                ? `${describeDiagram(di.diagram, 'en', 'context')} should not contain ${describeNode(n, 'en')}: stores are inside the system and belong in lower-level diagrams`
                : `${describeDiagram(di.diagram, 'zh-CN', 'context')}中不应有${describeNode(n, 'zh-CN')}：数据存储在系统内部，应画在下层图中`,
          });
        }
      },
    };
  },
};
export default rule;

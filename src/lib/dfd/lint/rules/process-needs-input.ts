import type { RuleDefinition } from '../types.ts';
import { describeNode } from '../../model.ts';

/**
 * A process with no incoming flow (a "miracle"). A flow from the process to itself does not count;
 * a sibling process repeated as a child's boundary is no process of the child and is skipped.
 */
const rule: RuleDefinition = {
  id: 'process-needs-input',
  title: { 'zh-CN': '处理必须有输入数据流（无“奇迹”）', en: 'A process needs an input (no miracle)' },
  create({ index, report }) {
    return {
      diagram(di) {
        for (let g = di.nodeStart; g < di.nodeEnd; g++) {
          const n = index.nodes[g]!;
          if (!index.isOwnProcess(di, g) || index.hasInput(g)) continue;
          report({
            diagram: di.diagram.id,
            element: n.id,
            message: (l) => (l === 'en' ? `${describeNode(n, 'en')} has no incoming flow (a miracle)` : `${describeNode(n, 'zh-CN')}没有输入数据流（奇迹）`),
          });
        }
      },
    };
  },
};
export default rule;

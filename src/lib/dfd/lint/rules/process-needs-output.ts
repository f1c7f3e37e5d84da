import type { RuleDefinition } from '../types.ts';
import { describeNode } from '../../model.ts';

/**
 * A process with no outgoing flow (a "black hole"). A flow from the process to itself does not
 * count; a sibling process repeated as a child's boundary is no process of the child and is skipped.
 */
const rule: RuleDefinition = {
  id: 'process-needs-output',
  title: { 'zh-CN': '处理必须有输出数据流（无“黑洞”）', en: 'A process needs an output (no black hole)' },
  create({ index, report }) {
    return {
      diagram(di) {
        for (let g = di.nodeStart; g < di.nodeEnd; g++) {
          const n = index.nodes[g]!;
          if (!index.isOwnProcess(di, g) || index.hasOutput(g)) continue;
          report({
            diagram: di.diagram.id,
            element: n.id,
            message: (l) => (l === 'en' ? `${describeNode(n, 'en')} has no outgoing flow (a black hole)` : `${describeNode(n, 'zh-CN')}没有输出数据流（黑洞）`),
          });
        }
      },
    };
  },
};
export default rule;

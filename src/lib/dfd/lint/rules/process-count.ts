import type { RuleDefinition } from '../types.ts';
import { describeDiagram } from '../../model.ts';

export const MAX_PROCESSES = 9;

/** A diagram with more than 9 processes (7±2). */
const rule: RuleDefinition = {
  id: 'process-count',
  title: { 'zh-CN': '一张图的处理不超过 9 个（7±2）', en: 'At most 9 processes a diagram (7±2)' },
  create({ index, report }) {
    return {
      diagram(di) {
        let count = 0; // a child's boundary processes are not its own
        for (let g = di.nodeStart; g < di.nodeEnd; g++) if (index.isOwnProcess(di, g)) count++;
        if (count <= MAX_PROCESSES) return;
        report({
          diagram: di.diagram.id,
          message: (l) =>
            l === 'en'
              ? `${describeDiagram(di.diagram, 'en')} has ${count} processes, more than ${MAX_PROCESSES}: group some and refine them in a lower level`
              : `${describeDiagram(di.diagram, 'zh-CN')}有 ${count} 个处理，超过 ${MAX_PROCESSES} 个：请把一部分合并后放到下一层分解`,
        });
      },
    };
  },
};
export default rule;

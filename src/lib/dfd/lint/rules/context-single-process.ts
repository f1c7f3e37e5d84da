import type { RuleDefinition } from '../types.ts';
import { describeDiagram } from '../../model.ts';

/** A diagram with `level: "context"` that has not exactly one process. */
const rule: RuleDefinition = {
  id: 'context-single-process',
  title: { 'zh-CN': '顶层图（关联图）只有一个处理', en: 'A context diagram has exactly one process' },
  create({ report }) {
    return {
      diagram(di) {
        const d = di.diagram;
        if (d.level !== 'context') return;
        const count = d.nodes.reduce((k, n) => k + (n.kind === 'process' ? 1 : 0), 0);
        if (count === 1) return;
        report({
          diagram: d.id,
          message: (l) =>
            l === 'en'
              ? `${describeDiagram(d, 'en', 'context')} should have exactly one process (the system); it has ${count}`
              : `${describeDiagram(d, 'zh-CN', 'context')}应只有一个处理（代表整个系统），现有 ${count} 个`,
        });
      },
    };
  },
};
export default rule;

import type { BfcRuleDefinition } from '../types.ts';
import { describeBfcNode } from '../../model.ts';

/** A 业务处理 (process) outside every unit. */
const rule: BfcRuleDefinition = {
  id: 'process-in-lane',
  severity: 'error',
  title: { 'zh-CN': '每个业务处理都属于一个业务处理单位', en: 'Every processing step belongs to a unit' },
  why: {
    'zh-CN':
      '业务流程图描述的是“哪个单位做了什么”：读图时每经过一个方框，都要说得出是哪个单位做的。处理方框不在任何单位之内，是教材列出的常见错误“处理没有单位”；把它拖进做这项工作的单位那一栏即可。',
    en: 'A business flow chart says which unit does what: at every box the reader must be able to name the unit that does it. A processing step outside every unit is the common mistake the textbook calls "a process with no unit"; drag it into the lane of the unit that does the work.',
  },
  check({ doc, report }) {
    for (const n of doc.nodes) {
      if (n.kind !== 'process' || n.lane !== undefined) continue;
      report({
        element: n.id,
        message: (l) => (l === 'en' ? `${describeBfcNode(n, 'en')} is outside every unit: who does it?` : `${describeBfcNode(n, 'zh-CN')}不在任何业务处理单位之内：是谁做的？`),
      });
    }
  },
};
export default rule;

import type { BfcRuleDefinition } from '../types.ts';
import { describeBfcNode } from '../../model.ts';

/** A symbol whose `lane` names no lane of the chart. */
const rule: BfcRuleDefinition = {
  id: 'lane-exists',
  severity: 'error',
  title: { 'zh-CN': '符号所属的业务处理单位必须在图上', en: "A symbol's unit is on the chart" },
  why: {
    'zh-CN':
      '业务流程图的第一个特点是：业务经过的每个单位都画在图上。符号写明属于某个单位，而图上找不到这个单位，读图的人就不知道这一步是谁做的；通常是单位被删掉或改了 id，而它的符号还留着。',
    en: 'The first mark of a business flow chart is that every unit the business passes through is drawn on it. A symbol that belongs to a unit the chart does not show leaves the reader unable to say who does the step; usually the unit was deleted or its id changed while its symbols stayed.',
  },
  check({ doc, index, report }) {
    for (const n of doc.nodes) {
      if (n.lane === undefined || index.lanes.has(n.lane)) continue;
      const lane = n.lane;
      report({
        element: n.id,
        message: (l) =>
          l === 'en' ? `${describeBfcNode(n, 'en')} belongs to unit "${lane}", which is not on the chart` : `${describeBfcNode(n, 'zh-CN')}属于单位「${lane}」，但图上没有这个单位`,
      });
    }
  },
};
export default rule;

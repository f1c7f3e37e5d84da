import type { BfcRuleDefinition } from '../types.ts';
import { describeBfcNode } from '../../model.ts';

/** A form that belongs to no unit and that nothing on the chart makes or passes on. */
const rule: BfcRuleDefinition = {
  id: 'form-produced',
  severity: 'warning',
  title: { 'zh-CN': '每张单据都看得出从哪里来', en: 'Every form shows where it comes from' },
  why: {
    'zh-CN':
      '业务流程图描述单据、报表从产生到处理完毕的全过程，所以每张单据都要看得出是谁制作或交来的：要么由某一步处理制作（有连线指向它），要么放在交来它的单位那一栏里（例如供应商送来的发货单）。既不属于任何单位、也没有线指向它的单据，说不出它的来历。',
    en: "A business flow chart follows every form from the moment it is made until it is dealt with, so every form must show who made it or brought it in: either a step makes it (a line leads into it), or it sits in the lane of the unit that brings it (such as a supplier's delivery note). A form that belongs to no unit and that no line leads into has no origin on the chart.",
  },
  check({ doc, index, report }) {
    for (const n of doc.nodes) {
      if (n.kind !== 'form' || n.lane !== undefined) continue;
      const produced = index.in.get(n.id)?.some((f) => f.from !== n.id && index.nodes.has(f.from));
      const used = index.out.get(n.id)?.some((f) => f.to !== n.id && index.nodes.has(f.to));
      if (produced || !used) continue; // not joined at all: node-connected says so
      report({
        element: n.id,
        message: (l) =>
          l === 'en'
            ? `${describeBfcNode(n, 'en')} belongs to no unit and no step makes it: where does it come from?`
            : `${describeBfcNode(n, 'zh-CN')}不属于任何单位，也没有哪一步制作它：它从哪里来？`,
      });
    }
  },
};
export default rule;

import type { BfcRuleDefinition } from '../types.ts';
import { describeBfcNode } from '../../model.ts';

/**
 * A form that goes nowhere: no outgoing flow, and not handed to another unit (it does not sit in a
 * lane other than the lanes of the steps that make it).
 */
const rule: BfcRuleDefinition = {
  id: 'form-used',
  severity: 'warning',
  title: { 'zh-CN': '每张单据都看得出交给了谁', en: 'Every form shows where it goes' },
  why: {
    'zh-CN':
      '“单据只有来没有去”是教材列出的常见错误：一张单据画出来了，却看不出交给了谁、最后存在哪里。每张单据都应当有去处：有连线把它交给下一步处理或存入帐簿、档案，或者放在接收它的单位那一栏里（例如交给供应商的采购订货单）。',
    en: 'A form that arrives but never leaves is a common mistake the textbook lists: the form is drawn, but nothing shows whom it is handed to or where it is finally kept. Every form needs somewhere to go: a line that hands it to the next step or files it in a book, or a place in the lane of the unit that receives it (such as the purchase order sent to the supplier).',
  },
  check({ doc, index, report }) {
    for (const n of doc.nodes) {
      if (n.kind !== 'form') continue;
      if (index.out.get(n.id)?.some((f) => f.to !== n.id && index.nodes.has(f.to))) continue;
      const makers = (index.in.get(n.id) ?? []).map((f) => index.nodes.get(f.from)).filter((m) => m !== undefined && m.id !== n.id);
      if (makers.length === 0) continue; // not joined at all (node-connected), or only a dangling line (flow-endpoints)
      const handedOn = n.lane !== undefined && makers.some((m) => m!.lane !== undefined && m!.lane !== n.lane);
      if (handedOn) continue;
      report({
        element: n.id,
        message: (l) =>
          l === 'en'
            ? `${describeBfcNode(n, 'en')} goes nowhere: hand it to the next step or unit, or file it in a store`
            : `${describeBfcNode(n, 'zh-CN')}只有来没有去：看不出交给了谁、最后存在哪里`,
      });
    }
  },
};
export default rule;

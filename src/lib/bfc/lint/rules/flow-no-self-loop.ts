import type { BfcRuleDefinition } from '../types.ts';
import { describeBfcFlow, describeBfcNode } from '../../model.ts';

/** A flow that ends where it starts. */
const rule: BfcRuleDefinition = {
  id: 'flow-no-self-loop',
  severity: 'error',
  title: { 'zh-CN': '连线不能回到出发的符号', en: 'A flow does not end where it starts' },
  why: {
    'zh-CN':
      '业务流程图上的流动路线与实际的业务处理过程完全一致，每条线都把单据或信息交给下一步。从一个符号出发又回到它自己的线什么也没有传递；如果业务要“退回重做”，应当画出退回给哪个单位、由哪一步重新处理。',
    en: 'The routes on a business flow chart follow the real business exactly, and every line hands a form or information on to the next step. A line from a symbol back to itself passes nothing on; where the business sends work back to be redone, draw which unit it goes back to and which step redoes it.',
  },
  check({ doc, index, report }) {
    for (const f of doc.flows) {
      const n = index.nodes.get(f.from);
      if (f.from !== f.to || !n) continue;
      report({
        element: f.id,
        message: (l) =>
          l === 'en'
            ? `${describeBfcFlow(f, index.nodes, 'en', false)} goes from ${describeBfcNode(n, 'en')} back to itself`
            : `${describeBfcFlow(f, index.nodes, 'zh-CN', false)}从${describeBfcNode(n, 'zh-CN')}出发又回到它自己`,
      });
    }
  },
};
export default rule;

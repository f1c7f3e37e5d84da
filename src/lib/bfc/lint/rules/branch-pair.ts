import type { BfcRuleDefinition } from '../types.ts';
import { normalizeLabel } from '../../../dfd/text.ts';
import { describeBfcNode } from '../../model.ts';

/**
 * A symbol with a conditional outgoing flow needs at least two outgoing flows with different
 * conditions: a branch written beside one line only leaves the other case undrawn.
 */
const rule: BfcRuleDefinition = {
  id: 'branch-pair',
  severity: 'error',
  title: { 'zh-CN': '分支至少有两条写明条件的路线', en: 'A branch has at least two labelled routes' },
  why: {
    'zh-CN':
      '业务流程图没有判断框：业务走向不同分支时，把条件写在连线旁边，例如“合格”“不合格”。只写了一个条件，等于只画了“合格”的路线，漏掉了另一种情况退回、重做的路线，这是教材列出的常见错误“漏掉分支”；两条线写了同一个条件，也分不出各走哪条。',
    en: 'A business flow chart has no decision box: where the business branches, each condition is written beside its line, such as 合格 (passed) and 不合格 (failed). A condition on one line only draws the passed route and leaves out where failed work is sent back, the mistake the textbook calls "a missing branch"; two lines with the same condition cannot be told apart.',
  },
  check({ doc, index, report }) {
    for (const n of doc.nodes) {
      const conditions = (index.out.get(n.id) ?? []).map((f) => normalizeLabel(f.condition ?? '')).filter((c) => c !== '');
      if (conditions.length === 0) continue;
      const distinct = [...new Set(conditions)];
      if (distinct.length >= 2) continue;
      const c = distinct[0]!;
      report({
        element: n.id,
        message:
          conditions.length === 1
            ? (l) =>
                l === 'en'
                  ? `${describeBfcNode(n, 'en')} has one branch only, "${c}": draw the route for the other case with its condition`
                  : `${describeBfcNode(n, 'zh-CN')}只有一条分支「${c}」：另一种情况的路线和条件没有画出`
            : (l) =>
                l === 'en'
                  ? `the ${conditions.length} branches from ${describeBfcNode(n, 'en')} all have the condition "${c}": each route needs its own condition`
                  : `${describeBfcNode(n, 'zh-CN')}的 ${conditions.length} 条分支条件都是「${c}」：每条路线要写明各自的条件`,
      });
    }
  },
};
export default rule;

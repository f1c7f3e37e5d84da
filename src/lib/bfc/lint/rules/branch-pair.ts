import type { BfcRuleDefinition } from '../types.ts';
import { normalizeLabel } from '../../../dfd/text.ts';
import { describeBfcNode } from '../../model.ts';

/** Outcomes of a check, which always come in pairs (合格 / 不合格). */
const OUTCOME = /^不?(合格|通过|批准|同意|符合要求|符合|正确|有效|属实)$/u;

/** The other outcome of a check: 合格 → 不合格, 不通过 → 通过. */
export function otherOutcome(condition: string): string | undefined {
  if (!OUTCOME.test(condition)) return undefined;
  return condition.startsWith('不') ? condition.slice(1) : `不${condition}`;
}

/**
 * A branch point whose routes are not all told apart by a condition: a symbol with two or more
 * outgoing lines of which only one has a condition, or whose conditions are all the same; or a
 * single line whose condition is one outcome of a check (合格) with the other outcome (不合格)
 * drawn nowhere. A single line with a condition that is not a check's outcome ("库存不能满足需要")
 * is the precondition of the next step, not a branch.
 */
const rule: BfcRuleDefinition = {
  id: 'branch-pair',
  severity: 'error',
  title: { 'zh-CN': '分支至少有两条写明条件的路线', en: 'A branch has at least two labelled routes' },
  why: {
    'zh-CN':
      '业务流程图没有判断框：业务走向不同分支时，把条件写在各条连线旁边，例如“合格”“不合格”。一个符号送出几条线而只有一条写了条件，读图的人分不清其余的线在什么情况下走；几条线写了同一个条件，也分不出各走哪条；只画了“合格”一条路线，就漏掉了“不合格”时退回、重做的路线，这是教材列出的常见错误“漏掉分支”。只有一条线、条件是下一步的前提（如“库存不能满足需要”时才编制订货单）时，不算分支。',
    en: 'A business flow chart has no decision box: where the business branches, each condition is written beside its own line, such as 合格 (passed) and 不合格 (failed). When a symbol sends out several lines and only one has a condition, the reader cannot tell when the others are taken; lines with the same condition cannot be told apart; and a chart that draws only the passed route leaves out where failed work is sent back, the mistake the textbook calls "a missing branch". A single line whose condition is the precondition of the next step (an order is written only when the stock cannot meet the need) is not a branch.',
  },
  check({ doc, index, report }) {
    for (const n of doc.nodes) {
      const outs = (index.out.get(n.id) ?? []).filter((f) => f.to !== n.id && index.nodes.has(f.to));
      const conditions = outs.map((f) => normalizeLabel(f.condition ?? '')).filter((c) => c !== '');
      if (conditions.length === 0) continue;
      const distinct = [...new Set(conditions)];
      if (distinct.length >= 2) continue;
      const c = distinct[0]!;
      if (outs.length === 1) {
        const other = otherOutcome(c);
        if (other === undefined) continue;
        report({
          element: n.id,
          message: (l) =>
            l === 'en'
              ? `${describeBfcNode(n, 'en')} has only the route "${c}": where the work goes when "${other}" is not drawn`
              : `${describeBfcNode(n, 'zh-CN')}只有「${c}」一条路线：「${other}」时走向哪里没有画出`,
        });
      } else if (conditions.length === 1) {
        report({
          element: n.id,
          message: (l) =>
            l === 'en'
              ? `${describeBfcNode(n, 'en')} sends out ${outs.length} lines and only one has a condition, "${c}": write the condition of every route`
              : `${describeBfcNode(n, 'zh-CN')}送出 ${outs.length} 条线，只有一条写了条件「${c}」：每条路线都要写明条件`,
        });
      } else {
        report({
          element: n.id,
          message: (l) =>
            l === 'en'
              ? `the ${conditions.length} branches from ${describeBfcNode(n, 'en')} all have the condition "${c}": each route needs its own condition`
              : `${describeBfcNode(n, 'zh-CN')}的 ${conditions.length} 条分支条件都是「${c}」：每条路线要写明各自的条件`,
        });
      }
    }
  },
};
export default rule;

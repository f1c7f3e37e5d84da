import type { BfcRuleDefinition } from '../types.ts';
import { normalizeLabel } from '../../../dfd/text.ts';
import { describeBfcNode } from '../../model.ts';

const START_END = new Set(['开始', '结束', '起始', '终止', '开始处理', '处理结束', '流程开始', '流程结束', 'start', 'end', 'begin', 'stop']);

/** What kind of program-flowchart symbol a label looks like, or undefined. */
export function programSymbol(label: string): 'terminal' | 'decision' | undefined {
  const t = normalizeLabel(label).toLowerCase();
  if (START_END.has(t)) return 'terminal';
  if (/[?？]$/u.test(t) || /^(是否|判断|if\b)/u.test(t)) return 'decision';
  return undefined;
}

/** A symbol that is a program flowchart's start/end terminal or decision box written as text. */
const rule: BfcRuleDefinition = {
  id: 'no-program-flowchart',
  severity: 'warning',
  title: { 'zh-CN': '不画开始、结束和判断框', en: 'No start, end or decision boxes' },
  why: {
    'zh-CN':
      '业务流程图不是程序流程图：它描述的是单位和单据，只用六个基本符号，没有“开始”“结束”框，也没有菱形判断框。业务从哪里开始，由第一个单位和它的第一份单据说明；需要判断的地方，把这一步画成业务处理（如“审核货物”），把“合格”“不合格”等条件写在它引出的连线旁边。',
    en: 'A business flow chart is not a program flowchart: it shows units and forms with six symbols only, and has no start or end boxes and no decision diamond. Where the business starts is told by the first unit and its first form; where something is decided, draw the step as a processing step (such as 审核货物, check the goods) and write the conditions, such as passed and failed, beside the lines that leave it.',
  },
  check({ doc, report }) {
    for (const n of doc.nodes) {
      const kind = programSymbol(n.label);
      if (!kind) continue;
      report({
        element: n.id,
        message:
          kind === 'terminal'
            ? (l) =>
                l === 'en'
                  ? `${describeBfcNode(n, 'en')} is a program flowchart's start or end box: a business flow chart starts and ends with units and forms`
                  : `${describeBfcNode(n, 'zh-CN')}是程序流程图的开始或结束框：业务流程图从单位和单据开始、到单位和单据结束`
            : (l) =>
                l === 'en'
                  ? `${describeBfcNode(n, 'en')} reads like a decision box: name the step (such as "审核货物") and write the conditions beside its outgoing lines`
                  : `${describeBfcNode(n, 'zh-CN')}写成了判断框：把它写成一项处理（如「审核货物」），把条件写在它引出的连线旁`,
      });
    }
  },
};
export default rule;

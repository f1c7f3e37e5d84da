import type { BfcRuleDefinition } from '../types.ts';
import { isBlank } from '../../../dfd/text.ts';
import { describeBfcFlow, describeBfcNode } from '../../model.ts';

/**
 * Where a symbol sends out more than one line, each line that joins no form, collected data or
 * store (whose own names say what is passed or kept) says what it passes, or its condition.
 */
const rule: BfcRuleDefinition = {
  id: 'flow-label-required',
  severity: 'warning',
  title: { 'zh-CN': '一处送出几条线时写明各传什么', en: 'Several lines from one symbol say what each passes' },
  why: {
    'zh-CN':
      '信息传递的连线旁可以写传递的内容。连到单据、收集资料或帐簿的线，符号本身已经说明传的或记的是什么；但一个符号送出几条线、线的两端又都不是这几种符号时，不写内容就分不清每条线传的是什么，这是教材列出的常见错误“连线不写内容”。写上传递的信息（如“库存信息”），或写上分支条件。',
    en: 'The text beside an information line may say what it passes. A line to or from a form, collected data or a book is named by that symbol; but where one symbol sends out several lines and neither end of a line is one of these, an unlabelled line does not say what it passes, the textbook\'s common mistake of "lines with no content". Write what is passed (such as 库存信息, stock information) or the branch condition.',
  },
  check({ doc, index, report }) {
    const carries = (id: string) => {
      const k = index.nodes.get(id)?.kind;
      return k === 'form' || k === 'collect' || k === 'store';
    };
    for (const n of doc.nodes) {
      const outs = (index.out.get(n.id) ?? []).filter((f) => f.to !== n.id && index.nodes.has(f.to));
      if (outs.length < 2) continue;
      for (const f of outs) {
        if (!isBlank(f.label) || !isBlank(f.condition) || carries(f.from) || carries(f.to)) continue;
        report({
          element: f.id,
          message: (l) =>
            l === 'en'
              ? `${describeBfcFlow(f, index.nodes, 'en')} is one of ${outs.length} lines from ${describeBfcNode(n, 'en')}: write what it passes`
              : `${describeBfcFlow(f, index.nodes, 'zh-CN')}是${describeBfcNode(n, 'zh-CN')}送出的 ${outs.length} 条线之一：请写明它传递什么`,
        });
      }
    }
  },
};
export default rule;

import type { BfcRuleDefinition } from '../types.ts';
import { describeBfcNode } from '../../model.ts';

/** A symbol that no flow joins. */
const rule: BfcRuleDefinition = {
  id: 'node-connected',
  severity: 'error',
  title: { 'zh-CN': '每个符号都有连线', en: 'Every symbol is joined by a flow' },
  why: {
    'zh-CN':
      '业务流程图描述单据、报表从产生到处理完毕的过程，读图时顺着箭头走，每个符号都是路线上的一站。没有任何连线的符号不在路线上：看不出它什么时候发生、从哪一步得到什么、交给谁，要么把它接到业务的路线里，要么删掉。',
    en: 'A business flow chart follows forms and reports from the moment they are made until they are dealt with; the reader walks along the arrows, and every symbol is a stop on the way. A symbol that no line joins is on no route: nothing says when it happens, what it gets from which step or whom it hands on to. Join it to the route or delete it.',
  },
  check({ doc, index, report }) {
    for (const n of doc.nodes) {
      const out = index.out.get(n.id)?.some((f) => f.to !== n.id && index.nodes.has(f.to));
      const inn = index.in.get(n.id)?.some((f) => f.from !== n.id && index.nodes.has(f.from));
      if (out || inn) continue;
      report({
        element: n.id,
        message: (l) => (l === 'en' ? `${describeBfcNode(n, 'en')} is joined to no other symbol` : `${describeBfcNode(n, 'zh-CN')}没有和任何其他符号相连`),
      });
    }
  },
};
export default rule;

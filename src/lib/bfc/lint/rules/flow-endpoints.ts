import type { BfcRuleDefinition } from '../types.ts';

/** A flow whose start or end names no symbol. */
const rule: BfcRuleDefinition = {
  id: 'flow-endpoints',
  severity: 'error',
  title: { 'zh-CN': '连线两端都连着符号', en: 'Both ends of a flow are symbols' },
  why: {
    'zh-CN': '信息传递是带箭头的连线，表示单据或信息从哪里传到哪里。一端没有连到符号的线说不出传递的方向；通常是删掉符号后留下的线，要么重新连好，要么删掉。',
    en: 'An information flow is an arrow that says where a form or a piece of information goes from and to. A line with an end that is joined to no symbol says neither; it is usually left over from a deleted symbol: join it again or delete it.',
  },
  check({ doc, index, report }) {
    for (const f of doc.flows) {
      const missing = [f.from, f.to].filter((id, i, all) => !index.nodes.has(id) && all.indexOf(id) === i);
      if (missing.length === 0) continue;
      const zh = missing.map((m) => `「${m}」`).join('和');
      const en = missing.map((m) => `"${m}"`).join(' and ');
      report({
        element: f.id,
        message: (l) => (l === 'en' ? `flow ${f.id} is joined to ${en}, which is not a symbol of the chart` : `信息传递 ${f.id} 连着${zh}，但图上没有这个符号`),
      });
    }
  },
};
export default rule;

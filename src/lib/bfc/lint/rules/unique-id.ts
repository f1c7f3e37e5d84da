import type { BfcRuleDefinition } from '../types.ts';

/** An id used by more than one lane, symbol or flow: reported on every use after the first. */
const rule: BfcRuleDefinition = {
  id: 'unique-id',
  severity: 'error',
  title: { 'zh-CN': '每个单位、符号和连线的 id 互不相同', en: 'Every unit, symbol and flow has its own id' },
  why: {
    'zh-CN':
      '连线用 id 指明从哪个符号出发、到哪个符号为止，符号用 id 指明属于哪个业务处理单位，检查结果也用 id 指出出错的地方。两个元素共用一个 id 时，这些指向就说不清是哪一个，图上看起来对的连线可能连到了别处。',
    en: 'A flow names the symbols it joins by id, a symbol names its unit by id, and every finding points at an element by id. When two elements share an id, none of these references says which one is meant, and a line that looks right may be joined to something else.',
  },
  check({ doc, report }) {
    const seen = new Map<string, string>();
    const lists = [
      ['lanes', doc.lanes, '业务处理单位', 'unit'],
      ['nodes', doc.nodes, '符号', 'symbol'],
      ['flows', doc.flows, '信息传递', 'flow'],
    ] as const;
    for (const [, items, zh, en] of lists) {
      for (const item of items) {
        const first = seen.get(item.id);
        if (first === undefined) {
          seen.set(item.id, `${zh}|${en}`);
          continue;
        }
        const [fzh, fen] = first.split('|') as [string, string];
        report({
          element: item.id,
          message: (l) => (l === 'en' ? `the ${en} id "${item.id}" is already used by a ${fen}` : `${zh}的 id「${item.id}」已被另一个${fzh}使用`),
        });
      }
    }
  },
};
export default rule;

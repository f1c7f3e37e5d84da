import type { RuleDefinition } from '../types.ts';
import { describeNode } from '../../model.ts';
import { normalizeLabel } from '../../text.ts';

/**
 * A process that sends out a flow with the same label as one it receives: data passed on
 * unchanged, often a sign that the process does nothing. One finding per process.
 */
const rule: RuleDefinition = {
  id: 'io-name-differs',
  title: { 'zh-CN': '处理的输出应不同于输入', en: 'A process changes what it receives' },
  check({ index, report }) {
    // One set, cleared per process: linting allocates little, so large documents stay linear.
    const ins = new Set<string>();
    for (const di of index.list) {
      for (const n of di.diagram.nodes) {
        if (n.kind !== 'process') continue;
        const outs = di.out(n.id);
        if (outs.length === 0) continue;
        ins.clear();
        for (const f of di.in(n.id)) {
          if (f.from === n.id) continue;
          const l = normalizeLabel(f.label ?? '');
          if (l) ins.add(l);
        }
        if (ins.size === 0) continue;
        const same: string[] = [];
        for (const f of outs) {
          if (f.to === n.id) continue;
          const l = normalizeLabel(f.label ?? '');
          if (l && ins.has(l) && !same.includes(l)) same.push(l);
        }
        if (same.length === 0) continue;
        report({
          diagram: di.diagram.id,
          element: n.id,
          message: (l) => (l === 'en' ? `${describeNode(n, 'en')} passes on ${same.map((l) => `"${l}"`).join(', ')} unchanged: a process should turn its inputs into different outputs` : `${describeNode(n, 'zh-CN')}原样传出了它收到的${same.map((l) => `「${l}」`).join('、')}：处理应当把输入变成不同的输出`),
        });
      }
    }
  },
};
export default rule;

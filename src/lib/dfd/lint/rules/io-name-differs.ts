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
  create({ index, report }) {
    // Per label number, the last process (position + 1) that receives it, and the last that was
    // reported passing it on: two arrays for the whole document instead of a set per process.
    const received = new Int32Array(index.labelBound);
    const passed = new Int32Array(index.labelBound);
    return {
      diagram(di) {
        for (let g = di.nodeStart; g < di.nodeEnd; g++) {
          const n = index.nodes[g]!;
          if (!index.isOwnProcess(di, g) || index.outDegree(g) === 0) continue;
          const stamp = g + 1;
          let receives = false;
          for (let i = index.inStart[g]!; i < index.inEnd[g]!; i++) {
            const k = index.inFlows[i]!;
            const l = index.flowLabel[k]!;
            if (index.from[k] === g || l === 0) continue;
            received[l] = stamp;
            receives = true;
          }
          if (!receives) continue;
          let same: number[] | undefined; // flow positions, one per label passed on
          for (let i = index.outStart[g]!; i < index.outEnd[g]!; i++) {
            const k = index.outFlows[i]!;
            const l = index.flowLabel[k]!;
            if (index.to[k] === g || l === 0 || received[l] !== stamp || passed[l] === stamp) continue;
            passed[l] = stamp;
            (same ??= []).push(k);
          }
          if (!same) continue;
          const labels = same.map((k) => normalizeLabel(index.flows[k]!.label ?? ''));
          report({
            diagram: di.diagram.id,
            element: n.id,
            message: (l) =>
              l === 'en'
                ? `${describeNode(n, 'en')} passes on ${labels.map((l) => `"${l}"`).join(', ')} unchanged: a process should turn its inputs into different outputs`
                : `${describeNode(n, 'zh-CN')}原样传出了它收到的${labels.map((l) => `「${l}」`).join('、')}：处理应当把输入变成不同的输出`,
          });
        }
      },
    };
  },
};
export default rule;

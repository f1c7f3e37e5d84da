import type { DfdFlow } from '../../../../schemas/dfd.ts';
import type { RuleContext, RuleDefinition } from '../types.ts';
import type { DiagramIndex } from '../doc-index.ts';
import { describeFlow } from '../../model.ts';

/** Up to this many flows, a diagram is checked pair by pair: no map to build, and few pairs. */
const SMALL = 32;

function reportDuplicate(report: RuleContext['report'], di: DiagramIndex, f: DfdFlow, original: DfdFlow): void {
  report({
    diagram: di.diagram.id,
    element: f.id,
    message: (l) =>
      l === 'en'
        ? `${describeFlow(f, di, 'en')} repeats ${describeFlow(original, di, 'en')}: same start, end and name`
        : `${describeFlow(f, di, 'zh-CN')}与${describeFlow(original, di, 'zh-CN')}起点、终点和名称都相同，是重复的数据流`,
  });
}

/** Two flows with the same `from`, `to` and label in one diagram. Reported on the later ones. */
const rule: RuleDefinition = {
  id: 'duplicate-flow',
  title: { 'zh-CN': '不要重复画同一条数据流', en: 'No duplicate flows' },
  create({ index, report }) {
    const { from, to, flowLabel, flows } = index;
    // Larger diagrams: keys are numbers (start, end and label numbers combined) while they fit
    // exactly in a double; text otherwise, and for flows whose ends name no node.
    const byNumber = new Map<number, number>();
    const byText = new Map<string, number>();
    return {
      diagram(di) {
        const count = di.flowEnd - di.flowStart;
        if (count < 2) return;
        if (count <= SMALL) {
          for (let k = di.flowStart + 1; k < di.flowEnd; k++) {
            const a = from[k]!;
            const b = to[k]!;
            const l = flowLabel[k]!;
            for (let j = di.flowStart; j < k; j++) {
              if (from[j] !== a || to[j] !== b || flowLabel[j] !== l) continue;
              // Equal positions are equal ids, except -1 (an id that names no node).
              if ((a < 0 || b < 0) && (flows[j]!.from !== flows[k]!.from || flows[j]!.to !== flows[k]!.to)) continue;
              reportDuplicate(report, di, flows[k]!, flows[j]!);
              break;
            }
          }
          return;
        }
        byNumber.clear();
        if (byText.size > 0) byText.clear();
        const L = di.labels.size;
        const n = di.nodeEnd - di.nodeStart;
        const numeric = n * n * L < Number.MAX_SAFE_INTEGER;
        for (let k = di.flowStart; k < di.flowEnd; k++) {
          const a = from[k]!;
          const b = to[k]!;
          const f = flows[k]!;
          let first: number | undefined;
          if (numeric && a >= 0 && b >= 0) {
            const key = ((a - di.nodeStart) * n + (b - di.nodeStart)) * L + flowLabel[k]!;
            first = byNumber.get(key);
            if (first === undefined) byNumber.set(key, k);
          } else {
            const key = `${f.from}\u0000${f.to}\u0000${flowLabel[k]!}`;
            first = byText.get(key);
            if (first === undefined) byText.set(key, k);
          }
          if (first !== undefined) reportDuplicate(report, di, f, flows[first]!);
        }
      },
    };
  },
};
export default rule;

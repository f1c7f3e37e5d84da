import type { DfdFlow } from '../../../../schemas/dfd.ts';
import type { RuleDefinition } from '../types.ts';
import { describeFlow } from '../../model.ts';
import { normalizeLabel } from '../../text.ts';

/** Two flows with the same `from`, `to` and label in one diagram. Reported on the later ones. */
const rule: RuleDefinition = {
  id: 'duplicate-flow',
  title: { 'zh-CN': '不要重复画同一条数据流', en: 'No duplicate flows' },
  check({ index, report }) {
    // One map, cleared per diagram: linting allocates little, so large documents stay linear.
    const seen = new Map<string, DfdFlow>();
    for (const di of index.list) {
      if (di.diagram.flows.length < 2) continue;
      seen.clear();
      for (const f of di.diagram.flows) {
        const key = `${f.from}\u0000${f.to}\u0000${normalizeLabel(f.label ?? '')}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, f);
          continue;
        }
        report({
          diagram: di.diagram.id,
          element: f.id,
          message: (l) => (l === 'en' ? `${describeFlow(f, di, 'en')} repeats ${describeFlow(first, di, 'en')}: same start, end and name` : `${describeFlow(f, di, 'zh-CN')}与${describeFlow(first, di, 'zh-CN')}起点、终点和名称都相同，是重复的数据流`),
        });
      }
    }
  },
};
export default rule;

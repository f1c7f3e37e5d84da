import type { RuleDefinition } from '../types.ts';
import { describeFlow } from '../../model.ts';

/** A flow with a blank label, unless one end is a data store (those may stay unnamed). */
const rule: RuleDefinition = {
  id: 'flow-label-required',
  title: { 'zh-CN': '数据流要有名称（进出数据存储的除外）', en: 'Flows need a name (except to or from a store)' },
  create({ index, report }) {
    return {
      diagram(di) {
        for (let k = di.flowStart; k < di.flowEnd; k++) {
          const a = index.from[k]!;
          const b = index.to[k]!;
          if (index.flowLabel[k] !== 0 || a < 0 || b < 0 || index.nodes[a]!.kind === 'store' || index.nodes[b]!.kind === 'store') continue;
          const flow = index.flows[k]!;
          report({
            diagram: di.diagram.id,
            element: flow.id,
            message: (l) =>
              l === 'en' ? `${describeFlow(flow, di, 'en')} has no name: say what data moves` : `${describeFlow(flow, di, 'zh-CN')}没有名称：请写明流动的是什么数据`,
          });
        }
      },
    };
  },
};
export default rule;

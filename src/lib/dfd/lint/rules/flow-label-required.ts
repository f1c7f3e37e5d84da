import type { RuleDefinition } from '../types.ts';
import { describeFlow } from '../../model.ts';
import { isBlank } from '../../text.ts';

/** A flow with a blank label, unless one end is a data store (those may stay unnamed). */
const rule: RuleDefinition = {
  id: 'flow-label-required',
  title: { 'zh-CN': '数据流要有名称（进出数据存储的除外）', en: 'Flows need a name (except to or from a store)' },
  check({ index, report }) {
    for (const di of index.list) {
      for (const { flow, from, to } of di.resolvedFlows) {
        if (!isBlank(flow.label) || from.kind === 'store' || to.kind === 'store') continue;
        report({
          diagram: di.diagram.id,
          element: flow.id,
          message: (l) => (l === 'en' ? `${describeFlow(flow, di, 'en')} has no name: say what data moves` : `${describeFlow(flow, di, 'zh-CN')}没有名称：请写明流动的是什么数据`),
        });
      }
    }
  },
};
export default rule;

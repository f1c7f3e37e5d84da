import type { RuleDefinition } from '../types.ts';
import type { DfdNode } from '../../../../schemas/dfd.ts';
import { describeFlow, describeNode, type Locale } from '../../model.ts';

/** The clause that says why a process at an end does not count. */
function siblingNote(p: DfdNode, l: Locale): string {
  return l === 'en' ? ` (${describeNode(p, 'en')} is only repeated here from the parent diagram as a boundary)` : `（${describeNode(p, 'zh-CN')}在本图中只是从父图重复过来的边界）`;
}

/** A flow with no process at either end: entity→entity, entity→store, store→entity, store→store. */
const rule: RuleDefinition = {
  id: 'flow-needs-process',
  title: { 'zh-CN': '数据流至少有一端是处理', en: 'A flow needs a process at one end' },
  create({ index, report }) {
    return {
      diagram(di) {
        for (let k = di.flowStart; k < di.flowEnd; k++) {
          const a = index.from[k]!;
          const b = index.to[k]!;
          if (a < 0 || b < 0) continue;
          const flow = index.flows[k]!;
          const from = index.nodes[a]!;
          const to = index.nodes[b]!;
          // A sibling process repeated as a child's boundary is no process of the child.
          if (index.isOwnProcess(di, a) || index.isOwnProcess(di, b)) continue;
          const sibling = from.kind === 'process' ? from : to.kind === 'process' ? to : undefined;
          report({
            diagram: di.diagram.id,
            element: flow.id,
            message: (l) =>
              (l === 'en'
                ? `${describeFlow(flow, di, 'en')} goes straight from ${describeNode(from, 'en')} to ${describeNode(to, 'en')} with no process in between: data moves only through a process`
                : `${describeFlow(flow, di, 'zh-CN')}从${describeNode(from, 'zh-CN')}直接流向${describeNode(to, 'zh-CN')}，中间没有处理：数据只能经由处理流动`) +
              (sibling ? siblingNote(sibling, l) : ''),
          });
        }
      },
    };
  },
};
export default rule;

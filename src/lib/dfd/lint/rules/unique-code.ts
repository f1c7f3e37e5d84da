import type { RuleDefinition } from '../types.ts';
import { codeOf, describeFlow, describeNode } from '../../model.ts';

/** Two nodes, or two flows, of one diagram share a code. Reported on the second and later ones. */
const rule: RuleDefinition = {
  id: 'unique-code',
  title: { 'zh-CN': '同一张图中编号不能重复', en: 'Codes are unique within a diagram' },
  check({ index, report }) {
    for (const di of index.list) {
      const nodes = new Map<string, (typeof di.diagram.nodes)[number]>();
      for (const n of di.diagram.nodes) {
        const c = codeOf(n);
        if (c === undefined) continue;
        const first = nodes.get(c);
        if (!first) {
          nodes.set(c, n);
          continue;
        }
        report({
          diagram: di.diagram.id,
          element: n.id,
          message: (l) => (l === 'en' ? `${describeNode(n, 'en')} has the same code as ${describeNode(first, 'en')}` : `${describeNode(n, 'zh-CN')}与${describeNode(first, 'zh-CN')}编号相同`),
        });
      }
      const flows = new Map<string, (typeof di.diagram.flows)[number]>();
      for (const f of di.diagram.flows) {
        const c = codeOf(f);
        if (c === undefined) continue;
        const first = flows.get(c);
        if (!first) {
          flows.set(c, f);
          continue;
        }
        report({
          diagram: di.diagram.id,
          element: f.id,
          message: (l) => (l === 'en' ? `${describeFlow(f, di, 'en')} has the same code as ${describeFlow(first, di, 'en')}` : `${describeFlow(f, di, 'zh-CN')}与${describeFlow(first, di, 'zh-CN')}编号相同`),
        });
      }
    }
  },
};
export default rule;

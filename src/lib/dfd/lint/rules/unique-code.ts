import type { DfdFlow, DfdNode } from '../../../../schemas/dfd.ts';
import type { RuleDefinition } from '../types.ts';
import { codeOf, describeFlow, describeNode } from '../../model.ts';

/** Up to this many nodes (or flows), a diagram is checked pair by pair, with no map to build. */
const SMALL = 16;

/**
 * Calls `repeat` for each item whose code an earlier item has, with the first such item. `seen`
 * and `codes` are scratch space, reused from diagram to diagram.
 */
function repeats<T extends { code?: string | undefined }>(items: readonly T[], seen: Map<string, T>, codes: Array<string | undefined>, repeat: (item: T, first: T) => void): void {
  if (items.length <= SMALL) {
    codes.length = 0;
    for (let i = 0; i < items.length; i++) {
      const c = codeOf(items[i]!);
      codes.push(c);
      if (c === undefined) continue;
      for (let j = 0; j < i; j++) {
        if (codes[j] !== c) continue;
        repeat(items[i]!, items[j]!);
        break;
      }
    }
    return;
  }
  seen.clear();
  for (const item of items) {
    const c = codeOf(item);
    if (c === undefined) continue;
    const first = seen.get(c);
    if (first) repeat(item, first);
    else seen.set(c, item);
  }
}

/** Two nodes, or two flows, of one diagram share a code. Reported on the second and later ones. */
const rule: RuleDefinition = {
  id: 'unique-code',
  title: { 'zh-CN': '同一张图中编号不能重复', en: 'Codes are unique within a diagram' },
  create({ report }) {
    const nodes = new Map<string, DfdNode>();
    const flows = new Map<string, DfdFlow>();
    const codes: Array<string | undefined> = [];
    return {
      diagram(di) {
        const id = di.diagram.id;
        repeats(di.diagram.nodes, nodes, codes, (n, first) =>
          report({
            diagram: id,
            element: n.id,
            message: (l) =>
              l === 'en' ? `${describeNode(n, 'en')} has the same code as ${describeNode(first, 'en')}` : `${describeNode(n, 'zh-CN')}与${describeNode(first, 'zh-CN')}编号相同`,
          }),
        );
        repeats(di.diagram.flows, flows, codes, (f, first) =>
          report({
            diagram: id,
            element: f.id,
            message: (l) =>
              l === 'en'
                ? `${describeFlow(f, di, 'en')} has the same code as ${describeFlow(first, di, 'en')}`
                : `${describeFlow(f, di, 'zh-CN')}与${describeFlow(first, di, 'zh-CN')}编号相同`,
          }),
        );
      },
    };
  },
};
export default rule;

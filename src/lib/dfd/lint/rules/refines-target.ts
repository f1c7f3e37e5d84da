import type { RuleDefinition } from '../types.ts';
import { describeDiagram, describeNode } from '../../model.ts';

/**
 * `refines` names a diagram or process that does not exist, or a node that is not a process, or a
 * process refined by two diagrams. Also: a diagram that refines a process of itself, or a chain
 * of `refines` that comes back to where it started (a diagram cannot be inside itself).
 */
const rule: RuleDefinition = {
  id: 'refines-target',
  title: { 'zh-CN': '子图必须分解一个存在的处理', en: 'A child diagram refines an existing process' },
  check({ index, report }) {
    const seen = new Map<string, string>(); // `${diagram}\0${process}` → first child id
    for (const di of index.list) {
      const d = di.diagram;
      const r = d.refines;
      if (!r) continue;
      const zhD = describeDiagram(d, 'zh-CN');
      const enD = describeDiagram(d, 'en');
      const parent = index.diagrams.get(r.diagram);
      if (!parent) {
        report({ diagram: d.id, message: (l) => (l === 'en' ? `${enD} refines a process of diagram "${r.diagram}", which does not exist` : `${zhD}分解的父图 "${r.diagram}" 不存在`) });
        continue;
      }
      if (parent.diagram === d) {
        report({ diagram: d.id, message: (l) => (l === 'en' ? `${enD} cannot refine a process of itself` : `${zhD}不能分解它自己图中的处理`) });
        continue;
      }
      const p = parent.node(r.process);
      if (!p) {
        report({
          diagram: d.id,
          message: (l) => (l === 'en' ? `${enD} refines process "${r.process}", which is not in ${describeDiagram(parent.diagram, 'en')}` : `${zhD}分解的处理 "${r.process}" 不在${describeDiagram(parent.diagram, 'zh-CN')}中`),
        });
        continue;
      }
      if (p.kind !== 'process') {
        report({
          diagram: d.id,
          message: (l) => (l === 'en' ? `${enD} refines ${describeNode(p, 'en')}, which is not a process: only processes can be refined` : `${zhD}分解的${describeNode(p, 'zh-CN')}不是处理，只有处理可以分解`),
        });
        continue;
      }
      const key = `${r.diagram}\u0000${r.process}`;
      const first = seen.get(key);
      if (first !== undefined) {
        const f = index.diagrams.get(first)!.diagram;
        report({
          diagram: d.id,
          message: (l) => (l === 'en' ? `${describeNode(p, 'en')} is already refined by ${describeDiagram(f, 'en')}; ${enD} refines it again` : `${describeNode(p, 'zh-CN')}已由${describeDiagram(f, 'zh-CN')}分解，${zhD}又分解了一次`),
        });
        continue;
      }
      seen.set(key, d.id);
    }
    // Cycles of refines: walk each chain once (linear), report every diagram on a loop.
    const state = new Map<string, 1 | 2>();
    for (const start of index.list) {
      const stack: string[] = [];
      let cur: string | undefined = start.diagram.id;
      while (cur !== undefined && !state.has(cur)) {
        state.set(cur, 1);
        stack.push(cur);
        const next: string | undefined = index.diagrams.get(cur)?.diagram.refines?.diagram;
        cur = next !== undefined && next !== cur && index.diagrams.has(next) ? next : undefined;
      }
      if (cur !== undefined && state.get(cur) === 1) {
        const at = stack.indexOf(cur);
        for (const id of stack.slice(at)) {
          const d = index.diagrams.get(id)!.diagram;
          report({
            diagram: id,
            message: (l) => (l === 'en' ? `the refines chain of ${describeDiagram(d, 'en')} comes back to itself (a child cannot contain its parent)` : `${describeDiagram(d, 'zh-CN')}的分解关系绕回了它自己（子图不能包含它的父图）`),
          });
        }
      }
      for (const id of stack) state.set(id, 2);
    }
  },
};
export default rule;

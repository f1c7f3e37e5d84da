import type { DfdDiagram } from '../../../../schemas/dfd.ts';
import type { RuleDefinition } from '../types.ts';
import type { DiagramIndex } from '../doc-index.ts';
import { describeDiagram, describeNode } from '../../model.ts';

/**
 * `refines` names a diagram or process that does not exist, or a node that is not a process, or a
 * process refined by two diagrams, or a sibling process that a child only repeats as its boundary
 * (dfd-rules.md, "Balancing"). Also: a diagram that refines a process of itself, or a chain
 * of `refines` that comes back to where it started (a diagram cannot be inside itself).
 */
const rule: RuleDefinition = {
  id: 'refines-target',
  title: { 'zh-CN': '子图必须分解一个存在的处理', en: 'A child diagram refines an existing process' },
  create({ index, report }) {
    const seen = new Map<number, DfdDiagram>(); // position of a refined process → its first child
    return {
      diagram(di) {
        const d = di.diagram;
        const r = d.refines;
        if (!r) return;
        const parent = di.refinesDiagram;
        if (!parent) {
          report({
            diagram: d.id,
            message: (l) =>
              l === 'en'
                ? `${describeDiagram(d, 'en')} refines a process of diagram "${r.diagram}", which does not exist`
                : `${describeDiagram(d, 'zh-CN')}分解的父图 "${r.diagram}" 不存在`,
          });
          return;
        }
        if (parent.diagram === d) {
          report({
            diagram: d.id,
            message: (l) => (l === 'en' ? `${describeDiagram(d, 'en')} cannot refine a process of itself` : `${describeDiagram(d, 'zh-CN')}不能分解它自己图中的处理`),
          });
          return;
        }
        const at = parent.position(r.process);
        const p = at < 0 ? undefined : index.nodes[at];
        if (!p) {
          report({
            diagram: d.id,
            message: (l) =>
              l === 'en'
                ? `${describeDiagram(d, 'en')} refines process "${r.process}", which is not in ${describeDiagram(parent.diagram, 'en')}`
                : `${describeDiagram(d, 'zh-CN')}分解的处理 "${r.process}" 不在${describeDiagram(parent.diagram, 'zh-CN')}中`,
          });
          return;
        }
        if (p.kind !== 'process') {
          report({
            diagram: d.id,
            message: (l) =>
              l === 'en'
                ? `${describeDiagram(d, 'en')} refines ${describeNode(p, 'en')}, which is not a process: only processes can be refined`
                : `${describeDiagram(d, 'zh-CN')}分解的${describeNode(p, 'zh-CN')}不是处理，只有处理可以分解`,
          });
          return;
        }
        if (!index.isOwnProcess(parent, at)) {
          report({
            diagram: d.id,
            message: (l) =>
              l === 'en'
                ? `${describeDiagram(d, 'en')} refines ${describeNode(p, 'en')}, which ${describeDiagram(parent.diagram, 'en')} only repeats from its parent as a boundary: refine it where it is drawn as a process of its own`
                : `${describeDiagram(d, 'zh-CN')}分解的${describeNode(p, 'zh-CN')}在${describeDiagram(parent.diagram, 'zh-CN')}中只是从父图重复过来的边界，请在它作为本图处理的那一层分解它`,
          });
          return;
        }
        const f = seen.get(at);
        if (f !== undefined) {
          report({
            diagram: d.id,
            message: (l) =>
              l === 'en'
                ? `${describeNode(p, 'en')} is already refined by ${describeDiagram(f, 'en')}; ${describeDiagram(d, 'en')} refines it again`
                : `${describeNode(p, 'zh-CN')}已由${describeDiagram(f, 'zh-CN')}分解，${describeDiagram(d, 'zh-CN')}又分解了一次`,
          });
          return;
        }
        seen.set(at, d);
      },
      done() {
        // Cycles of refines: walk each chain once (linear), report every diagram on a loop. A
        // chain goes through the first diagram of each id, as `refines` names diagrams by id.
        const state = new Int8Array(index.list.length); // 1: on the current walk; 2: done
        const stack: DiagramIndex[] = [];
        for (const start of index.list) {
          stack.length = 0;
          let cur: DiagramIndex | undefined = start.canonical;
          while (cur !== undefined && state[cur.order] === 0) {
            state[cur.order] = 1;
            stack.push(cur);
            const next: DiagramIndex | undefined = cur.refinesDiagram;
            cur = next !== cur ? next : undefined;
          }
          if (cur !== undefined && state[cur.order] === 1) {
            for (const di of stack.slice(stack.indexOf(cur))) {
              const d = di.diagram;
              report({
                diagram: d.id,
                message: (l) =>
                  l === 'en'
                    ? `the chain of refinements from ${describeDiagram(d, 'en')} loops back to it (a child cannot contain its parent)`
                    : `${describeDiagram(d, 'zh-CN')}的分解关系绕回了它自己（子图不能包含它的父图）`,
              });
            }
          }
          for (const di of stack) state[di.order] = 2;
        }
      },
    };
  },
};
export default rule;

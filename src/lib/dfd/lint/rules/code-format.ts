import type { DfdDiagram } from '../../../../schemas/dfd.ts';
import type { RuleDefinition } from '../types.ts';
import type { DocIndex } from '../doc-index.ts';
import { codeOf, describeFlow, describeNode } from '../../model.ts';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a process code must look like in a diagram: a pattern and two examples. */
export function processCodePattern(index: DocIndex, d: DfdDiagram): { re: RegExp; example: string } {
  const P = index.prefixes.process;
  if (!d.refines) {
    if (d.level === 'context') return { re: new RegExp(`^${esc(P)}0$`), example: `${P}0` };
    return { re: new RegExp(`^${esc(P)}\\d+$`), example: `${P}1、${P}2` };
  }
  const link = index.parentOf(d);
  const pc = link ? codeOf(link.process) : undefined;
  if (pc === undefined) return { re: new RegExp(`^${esc(P)}\\d+(\\.\\d+)*$`), example: `${P}1、${P}3.1` };
  if (pc === `${P}0`) return { re: new RegExp(`^${esc(P)}\\d+$`), example: `${P}1、${P}2` };
  return { re: new RegExp(`^${esc(pc)}\\.\\d+$`), example: `${pc}.1、${pc}.2` };
}

/**
 * A code that does not fit the document's convention: entity E1, store D1 (or the prefixes in
 * `codes`), flow F1 or F3.1; processes numbered by level: P1 at the top, P0 alone in a context
 * diagram, P3.1, P3.2 in the child of P3, P1, P2 in the child of P0. Nodes without codes are skipped.
 */
const rule: RuleDefinition = {
  id: 'code-format',
  title: { 'zh-CN': '编号符合约定（分层编号）', en: 'Codes follow the convention (hierarchical numbering)' },
  check({ index, report }) {
    const { entity: E, store: D, flow: F } = index.prefixes;
    const entityRe = new RegExp(`^${esc(E)}\\d+$`);
    const storeRe = new RegExp(`^${esc(D)}\\d+$`);
    const flowRe = new RegExp(`^${esc(F)}\\d+(\\.\\d+)*$`);
    for (const di of index.list) {
      const d = di.diagram;
      const proc = processCodePattern(index, d);
      for (const n of d.nodes) {
        const c = codeOf(n);
        if (c === undefined) continue;
        const [re, example] =
          n.kind === 'entity' ? [entityRe, `${E}1、${E}2`] : n.kind === 'store' ? [storeRe, `${D}1、${D}2`] : [proc.re, proc.example];
        if (re.test(c)) continue;
        report({
          diagram: d.id,
          element: n.id,
          message: (l) => (l === 'en' ? `${describeNode(n, 'en')} has a code that does not fit the convention: expected codes like ${example.replace('、', ', ')} here` : `${describeNode(n, 'zh-CN')}的编号不符合约定：这里应为 ${example} 这样的编号`),
        });
      }
      for (const f of d.flows) {
        const c = codeOf(f);
        if (c === undefined || flowRe.test(c)) continue;
        report({
          diagram: d.id,
          element: f.id,
          message: (l) => (l === 'en' ? `${describeFlow(f, di, 'en')} has a code that does not fit the convention: expected codes like ${F}1 or ${F}3.1` : `${describeFlow(f, di, 'zh-CN')}的编号不符合约定：应为 ${F}1 或 ${F}3.1 这样的编号`),
        });
      }
    }
  },
};
export default rule;

import type { RuleDefinition } from '../types.ts';
import { describeFlow, describeNode } from '../../model.ts';
import { normalizeLabel } from '../../text.ts';

/**
 * The document has a dictionary (at least one entry), and a flow label or store label has no entry
 * in it (by name or alias). One finding per label and diagram; silent without a dictionary.
 */
const rule: RuleDefinition = {
  id: 'dictionary-entry',
  title: { 'zh-CN': '数据流和数据存储在数据字典中有条目', en: 'Flows and stores have a dictionary entry' },
  create({ doc, index, report }) {
    const dict = doc.dictionary;
    if (!dict || dict.length === 0) return {};
    const names = new Set<string>();
    for (const e of dict) {
      names.add(normalizeLabel(e.name));
      for (const a of e.aliases ?? []) names.add(normalizeLabel(a));
    }
    const done = new Set<number>(); // label number × 2, + 1 for flows; cleared per diagram
    return {
      diagram(di) {
        done.clear();
        for (let g = di.nodeStart; g < di.nodeEnd; g++) {
          const n = index.nodes[g]!;
          const l = index.nodeLabel[g]!;
          if (n.kind !== 'store' || l === 0 || done.has(l * 2) || names.has(di.labels.text[l]!)) continue;
          done.add(l * 2);
          report({
            diagram: di.diagram.id,
            element: n.id,
            message: (l) => (l === 'en' ? `${describeNode(n, 'en')} has no entry in the data dictionary` : `${describeNode(n, 'zh-CN')}在数据字典中没有条目`),
          });
        }
        for (let k = di.flowStart; k < di.flowEnd; k++) {
          const l = index.flowLabel[k]!;
          if (l === 0 || done.has(l * 2 + 1) || names.has(di.labels.text[l]!)) continue;
          done.add(l * 2 + 1);
          const f = index.flows[k]!;
          report({
            diagram: di.diagram.id,
            element: f.id,
            message: (l) => (l === 'en' ? `${describeFlow(f, di, 'en')} has no entry in the data dictionary` : `${describeFlow(f, di, 'zh-CN')}在数据字典中没有条目`),
          });
        }
      },
    };
  },
};
export default rule;

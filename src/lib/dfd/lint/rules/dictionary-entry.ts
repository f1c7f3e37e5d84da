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
  check({ doc, index, report }) {
    const dict = doc.dictionary;
    if (!dict || dict.length === 0) return;
    const names = new Set<string>();
    for (const e of dict) {
      names.add(normalizeLabel(e.name));
      for (const a of e.aliases ?? []) names.add(normalizeLabel(a));
    }
    for (const di of index.list) {
      const done = new Set<string>();
      for (const n of di.diagram.nodes) {
        if (n.kind !== 'store') continue;
        const l = normalizeLabel(n.label);
        if (!l || names.has(l) || done.has(`s\u0000${l}`)) continue;
        done.add(`s\u0000${l}`);
        report({
          diagram: di.diagram.id,
          element: n.id,
          message: (l) => (l === 'en' ? `${describeNode(n, 'en')} has no entry in the data dictionary` : `${describeNode(n, 'zh-CN')}在数据字典中没有条目`),
        });
      }
      for (const f of di.diagram.flows) {
        const l = normalizeLabel(f.label ?? '');
        if (!l || names.has(l) || done.has(`f\u0000${l}`)) continue;
        done.add(`f\u0000${l}`);
        report({
          diagram: di.diagram.id,
          element: f.id,
          message: (l) => (l === 'en' ? `${describeFlow(f, di, 'en')} has no entry in the data dictionary` : `${describeFlow(f, di, 'zh-CN')}在数据字典中没有条目`),
        });
      }
    }
  },
};
export default rule;

import type { BfcRuleDefinition } from '../types.ts';
import { isBlank } from '../../../dfd/text.ts';

const FIELDS = [
  ['business', '业务名称', 'business name'],
  ['drawnBy', '制图', 'drawn by'],
  ['reviewedBy', '审核', 'reviewed by'],
  ['date', '日期', 'date'],
] as const;

/** A title block missing, incomplete, or whose sheet number exceeds the number of sheets. */
const rule: BfcRuleDefinition = {
  id: 'title-block',
  severity: 'info',
  title: { 'zh-CN': '填写图题栏', en: 'Fill in the title block' },
  why: {
    'zh-CN':
      '每张业务流程图都带一个图题栏：业务名称、制图、审核、日期和“第 N 图　共 M 张”。一项业务往往要画好几张图，图题栏让人知道这是哪项业务、谁画谁审、图纸是否齐全、按什么顺序读；教材把“没有图题栏，或第 N 图共 M 张与实际张数不符”列为常见错误。',
    en: 'Every business flow chart carries a title block: business name, drawn by, reviewed by, date and "sheet N of M". A business often takes several sheets, and the title block tells which business this is, who drew and who reviewed it, whether the set is complete and in which order to read it; the textbook lists a missing title block, or a sheet count that does not match, as a common mistake.',
  },
  check({ doc, report }) {
    const tb = doc.titleBlock;
    if (!tb) {
      report({
        message: (l) =>
          l === 'en' ? 'the chart has no title block (business name, drawn by, reviewed by, date, sheet N of M)' : '图上没有图题栏（业务名称、制图、审核、日期、第 N 图共 M 张）',
      });
      return;
    }
    const missing = FIELDS.filter(([k]) => isBlank(tb[k]));
    const noSheet = tb.sheet === undefined || tb.sheets === undefined;
    if (missing.length > 0 || noSheet) {
      const zh = [...missing.map(([, z]) => z), ...(noSheet ? ['第 N 图共 M 张'] : [])].join('、');
      const en = [...missing.map(([, , e]) => e), ...(noSheet ? ['sheet N of M'] : [])].join(', ');
      report({ message: (l) => (l === 'en' ? `the title block lacks: ${en}` : `图题栏缺少：${zh}`) });
    }
    if (tb.sheet !== undefined && tb.sheets !== undefined && tb.sheet > tb.sheets) {
      const { sheet, sheets } = tb;
      report({
        message: (l) =>
          l === 'en' ? `the title block says sheet ${sheet} of ${sheets}: there is no sheet ${sheet}` : `图题栏写的是第 ${sheet} 图共 ${sheets} 张：不存在第 ${sheet} 张`,
      });
    }
  },
};
export default rule;

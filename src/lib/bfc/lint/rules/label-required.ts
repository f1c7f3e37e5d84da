import type { BfcRuleDefinition } from '../types.ts';
import { isBlank } from '../../../dfd/text.ts';
import { bfcKindName } from '../../model.ts';

/** A unit or symbol with no name. */
const rule: BfcRuleDefinition = {
  id: 'label-required',
  severity: 'error',
  title: { 'zh-CN': '单位和符号都要写名称', en: 'Units and symbols have names' },
  why: {
    'zh-CN':
      '业务流程图的符号内部的说明直接写在图中：单位写部门或岗位，处理写处理内容，表格写单据名称，存储写帐簿名称。没有名称的符号，业务人员无法拿它和实际业务核对，也无法据此画出数据流程图。',
    en: 'On a business flow chart every symbol carries its own text: a unit its department or post, a step what is done, a form its name, a store the book it is. A symbol without a name cannot be checked against the real business by the people who do it, nor turned into a data flow diagram.',
  },
  check({ doc, report }) {
    for (const lane of doc.lanes) {
      if (!isBlank(lane.label)) continue;
      report({ element: lane.id, message: (l) => (l === 'en' ? `a unit (id ${lane.id}) has no name` : `业务处理单位（id ${lane.id}）没有名称`) });
    }
    for (const n of doc.nodes) {
      if (!isBlank(n.label)) continue;
      report({
        element: n.id,
        message: (l) => (l === 'en' ? `a ${bfcKindName(n.kind, 'en')} (id ${n.id}) has no name` : `${bfcKindName(n.kind, 'zh-CN')}（id ${n.id}）没有名称`),
      });
    }
  },
};
export default rule;

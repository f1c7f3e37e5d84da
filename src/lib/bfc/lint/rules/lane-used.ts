import type { BfcRuleDefinition } from '../types.ts';
import { describeBfcLane } from '../../model.ts';

/** A unit with no symbol in its lane. */
const rule: BfcRuleDefinition = {
  id: 'lane-used',
  severity: 'warning',
  title: { 'zh-CN': '每个业务处理单位都有事可做', en: 'Every unit has something on the chart' },
  why: {
    'zh-CN':
      '业务流程图上画出的是业务经过的单位：每个单位都做了处理、制作或收到了单据，或者保管着帐簿。一栏里什么符号都没有的单位，图上看不出它在这项业务中做什么；要么把它的处理和单据画进这一栏，要么它并不参与这项业务，可以删掉。',
    en: 'The units on a business flow chart are the ones the business passes through: each does a step, makes or receives a form, or keeps a book. A unit whose lane holds no symbol shows nothing it does in this business; draw its steps and forms into its lane, or delete it if it takes no part.',
  },
  check({ doc, report }) {
    const used = new Set(doc.nodes.map((n) => n.lane));
    for (const lane of doc.lanes) {
      if (used.has(lane.id)) continue;
      report({
        element: lane.id,
        message: (l) =>
          l === 'en'
            ? `${describeBfcLane(lane, 'en')} has no symbol in its lane: what does it do in this business?`
            : `${describeBfcLane(lane, 'zh-CN')}一栏中没有任何符号：它在这项业务中做什么？`,
      });
    }
  },
};
export default rule;

import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('no-program-flowchart', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.bfc.json'],
  invalid: [
    {
      file: 'start-and-decision.bfc.json',
      reports: [
        {
          element: 'p4',
          message: '业务处理「货物是否合格？」写成了判断框：把它写成一项处理（如「审核货物」），把条件写在它引出的连线旁',
          en: 'processing step "货物是否合格？" reads like a decision box: name the step (such as "审核货物") and write the conditions beside its outgoing lines',
        },
        {
          element: 'p0',
          message: '业务处理「开始」是程序流程图的开始或结束框：业务流程图从单位和单据开始、到单位和单据结束',
          en: 'processing step "开始" is a program flowchart\'s start or end box: a business flow chart starts and ends with units and forms',
        },
      ],
    },
  ],
});

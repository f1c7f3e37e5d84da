import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('branch-pair', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid-precondition.bfc.json', 'valid.bfc.json'],
  invalid: [
    {
      file: 'one-labelled.bfc.json',
      reports: [
        {
          element: 'p4',
          message: '业务处理「审核货物」送出 2 条线，只有一条写了条件「合格」：每条路线都要写明条件',
          en: 'processing step "审核货物" sends out 2 lines and only one has a condition, "合格": write the condition of every route',
        },
      ],
    },
    {
      file: 'one-route.bfc.json',
      reports: [
        {
          element: 'p4',
          message: '业务处理「审核货物」只有「合格」一条路线：「不合格」时走向哪里没有画出',
          en: 'processing step "审核货物" has only the route "合格": where the work goes when "不合格" is not drawn',
        },
      ],
    },
    {
      file: 'same-condition.bfc.json',
      reports: [
        {
          element: 'p4',
          message: '业务处理「审核货物」的 2 条分支条件都是「合格」：每条路线要写明各自的条件',
          en: 'the 2 branches from processing step "审核货物" all have the condition "合格": each route needs its own condition',
        },
      ],
    },
  ],
});

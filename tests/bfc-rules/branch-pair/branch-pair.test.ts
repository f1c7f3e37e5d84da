import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('branch-pair', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.bfc.json'],
  invalid: [
    {
      file: 'one-branch.bfc.json',
      reports: [
        {
          element: 'p1',
          message: '业务处理「查询库存和需求」只有一条分支「库存不能满足需要」：另一种情况的路线和条件没有画出',
          en: 'processing step "查询库存和需求" has one branch only, "库存不能满足需要": draw the route for the other case with its condition',
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

import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('unique-code', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['same-code-other-diagrams.dfd.json', 'valid.dfd.json'],
  invalid: [
    {
      file: 'same-flow-code.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'f7',
          message: '数据流 F6「到货通知」与数据流 F6「入库回执」编号相同',
          en: 'data flow F6 "到货通知" has the same code as data flow F6 "入库回执"',
        },
      ],
    },
    {
      file: 'same-node-code.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'p2',
          message: '处理 P1「入库处理」与处理 P1「审核采购单」编号相同',
          en: 'process P1 "入库处理" has the same code as process P1 "审核采购单"',
        },
      ],
    },
  ],
});

import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('io-name-differs', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.dfd.json'],
  invalid: [
    {
      file: 'passed-on.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'p1',
          message: '处理 P1「审核采购单」原样传出了它收到的「采购单」：处理应当把输入变成不同的输出',
          en: 'process P1 "审核采购单" passes on "采购单" unchanged: a process should turn its inputs into different outputs',
        },
      ],
    },
  ],
});

import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('label-required', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.dfd.json'],
  invalid: [
    {
      file: 'blank-no-code.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'e2',
          message: '外部实体（id e2，无名称）没有名称',
          en: 'external entity (id e2, unnamed) has no name',
        },
      ],
    },
    {
      file: 'blank-process.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'p1',
          message: '处理 P1（无名称）没有名称',
          en: 'process P1 (unnamed) has no name',
        },
      ],
    },
  ],
});

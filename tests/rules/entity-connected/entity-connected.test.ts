import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('entity-connected', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.dfd.json'],
  invalid: [
    {
      file: 'isolated.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'e2',
          message: '外部实体 E2「财务部」没有连接任何数据流',
          en: 'external entity E2 "财务部" is not connected to any flow',
        },
      ],
    },
  ],
});

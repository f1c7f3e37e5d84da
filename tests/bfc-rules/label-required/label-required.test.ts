import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('label-required', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.bfc.json'],
  invalid: [
    {
      file: 'blank.bfc.json',
      reports: [
        { element: 'L4', message: '业务处理单位（id L4）没有名称', en: 'a unit (id L4) has no name' },
        { element: 'p2', message: '业务处理（id p2）没有名称', en: 'a processing step (id p2) has no name' },
      ],
    },
  ],
});

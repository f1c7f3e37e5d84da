import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('unique-id', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.bfc.json'],
  invalid: [
    {
      file: 'shared-id.bfc.json',
      reports: [{ element: 'L4', message: '信息传递的 id「L4」已被另一个业务处理单位使用', en: 'the flow id "L4" is already used by a unit' }],
    },
  ],
});

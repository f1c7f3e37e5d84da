import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('flow-endpoints', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.bfc.json'],
  invalid: [
    {
      file: 'dangling.bfc.json',
      reports: [
        { element: 'f5', message: '信息传递 f5 连着「d9」，但图上没有这个符号', en: 'flow f5 is joined to "d9", which is not a symbol of the chart' },
        { element: 'f11', message: '信息传递 f11 连着「x1」，但图上没有这个符号', en: 'flow f11 is joined to "x1", which is not a symbol of the chart' },
      ],
    },
  ],
});

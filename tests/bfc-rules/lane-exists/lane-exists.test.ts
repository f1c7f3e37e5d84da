import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('lane-exists', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.bfc.json'],
  invalid: [
    {
      file: 'unknown-lane.bfc.json',
      reports: [
        { element: 'p5', message: '业务处理「审核退货」属于单位「L9」，但图上没有这个单位', en: 'processing step "审核退货" belongs to unit "L9", which is not on the chart' },
      ],
    },
  ],
});

import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('lane-used', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.bfc.json'],
  invalid: [
    {
      file: 'empty-lane.bfc.json',
      reports: [
        {
          element: 'L5',
          message: '业务处理单位「质检科」一栏中没有任何符号：它在这项业务中做什么？',
          en: 'unit "质检科" has no symbol in its lane: what does it do in this business?',
        },
      ],
    },
  ],
});

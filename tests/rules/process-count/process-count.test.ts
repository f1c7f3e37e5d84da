import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('process-count', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['nine.dfd.json', 'sibling-boundary.dfd.json'], // sibling-boundary: a sibling process repeated as a child's boundary is no process of the child
  invalid: [
    {
      file: 'ten.dfd.json',
      reports: [
        {
          diagram: 'top',
          message: '图「十个处理」有 10 个处理，超过 9 个：请把一部分合并后放到下一层分解',
          en: 'diagram "十个处理" has 10 processes, more than 9: group some and refine them in a lower level',
        },
      ],
    },
  ],
});

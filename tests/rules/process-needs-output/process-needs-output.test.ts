import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('process-needs-output', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.dfd.json', 'sibling-boundary.dfd.json'], // sibling-boundary: a sibling process repeated as a child's boundary is no process of the child
  invalid: [
    {
      file: 'black-hole.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'p3',
          message: '处理 P3「归档」没有输出数据流（黑洞）',
          en: 'process P3 "归档" has no outgoing flow (a black hole)',
        },
      ],
    },
    {
      file: 'unconnected.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'p3',
          message: '处理 P3「归档」没有输出数据流（黑洞）',
          en: 'process P3 "归档" has no outgoing flow (a black hole)',
        },
      ],
    },
  ],
});

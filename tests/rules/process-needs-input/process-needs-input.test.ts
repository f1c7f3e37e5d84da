import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('process-needs-input', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.dfd.json', 'sibling-boundary.dfd.json'], // sibling-boundary: a sibling process repeated as a child's boundary is no process of the child
  invalid: [
    {
      file: 'miracle.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'p3',
          message: '处理 P3「打印报表」没有输入数据流（奇迹）',
          en: 'process P3 "打印报表" has no incoming flow (a miracle)',
        },
      ],
    },
    {
      file: 'only-self-loop.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'p3',
          message: '处理 P3「打印报表」没有输入数据流（奇迹）',
          en: 'process P3 "打印报表" has no incoming flow (a miracle)',
        },
      ],
    },
  ],
});

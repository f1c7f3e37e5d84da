import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('context-single-process', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.dfd.json'],
  invalid: [
    {
      file: 'no-process.dfd.json',
      reports: [
        {
          diagram: 'ctx',
          message: '顶层图「顶层图」应只有一个处理（代表整个系统），现有 0 个',
          en: 'context diagram "顶层图" should have exactly one process (the system); it has 0',
        },
      ],
    },
    {
      file: 'two-processes.dfd.json',
      reports: [
        {
          diagram: 'ctx',
          message: '顶层图「顶层图」应只有一个处理（代表整个系统），现有 2 个',
          en: 'context diagram "顶层图" should have exactly one process (the system); it has 2',
        },
      ],
    },
  ],
});

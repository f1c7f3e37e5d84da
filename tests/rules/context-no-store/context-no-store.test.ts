import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('context-no-store', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.dfd.json'],
  invalid: [
    {
      file: 'store-in-context.dfd.json',
      reports: [
        {
          diagram: 'ctx',
          element: 's1',
          message: '顶层图「顶层图」中不应有数据存储 D1「图书库存」：数据存储在系统内部，应画在下层图中',
          en: 'context diagram "顶层图" should not contain data store D1 "图书库存": stores are inside the system and belong in lower-level diagrams',
        },
      ],
    },
  ],
});

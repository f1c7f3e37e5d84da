import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('duplicate-flow', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['same-ends-other-label.dfd.json', 'valid.dfd.json'],
  invalid: [
    {
      file: 'twice.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'f7',
          message: '数据流 F7「采购单」与数据流 F1「采购单」起点、终点和名称都相同，是重复的数据流',
          en: 'data flow F7 "采购单" repeats data flow F1 "采购单": same start, end and name',
        },
      ],
    },
  ],
});

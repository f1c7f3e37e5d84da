import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('node-connected', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.bfc.json'],
  invalid: [
    {
      file: 'unconnected.bfc.json',
      reports: [
        { element: 'p6', message: '业务处理「打印报表」没有和任何其他符号相连', en: 'processing step "打印报表" is joined to no other symbol' },
        { element: 'd4', message: '表格「月报」没有和任何其他符号相连', en: 'form "月报" is joined to no other symbol' },
      ],
    },
  ],
});

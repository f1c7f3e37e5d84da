import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('flow-no-self-loop', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid-dangling-self-loop.bfc.json', 'valid.bfc.json'],
  invalid: [
    {
      file: 'self-loop.bfc.json',
      reports: [
        { element: 'f11', message: '信息传递「重新审核」从业务处理「审核货物」出发又回到它自己', en: 'flow "重新审核" goes from processing step "审核货物" back to itself' },
      ],
    },
    {
      file: 'unlabelled-loop.bfc.json',
      reports: [{ element: 'f11', message: '信息传递（id f11）从表格「发货单」出发又回到它自己', en: 'flow (id f11) goes from form "发货单" back to itself' }],
    },
  ],
});

import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('process-in-lane', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid-form-no-lane.bfc.json', 'valid.bfc.json'],
  invalid: [
    {
      file: 'no-lane.bfc.json',
      reports: [{ element: 'p3', message: '业务处理「核对发货单」不在任何业务处理单位之内：是谁做的？', en: 'processing step "核对发货单" is outside every unit: who does it?' }],
    },
  ],
});

import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('form-produced', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.bfc.json'],
  invalid: [
    {
      file: 'no-origin.bfc.json',
      reports: [
        {
          element: 'd2',
          message: '表格「发货单」不属于任何单位，也没有哪一步制作它：它从哪里来？',
          en: 'form "发货单" belongs to no unit and no step makes it: where does it come from?',
        },
      ],
    },
  ],
});

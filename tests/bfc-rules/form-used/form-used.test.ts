import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('form-used', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.bfc.json'],
  invalid: [
    {
      file: 'kept.bfc.json',
      reports: [
        {
          element: 'd1',
          message: '表格「采购订货单」只有来没有去：看不出交给了谁、最后存在哪里',
          en: 'form "采购订货单" goes nowhere: hand it to the next step or unit, or file it in a store',
        },
        {
          element: 'd3',
          message: '表格「退货单」只有来没有去：看不出交给了谁、最后存在哪里',
          en: 'form "退货单" goes nowhere: hand it to the next step or unit, or file it in a store',
        },
      ],
    },
  ],
});

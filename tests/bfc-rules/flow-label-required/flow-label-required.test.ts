import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('flow-label-required', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.bfc.json'],
  invalid: [
    {
      file: 'unlabelled.bfc.json',
      reports: [
        {
          element: 'f6',
          message: '信息传递（核对发货单 → 审核货物）是业务处理「核对发货单」送出的 3 条线之一：请写明它传递什么',
          en: 'flow (核对发货单 → 审核货物) is one of 3 lines from processing step "核对发货单": write what it passes',
        },
        {
          element: 'f11',
          message: '信息传递（核对发货单 → 审核退货）是业务处理「核对发货单」送出的 3 条线之一：请写明它传递什么',
          en: 'flow (核对发货单 → 审核退货) is one of 3 lines from processing step "核对发货单": write what it passes',
        },
      ],
    },
  ],
});

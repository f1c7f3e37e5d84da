import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('flow-no-self-loop', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.dfd.json'],
  invalid: [
    {
      file: 'self-loop.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'f7',
          message: '数据流 F7「修改后的采购单」从处理 P1「审核采购单」流回它自己',
          en: 'data flow F7 "修改后的采购单" goes from process P1 "审核采购单" back to itself',
        },
      ],
    },
    {
      file: 'store-self-loop.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'f7',
          message: '数据流（D1 → D1）从数据存储 D1「入库台账」流回它自己',
          en: 'data flow (D1 → D1) goes from data store D1 "入库台账" back to itself',
        },
      ],
    },
  ],
});

import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('store-read-and-written', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['across-diagrams.dfd.json', 'valid.dfd.json'],
  invalid: [
    {
      file: 'neither.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 's2',
          message: '数据存储 D2「退货台账」在整个文档中既没有被任何处理读取，也没有被写入',
          en: 'data store D2 "退货台账" is neither read nor written by any process anywhere in the document',
        },
      ],
    },
    {
      file: 'only-read.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 's1',
          message: '数据存储 D1「入库台账」在整个文档中只被读取，从未被任何处理写入',
          en: 'data store D1 "入库台账" is read but never written by any process anywhere in the document',
        },
      ],
    },
    {
      file: 'only-written.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 's1',
          message: '数据存储 D1「入库台账」在整个文档中只被写入，从未被任何处理读取',
          en: 'data store D1 "入库台账" is written but never read by any process anywhere in the document',
        },
      ],
    },
  ],
});

import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('dictionary-entry', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['complete.dfd.json', 'no-dictionary.dfd.json'],
  invalid: [
    {
      file: 'missing-entries.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 's1',
          message: '数据存储 D1「入库台账」在数据字典中没有条目',
          en: 'data store D1 "入库台账" has no entry in the data dictionary',
        },
        {
          diagram: 'top',
          element: 'f2',
          message: '数据流 F2「不合格采购单」在数据字典中没有条目',
          en: 'data flow F2 "不合格采购单" has no entry in the data dictionary',
        },
        {
          diagram: 'top',
          element: 'f3',
          message: '数据流 F3「合格采购单」在数据字典中没有条目',
          en: 'data flow F3 "合格采购单" has no entry in the data dictionary',
        },
        {
          diagram: 'top',
          element: 'f4',
          message: '数据流 F4「入库记录」在数据字典中没有条目',
          en: 'data flow F4 "入库记录" has no entry in the data dictionary',
        },
        {
          diagram: 'top',
          element: 'f5',
          message: '数据流 F5「库存记录」在数据字典中没有条目',
          en: 'data flow F5 "库存记录" has no entry in the data dictionary',
        },
        {
          diagram: 'top',
          element: 'f6',
          message: '数据流 F6「入库回执」在数据字典中没有条目',
          en: 'data flow F6 "入库回执" has no entry in the data dictionary',
        },
      ],
    },
  ],
});

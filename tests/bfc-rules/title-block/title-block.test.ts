import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('title-block', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.bfc.json'],
  invalid: [
    {
      file: 'incomplete.bfc.json',
      reports: [{ message: '图题栏缺少：审核、日期、第 N 图共 M 张', en: 'the title block lacks: reviewed by, date, sheet N of M' }],
    },
    {
      file: 'missing.bfc.json',
      reports: [
        { message: '图上没有图题栏（业务名称、制图、审核、日期、第 N 图共 M 张）', en: 'the chart has no title block (business name, drawn by, reviewed by, date, sheet N of M)' },
      ],
    },
    {
      file: 'sheet-count.bfc.json',
      reports: [{ message: '图题栏写的是第 3 图共 2 张：不存在第 3 张', en: 'the title block says sheet 3 of 2: there is no sheet 3' }],
    },
  ],
});

import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('flow-endpoints', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.dfd.json'],
  invalid: [
    {
      file: 'dangling-both.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'f7',
          message: '数据流（a → b）的起点 "a" 和终点 "b" 都不是本图中的节点',
          en: 'data flow (a → b): its start "a" and end "b" are not nodes of this diagram',
        },
      ],
    },
    {
      file: 'dangling-to.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'f7',
          message: '数据流 F7「入库通知」的终点 "x9" 不是本图中的节点',
          en: 'data flow F7 "入库通知": its end "x9" is not a node of this diagram',
        },
      ],
    },
  ],
});

import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('flow-needs-process', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.dfd.json'],
  invalid: [
    {
      // A sibling process repeated as a child's boundary is no process of the child.
      file: 'sibling-boundary.dfd.json',
      reports: [
        {
          diagram: 'l3',
          element: 'g9',
          message:
            '数据流 F3.9「报损汇总」从处理 P2「审核报损清单」直接流向外部实体 E2「主管」，中间没有处理：数据只能经由处理流动（处理 P2「审核报损清单」在本图中只是从父图重复过来的边界）',
          en: 'data flow F3.9 "报损汇总" goes straight from process P2 "审核报损清单" to external entity E2 "主管" with no process in between: data moves only through a process (process P2 "审核报损清单" is only repeated here from the parent diagram as a boundary)',
        },
      ],
    },

    {
      file: 'entity-to-entity.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'f7',
          message: '数据流 F7「新书」从外部实体 E1「书商」直接流向外部实体 E2「仓库」，中间没有处理：数据只能经由处理流动',
          en: 'data flow F7 "新书" goes straight from external entity E1 "书商" to external entity E2 "仓库" with no process in between: data moves only through a process',
        },
      ],
    },
    {
      file: 'entity-to-store.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'f7',
          message: '数据流 F7「发票」从外部实体 E1「书商」直接流向数据存储 D1「入库台账」，中间没有处理：数据只能经由处理流动',
          en: 'data flow F7 "发票" goes straight from external entity E1 "书商" to data store D1 "入库台账" with no process in between: data moves only through a process',
        },
      ],
    },
    {
      file: 'store-to-store.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'f7',
          message: '数据流 F7（D1 → D2）从数据存储 D1「入库台账」直接流向数据存储 D2「备份台账」，中间没有处理：数据只能经由处理流动',
          en: 'data flow F7 (D1 → D2) goes straight from data store D1 "入库台账" to data store D2 "备份台账" with no process in between: data moves only through a process',
        },
      ],
    },
  ],
});

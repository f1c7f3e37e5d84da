import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('code-format', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['custom-prefixes.dfd.json', 'valid.dfd.json', 'sibling-boundary.dfd.json'], // sibling-boundary: a sibling process repeated as a child's boundary is no process of the child
  invalid: [
    {
      file: 'bad-entity-and-flow.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'e1',
          message: '外部实体 S1「书商」的编号不符合约定：这里应为 E1、E2 这样的编号',
          en: 'external entity S1 "书商" has a code that does not fit the convention: expected codes like E1, E2 here',
        },
        {
          diagram: 'top',
          element: 'f3',
          message: '数据流 3「合格采购单」的编号不符合约定：应为 F1 或 F3.1 这样的编号',
          en: 'data flow 3 "合格采购单" has a code that does not fit the convention: expected codes like F1 or F3.1',
        },
      ],
    },
    {
      file: 'child-not-hierarchical.dfd.json',
      reports: [
        {
          diagram: 'l1',
          element: 'p11',
          message: '处理 P1「审核采购单」的编号不符合约定：这里应为 P1.1、P1.2 这样的编号',
          en: 'process P1 "审核采购单" has a code that does not fit the convention: expected codes like P1.1, P1.2 here',
        },
        {
          diagram: 'l1',
          element: 'p12',
          message: '处理 P3「入库处理」的编号不符合约定：这里应为 P1.1、P1.2 这样的编号',
          en: 'process P3 "入库处理" has a code that does not fit the convention: expected codes like P1.1, P1.2 here',
        },
      ],
    },
    {
      file: 'context-not-p0.dfd.json',
      reports: [
        {
          diagram: 'ctx',
          element: 'p0',
          message: '处理 P1「图书管理系统」的编号不符合约定：这里应为 P0 这样的编号',
          en: 'process P1 "图书管理系统" has a code that does not fit the convention: expected codes like P0 here',
        },
        {
          diagram: 'l0',
          element: 'p1',
          message: '处理 P1「进书」的编号不符合约定：这里应为 P1.1、P1.2 这样的编号',
          en: 'process P1 "进书" has a code that does not fit the convention: expected codes like P1.1, P1.2 here',
        },
        {
          diagram: 'l0',
          element: 'p2',
          message: '处理 P2「售书」的编号不符合约定：这里应为 P1.1、P1.2 这样的编号',
          en: 'process P2 "售书" has a code that does not fit the convention: expected codes like P1.1, P1.2 here',
        },
      ],
    },
  ],
});

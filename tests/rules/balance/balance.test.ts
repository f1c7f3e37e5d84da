import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('balance', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['local-store.dfd.json', 'matched-by-label.dfd.json', 'valid.dfd.json'],
  invalid: [
    {
      // renamed-child-flow.dfd.json with its diagrams in reverse order: each child comes before
      // its parent, and the diagrams share node ids (e1, s1).
      file: 'children-listed-first.dfd.json',
      reports: [
        { diagram: 'l1', element: 'f5', message: '子图「P1 进书的分解」中的数据流 F1.1「订购单」（从外部实体 E1「书商」流入处理 P1.1「审核采购单」）在父图中处理 P1「进书」的数据流里没有对应项' },
        { diagram: 'l0', element: 'f1', message: '数据流 F1「采购单」（从外部实体 E1「书商」流入处理 P1「进书」）在子图「P1 进书的分解」中没有对应的数据流' },
      ],
    },
    {
      file: 'extra-child-flow.dfd.json',
      reports: [
        { diagram: 'l1', element: 'f5', message: '子图「P1 进书的分解」中的数据流 F1.5「入库回执」（从处理 P1.2「入库处理」流向外部实体 E1「书商」）在父图中处理 P1「进书」的数据流里没有对应项' },
      ],
    },
    {
      file: 'missing-child-flow.dfd.json',
      reports: [
        { diagram: 'l0', element: 'f2', message: '数据流 F2「退货单」（从处理 P1「进书」流向外部实体 E1「书商」）在子图「P1 进书的分解」中没有对应的数据流' },
      ],
    },
    {
      file: 'new-entity-in-child.dfd.json',
      reports: [
        { diagram: 'l1', element: 'f5', message: '子图「P1 进书的分解」中的数据流 F1.5「入库汇总」（从处理 P1.2「入库处理」流向外部实体 E3「财务部」）在父图中处理 P1「进书」的数据流里没有对应项' },
      ],
    },
    {
      file: 'renamed-child-flow.dfd.json',
      reports: [
        { diagram: 'l0', element: 'f1', message: '数据流 F1「采购单」（从外部实体 E1「书商」流入处理 P1「进书」）在子图「P1 进书的分解」中没有对应的数据流' },
        { diagram: 'l1', element: 'f5', message: '子图「P1 进书的分解」中的数据流 F1.1「订购单」（从外部实体 E1「书商」流入处理 P1.1「审核采购单」）在父图中处理 P1「进书」的数据流里没有对应项' },
      ],
    },
  ],
});

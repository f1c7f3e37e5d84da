import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('balance', fileURLToPath(new URL('.', import.meta.url)), {
  // sibling-*: a child of P3 that repeats the sibling process P2 as its boundary (spec revision 2).
  valid: ['local-store.dfd.json', 'matched-by-label.dfd.json', 'valid.dfd.json', 'sibling-valid.dfd.json', 'sibling-by-label.dfd.json'],
  invalid: [
    {
      // renamed-child-flow.dfd.json with its diagrams in reverse order: each child comes before
      // its parent, and the diagrams share node ids (e1, s1).
      file: 'children-listed-first.dfd.json',
      reports: [
        {
          diagram: 'l1',
          element: 'f5',
          message:
            '子图「P1 进书的分解」中的数据流 F1.1「订购单」（从外部实体 E1「书商」流入处理 P1.1「审核采购单」）在父图中处理 P1「进书」的数据流里没有对应项：父图中这两端之间的数据流名为「采购单」，两层应使用同一名称',
          en: 'data flow F1.1 "订购单" of child diagram "P1 进书的分解" (from external entity E1 "书商" into process P1.1 "审核采购单") has no counterpart among the flows of process P1 "进书" in the parent diagram: the parent\'s flow between these ends is named "采购单"; use the same name on both levels',
        },
        {
          diagram: 'l0',
          element: 'f1',
          message: '数据流 F1「采购单」（从外部实体 E1「书商」流入处理 P1「进书」）在子图「P1 进书的分解」中没有对应的数据流：子图中对应的数据流名为「订购单」，两层应使用同一名称',
          en: 'data flow F1 "采购单" (from external entity E1 "书商" into process P1 "进书") has no matching flow in child diagram "P1 进书的分解": the child\'s flow between these ends is named "订购单"; use the same name on both levels',
        },
      ],
    },
    {
      file: 'extra-child-flow.dfd.json',
      reports: [
        {
          diagram: 'l1',
          element: 'f5',
          message:
            '子图「P1 进书的分解」中的数据流 F1.5「入库回执」（从处理 P1.2「入库处理」流向外部实体 E1「书商」）在父图中处理 P1「进书」的数据流里没有对应项：父图中这两端之间的数据流名为「退货单」，两层应使用同一名称',
          en: 'data flow F1.5 "入库回执" of child diagram "P1 进书的分解" (from process P1.2 "入库处理" to external entity E1 "书商") has no counterpart among the flows of process P1 "进书" in the parent diagram: the parent\'s flow between these ends is named "退货单"; use the same name on both levels',
        },
      ],
    },
    {
      file: 'missing-child-flow.dfd.json',
      reports: [
        {
          diagram: 'l0',
          element: 'f2',
          message:
            '数据流 F2「退货单」（从处理 P1「进书」流向外部实体 E1「书商」）在子图「P1 进书的分解」中没有对应的数据流：子图中外部实体 E1「书商」与子图的处理之间缺少这条数据流',
          en: 'data flow F2 "退货单" (from process P1 "进书" to external entity E1 "书商") has no matching flow in child diagram "P1 进书的分解": the child has external entity E1 "书商" but no such flow between it and a process of the child',
        },
      ],
    },
    {
      file: 'new-entity-in-child.dfd.json',
      reports: [
        {
          diagram: 'l1',
          element: 'f5',
          message:
            '子图「P1 进书的分解」中的数据流 F1.5「入库汇总」（从处理 P1.2「入库处理」流向外部实体 E3「财务部」）在父图中处理 P1「进书」的数据流里没有对应项：外部实体 E3「财务部」不在父图中，请在父图中加上它与处理 P1「进书」之间的数据流，或从子图中删去它',
          en: 'data flow F1.5 "入库汇总" of child diagram "P1 进书的分解" (from process P1.2 "入库处理" to external entity E3 "财务部") has no counterpart among the flows of process P1 "进书" in the parent diagram: external entity E3 "财务部" is not in the parent diagram; add it there with a flow to process P1 "进书", or remove it here',
        },
      ],
    },
    {
      file: 'renamed-child-flow.dfd.json',
      reports: [
        {
          diagram: 'l0',
          element: 'f1',
          message: '数据流 F1「采购单」（从外部实体 E1「书商」流入处理 P1「进书」）在子图「P1 进书的分解」中没有对应的数据流：子图中对应的数据流名为「订购单」，两层应使用同一名称',
          en: 'data flow F1 "采购单" (from external entity E1 "书商" into process P1 "进书") has no matching flow in child diagram "P1 进书的分解": the child\'s flow between these ends is named "订购单"; use the same name on both levels',
        },
        {
          diagram: 'l1',
          element: 'f5',
          message:
            '子图「P1 进书的分解」中的数据流 F1.1「订购单」（从外部实体 E1「书商」流入处理 P1.1「审核采购单」）在父图中处理 P1「进书」的数据流里没有对应项：父图中这两端之间的数据流名为「采购单」，两层应使用同一名称',
          en: 'data flow F1.1 "订购单" of child diagram "P1 进书的分解" (from external entity E1 "书商" into process P1.1 "审核采购单") has no counterpart among the flows of process P1 "进书" in the parent diagram: the parent\'s flow between these ends is named "采购单"; use the same name on both levels',
        },
      ],
    },
    {
      file: 'sibling-dropped.dfd.json',
      reports: [
        {
          diagram: 'l0',
          element: 'f3',
          message:
            '数据流 F3「合格报损清单」（从处理 P2「审核报损清单」流入处理 P3「报损处理」）在子图「P3 报损处理的分解」中没有对应的数据流：子图中没有处理 P2「审核报损清单」，请把它作为边界画进子图，并连到子图的处理上',
          en: 'data flow F3 "合格报损清单" (from process P2 "审核报损清单" into process P3 "报损处理") has no matching flow in child diagram "P3 报损处理的分解": process P2 "审核报损清单" is missing from the child; repeat it there as a boundary node and connect it to a process of the child',
        },
      ],
    },
    {
      file: 'sibling-relabelled.dfd.json',
      reports: [
        {
          diagram: 'l0',
          element: 'f3',
          message:
            '数据流 F3「合格报损清单」（从处理 P2「审核报损清单」流入处理 P3「报损处理」）在子图「P3 报损处理的分解」中没有对应的数据流：子图中对应的数据流名为「报损清单」，两层应使用同一名称',
          en: 'data flow F3 "合格报损清单" (from process P2 "审核报损清单" into process P3 "报损处理") has no matching flow in child diagram "P3 报损处理的分解": the child\'s flow between these ends is named "报损清单"; use the same name on both levels',
        },
        {
          diagram: 'l3',
          element: 'g1',
          message:
            '子图「P3 报损处理的分解」中的数据流 F3.1「报损清单」（从处理 P2「审核报损清单」流入处理 P3.1「登记报损」）在父图中处理 P3「报损处理」的数据流里没有对应项：父图中这两端之间的数据流名为「合格报损清单」，两层应使用同一名称',
          en: 'data flow F3.1 "报损清单" of child diagram "P3 报损处理的分解" (from process P2 "审核报损清单" into process P3.1 "登记报损") has no counterpart among the flows of process P3 "报损处理" in the parent diagram: the parent\'s flow between these ends is named "合格报损清单"; use the same name on both levels',
        },
      ],
    },
  ],
});

import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('refines-target', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.dfd.json'],
  invalid: [
    {
      // A sibling process repeated as a child's boundary is no process of the child.
      file: 'sibling-boundary.dfd.json',
      reports: [
        {
          diagram: 'l32',
          message: '图「P2 的分解」分解的处理 P2「审核报损清单」在图「P3 报损处理的分解」中只是从父图重复过来的边界，请在它作为本图处理的那一层分解它',
          en: 'diagram "P2 的分解" refines process P2 "审核报损清单", which diagram "P3 报损处理的分解" only repeats from its parent as a boundary: refine it where it is drawn as a process of its own',
        },
      ],
    },

    {
      file: 'cycle.dfd.json',
      reports: [
        {
          diagram: 'ctx',
          message: '图「顶层图」的分解关系绕回了它自己（子图不能包含它的父图）',
          en: 'the chain of refinements from diagram "顶层图" loops back to it (a child cannot contain its parent)',
        },
        {
          diagram: 'l0',
          message: '图「0 层图」的分解关系绕回了它自己（子图不能包含它的父图）',
          en: 'the chain of refinements from diagram "0 层图" loops back to it (a child cannot contain its parent)',
        },
        {
          diagram: 'l1',
          message: '图「P1 进书的分解」的分解关系绕回了它自己（子图不能包含它的父图）',
          en: 'the chain of refinements from diagram "P1 进书的分解" loops back to it (a child cannot contain its parent)',
        },
      ],
    },
    {
      file: 'missing-diagram.dfd.json',
      reports: [
        {
          diagram: 'l1',
          message: '图「P1 进书的分解」分解的父图 "l9" 不存在',
          en: 'diagram "P1 进书的分解" refines a process of diagram "l9", which does not exist',
        },
      ],
    },
    {
      file: 'missing-process.dfd.json',
      reports: [
        {
          diagram: 'l1',
          message: '图「P1 进书的分解」分解的处理 "p9" 不在图「0 层图」中',
          en: 'diagram "P1 进书的分解" refines process "p9", which is not in diagram "0 层图"',
        },
      ],
    },
    {
      file: 'not-a-process.dfd.json',
      reports: [
        {
          diagram: 'l1',
          message: '图「P1 进书的分解」分解的数据存储 D1「图书库存」不是处理，只有处理可以分解',
          en: 'diagram "P1 进书的分解" refines data store D1 "图书库存", which is not a process: only processes can be refined',
        },
      ],
    },
    {
      file: 'refined-twice.dfd.json',
      reports: [
        {
          diagram: 'l1b',
          message: '处理 P1「进书」已由图「P1 进书的分解」分解，图「P1 进书的另一个分解」又分解了一次',
          en: 'process P1 "进书" is already refined by diagram "P1 进书的分解"; diagram "P1 进书的另一个分解" refines it again',
        },
      ],
    },
  ],
});

import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('refines-target', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['valid.dfd.json'],
  invalid: [
    {
      // A sibling process repeated as a child's boundary is no process of the child.
      file: 'sibling-boundary.dfd.json',
      reports: [
        { diagram: 'l32', message: '图「P2 的分解」分解的处理 P2「审核报损清单」在图「P3 报损处理的分解」中只是从父图重复过来的边界，请在它作为本图处理的那一层分解它' },
      ],
    },

    {
      file: 'cycle.dfd.json',
      reports: [
        { diagram: 'ctx', message: '图「顶层图」的分解关系绕回了它自己（子图不能包含它的父图）' },
        { diagram: 'l0', message: '图「0 层图」的分解关系绕回了它自己（子图不能包含它的父图）' },
        { diagram: 'l1', message: '图「P1 进书的分解」的分解关系绕回了它自己（子图不能包含它的父图）' },
      ],
    },
    {
      file: 'missing-diagram.dfd.json',
      reports: [
        { diagram: 'l1', message: '图「P1 进书的分解」分解的父图 \"l9\" 不存在' },
      ],
    },
    {
      file: 'missing-process.dfd.json',
      reports: [
        { diagram: 'l1', message: '图「P1 进书的分解」分解的处理 \"p9\" 不在图「0 层图」中' },
      ],
    },
    {
      file: 'not-a-process.dfd.json',
      reports: [
        { diagram: 'l1', message: '图「P1 进书的分解」分解的数据存储 D1「图书库存」不是处理，只有处理可以分解' },
      ],
    },
    {
      file: 'refined-twice.dfd.json',
      reports: [
        { diagram: 'l1b', message: '处理 P1「进书」已由图「P1 进书的分解」分解，图「P1 进书的另一个分解」又分解了一次' },
      ],
    },
  ],
});

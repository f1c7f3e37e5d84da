import { fileURLToPath } from 'node:url';
import { verify } from '../rule-tester.ts';

verify('flow-label-required', fileURLToPath(new URL('.', import.meta.url)), {
  valid: ['store-flows-may-be-unnamed.dfd.json', 'valid.dfd.json'],
  invalid: [
    {
      file: 'unnamed.dfd.json',
      reports: [
        {
          diagram: 'top',
          element: 'f1',
          message: '数据流 F1（E1 → P1）没有名称：请写明流动的是什么数据',
          en: 'data flow F1 (E1 → P1) has no name: say what data moves',
        },
      ],
    },
  ],
});

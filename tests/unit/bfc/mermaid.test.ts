/** A business flow chart as Mermaid text (src/lib/bfc/mermaid.ts): units as subgraphs, the learn page's shapes, lines with what they pass and their condition. */
import { describe, expect, it } from 'vitest';
import { bfcEdgeText, bfcToMermaid, type BfcDocument } from '../../../src/lib/bfc/index.ts';

const doc: BfcDocument = {
  format: 'flowbook-bfc',
  version: 1,
  title: '报损',
  lanes: [
    { id: 'kf', label: '库房' },
    { id: 'zg', label: '主管' },
  ],
  nodes: [
    { id: 'bs', kind: 'form', label: '报损单', lane: 'kf', copies: 2 },
    { id: 'sh', kind: 'process', label: '审核报损单', lane: 'zg' },
    { id: 'ls', kind: 'store', label: '流水帐', lane: 'zg' },
    { id: 'x-1', kind: 'collect', label: '破损 "货品" <清单>' },
  ],
  flows: [
    { id: 'f1', from: 'bs', to: 'sh' },
    { id: 'f2', from: 'sh', to: 'ls', label: '登记', condition: '合格' },
    { id: 'f3', from: 'sh', to: 'bs', condition: '不合格' },
    { id: 'f4', from: 'x-1', to: 'sh' },
    { id: 'f5', from: 'sh', to: 'gone' },
  ],
};

describe('bfcToMermaid', () => {
  it('draws units as subgraphs with their symbols, in the textbook shapes, and lines with text and condition', () => {
    expect(bfcToMermaid(doc)).toBe(
      [
        'flowchart TD',
        '  accTitle: 报损',
        '  subgraph lane1 ["库房"]',
        '    n_bs@{ shape: docs, label: "报损单（2 联）", labelType: string }',
        '  end',
        '  subgraph lane2 ["主管"]',
        '    n_sh@{ shape: rect, label: "审核报损单", labelType: string }',
        '    n_ls@{ shape: datastore, label: "流水帐", labelType: string }',
        '  end',
        '  n4@{ shape: notch-rect, label: "破损 \\x22货品\\x22 &lt;清单&gt;", labelType: string }',
        '  n_bs --> n_sh',
        '  n_sh -->|"登记（合格）"| n_ls',
        '  n_sh -->|"不合格"| n_bs',
        '  n4 --> n_sh',
        '',
      ].join('\n'),
    );
  });

  it('a line shows what it passes, its condition in brackets, or either alone', () => {
    expect(bfcEdgeText({ label: ' 入库单 ', condition: '合格' })).toBe('入库单（合格）');
    expect(bfcEdgeText({ condition: '不合格' })).toBe('不合格');
    expect(bfcEdgeText({ label: '库存信息' })).toBe('库存信息');
    expect(bfcEdgeText({})).toBe('');
  });
});

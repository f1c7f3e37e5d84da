/** Reading, writing and detecting business flow charts (src/lib/bfc/read.ts, write.ts). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, isBfcText, readBfc, restoreBfc, serializeBfc, type BfcDocument } from '../../../src/lib/bfc/index.ts';

const sample = readFileSync('tests/bfc-rules/branch-pair/valid.bfc.json', 'utf8');

function minimal(extra: Record<string, unknown> = {}) {
  return { format: 'flowbook-bfc', version: 1, lanes: [], nodes: [], flows: [], ...extra };
}

function error(input: string | unknown) {
  const r = typeof input === 'string' ? readBfc(input) : restoreBfc(input);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('readBfc', () => {
  it('reads a chart and fills the default orientation', () => {
    const r = readBfc(sample);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.orientation).toBe('columns');
    expect(r.doc.lanes.map((l) => l.label)).toEqual(['采购部', '供应商', '库房管理员', '主管']);
    expect(r.doc.nodes.find((n) => n.id === 'd1')?.copies).toBe(2);
  });

  it('keeps rows when the chart says rows, and a byte order mark does not matter', () => {
    const r = readBfc('\uFEFF' + JSON.stringify(minimal({ orientation: 'rows' })));
    expect(r.ok && r.doc.orientation).toBe('rows');
  });

  it('keeps unknown fields (passthrough) at every level', () => {
    const r = restoreBfc(minimal({ extra: 1, lanes: [{ id: 'a', label: 'A', colour: 'red' }], nodes: [{ id: 'n', kind: 'form', label: 'F', lane: 'a', note: 'x' }] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((r.doc as Record<string, unknown>).extra).toBe(1);
    expect((r.doc.lanes[0] as Record<string, unknown>).colour).toBe('red');
    expect((r.doc.nodes[0] as Record<string, unknown>).note).toBe('x');
  });

  it('names the line and column of a JSON syntax error, and an empty file', () => {
    expect(error('{\n  "format": "flowbook-bfc",\n  "version": 1,,\n}').zh).toMatch(/^不是有效的 JSON：第 3 行第 \d+ 列附近有语法错误$/);
    expect(error('  ').en).toBe('not valid JSON: the file is empty');
  });

  it('refuses other formats by name, a DFD with its own message', () => {
    expect(error({ format: 'flowbook-dfd', version: 1, diagrams: [] }).zh).toContain('这是数据流程图文件');
    expect(error({ version: 1 })).toEqual({
      path: 'format',
      zh: 'format: 不是 Flowbook 业务流程图文件（缺少 format: "flowbook-bfc"）',
      en: 'format: not a Flowbook business flow chart file (format: "flowbook-bfc" is missing)',
    });
    expect(error([1, 2]).en).toBe('not a Flowbook business flow chart file: expected a JSON object, got an array');
  });

  it('refuses an unknown version and a missing one', () => {
    expect(error(minimal({ version: 2 })).en).toBe('version: unsupported format version 2: this program reads version 1 only');
    const { version: _v, ...noVersion } = minimal();
    expect(error(noVersion).path).toBe('version');
  });

  it('brings an older version up through the migrations it is given', () => {
    const r = restoreBfc({ ...minimal(), version: 0, units: [{ id: 'a', label: 'A' }] }, { migrations: { 0: ({ units, ...rest }) => ({ ...rest, lanes: units }) } });
    expect(r.ok && r.doc.lanes).toEqual([{ id: 'a', label: 'A' }]);
  });

  it('names the place of a bad field in both languages', () => {
    expect(error(minimal({ nodes: [{ id: 'a', kind: 'decision', label: '是否合格' }] }))).toEqual({
      path: 'nodes[0].kind',
      zh: 'nodes[0].kind: 未知的符号类型 "decision"，应为 "process"、"form"、"store" 或 "collect"',
      en: 'nodes[0].kind: unknown symbol kind "decision"; expected "process", "form", "store" or "collect"',
    });
    expect(error(minimal({ nodes: [{ id: 'a', kind: 'form', label: 'x', copies: 1.5 }] })).zh).toBe('nodes[0].copies: 应为整数，实际为 1.5');
    expect(error(minimal({ nodes: [{ id: 'a', kind: 'form', label: 'x', copies: 0 }] })).zh).toBe('nodes[0].copies: 应为不小于 1 的数');
    expect(error(minimal({ flows: [{ id: 'f', from: 'a' }] })).zh).toBe('flows[0].to: 缺少必填字段');
    expect(error(minimal({ lanes: [{ id: 'a', label: 3 }] })).en).toBe('lanes[0].label: expected a string, got a number');
    expect(error(minimal({ titleBlock: { sheet: 0 } })).path).toBe('titleBlock.sheet');
  });

  it('refuses an id used twice in one list, naming both places', () => {
    expect(
      error(
        minimal({
          nodes: [
            { id: 'a', kind: 'form', label: 'x' },
            { id: 'a', kind: 'store', label: 'y' },
          ],
        }),
      ),
    ).toEqual({
      path: 'nodes[1].id',
      zh: 'nodes[1].id: 符号 id "a" 重复（nodes[0] 已使用）',
      en: 'nodes[1].id: symbol id "a" is used twice (already used by nodes[0])',
    });
  });

  it('never throws, whatever it is given', () => {
    for (const v of [null, undefined, 1, 'x', true, { format: 'flowbook-bfc', version: 1, lanes: 'no' }, { format: 'flowbook-bfc', version: 1, lanes: [null] }]) {
      expect(() => restoreBfc(v)).not.toThrow();
      expect(restoreBfc(v).ok).toBe(false);
    }
  });
});

describe('serializeBfc', () => {
  it('writes known fields in the format order, unknown after them sorted, and round-trips', () => {
    const doc = { flows: [], nodes: [{ label: 'F', kind: 'form', id: 'n', zeta: 1, alpha: 2 }], lanes: [], version: 1, format: 'flowbook-bfc' } as unknown as BfcDocument;
    const text = serializeBfc(doc);
    expect(text).toBe(
      '{\n  "format": "flowbook-bfc",\n  "version": 1,\n  "lanes": [],\n  "nodes": [\n    {\n      "id": "n",\n      "kind": "form",\n      "label": "F",\n      "alpha": 2,\n      "zeta": 1\n    }\n  ],\n  "flows": []\n}\n',
    );
    const r = readBfc(sample);
    if (!r.ok) throw new Error(r.error.en);
    const again = readBfc(serializeBfc(r.doc));
    expect(again.ok && again.doc).toEqual(r.doc);
    expect(serializeBfc(r.doc)).toBe(serializeBfc(again.ok ? again.doc : r.doc));
  });

  it('leaves out undefined fields', () => {
    expect(serializeBfc({ ...minimal(), title: undefined } as unknown as BfcDocument)).not.toContain('title');
  });
});

describe('detectFormat', () => {
  it('tells the two formats apart by the format field, from values or from text', () => {
    expect(detectFormat({ format: 'flowbook-bfc' })).toBe('bfc');
    expect(detectFormat({ format: 'flowbook-dfd' })).toBe('dfd');
    expect(detectFormat('{"version":1,"format":"flowbook-bfc"}')).toBe('bfc');
    expect(detectFormat('\uFEFF{"format":"flowbook-dfd"}')).toBe('dfd');
    expect(detectFormat({ format: 'other' })).toBeUndefined();
    expect(detectFormat('not json')).toBeUndefined();
    expect(detectFormat([{ format: 'flowbook-bfc' }])).toBeUndefined();
    expect(detectFormat(null)).toBeUndefined();
  });

  it('isBfcText is true for chart text only, not for a label that mentions the format', () => {
    expect(isBfcText(sample)).toBe(true);
    expect(isBfcText('{"format":"flowbook-dfd","title":"\\"format\\": \\"flowbook-bfc\\""}')).toBe(false);
  });
});

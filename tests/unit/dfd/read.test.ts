import { describe, expect, it } from 'vitest';
import { readDocument, serializeDocument } from '../../../src/lib/dfd/index.ts';

const ok = (diagrams: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'flowbook-dfd', version: 1, ...extra, diagrams });
const diagram = (nodes: unknown[], flows: unknown[] = [], extra: Record<string, unknown> = {}) => ({ id: 'd', ...extra, nodes, flows });

function error(input: unknown) {
  const r = readDocument(input);
  if (r.ok) throw new Error('expected a reading error');
  return r.error;
}

describe('readDocument refuses bad input with a message naming the place', () => {
  it('not JSON', () => {
    expect(error('{"format": "flowbook-dfd",\n  "version": 1,,}')).toMatchInlineSnapshot(`
      {
        "en": "not valid JSON: syntax error near line 2, column 16",
        "path": "",
        "zh": "不是有效的 JSON：第 2 行第 16 列附近有语法错误",
      }
    `);
    expect(error('')).toMatchInlineSnapshot(`
      {
        "en": "not valid JSON: the file is empty",
        "path": "",
        "zh": "不是有效的 JSON：文件是空的",
      }
    `);
  });
  it('not an object', () => {
    expect(error('[1, 2]')).toMatchInlineSnapshot(`
      {
        "en": "not a Flowbook DFD file: expected a JSON object, got an array",
        "path": "",
        "zh": "不是 Flowbook 数据流程图文件：内容应为 JSON 对象，实际为数组",
      }
    `);
    expect(error(42)).toMatchInlineSnapshot(`
      {
        "en": "not a Flowbook DFD file: expected a JSON object, got a number",
        "path": "",
        "zh": "不是 Flowbook 数据流程图文件：内容应为 JSON 对象，实际为数字",
      }
    `);
  });
  it('wrong format', () => {
    expect(error('{"format": "bpmn", "version": 1, "diagrams": []}')).toMatchInlineSnapshot(`
      {
        "en": "format: not a Flowbook DFD file (format should be "flowbook-dfd", got "bpmn")",
        "path": "format",
        "zh": "format: 不是 Flowbook 数据流程图文件（format 应为 "flowbook-dfd"，实际为 "bpmn"）",
      }
    `);
    expect(error('{"version": 1, "diagrams": []}')).toMatchInlineSnapshot(`
      {
        "en": "format: not a Flowbook DFD file (format: "flowbook-dfd" is missing)",
        "path": "format",
        "zh": "format: 不是 Flowbook 数据流程图文件（缺少 format: "flowbook-dfd"）",
      }
    `);
  });
  it('unknown version', () => {
    expect(error('{"format": "flowbook-dfd", "version": 2, "diagrams": []}')).toMatchInlineSnapshot(`
      {
        "en": "version: unsupported format version 2: this program reads version 1 only",
        "path": "version",
        "zh": "version: 不支持的格式版本 2：本程序只能读取版本 1",
      }
    `);
    expect(error('{"format": "flowbook-dfd", "version": "1", "diagrams": []}')).toMatchInlineSnapshot(`
      {
        "en": "version: unsupported format version "1": this program reads version 1 only",
        "path": "version",
        "zh": "version: 不支持的格式版本 "1"：本程序只能读取版本 1",
      }
    `);
    expect(error('{"format": "flowbook-dfd", "diagrams": []}')).toMatchInlineSnapshot(`
      {
        "en": "version: required field is missing (format version)",
        "path": "version",
        "zh": "version: 缺少必填字段（格式版本）",
      }
    `);
  });
  it('wrong types', () => {
    expect(error(ok([diagram([{ id: 'a', kind: 'entity', label: 3 }])]))).toMatchInlineSnapshot(`
      {
        "en": "diagrams[0].nodes[0].label: expected a string, got a number",
        "path": "diagrams[0].nodes[0].label",
        "zh": "diagrams[0].nodes[0].label: 应为字符串，实际为数字",
      }
    `);
    expect(error(ok([diagram([], 'none' as never)]))).toMatchInlineSnapshot(`
      {
        "en": "diagrams[0].flows: expected an array, got a string",
        "path": "diagrams[0].flows",
        "zh": "diagrams[0].flows: 应为数组，实际为字符串",
      }
    `);
    expect(error(ok([diagram([{ id: 'a', kind: 'entity', label: 'x', x: '10' }])]))).toMatchInlineSnapshot(`
      {
        "en": "diagrams[0].nodes[0].x: expected a number, got a string",
        "path": "diagrams[0].nodes[0].x",
        "zh": "diagrams[0].nodes[0].x: 应为数字，实际为字符串",
      }
    `);
    expect(error(ok([diagram([{ id: 'a', kind: 'entity' }])]))).toMatchInlineSnapshot(`
      {
        "en": "diagrams[0].nodes[0].label: required field is missing",
        "path": "diagrams[0].nodes[0].label",
        "zh": "diagrams[0].nodes[0].label: 缺少必填字段",
      }
    `);
    expect(error(ok([diagram([])], { notation: 'uml' }))).toMatchInlineSnapshot(`
      {
        "en": "notation: invalid value "uml"; expected "gane-sarson" or "yourdon"",
        "path": "notation",
        "zh": "notation: 无效的值 "uml"，应为 "gane-sarson" 或 "yourdon"",
      }
    `);
    expect(error(ok([diagram([])], { dictionary: [{ name: '采购单', kind: 'flow', aliases: '订购单' }] }))).toMatchInlineSnapshot(`
      {
        "en": "dictionary[0].aliases: expected an array, got a string",
        "path": "dictionary[0].aliases",
        "zh": "dictionary[0].aliases: 应为数组，实际为字符串",
      }
    `);
  });
  it('unknown kind', () => {
    const nodes = [0, 1, 2, 3].map((i) => ({ id: `n${i}`, kind: 'entity', label: `N${i}` }));
    expect(error(ok([diagram([]), { id: 'd2', nodes: [...nodes, { id: 'n4', kind: 'actor', label: '书商' }], flows: [] }]))).toMatchInlineSnapshot(`
      {
        "en": "diagrams[1].nodes[4].kind: unknown node kind "actor"; expected "entity", "process" or "store"",
        "path": "diagrams[1].nodes[4].kind",
        "zh": "diagrams[1].nodes[4].kind: 未知的节点类型 "actor"，应为 "entity"、"process" 或 "store"",
      }
    `);
  });
  it('duplicate ids', () => {
    expect(
      error(
        ok([
          diagram([
            { id: 'p1', kind: 'process', label: '审核' },
            { id: 'p1', kind: 'process', label: '入库' },
          ]),
        ]),
      ),
    ).toMatchInlineSnapshot(`
      {
        "en": "diagrams[0].nodes[1].id: node id "p1" is used twice in one diagram (already used by diagrams[0].nodes[0])",
        "path": "diagrams[0].nodes[1].id",
        "zh": "diagrams[0].nodes[1].id: 节点 id "p1" 在同一张图中重复（diagrams[0].nodes[0] 已使用）",
      }
    `);
    expect(
      error(
        ok([
          diagram(
            [
              { id: 'a', kind: 'entity', label: 'A' },
              { id: 'b', kind: 'process', label: 'B' },
            ],
            [
              { id: 'f', from: 'a', to: 'b' },
              { id: 'f', from: 'b', to: 'a' },
            ],
          ),
        ]),
      ),
    ).toMatchInlineSnapshot(`
      {
        "en": "diagrams[0].flows[1].id: flow id "f" is used twice in one diagram (already used by diagrams[0].flows[0])",
        "path": "diagrams[0].flows[1].id",
        "zh": "diagrams[0].flows[1].id: 数据流 id "f" 在同一张图中重复（diagrams[0].flows[0] 已使用）",
      }
    `);
    expect(error(ok([diagram([]), diagram([])]))).toMatchInlineSnapshot(`
      {
        "en": "diagrams[1].id: diagram id "d" is used twice (already used by diagrams[0])",
        "path": "diagrams[1].id",
        "zh": "diagrams[1].id: 图 id "d" 重复（diagrams[0] 已使用）",
      }
    `);
  });
  it('empty diagrams array', () => {
    expect(error(ok([]))).toMatchInlineSnapshot(`
      {
        "en": "diagrams: at least one diagram is required",
        "path": "diagrams",
        "zh": "diagrams: 至少需要一张图",
      }
    `);
  });
});

describe('readDocument accepts and repairs', () => {
  it('fills the defaults the format names', () => {
    const r = readDocument(ok([diagram([])]));
    expect(r.ok && r.doc.notation).toBe('gane-sarson');
    expect(r.ok && r.doc.diagrams[0]!.level).toBe('level');
  });
  it('keeps what is set', () => {
    const r = readDocument(ok([diagram([], [], { level: 'context' })], { notation: 'yourdon' }));
    expect(r.ok && r.doc.notation).toBe('yourdon');
    expect(r.ok && r.doc.diagrams[0]!.level).toBe('context');
  });
  it('tolerates and keeps unknown fields, at every level', () => {
    const text = ok([diagram([{ id: 'a', kind: 'entity', label: 'A', colour: 'red' }], [], { zoom: 2 })], { author: '张三' });
    const r = readDocument(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.author).toBe('张三');
    expect(r.doc.diagrams[0]!.zoom).toBe(2);
    expect(r.doc.diagrams[0]!.nodes[0]!.colour).toBe('red');
    expect(serializeDocument(r.doc)).toContain('"colour": "red"');
  });
  it('loads a flow with dangling ends (the linter reports it)', () => {
    const r = readDocument(ok([diagram([{ id: 'a', kind: 'entity', label: 'A' }], [{ id: 'f', from: 'a', to: 'nowhere' }])]));
    expect(r.ok).toBe(true);
  });
  it('reads a parsed value as well as text, and text with a byte-order mark', () => {
    const value = { format: 'flowbook-dfd', version: 1, diagrams: [diagram([])] };
    expect(readDocument(value).ok).toBe(true);
    expect(readDocument('\uFEFF' + JSON.stringify(value)).ok).toBe(true);
  });
  it('does not change its input', () => {
    const value = { format: 'flowbook-dfd', version: 1, diagrams: [diagram([])] };
    const copy = structuredClone(value);
    readDocument(value);
    expect(value).toEqual(copy);
  });
  it('never throws', () => {
    for (const v of [undefined, null, '', 'null', '"x"', Symbol('x'), () => 1, { format: 'flowbook-dfd', version: 1, diagrams: [null] }, Object.create(null)]) {
      expect(() => readDocument(v)).not.toThrow();
      expect(readDocument(v).ok).toBe(false);
    }
  });
});

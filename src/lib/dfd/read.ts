/**
 * Reading a document: parse → validate (zod) → repair defaults (dfd-format.md, "Reading rules").
 * A bad file is refused as a whole with one message that names the place, in Chinese and English.
 * Never throws.
 */
import type { $ZodIssue } from 'zod/v4/core';
import { dfdDocumentSchema, NODE_KINDS, type DfdDocument } from '../../schemas/dfd.ts';

export interface ReadError {
  /** Where the problem is, e.g. `diagrams[1].nodes[4].kind`; '' for the file as a whole. */
  path: string;
  zh: string;
  en: string;
}

export type ReadResult = { ok: true; doc: DfdDocument } | { ok: false; error: ReadError };

export const FORMAT_ID = 'flowbook-dfd';
export const FORMAT_VERSION = 1;

type PathSegment = PropertyKey;

/** `diagrams[1].nodes[4].kind` */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += (out ? '.' : '') + String(seg);
  }
  return out;
}

function fail(path: readonly PathSegment[] | string, zh: string, en: string): ReadResult {
  const p = typeof path === 'string' ? path : formatPath(path);
  const prefix = p ? `${p}: ` : '';
  return { ok: false, error: { path: p, zh: prefix + zh, en: prefix + en } };
}

export function typeNames(v: unknown): { zh: string; en: string } {
  if (v === undefined) return { zh: '缺失', en: 'missing' };
  if (v === null) return { zh: 'null', en: 'null' };
  if (Array.isArray(v)) return { zh: '数组', en: 'an array' };
  switch (typeof v) {
    case 'string':
      return { zh: '字符串', en: 'a string' };
    case 'number':
      return { zh: '数字', en: 'a number' };
    case 'boolean':
      return { zh: '布尔值', en: 'a boolean' };
    case 'object':
      return { zh: '对象', en: 'an object' };
    default:
      return { zh: typeof v, en: typeof v };
  }
}

export const EXPECTED: Record<string, { zh: string; en: string }> = {
  string: { zh: '字符串', en: 'a string' },
  number: { zh: '数字', en: 'a number' },
  array: { zh: '数组', en: 'an array' },
  object: { zh: '对象', en: 'an object' },
  boolean: { zh: '布尔值', en: 'a boolean' },
};

export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg as never];
  }
  return v;
}

export function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (v === undefined) return 'undefined';
  const s = JSON.stringify(v);
  return s && s.length > 40 ? s.slice(0, 40) + '…' : String(s);
}

export function listOr(values: readonly unknown[], locale: 'zh' | 'en'): string {
  const q = values.map((v) => JSON.stringify(v));
  if (q.length <= 1) return q.join('');
  const last = q.pop();
  return locale === 'zh' ? `${q.join('、')} 或 ${last}` : `${q.join(', ')} or ${last}`;
}

function issueToResult(issue: $ZodIssue, input: unknown): ReadResult {
  const path = issue.path;
  const value = valueAt(input, path);
  const last = path[path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return fail(path, '缺少必填字段', 'required field is missing');
      const exp = EXPECTED[issue.expected] ?? { zh: issue.expected, en: issue.expected };
      const got = typeof value === 'number' && !Number.isFinite(value) ? { zh: String(value), en: String(value) } : typeNames(value);
      return fail(path, `应为${exp.zh}，实际为${got.zh}`, `expected ${exp.en}, got ${got.en}`);
    }
    case 'invalid_value': {
      if (last === 'kind' && path[path.length - 3] === 'nodes') {
        return fail(path, `未知的节点类型 ${show(value)}，应为 ${listOr(NODE_KINDS, 'zh')}`, `unknown node kind ${show(value)}; expected ${listOr(NODE_KINDS, 'en')}`);
      }
      if (value === undefined) return fail(path, '缺少必填字段', 'required field is missing');
      return fail(path, `无效的值 ${show(value)}，应为 ${listOr(issue.values, 'zh')}`, `invalid value ${show(value)}; expected ${listOr(issue.values, 'en')}`);
    }
    case 'too_small': {
      if (path.length === 1 && path[0] === 'diagrams') {
        return fail(path, '至少需要一张图', 'at least one diagram is required');
      }
      return fail(path, `至少需要 ${String(issue.minimum)} 项`, `at least ${String(issue.minimum)} items are required`);
    }
    default:
      return fail(path, `内容无效（${issue.message}）`, `invalid content (${issue.message})`);
  }
}

export function jsonError(e: unknown, text: string): ReadResult {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(msg);
  if (m) {
    const pos = Number(m[1]);
    const before = text.slice(0, pos);
    const line = before.split('\n').length;
    const col = pos - before.lastIndexOf('\n');
    return fail('', `不是有效的 JSON：第 ${line} 行第 ${col} 列附近有语法错误`, `not valid JSON: syntax error near line ${line}, column ${col}`);
  }
  if (text.trim() === '') return fail('', '不是有效的 JSON：文件是空的', 'not valid JSON: the file is empty');
  return fail('', '不是有效的 JSON：内容不完整或有语法错误', 'not valid JSON: incomplete or malformed');
}

function findDuplicates(doc: DfdDocument): ReadResult | undefined {
  const diagramSeen = new Map<string, number>();
  for (let d = 0; d < doc.diagrams.length; d++) {
    const diagram = doc.diagrams[d]!;
    const firstD = diagramSeen.get(diagram.id);
    if (firstD !== undefined) {
      return fail(
        ['diagrams', d, 'id'],
        `图 id ${show(diagram.id)} 重复（diagrams[${firstD}] 已使用）`,
        `diagram id ${show(diagram.id)} is used twice (already used by diagrams[${firstD}])`,
      );
    }
    diagramSeen.set(diagram.id, d);
    for (const [list, zhWhat, enWhat] of [
      ['nodes', '节点', 'node'],
      ['flows', '数据流', 'flow'],
    ] as const) {
      const seen = new Map<string, number>();
      const items = diagram[list];
      for (let i = 0; i < items.length; i++) {
        const id = items[i]!.id;
        const first = seen.get(id);
        if (first !== undefined) {
          return fail(
            ['diagrams', d, list, i, 'id'],
            `${zhWhat} id ${show(id)} 在同一张图中重复（diagrams[${d}].${list}[${first}] 已使用）`,
            `${enWhat} id ${show(id)} is used twice in one diagram (already used by diagrams[${d}].${list}[${first}])`,
          );
        }
        seen.set(id, i);
      }
    }
  }
  return undefined;
}

/** Fills the defaults the format names, so every reader sees the same document. */
function repair(doc: DfdDocument): DfdDocument {
  return {
    ...doc,
    notation: doc.notation ?? 'gane-sarson',
    diagrams: doc.diagrams.map((d) => ({ ...d, level: d.level ?? 'level' })),
  };
}

/**
 * Migrations, keyed by the version they read (as Excalidraw's restore): each turns a document of
 * version `v` into one of version `v + 1`, so a document of any older version known here is
 * brought up to FORMAT_VERSION before it is checked. Version 1 is the first: the table is empty
 * until the format changes; tests pass their own table.
 */
export type Migrations = Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>>;
export const MIGRATIONS: Migrations = {};

export interface ReadOptions {
  migrations?: Migrations;
}

/**
 * Reads a document from JSON text or from an already parsed value: parse → migrate → check (zod,
 * duplicate ids) → repair defaults. Everything from outside goes through here (files, drops,
 * pasted Mermaid, share links, exercises, stored records). Returns the repaired document, or one
 * error naming the place. Unknown fields are kept; dangling flow ends are not errors.
 */
export function readDocument(input: string | unknown, options: ReadOptions = {}): ReadResult {
  try {
    let value: unknown = input;
    if (typeof input === 'string') {
      const text = input.replace(/^\uFEFF/, '');
      try {
        value = JSON.parse(text);
      } catch (e) {
        return jsonError(e, text);
      }
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const t = typeNames(value);
      return fail('', `不是 Flowbook 数据流程图文件：内容应为 JSON 对象，实际为${t.zh}`, `not a Flowbook DFD file: expected a JSON object, got ${t.en}`);
    }
    let obj = value as Record<string, unknown>;
    if (obj.format !== FORMAT_ID) {
      return fail(
        'format',
        obj.format === undefined
          ? `不是 Flowbook 数据流程图文件（缺少 format: "${FORMAT_ID}"）`
          : `不是 Flowbook 数据流程图文件（format 应为 "${FORMAT_ID}"，实际为 ${show(obj.format)}）`,
        obj.format === undefined
          ? `not a Flowbook DFD file (format: "${FORMAT_ID}" is missing)`
          : `not a Flowbook DFD file (format should be "${FORMAT_ID}", got ${show(obj.format)})`,
      );
    }
    const migrations = options.migrations ?? MIGRATIONS;
    for (let steps = 0; typeof obj.version === 'number' && obj.version < FORMAT_VERSION && migrations[obj.version] && steps < 100; steps++) {
      const from = obj.version;
      obj = { ...migrations[from]!(obj), version: from + 1 };
      value = obj;
    }
    if (obj.version !== FORMAT_VERSION) {
      if (obj.version === undefined) return fail('version', '缺少必填字段（格式版本）', 'required field is missing (format version)');
      return fail(
        'version',
        `不支持的格式版本 ${show(obj.version)}：本程序只能读取版本 ${FORMAT_VERSION}`,
        `unsupported format version ${show(obj.version)}: this program reads version ${FORMAT_VERSION} only`,
      );
    }
    const parsed = dfdDocumentSchema.safeParse(value);
    if (!parsed.success) return issueToResult(parsed.error.issues[0]!, value);
    const dup = findDuplicates(parsed.data);
    if (dup) return dup;
    return { ok: true, doc: repair(parsed.data) };
  } catch (e) {
    // Defensive: nothing above should throw, but a reader must never take the caller down.
    const msg = e instanceof Error ? e.message : String(e);
    return fail('', `无法读取文件：${msg}`, `cannot read the file: ${msg}`);
  }
}

/**
 * Reading a business flow chart (src/schemas/bfc.ts): parse → migrate → validate (zod) → refuse
 * duplicate ids → repair defaults, as src/lib/dfd/read.ts does for DFDs and with its helpers. A bad
 * file is refused as a whole with one message that names the place, in Chinese and English. Never
 * throws. Unknown fields are kept; dangling references (a flow end, a lane) are left to the linter.
 */
import type { $ZodIssue } from 'zod/v4/core';
import { BFC_FORMAT, BFC_NODE_KINDS, bfcDocumentSchema, type BfcDocument } from '../../schemas/bfc.ts';
import { EXPECTED, formatPath, jsonError, listOr, show, typeNames, valueAt, type Migrations, type ReadError } from '../dfd/read.ts';
import { FORMAT_ID as DFD_FORMAT } from '../dfd/read.ts';

export const BFC_FORMAT_ID = BFC_FORMAT;
export const BFC_FORMAT_VERSION = 1;

export type BfcReadResult = { ok: true; doc: BfcDocument } | { ok: false; error: ReadError };

/** Migrations of older versions, keyed by the version they read (empty until the format changes). */
export const BFC_MIGRATIONS: Migrations = {};

export interface BfcReadOptions {
  migrations?: Migrations;
}

type PathSegment = PropertyKey;

function fail(path: readonly PathSegment[] | string, zh: string, en: string): { ok: false; error: ReadError } {
  const p = typeof path === 'string' ? path : formatPath(path);
  const prefix = p ? `${p}: ` : '';
  return { ok: false, error: { path: p, zh: prefix + zh, en: prefix + en } };
}

function issueToResult(issue: $ZodIssue, input: unknown): { ok: false; error: ReadError } {
  const path = issue.path;
  const value = valueAt(input, path);
  const last = path[path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return fail(path, '缺少必填字段', 'required field is missing');
      if ((issue.expected as string) === 'int' && typeof value === 'number') return fail(path, `应为整数，实际为 ${show(value)}`, `expected a whole number, got ${show(value)}`);
      const exp = EXPECTED[issue.expected] ?? { zh: issue.expected, en: issue.expected };
      const got = typeof value === 'number' && !Number.isFinite(value) ? { zh: String(value), en: String(value) } : typeNames(value);
      return fail(path, `应为${exp.zh}，实际为${got.zh}`, `expected ${exp.en}, got ${got.en}`);
    }
    case 'invalid_value': {
      if (last === 'kind' && path[0] === 'nodes') {
        return fail(path, `未知的符号类型 ${show(value)}，应为 ${listOr(BFC_NODE_KINDS, 'zh')}`, `unknown symbol kind ${show(value)}; expected ${listOr(BFC_NODE_KINDS, 'en')}`);
      }
      if (value === undefined) return fail(path, '缺少必填字段', 'required field is missing');
      return fail(path, `无效的值 ${show(value)}，应为 ${listOr(issue.values, 'zh')}`, `invalid value ${show(value)}; expected ${listOr(issue.values, 'en')}`);
    }
    case 'too_small':
      return fail(path, `应为不小于 ${String(issue.minimum)} 的数`, `must be at least ${String(issue.minimum)}`);
    default:
      return fail(path, `内容无效（${issue.message}）`, `invalid content (${issue.message})`);
  }
}

function findDuplicates(doc: BfcDocument): { ok: false; error: ReadError } | undefined {
  for (const [list, zhWhat, enWhat] of [
    ['lanes', '业务处理单位', 'unit'],
    ['nodes', '符号', 'symbol'],
    ['flows', '信息传递', 'flow'],
  ] as const) {
    const seen = new Map<string, number>();
    const items = doc[list];
    for (let i = 0; i < items.length; i++) {
      const id = items[i]!.id;
      const first = seen.get(id);
      if (first !== undefined) {
        return fail([list, i, 'id'], `${zhWhat} id ${show(id)} 重复（${list}[${first}] 已使用）`, `${enWhat} id ${show(id)} is used twice (already used by ${list}[${first}])`);
      }
      seen.set(id, i);
    }
  }
  return undefined;
}

/** Fills the defaults the format names, so every reader sees the same document. */
function repair(doc: BfcDocument): BfcDocument {
  return { ...doc, orientation: doc.orientation ?? 'columns' };
}

/**
 * Restores a business flow chart from an already parsed value (a file, a drop, a share link, a
 * stored record, an exercise): migrate → check → repair. Returns the document or one error.
 */
export function restoreBfc(value: unknown, options: BfcReadOptions = {}): BfcReadResult {
  try {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const t = typeNames(value);
      return fail('', `不是 Flowbook 业务流程图文件：内容应为 JSON 对象，实际为${t.zh}`, `not a Flowbook business flow chart file: expected a JSON object, got ${t.en}`);
    }
    let obj = value as Record<string, unknown>;
    if (obj.format !== BFC_FORMAT) {
      if (obj.format === DFD_FORMAT) {
        return fail(
          'format',
          `这是数据流程图文件（format: "${DFD_FORMAT}"），不是业务流程图文件（"${BFC_FORMAT}"）`,
          `this is a data flow diagram file (format: "${DFD_FORMAT}"), not a business flow chart ("${BFC_FORMAT}")`,
        );
      }
      return fail(
        'format',
        obj.format === undefined
          ? `不是 Flowbook 业务流程图文件（缺少 format: "${BFC_FORMAT}"）`
          : `不是 Flowbook 业务流程图文件（format 应为 "${BFC_FORMAT}"，实际为 ${show(obj.format)}）`,
        obj.format === undefined
          ? `not a Flowbook business flow chart file (format: "${BFC_FORMAT}" is missing)`
          : `not a Flowbook business flow chart file (format should be "${BFC_FORMAT}", got ${show(obj.format)})`,
      );
    }
    const migrations = options.migrations ?? BFC_MIGRATIONS;
    for (let steps = 0; typeof obj.version === 'number' && obj.version < BFC_FORMAT_VERSION && migrations[obj.version] && steps < 100; steps++) {
      const from = obj.version;
      obj = { ...migrations[from]!(obj), version: from + 1 };
    }
    if (obj.version !== BFC_FORMAT_VERSION) {
      if (obj.version === undefined) return fail('version', '缺少必填字段（格式版本）', 'required field is missing (format version)');
      return fail(
        'version',
        `不支持的格式版本 ${show(obj.version)}：本程序只能读取版本 ${BFC_FORMAT_VERSION}`,
        `unsupported format version ${show(obj.version)}: this program reads version ${BFC_FORMAT_VERSION} only`,
      );
    }
    const parsed = bfcDocumentSchema.safeParse(obj);
    if (!parsed.success) return issueToResult(parsed.error.issues[0]!, obj);
    const dup = findDuplicates(parsed.data);
    if (dup) return dup;
    return { ok: true, doc: repair(parsed.data) };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return fail('', `无法读取文件：${msg}`, `cannot read the file: ${msg}`);
  }
}

/** Reads a business flow chart from `.bfc.json` text: JSON syntax errors name line and column. */
export function readBfc(text: string, options: BfcReadOptions = {}): BfcReadResult {
  const clean = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(clean);
  } catch (e) {
    const r = jsonError(e, clean);
    return r.ok ? fail('', '不是有效的 JSON', 'not valid JSON') : r;
  }
  return restoreBfc(value, options);
}

/**
 * Which Flowbook format a value (or JSON text) is, by its `format` field: 'dfd', 'bfc', or
 * undefined for anything else (not JSON, not an object, another format). The command line and the
 * modeller dispatch on it.
 */
export function detectFormat(value: unknown): 'dfd' | 'bfc' | undefined {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v.replace(/^\uFEFF/, ''));
    } catch {
      return undefined;
    }
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const format = (v as { format?: unknown }).format;
  return format === BFC_FORMAT ? 'bfc' : format === DFD_FORMAT ? 'dfd' : undefined;
}

/** True when the text is JSON whose `format` is "flowbook-bfc". */
export function isBfcText(text: string): boolean {
  return detectFormat(text) === 'bfc';
}

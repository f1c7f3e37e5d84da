/**
 * The command line's logic, kept apart from process I/O so that it can be tested in-process:
 * run(argv) → { stdout, stderr, code }. Output and exit statuses as dfd-rules.md says:
 * check reads DFDs and business flow charts (dispatching on the document's `format`) and
 * exits 0 when no file has an error finding, 1 when some file has one, 2 when some file
 * could not be read (2 wins). grade and grade-all exit 2 when a file cannot be read, else 0.
 * A wrong command line is exit status 2 too, with the usage on stderr.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { countFindings, SEVERITY_NAMES, grade, lint, readDocument, type DfdDocument, type Finding, type GradeItem, type GradeResult, type Locale } from '../lib/dfd/index.ts';
import { countBfcFindings, gradeBfc, lintBfc, restoreBfc, type BfcDocument, type BfcFinding, type BfcGradeResult } from '../lib/bfc/index.ts';
import { listFiles, readFileSafe, type Listed } from './files.ts';
import { csvField, jsonSafe, terminalSafe } from './safe-text.ts';

export { csvField, terminalSafe } from './safe-text.ts';

export interface RunResult {
  stdout: string;
  stderr: string;
  code: 0 | 1 | 2;
}

export const USAGE = `用法 (usage):
  flowbook check <文件或文件夹>... [--json] [--preset recommended|strict] [--locale zh-CN|en]
      检查数据流程图 (.dfd.json) 和业务流程图 (.bfc.json)，按文件的 format 字段区分 (checks DFDs and business flow charts, told apart by format)
  flowbook grade <学生文件> --reference <参考答案> [--given <起始文件>] [--json] [--locale zh-CN|en]
  flowbook grade-all <文件夹> --reference <参考答案> [--given <起始文件>] [--csv] [--locale zh-CN|en]
      参考答案是业务流程图时，按业务流程图评分（--given 只用于数据流程图）(a business flow chart reference grades charts; --given is for DFDs)

退出状态 (exit status): 0 没有错误 (no errors); 1 有错误级发现 (error findings); 2 有文件无法读取或命令行有误 (unreadable file or bad arguments)
`;

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['--preset', '--reference', '--locale', '--given']);
const BOOL_FLAGS = new Set(['--json', '--csv', '--help', '-h']);

function parseArgs(argv: string[]): Args | string {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (VALUE_FLAGS.has(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) return `选项 ${name} 缺少值 (option ${name} needs a value)`;
        flags.set(name, v);
      } else if (BOOL_FLAGS.has(name)) flags.set(name, true);
      else return `不认识的选项 ${a} (unknown option ${a})`;
    } else positional.push(a);
  }
  return { positional, flags };
}

type Loaded = { file: string; ok: true; doc: DfdDocument } | { file: string; ok: false; error: string };

/** Reads and checks one file (or reports why a listed entry was skipped); never throws. */
function load(entry: string | Listed, locale: Locale): Loaded {
  const { file, skipped } = typeof entry === 'string' ? { file: entry, skipped: undefined } : entry;
  if (skipped) return { file, ok: false, error: locale === 'en' ? skipped.en : skipped.zh };
  const t = readFileSafe(file);
  if (!t.ok) return { file, ok: false, error: locale === 'en' ? t.reason.en : t.reason.zh };
  try {
    const r = readDocument(t.text);
    return r.ok ? { file, ok: true, doc: r.doc } : { file, ok: false, error: locale === 'en' ? r.error.en : r.error.zh };
  } catch (e) {
    return { file, ok: false, error: internal(e, locale) };
  }
}

function internal(e: unknown, locale: Locale): string {
  const what = e instanceof RangeError ? (locale === 'en' ? 'the document is too deeply nested or too large' : '文档嵌套太深或太大') : e instanceof Error ? e.message : String(e);
  return locale === 'en' ? `internal error: ${what}` : `内部错误：${what}`;
}

/** What check reads: a DFD or a business flow chart, told apart by the document's `format`. */
type Checked =
  { file: string; ok: true; format: 'dfd'; doc: DfdDocument } | { file: string; ok: true; format: 'bfc'; doc: BfcDocument } | { file: string; ok: false; error: string };

/**
 * Reads one file for check: the JSON is parsed once and handed to the reader its `format` names
 * ("flowbook-bfc" → the business flow chart reader, anything else → the DFD reader, whose message
 * names what is wrong). A file that is not valid JSON gets the message naming line and column.
 */
function loadChecked(entry: string | Listed, locale: Locale): Checked {
  const { file, skipped } = typeof entry === 'string' ? { file: entry, skipped: undefined } : entry;
  if (skipped) return { file, ok: false, error: locale === 'en' ? skipped.en : skipped.zh };
  const t = readFileSafe(file);
  if (!t.ok) return { file, ok: false, error: locale === 'en' ? t.reason.en : t.reason.zh };
  try {
    let value: unknown;
    try {
      value = JSON.parse(t.text.replace(/^\uFEFF/, ''));
    } catch {
      // Let the reader name the line and column.
      const r = readDocument(t.text);
      return { file, ok: false, error: r.ok ? 'JSON' : locale === 'en' ? r.error.en : r.error.zh };
    }
    const format = value !== null && typeof value === 'object' ? (value as { format?: unknown }).format : undefined;
    if (format === 'flowbook-bfc' || (format === undefined && file.endsWith('.bfc.json'))) {
      const r = restoreBfc(value);
      return r.ok ? { file, ok: true, format: 'bfc', doc: r.doc } : { file, ok: false, error: locale === 'en' ? r.error.en : r.error.zh };
    }
    const r = readDocument(value);
    return r.ok ? { file, ok: true, format: 'dfd', doc: r.doc } : { file, ok: false, error: locale === 'en' ? r.error.en : r.error.zh };
  } catch (e) {
    return { file, ok: false, error: internal(e, locale) };
  }
}

/** `<folder>` → its `.dfd.json` and `.bfc.json` files (recursively, sorted; only regular files); a file stays itself. */
function expandChecked(paths: string[]): Listed[] {
  return listFiles(paths, (name) => name.endsWith('.dfd.json') || name.endsWith('.bfc.json'), { recursive: true });
}

export function bfcFindingLine(file: string, f: BfcFinding, locale: Locale): string {
  const where = f.element !== undefined ? `${f.element}: ` : '';
  return `${file}: ${where}${SEVERITY_NAMES[locale][f.severity]} ${f.message} [${f.rule}]`;
}

/** Output lines, each made terminal-safe, then joined. */
function textOut(lines: string[]): string {
  return lines.map(terminalSafe).join('\n') + '\n';
}

function jsonOut(value: unknown): string {
  return jsonSafe(JSON.stringify(value, null, 2)) + '\n';
}

const SEV = SEVERITY_NAMES;

export function findingLine(file: string, f: Finding, locale: Locale): string {
  const where = f.element !== undefined ? `${f.diagram}/${f.element}` : f.diagram;
  return `${file}: ${where}: ${SEV[locale][f.severity]} ${f.message} [${f.rule}]`;
}

function getLocale(args: Args): Locale | string {
  const l = args.flags.get('--locale');
  if (l === undefined) return 'zh-CN';
  if (l === 'zh-CN' || l === 'zh' || l === 'en') return l === 'en' ? 'en' : 'zh-CN';
  return `--locale 只能是 zh-CN 或 en (--locale must be zh-CN or en)`;
}

function usageError(message: string): RunResult {
  return { stdout: '', stderr: `${terminalSafe(message)}\n\n${USAGE}`, code: 2 };
}

function check(args: Args, locale: Locale): RunResult {
  const preset = args.flags.get('--preset') ?? 'recommended';
  if (preset !== 'recommended' && preset !== 'strict') return usageError(`--preset 只能是 recommended 或 strict (--preset must be recommended or strict)`);
  const files = expandChecked(args.positional);
  if (files.length === 0) return usageError('check 需要至少一个文件 (check needs at least one file)');
  const json = args.flags.has('--json');
  const results: Array<Record<string, unknown>> = [];
  const lines: string[] = [];
  let code: 0 | 1 | 2 = 0;
  let totals = { errors: 0, warnings: 0, infos: 0 };
  let unreadable = 0;
  for (const entry of files) {
    const l = loadChecked(entry, locale);
    const file = l.file;
    if (!l.ok) {
      code = 2;
      unreadable++;
      results.push({ file, error: l.error });
      lines.push(locale === 'en' ? `${file}: cannot be read: ${l.error}` : `${file}: 无法读取：${l.error}`);
      continue;
    }
    if (l.format === 'bfc') {
      let found: BfcFinding[];
      try {
        found = lintBfc(l.doc, { preset, locale });
      } catch (e) {
        code = 2;
        unreadable++;
        const error = internal(e, locale);
        results.push({ file, error });
        lines.push(locale === 'en' ? `${file}: cannot be checked: ${error}` : `${file}: 无法检查：${error}`);
        continue;
      }
      const counts = countBfcFindings(found);
      if (counts.errors > 0 && code === 0) code = 1;
      totals = { errors: totals.errors + counts.errors, warnings: totals.warnings + counts.warnings, infos: totals.infos + counts.infos };
      results.push({ file, format: 'flowbook-bfc', findings: found, ...counts });
      for (const f of found) lines.push(bfcFindingLine(file, f, locale));
      continue;
    }
    let findings: Finding[];
    try {
      findings = lint(l.doc, { preset, locale });
    } catch (e) {
      code = 2;
      unreadable++;
      const error = internal(e, locale);
      results.push({ file, error });
      lines.push(locale === 'en' ? `${file}: cannot be checked: ${error}` : `${file}: 无法检查：${error}`);
      continue;
    }
    const counts = countFindings(findings);
    if (counts.errors > 0 && code === 0) code = 1;
    totals = { errors: totals.errors + counts.errors, warnings: totals.warnings + counts.warnings, infos: totals.infos + counts.infos };
    results.push({ file, findings, ...counts });
    for (const f of findings) lines.push(findingLine(file, f, locale));
  }
  if (json) return { stdout: jsonOut(results), stderr: '', code };
  const n = files.length;
  const summary =
    locale === 'en'
      ? `${n} file${n === 1 ? '' : 's'} checked: ${totals.errors} error(s), ${totals.warnings} warning(s), ${totals.infos} info${unreadable ? `; ${unreadable} file(s) could not be read` : ''}`
      : `共检查 ${n} 个文件：${totals.errors} 个错误，${totals.warnings} 个警告，${totals.infos} 个提示${unreadable ? `；${unreadable} 个文件无法读取` : ''}`;
  lines.push(summary);
  return { stdout: textOut(lines), stderr: '', code };
}

function itemText(i: GradeItem, locale: Locale): string {
  return i.text[locale];
}

export function gradeText(r: GradeResult, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const out: string[] = [];
  out.push(zh ? `得分：${r.score} / 100` : `Score: ${r.score} / 100`);
  out.push(zh ? `匹配（${r.matched.length}）：` : `Matched (${r.matched.length}):`);
  for (const m of r.matched) {
    if (m.credit === 1) out.push(`  ✓ ${itemText(m.reference, locale)}`);
    else
      out.push(
        zh
          ? `  ½ ${itemText(m.reference, locale)}：名称不同，学生写作「${m.student.label}」`
          : `  ½ ${itemText(m.reference, locale)}: different name, the student wrote "${m.student.label}"`,
      );
  }
  out.push(zh ? `缺少（${r.missing.length}）：` : `Missing (${r.missing.length}):`);
  for (const i of r.missing) out.push(`  - ${itemText(i, locale)}`);
  out.push(zh ? `多余（${r.extra.length}）：` : `Extra (${r.extra.length}):`);
  for (const i of r.extra) out.push(`  + ${itemText(i, locale)}`);
  out.push(zh ? '分层结果（参考答案的每一层与学生配对的那张图）：' : 'Per level (each reference diagram and the student diagram paired with it):');
  for (const d of r.diagrams) {
    const ref = d.reference ?? (zh ? '（无）' : '(none)');
    const stu = d.student ?? (zh ? '（未画）' : '(not drawn)');
    const state = d.asked ? `${d.score} / 100` : zh ? '题目已给出' : 'given by the exercise';
    out.push(
      zh
        ? `  ${ref} ↔ ${stu}：${state}，匹配 ${d.matched}，缺少 ${d.missing}，多余 ${d.extra}`
        : `  ${ref} ↔ ${stu}: ${state}, matched ${d.matched}, missing ${d.missing}, extra ${d.extra}`,
    );
  }
  if (r.hints.length) {
    out.push(zh ? `给学生的提示（${r.hints.length}）：` : `Hints for the student (${r.hints.length}):`);
    for (const h of r.hints) out.push(`  ${h.diagram ? `${h.diagram}${h.element ? `/${h.element}` : ''}: ` : ''}${h.message}`);
  }
  const c = countFindings(r.findings);
  out.push(zh ? `规则检查：${c.errors} 个错误，${c.warnings} 个警告，${c.infos} 个提示` : `Rule check: ${c.errors} error(s), ${c.warnings} warning(s), ${c.infos} info`);
  for (const f of r.findings) {
    const where = f.element !== undefined ? `${f.diagram}/${f.element}` : f.diagram;
    out.push(`  ${where}: ${SEV[locale][f.severity]} ${f.message} [${f.rule}]`);
  }
  return textOut(out);
}

/** The text report of a business flow chart's grade: score, matched, missing, extra, hints, the rule check. */
export function bfcGradeText(r: BfcGradeResult, findings: readonly BfcFinding[], locale: Locale): string {
  const zh = locale === 'zh-CN';
  const out: string[] = [];
  out.push(zh ? `得分：${r.score} / 100` : `Score: ${r.score} / 100`);
  out.push(zh ? `匹配（${r.items.matched.length}）：` : `Matched (${r.items.matched.length}):`);
  for (const m of r.items.matched) {
    const t = m.reference.text[locale];
    if (m.credit === 1) out.push(`  ✓ ${t}`);
    else if (m.reference.type === 'flow')
      out.push(zh ? `  ½ ${t}：条件或名称不同，学生写作「${m.student.text[locale]}」` : `  ½ ${t}: condition or name differs, the student drew ${m.student.text[locale]}`);
    else out.push(zh ? `  ½ ${t}：画在了另一个单位「${m.student.lane ?? '（无）'}」中` : `  ½ ${t}: drawn in another unit ("${m.student.lane ?? '(none)'}")`);
  }
  out.push(zh ? `缺少（${r.items.missing.length}）：` : `Missing (${r.items.missing.length}):`);
  for (const i of r.items.missing) out.push(`  - ${i.text[locale]}`);
  out.push(zh ? `多余（${r.items.extra.length}）：` : `Extra (${r.items.extra.length}):`);
  for (const i of r.items.extra) out.push(`  + ${i.text[locale]}`);
  const c = r.counts;
  out.push(
    zh
      ? `单位：匹配 ${c.lanes.matched}，缺少 ${c.lanes.missing}，多余 ${c.lanes.extra}；符号：匹配 ${c.nodes.matched}，缺少 ${c.nodes.missing}，多余 ${c.nodes.extra}；连线：匹配 ${c.flows.matched}，缺少 ${c.flows.missing}，多余 ${c.flows.extra}`
      : `Units: matched ${c.lanes.matched}, missing ${c.lanes.missing}, extra ${c.lanes.extra}; symbols: matched ${c.nodes.matched}, missing ${c.nodes.missing}, extra ${c.nodes.extra}; flows: matched ${c.flows.matched}, missing ${c.flows.missing}, extra ${c.flows.extra}`,
  );
  if (r.hints.length) {
    out.push(zh ? `给学生的提示（${r.hints.length}）：` : `Hints for the student (${r.hints.length}):`);
    for (const h of r.hints) out.push(`  ${h.element ? `${h.element}: ` : ''}${h.message}`);
  }
  const n = countBfcFindings(findings);
  out.push(zh ? `规则检查：${n.errors} 个错误，${n.warnings} 个警告，${n.infos} 个提示` : `Rule check: ${n.errors} error(s), ${n.warnings} warning(s), ${n.infos} info`);
  for (const f of findings) out.push(`  ${f.element ?? '-'}: ${SEV[locale][f.severity]} ${f.message} [${f.rule}]`);
  return textOut(out);
}

/** A reference that is a business flow chart: the student's file must be one too (told apart by `format`). */
function bfcStudent(s: Checked, locale: Locale): { ok: true; doc: BfcDocument } | { ok: false; error: string } {
  if (!s.ok) return s;
  if (s.format === 'bfc') return { ok: true, doc: s.doc };
  return { ok: false, error: locale === 'en' ? 'a data flow diagram, but the reference is a business flow chart' : '这是数据流程图，而参考答案是业务流程图' };
}

function gradeOneBfc(args: Args, locale: Locale, ref: string, reference: BfcDocument): RunResult {
  if (args.flags.has('--given')) return usageError('业务流程图的评分不接受 --given (--given is for data flow diagrams only)');
  const file = args.positional[0]!;
  const s = bfcStudent(loadChecked(file, locale), locale);
  if (!s.ok) {
    const msg = textOut([locale === 'en' ? `${file}: cannot be graded against ${ref}: ${s.error}` : `${file}: 无法按 ${ref} 评分：${s.error}`]);
    return { stdout: args.flags.has('--json') ? jsonOut([{ file, error: s.error }]) : '', stderr: msg, code: 2 };
  }
  const r = gradeBfc(s.doc, reference, { locale });
  const findings = lintBfc(s.doc, { locale });
  if (args.flags.has('--json'))
    return { stdout: jsonOut({ format: 'flowbook-bfc', score: r.score, items: r.items, counts: r.counts, hints: r.hints, findings }), stderr: '', code: 0 };
  return { stdout: bfcGradeText(r, findings, locale), stderr: '', code: 0 };
}

function gradeOne(args: Args, locale: Locale): RunResult {
  const ref = args.flags.get('--reference');
  if (typeof ref !== 'string') return usageError('grade 需要 --reference <参考答案> (grade needs --reference <file>)');
  if (args.positional.length !== 1) return usageError('grade 需要正好一个学生文件 (grade needs exactly one student file)');
  // A business flow chart as the reference (its `format`): graded as a chart.
  const asChart = loadChecked(ref, locale);
  if (asChart.ok && asChart.format === 'bfc') return gradeOneBfc(args, locale, ref, asChart.doc);
  const reference = load(ref, locale);
  const student = load(args.positional[0]!, locale);
  const givenPath = args.flags.get('--given');
  const given = typeof givenPath === 'string' ? load(givenPath, locale) : undefined;
  const bad = [reference, student, ...(given ? [given] : [])].filter((l) => !l.ok) as Array<Extract<Loaded, { ok: false }>>;
  if (bad.length > 0) {
    const msg = textOut(bad.map((b) => (locale === 'en' ? `${b.file}: cannot be read: ${b.error}` : `${b.file}: 无法读取：${b.error}`)));
    if (args.flags.has('--json')) return { stdout: jsonOut(bad.map((b) => ({ file: b.file, error: b.error }))), stderr: msg, code: 2 };
    return { stdout: '', stderr: msg, code: 2 };
  }
  const r = grade((student as Extract<Loaded, { ok: true }>).doc, (reference as Extract<Loaded, { ok: true }>).doc, {
    locale,
    ...(given?.ok ? { given: given.doc } : {}),
  });
  if (args.flags.has('--json')) {
    const { score, matched, missing, extra, diagrams, hints, findings } = r;
    return { stdout: jsonOut({ score, matched, missing, extra, diagrams, hints, findings }), stderr: '', code: 0 };
  }
  return { stdout: gradeText(r, locale), stderr: '', code: 0 };
}

function gradeAll(args: Args, locale: Locale): RunResult {
  const ref = args.flags.get('--reference');
  if (typeof ref !== 'string') return usageError('grade-all 需要 --reference <参考答案> (grade-all needs --reference <file>)');
  if (args.positional.length !== 1) return usageError('grade-all 需要正好一个文件夹 (grade-all needs exactly one folder)');
  const folder = args.positional[0]!;
  let isDir = false;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) return { stdout: '', stderr: textOut([locale === 'en' ? `${folder}: cannot read the folder` : `${folder}: 无法读取文件夹`]), code: 2 };
  const entries = listFiles([folder], (n) => n.endsWith('.json'), { recursive: false });
  const asChart = loadChecked(ref, locale);
  if (asChart.ok && asChart.format === 'bfc') return gradeAllBfc(args, locale, ref, asChart.doc, entries);
  const reference = load(ref, locale);
  if (!reference.ok) {
    return { stdout: '', stderr: textOut([locale === 'en' ? `${ref}: cannot be read: ${reference.error}` : `${ref}: 无法读取：${reference.error}`]), code: 2 };
  }
  const givenPath = args.flags.get('--given');
  const given = typeof givenPath === 'string' ? load(givenPath, locale) : undefined;
  if (given && !given.ok) {
    return { stdout: '', stderr: textOut([locale === 'en' ? `${givenPath}: cannot be read: ${given.error}` : `${givenPath}: 无法读取：${given.error}`]), code: 2 };
  }
  const refPath = resolve(ref);
  const skip = new Set([refPath, ...(typeof givenPath === 'string' ? [resolve(givenPath)] : [])]);
  const rows: GradeRow[] = [];
  let code: 0 | 2 = 0;
  for (const entry of entries) {
    const file = entry.file;
    if (skip.has(resolve(file))) continue;
    const s = load(entry, locale);
    if (!s.ok) {
      code = 2;
      rows.push({ file, error: s.error });
      continue;
    }
    try {
      const r = grade(s.doc, reference.doc, { locale, ...(given?.ok ? { given: given.doc } : {}) });
      const c = countFindings(r.findings);
      rows.push({ file, score: r.score, errors: c.errors, warnings: c.warnings });
    } catch (e) {
      code = 2;
      rows.push({ file, error: internal(e, locale) });
    }
  }
  return gradeRows(args, locale, rows, code);
}

type GradeRow = { file: string; score?: number; errors?: number; warnings?: number; error?: string };

/** grade-all with a business flow chart as the reference: every chart in the folder graded against it. */
function gradeAllBfc(args: Args, locale: Locale, ref: string, reference: BfcDocument, entries: Listed[]): RunResult {
  if (args.flags.has('--given')) return usageError('业务流程图的评分不接受 --given (--given is for data flow diagrams only)');
  const rows: GradeRow[] = [];
  let code: 0 | 2 = 0;
  for (const entry of entries) {
    if (resolve(entry.file) === resolve(ref)) continue;
    const s = bfcStudent(loadChecked(entry, locale), locale);
    if (!s.ok) {
      code = 2;
      rows.push({ file: entry.file, error: s.error });
      continue;
    }
    try {
      const c = countBfcFindings(lintBfc(s.doc, { locale }));
      rows.push({ file: entry.file, score: gradeBfc(s.doc, reference, { locale }).score, errors: c.errors, warnings: c.warnings });
    } catch (e) {
      code = 2;
      rows.push({ file: entry.file, error: internal(e, locale) });
    }
  }
  return gradeRows(args, locale, rows, code);
}

function gradeRows(args: Args, locale: Locale, rows: GradeRow[], code: 0 | 2): RunResult {
  if (args.flags.has('--csv')) {
    const lines = ['file,score,errors,warnings,error'];
    for (const r of rows) lines.push([r.file, r.score ?? '', r.errors ?? '', r.warnings ?? '', r.error ?? ''].map((v) => csvField(v)).join(','));
    return { stdout: lines.join('\n') + '\n', stderr: '', code };
  }
  const zh = locale === 'zh-CN';
  const lines = rows.map((r) =>
    r.error !== undefined
      ? `${r.file}: ${zh ? '无法读取：' : 'cannot be read: '}${r.error}`
      : `${r.file}: ${zh ? `${r.score} 分，${r.errors} 个错误，${r.warnings} 个警告` : `score ${r.score}, ${r.errors} error(s), ${r.warnings} warning(s)`}`,
  );
  return { stdout: lines.length ? textOut(lines) : '', stderr: '', code };
}

/** Runs a command line; never throws (an unexpected failure is exit 2 with a one-line message). */
export function run(argv: string[]): RunResult {
  try {
    return runCommand(argv);
  } catch (e) {
    return { stdout: '', stderr: terminalSafe(`flowbook: ${internal(e, 'zh-CN')} (${internal(e, 'en')})`) + '\n', code: 2 };
  }
}

function runCommand(argv: string[]): RunResult {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') return usageError(parsed);
  if (parsed.flags.has('--help') || parsed.flags.has('-h')) return { stdout: USAGE, stderr: '', code: 0 };
  const locale = getLocale(parsed);
  if (locale !== 'zh-CN' && locale !== 'en') return usageError(locale);
  const [command, ...rest] = parsed.positional;
  const args = { positional: rest, flags: parsed.flags };
  switch (command) {
    case 'check':
      return check(args, locale);
    case 'grade':
      return gradeOne(args, locale);
    case 'grade-all':
      return gradeAll(args, locale);
    case undefined:
      return usageError('缺少命令 (missing command)');
    default:
      return usageError(`不认识的命令 ${command} (unknown command ${command})`);
  }
}

/**
 * One door for everything that comes from outside the editor: files, drops, pasted Mermaid,
 * share links, exercises and records read back from IndexedDB all go parse → check → restore
 * (the core's readDocument, with its migrations table), as Excalidraw's `restore` does. What cannot
 * be restored is refused as a whole with one message; nothing half-read reaches the store.
 */
import type { Exercise } from '@schemas/exercise.ts';
import { detectFormat, fromMermaid, readBfc, readDocument, restoreBfc, serializeBfc, serializeDocument } from '../core.ts';
import { isBfc, type EditorDocument } from '../model/bfc.ts';
import type { StoredDiagram } from '../storage/db.ts';
import { MAX_SHARE_URL, readShareHash } from './share.ts';

export type Message = { zh: string; en: string };
export type Restored<T> = { ok: true; value: T } | { ok: false; error: Message };

export type Source = 'file' | 'mermaid' | 'share' | 'exercise';

/**
 * What the modeller draws usefully, with a generous margin over textbook diagrams (a textbook DFD
 * has a few dozen symbols a level and a handful of levels). Larger documents are refused with a
 * message naming the limit and the value; the command line checks them (README, "Limits").
 */
export const LIMITS = { nodes: 5000, flows: 10000, diagrams: 500, depth: 50, text: 5_000_000 } as const;

/** The first limit a document passes, as a message; null when it is within all of them. */
export function overLimit(doc: EditorDocument): Message | null {
  if (isBfc(doc)) return overLimitBfc(doc.nodes.length, doc.flows.length);
  let nodes = 0;
  let flows = 0;
  for (const d of doc.diagrams) {
    nodes += d.nodes.length;
    flows += d.flows.length;
  }
  const parent = new Map(doc.diagrams.map((d) => [d.id, d.refines?.diagram]));
  let depth = 0;
  for (const d of doc.diagrams) {
    let k = 0;
    const seen = new Set<string>();
    for (let cur: string | undefined = d.id; cur !== undefined && !seen.has(cur) && k <= LIMITS.depth; cur = parent.get(cur)) {
      seen.add(cur);
      k++;
    }
    depth = Math.max(depth, k);
    if (depth > LIMITS.depth) break;
  }
  const cli = 'npm run --silent flowbook -- check <文件>';
  const say = (zh: string, en: string, value: number, limit: number): Message => ({
    zh: `这个图有 ${value} ${zh}，超过建模器的上限 ${limit}：请拆分它，或用命令行检查（${cli}）`,
    en: `this document has ${value} ${en}, more than the modeller's limit of ${limit}: split it, or check it with the command line (${cli.replace('<文件>', '<file>')})`,
  });
  if (nodes > LIMITS.nodes) return say('个符号', 'symbols', nodes, LIMITS.nodes);
  if (flows > LIMITS.flows) return say('条数据流', 'flows', flows, LIMITS.flows);
  if (doc.diagrams.length > LIMITS.diagrams) return say('张图', 'diagrams', doc.diagrams.length, LIMITS.diagrams);
  if (depth > LIMITS.depth) return say('层以上的分解', 'levels of decomposition or more', depth, LIMITS.depth);
  return null;
}

function overLimitBfc(nodes: number, flows: number): Message | null {
  const cli = 'npm run --silent flowbook -- check <文件>';
  const say = (zh: string, en: string, value: number, limit: number): Message => ({
    zh: `这个图有 ${value} ${zh}，超过建模器的上限 ${limit}：请拆分它，或用命令行检查（${cli}）`,
    en: `this chart has ${value} ${en}, more than the modeller's limit of ${limit}: split it, or check it with the command line (${cli.replace('<文件>', '<file>')})`,
  });
  if (nodes > LIMITS.nodes) return say('个符号', 'symbols', nodes, LIMITS.nodes);
  if (flows > LIMITS.flows) return say('条信息传递', 'flows', flows, LIMITS.flows);
  return null;
}

/** Reads a DFD or a business flow chart, by its `format` (a DFD when it names neither: the DFD reader then says what is wrong). */
function readAny(input: unknown): { ok: true; doc: EditorDocument } | { ok: false; error: Message } {
  if (detectFormat(input) === 'bfc') return typeof input === 'string' ? readBfc(input) : restoreBfc(input);
  return readDocument(input);
}

/** Serializes either kind of document (JSON text, stable, 2-space). */
export function serializeAny(doc: EditorDocument): string {
  return isBfc(doc) ? serializeBfc(doc) : serializeDocument(doc);
}

/** A document from outside: JSON text or a parsed value (a DFD or a business flow chart); Mermaid flowchart text for 'mermaid'. */
export function restoreDocument(input: unknown, source: Source = 'file'): Restored<EditorDocument> {
  if (typeof input === 'string' && input.length > LIMITS.text) {
    return {
      ok: false,
      error: {
        zh: `文本有 ${input.length} 个字符，超过建模器的上限 ${LIMITS.text}`,
        en: `the text has ${input.length} characters, more than the modeller's limit of ${LIMITS.text}`,
      },
    };
  }
  const r = source === 'mermaid' ? fromMermaid(typeof input === 'string' ? input : '') : readAny(input);
  if (!r.ok) return { ok: false, error: { zh: r.error.zh, en: r.error.en } };
  const over = overLimit(r.doc);
  if (over) return { ok: false, error: over };
  // What is accepted must save, export and share: a document JSON cannot write (fields nested
  // thousands of levels deep) is refused now, not found unsavable later.
  try {
    serializeAny(r.doc);
  } catch {
    return { ok: false, error: { zh: '这个文件的结构嵌套过深，无法保存：请删去多余的嵌套字段', en: 'this file is nested too deeply to be saved: remove the extra nested fields' } };
  }
  return { ok: true, value: r.doc };
}

/**
 * The document in a share link's hash; null when the hash holds no share. The link is size-checked
 * before it is decompressed (the modeller never hands out one longer than MAX_SHARE_URL), so a
 * crafted link cannot expand into gigabytes.
 */
export function restoreShare(hash: string): Restored<EditorDocument> | null {
  if (!hash.includes('share=')) return null;
  if (hash.length > 2 * MAX_SHARE_URL) {
    return {
      ok: false,
      error: {
        zh: `链接有 ${hash.length} 个字符，超过分享链接的上限 ${2 * MAX_SHARE_URL}`,
        en: `the link has ${hash.length} characters, more than a share link's limit of ${2 * MAX_SHARE_URL}`,
      },
    };
  }
  const text = readShareHash(hash);
  if (text === null) return null;
  return restoreDocument(text, 'share');
}

/** An exercise as served at /exercises/<slug>.json: its reference and start restored like any document. */
export function restoreExercise(slug: string, data: unknown): Restored<Exercise> {
  const bad = (why: string): Restored<Exercise> => ({ ok: false, error: { zh: `练习数据不完整：${why}`, en: `the exercise data is incomplete: ${why}` } });
  if (data === null || typeof data !== 'object') return bad('not an object');
  const o = data as Record<string, unknown>;
  if (typeof o.title !== 'string' || typeof o.scenario !== 'string') return bad('title, scenario');
  const ref = restoreDocument(o.reference, 'exercise');
  if (!ref.ok) return ref;
  const start = o.start === undefined ? undefined : restoreDocument(o.start, 'exercise');
  if (start && !start.ok) return start;
  // The business flow chart's reference, when the exercise has one (its 业务流程图 tab).
  const chart = o.bfc === undefined ? undefined : restoreDocument(o.bfc, 'exercise');
  if (chart && !chart.ok) return chart;
  if (isBfc(ref.value) || (start?.ok && isBfc(start.value)) || (chart?.ok && !isBfc(chart.value))) return bad('reference, start, bfc');
  return {
    ok: true,
    value: {
      slug,
      title: o.title,
      scenario: o.scenario,
      ...(typeof o.task === 'string' ? { task: o.task } : {}),
      ...(typeof o.chartTask === 'string' ? { chartTask: o.chartTask } : {}),
      reference: ref.value,
      ...(start?.ok && !isBfc(start.value) ? { start: start.value } : {}),
      ...(chart?.ok && isBfc(chart.value) ? { bfc: chart.value } : {}),
    },
  };
}

/**
 * A record read back from IndexedDB: stored data is not trusted. Its document goes through the
 * same checks as a file (a damaged or older record is restored or refused, never half-opened).
 */
export function restoreStored(raw: unknown): { ok: true; record: StoredDiagram } | { ok: false; error: Message } {
  if (raw === null || typeof raw !== 'object') return { ok: false, error: { zh: '保存的记录已损坏：不是对象', en: 'the stored record is damaged: not an object' } };
  const o = raw as Record<string, unknown>;
  if (typeof o.id !== 'string' || typeof o.name !== 'string')
    return { ok: false, error: { zh: '保存的记录已损坏：缺少编号或名称', en: 'the stored record is damaged: its id or name is missing' } };
  const doc = restoreDocument(o.doc);
  if (!doc.ok) return { ok: false, error: { zh: `「${o.name}」已损坏：${doc.error.zh}`, en: `"${o.name}" is damaged: ${doc.error.en}` } };
  const record: StoredDiagram = {
    id: o.id,
    name: o.name,
    doc: doc.value,
    rev: typeof o.rev === 'number' && Number.isFinite(o.rev) ? o.rev : 0,
    updated: typeof o.updated === 'number' && Number.isFinite(o.updated) ? o.updated : 0,
  };
  if (typeof o.exercise === 'string') record.exercise = o.exercise;
  return { ok: true, record };
}

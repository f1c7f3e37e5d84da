/**
 * One door for everything that comes from outside the editor: files, drops, pasted Mermaid,
 * share links, exercises and records read back from IndexedDB all go parse → check → restore
 * (the core's readDocument, with its migrations table), as Excalidraw's `restore` does. What cannot
 * be restored is refused as a whole with one message; nothing half-read reaches the store.
 */
import type { DfdDocument } from '@schemas/dfd.ts';
import type { Exercise } from '@schemas/exercise.ts';
import { fromMermaid, readDocument } from '../core.ts';
import type { StoredDiagram } from '../storage/db.ts';
import { readShareHash } from './share.ts';

export type Message = { zh: string; en: string };
export type Restored<T> = { ok: true; value: T } | { ok: false; error: Message };

export type Source = 'file' | 'mermaid' | 'share' | 'exercise';

/** A document from outside: JSON text or a parsed value; Mermaid flowchart text for 'mermaid'. */
export function restoreDocument(input: unknown, source: Source = 'file'): Restored<DfdDocument> {
  const r = source === 'mermaid' ? fromMermaid(typeof input === 'string' ? input : '') : readDocument(input);
  return r.ok ? { ok: true, value: r.doc } : { ok: false, error: { zh: r.error.zh, en: r.error.en } };
}

/** The document in a share link's hash; null when the hash holds no share. */
export function restoreShare(hash: string): Restored<DfdDocument> | null {
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
  return { ok: true, value: { slug, title: o.title, scenario: o.scenario, reference: ref.value, ...(start?.ok ? { start: start.value } : {}) } };
}

/**
 * A record read back from IndexedDB: stored data is not trusted. Its document goes through the
 * same checks as a file (a damaged or older record is restored or refused, never half-opened).
 */
export function restoreStored(raw: unknown): { ok: true; record: StoredDiagram } | { ok: false; error: Message } {
  if (raw === null || typeof raw !== 'object') return { ok: false, error: { zh: '保存的记录已损坏：不是对象', en: 'the stored record is damaged: not an object' } };
  const o = raw as Record<string, unknown>;
  if (typeof o.id !== 'string' || typeof o.name !== 'string') return { ok: false, error: { zh: '保存的记录已损坏：缺少编号或名称', en: 'the stored record is damaged: its id or name is missing' } };
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

/**
 * Reading a document from outside, the slow part of an import: the file's text, the restore path
 * (parse → check → limits, io/restore.ts) and the layout of every level that has symbols without
 * positions. It runs in a Web Worker (read.worker.ts, started by reader.ts) so that a large
 * document never freezes the page; it reports progress level by level and stops between levels
 * when it is cancelled. The same function runs on the page where workers are unavailable.
 */
import type { DfdDocument } from '@schemas/dfd.ts';
import { isBfc, type EditorDocument } from '../model/bfc.ts';
import { layoutDiagram } from '../core.ts';
import { LIMITS, restoreDocument, type Restored, type Source } from './restore.ts';

export type ReadInput = { text: string } | { file: Blob };

export interface ReadProgress {
  /** 'read': the text is being read and checked; 'layout': levels are being laid out. */
  stage: 'read' | 'layout';
  done: number;
  total: number;
}

/**
 * A file too large to hold a document within the limits is refused before its text is read:
 * UTF-8 takes at most 3 bytes for each UTF-16 unit JavaScript counts, so a file of more than
 * 3 × LIMITS.text bytes certainly holds more than LIMITS.text characters.
 */
export const MAX_FILE_BYTES = 3 * LIMITS.text;

const MB = (n: number) => (n / 1024 / 1024).toFixed(1);

/** The document, a message, or null when `cancelled()` turned true on the way. */
export async function readJob(input: ReadInput, source: Source, onProgress: (p: ReadProgress) => void, cancelled: () => boolean): Promise<Restored<EditorDocument> | null> {
  let text: string;
  if ('file' in input) {
    if (input.file.size > MAX_FILE_BYTES) {
      const cli = 'npm run --silent flowbook -- check <文件>';
      return {
        ok: false,
        error: {
          zh: `文件有 ${MB(input.file.size)} MB，超过建模器的上限 ${MB(MAX_FILE_BYTES)} MB（${LIMITS.text} 个字符）：请拆分它，或用命令行检查（${cli}）`,
          en: `the file is ${MB(input.file.size)} MB, more than the modeller's limit of ${MB(MAX_FILE_BYTES)} MB (${LIMITS.text} characters): split it, or check it with the command line (${cli.replace('<文件>', '<file>')})`,
        },
      };
    }
    onProgress({ stage: 'read', done: 0, total: 1 });
    text = await input.file.text();
  } else {
    text = input.text;
  }
  if (cancelled()) return null;
  onProgress({ stage: 'read', done: 0, total: 1 });
  const r = restoreDocument(text, source);
  if (!r.ok || cancelled()) return cancelled() ? null : r;
  // A business flow chart lays out its lanes itself (layoutBfc) as it is drawn.
  if (isBfc(r.value)) return r;
  // Each level without positions is laid out on its own, one step of progress each.
  const todo = r.value.diagrams.filter((d) => d.nodes.some((n) => n.x === undefined || n.y === undefined)).map((d) => d.id);
  let doc: DfdDocument = r.value;
  for (let i = 0; i < todo.length; i++) {
    onProgress({ stage: 'layout', done: i, total: todo.length });
    try {
      doc = await layoutDiagram(doc, todo[i]!);
    } catch {
      // The canvas places symbols without positions on a grid.
    }
    if (cancelled()) return null;
  }
  return { ok: true, value: doc };
}

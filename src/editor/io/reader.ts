/**
 * Starts a read of a document from outside (read-job.ts) in a Web Worker, with progress and a
 * cancel that stops it at once (the worker is terminated). Where a worker cannot start (no Worker,
 * or its script failed to load), the same job runs on the page, cancelled between levels.
 */
import type { EditorDocument } from '../model/bfc.ts';
import { readJob, type ReadInput, type ReadProgress } from './read-job.ts';
import type { Restored, Source } from './restore.ts';
import type { ReadReply, ReadRequest } from './read.worker.ts';

export type ReadResult = Restored<EditorDocument> | 'cancelled';

export interface ReadTask {
  done: Promise<ReadResult>;
  cancel(): void;
}

function onPage(input: ReadInput, source: Source, onProgress: (p: ReadProgress) => void): ReadTask {
  let stop = false;
  return {
    done: readJob(input, source, onProgress, () => stop).then((r) => r ?? 'cancelled'),
    cancel: () => {
      stop = true;
    },
  };
}

export function startRead(input: ReadInput, source: Source, onProgress: (p: ReadProgress) => void): ReadTask {
  if (typeof Worker === 'undefined') return onPage(input, source, onProgress);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module', name: 'flowbook-read' });
  } catch {
    return onPage(input, source, onProgress);
  }
  let settle!: (r: ReadResult) => void;
  const done = new Promise<ReadResult>((resolve) => (settle = resolve));
  let heard = false;
  let fallback: ReadTask | null = null;
  const finish = (r: ReadResult) => {
    worker.terminate();
    settle(r);
  };
  worker.onmessage = (e: MessageEvent<ReadReply>) => {
    heard = true;
    const m = e.data;
    if (m.type === 'progress') onProgress({ stage: m.stage, done: m.done, total: m.total });
    else if (m.type === 'done') finish(m.result);
    else finish({ ok: false, error: { zh: `读取失败：${m.message}`, en: `reading failed: ${m.message}` } });
  };
  worker.onerror = (e) => {
    e.preventDefault();
    worker.terminate();
    if (heard) {
      settle({ ok: false, error: { zh: `读取失败：${e.message}`, en: `reading failed: ${e.message}` } });
      return;
    }
    // The worker's script did not start: the page does the work.
    fallback = onPage(input, source, onProgress);
    void fallback.done.then(settle);
  };
  const req: ReadRequest = { input, source };
  worker.postMessage(req);
  return {
    done,
    cancel: () => {
      if (fallback) fallback.cancel();
      else finish('cancelled');
    },
  };
}

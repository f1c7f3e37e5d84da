/**
 * The Web Worker that reads documents from outside (read-job.ts) off the page's thread. One
 * message in (`ReadRequest`), progress messages and one `done` message out; the page cancels a
 * read by terminating the worker.
 */
import { readJob, type ReadInput, type ReadProgress } from './read-job.ts';
import type { Restored, Source } from './restore.ts';
import type { EditorDocument } from '../model/bfc.ts';

export interface ReadRequest {
  input: ReadInput;
  source: Source;
}

export type ReadReply = ({ type: 'progress' } & ReadProgress) | { type: 'done'; result: Restored<EditorDocument> } | { type: 'failed'; message: string };

const scope = self as unknown as { postMessage(m: ReadReply): void; onmessage: ((e: MessageEvent<ReadRequest>) => void) | null };

scope.onmessage = (e) => {
  const { input, source } = e.data;
  readJob(
    input,
    source,
    (p) => scope.postMessage({ type: 'progress', ...p }),
    () => false,
  ).then(
    (result) => scope.postMessage(result ? { type: 'done', result } : { type: 'failed', message: 'cancelled' }),
    (err: unknown) => scope.postMessage({ type: 'failed', message: String(err) }),
  );
};

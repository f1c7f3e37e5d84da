/**
 * Where the modeller keeps work: IndexedDB, one record per named diagram, with a revision number
 * so that two tabs never overwrite each other silently (a save names the revision it started
 * from; if the stored one is newer, the save is refused as a conflict). When IndexedDB cannot be
 * used the same interface keeps everything in memory and says why.
 */
import type { EditorDocument } from '../model/bfc.ts';
import type { Viewport } from '@xyflow/react';

export interface StoredDiagram {
  id: string;
  name: string;
  doc: EditorDocument;
  rev: number;
  updated: number;
  /** Set for an exercise's work: the exercise slug. */
  exercise?: string;
}

export interface ViewState {
  diagramId: string;
  viewports?: Record<string, Viewport>;
}

export type StorageProblem = 'full' | 'unavailable' | 'blocked';

export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    message?: string,
  ) {
    super(message ?? problem);
  }
}

export type PutResult = { ok: true; rev: number } | { ok: false; conflict: StoredDiagram };

export interface DiagramStore {
  readonly persistent: boolean;
  list(): Promise<StoredDiagram[]>;
  get(id: string): Promise<StoredDiagram | undefined>;
  /** Saves `rec` if the stored revision is still `baseRev` (0: not stored yet). */
  put(rec: Omit<StoredDiagram, 'rev' | 'updated'>, baseRev: number): Promise<PutResult>;
  remove(id: string): Promise<void>;
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
}

const DB_NAME = 'flowbook-modeller';
const DIAGRAMS = 'diagrams';
const META = 'meta';

function classify(err: unknown): StorageError {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return new StorageError('full', String(err));
  return new StorageError('unavailable', String(err));
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'));
  });
}

export function openDatabase(timeoutMs = 4000): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let r: IDBOpenDBRequest;
    try {
      if (typeof indexedDB === 'undefined' || !indexedDB) throw new Error('indexedDB is not available');
      r = indexedDB.open(DB_NAME, 1);
    } catch (err) {
      reject(new StorageError('unavailable', String(err)));
      return;
    }
    const timer = setTimeout(() => reject(new StorageError('blocked', 'timed out opening IndexedDB')), timeoutMs);
    r.onupgradeneeded = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains(DIAGRAMS)) db.createObjectStore(DIAGRAMS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    };
    r.onblocked = () => {
      clearTimeout(timer);
      reject(new StorageError('blocked'));
    };
    r.onsuccess = () => {
      clearTimeout(timer);
      resolve(r.result);
    };
    r.onerror = () => {
      clearTimeout(timer);
      reject(classify(r.error));
    };
  });
}

export class IdbStore implements DiagramStore {
  readonly persistent = true;
  constructor(private readonly db: IDBDatabase) {}

  async list(): Promise<StoredDiagram[]> {
    try {
      const tx = this.db.transaction(DIAGRAMS, 'readonly');
      const all = await req(tx.objectStore(DIAGRAMS).getAll() as IDBRequest<StoredDiagram[]>);
      return all.sort((a, b) => b.updated - a.updated);
    } catch (err) {
      throw classify(err);
    }
  }

  async get(id: string): Promise<StoredDiagram | undefined> {
    try {
      const tx = this.db.transaction(DIAGRAMS, 'readonly');
      return await req(tx.objectStore(DIAGRAMS).get(id) as IDBRequest<StoredDiagram | undefined>);
    } catch (err) {
      throw classify(err);
    }
  }

  async put(rec: Omit<StoredDiagram, 'rev' | 'updated'>, baseRev: number): Promise<PutResult> {
    try {
      const tx = this.db.transaction(DIAGRAMS, 'readwrite');
      const os = tx.objectStore(DIAGRAMS);
      const cur = (await req(os.get(rec.id))) as StoredDiagram | undefined;
      if (cur && cur.rev !== baseRev) {
        tx.abort();
        return { ok: false, conflict: cur };
      }
      const rev = (cur?.rev ?? baseRev) + 1;
      os.put({ ...rec, rev, updated: Date.now() });
      await done(tx);
      return { ok: true, rev };
    } catch (err) {
      throw classify(err);
    }
  }

  async remove(id: string): Promise<void> {
    try {
      const tx = this.db.transaction([DIAGRAMS, META], 'readwrite');
      tx.objectStore(DIAGRAMS).delete(id);
      tx.objectStore(META).delete(`view:${id}`);
      await done(tx);
    } catch (err) {
      throw classify(err);
    }
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    try {
      const tx = this.db.transaction(META, 'readonly');
      return (await req(tx.objectStore(META).get(key))) as T | undefined;
    } catch (err) {
      throw classify(err);
    }
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    try {
      const tx = this.db.transaction(META, 'readwrite');
      tx.objectStore(META).put(value, key);
      await done(tx);
    } catch (err) {
      throw classify(err);
    }
  }
}

/** Keeps everything in memory: used when IndexedDB is unavailable. Same conflict rules. */
export class MemoryStore implements DiagramStore {
  readonly persistent = false;
  private readonly diagrams = new Map<string, StoredDiagram>();
  private readonly meta = new Map<string, unknown>();

  async list() {
    return [...this.diagrams.values()].sort((a, b) => b.updated - a.updated);
  }
  async get(id: string) {
    return this.diagrams.get(id);
  }
  async put(rec: Omit<StoredDiagram, 'rev' | 'updated'>, baseRev: number): Promise<PutResult> {
    const cur = this.diagrams.get(rec.id);
    if (cur && cur.rev !== baseRev) return { ok: false, conflict: cur };
    const rev = (cur?.rev ?? baseRev) + 1;
    this.diagrams.set(rec.id, { ...rec, rev, updated: Date.now() });
    return { ok: true, rev };
  }
  async remove(id: string) {
    this.diagrams.delete(id);
    this.meta.delete(`view:${id}`);
  }
  async getMeta<T>(key: string) {
    return this.meta.get(key) as T | undefined;
  }
  async setMeta(key: string, value: unknown) {
    this.meta.set(key, value);
  }
}

/** Opens IndexedDB, or falls back to memory and reports the problem. */
export async function openStore(): Promise<{ store: DiagramStore; problem?: StorageProblem }> {
  try {
    const db = await openDatabase();
    return { store: new IdbStore(db) };
  } catch (err) {
    return { store: new MemoryStore(), problem: err instanceof StorageError ? err.problem : 'unavailable' };
  }
}

/** Tells other tabs about saves, so a tab showing an older revision can offer to reload. */
export interface SaveNotice {
  type: 'saved' | 'removed';
  id: string;
  rev: number;
  tab: string;
}

export function saveChannel(onNotice: (n: SaveNotice) => void): { post(n: SaveNotice): void; close(): void } {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
  const ch = new BroadcastChannel('flowbook-modeller');
  ch.onmessage = (e: MessageEvent<SaveNotice>) => onNotice(e.data);
  return { post: (n) => ch.postMessage(n), close: () => ch.close() };
}

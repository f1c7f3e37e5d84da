/**
 * Keeping work: the named diagram that is open, autosave of every change to IndexedDB, the view
 * (diagram shown, viewports) so that a reload comes back to the same place, and the protection
 * against two tabs overwriting each other (revisions + BroadcastChannel).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch } from 'react';
import type { Viewport } from '@xyflow/react';
import type { DfdDocument } from '@schemas/dfd.ts';
import type { EditorAction, EditorState } from '../model/editor.ts';
import {
  MemoryStore,
  StorageError,
  openStore,
  saveChannel,
  type DiagramStore,
  type SaveNotice,
  type StorageProblem,
  type StoredDiagram,
  type ViewState,
} from '../storage/db.ts';

export interface SessionInfo {
  id: string;
  name: string;
  exercise?: string;
}

export type SaveStatus = 'loading' | 'saved' | 'saving' | 'dirty' | 'conflict' | 'error';

export function newRecordId(): string {
  const c = globalThis.crypto;
  if (c && 'randomUUID' in c) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

const TAB = newRecordId();
const SAVE_DELAY = 250;

export function useSession(state: EditorState, dispatch: Dispatch<EditorAction>) {
  const storeRef = useRef<DiagramStore>(new MemoryStore());
  const [ready, setReady] = useState(false);
  const [problem, setProblem] = useState<StorageProblem | null>(null);
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const [status, setStatus] = useState<SaveStatus>('loading');
  const [conflict, setConflict] = useState<StoredDiagram | null>(null);
  const [persistent, setPersistent] = useState(false);

  const rev = useRef(0);
  const savedDoc = useRef<DfdDocument | null>(null);
  const savedName = useRef<string | null>(null);
  const infoRef = useRef(info);
  infoRef.current = info;
  const docRef = useRef(state.doc);
  docRef.current = state.doc;
  const view = useRef<ViewState>({ diagramId: state.diagramId });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const conflictRef = useRef(conflict);
  conflictRef.current = conflict;
  const channel = useRef<ReturnType<typeof saveChannel> | null>(null);

  const fail = useCallback((err: unknown) => {
    setProblem(err instanceof StorageError ? err.problem : 'unavailable');
    setStatus('error');
  }, []);

  /** Saves the open diagram if it changed; saves run one after another, never two at once. */
  const inflight = useRef<Promise<void>>(Promise.resolve());
  const saveNow = useCallback(async (): Promise<void> => {
    const cur = infoRef.current;
    if (!cur || conflictRef.current) return;
    const doc = docRef.current;
    if (doc === savedDoc.current && cur.name === savedName.current) {
      setStatus('saved');
      return;
    }
    setStatus('saving');
    try {
      const res = await storeRef.current.put({ id: cur.id, name: cur.name, doc, ...(cur.exercise ? { exercise: cur.exercise } : {}) }, rev.current);
      if (infoRef.current?.id !== cur.id) return;
      if (res.ok) {
        rev.current = res.rev;
        savedDoc.current = doc;
        savedName.current = cur.name;
        setProblem((p) => (p === 'full' ? null : p));
        channel.current?.post({ type: 'saved', id: cur.id, rev: res.rev, tab: TAB });
        // Changes made while saving have their own save scheduled by the autosave effect.
        const more = docRef.current !== doc || infoRef.current?.name !== cur.name;
        setStatus(more ? 'dirty' : 'saved');
      } else {
        conflictRef.current = res.conflict;
        setConflict(res.conflict);
        setStatus('conflict');
      }
    } catch (err) {
      fail(err);
    }
  }, [fail]);
  const save = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    inflight.current = inflight.current.then(saveNow, saveNow);
    return inflight.current;
  }, [saveNow]);

  // Autosave every change to the document (and renames).
  useEffect(() => {
    if (!ready || !info) return;
    if (state.doc === savedDoc.current && info.name === savedName.current) return;
    if (conflictRef.current) return;
    setStatus('dirty');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_DELAY);
  }, [state.doc, info, ready, save]);

  // The view (which level is shown) is kept per diagram, outside the revision check.
  const viewTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveView = useCallback(() => {
    clearTimeout(viewTimer.current);
    viewTimer.current = setTimeout(() => {
      const cur = infoRef.current;
      if (cur) storeRef.current.setMeta(`view:${cur.id}`, view.current).catch(() => {});
    }, 200);
  }, []);
  useEffect(() => {
    if (!ready || view.current.diagramId === state.diagramId) return;
    view.current = { ...view.current, diagramId: state.diagramId };
    saveView();
  }, [state.diagramId, ready, saveView]);

  const saveViewport = useCallback(
    (diagramId: string, vp: Viewport) => {
      view.current = { ...view.current, viewports: { ...view.current.viewports, [diagramId]: vp } };
      saveView();
    },
    [saveView],
  );

  // Flush a pending save when the page goes away.
  useEffect(() => {
    const flush = () => {
      if (timer.current) {
        clearTimeout(timer.current);
        void save();
      }
    };
    window.addEventListener('pagehide', flush);
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [save]);

  // Another tab saved the diagram we have open: offer its version (never overwrite either).
  useEffect(() => {
    const ch = saveChannel((n: SaveNotice) => {
      if (n.tab === TAB || n.id !== infoRef.current?.id) return;
      if (n.type === 'saved' && n.rev > rev.current) {
        void storeRef.current.get(n.id).then((rec) => {
          if (rec && rec.rev > rev.current) {
            setConflict(rec);
            setStatus('conflict');
          }
        });
      }
    });
    channel.current = ch;
    return () => ch.close();
  }, []);

  const open = useCallback(
    async (rec: StoredDiagram, v?: ViewState | null) => {
      // Whatever the diagram being left still had to save is saved first.
      if (infoRef.current && infoRef.current.id !== rec.id) await save();
      rev.current = rec.rev;
      savedDoc.current = rec.doc;
      savedName.current = rec.name;
      view.current = v ?? { diagramId: rec.doc.diagrams[0]!.id };
      conflictRef.current = null;
      setConflict(null);
      const next = { id: rec.id, name: rec.name, ...(rec.exercise ? { exercise: rec.exercise } : {}) };
      infoRef.current = next;
      docRef.current = rec.doc;
      setInfo(next);
      dispatch({ type: 'load', doc: rec.doc, diagramId: view.current.diagramId });
      setStatus(rev.current > 0 ? 'saved' : 'dirty');
      storeRef.current.setMeta('current', rec.id).catch(() => {});
    },
    [dispatch, save],
  );

  /** Opens the stored diagram `id` with its saved view. */
  const openId = useCallback(
    async (id: string): Promise<boolean> => {
      try {
        const rec = await storeRef.current.get(id);
        if (!rec) return false;
        const v = await storeRef.current.getMeta<ViewState>(`view:${id}`).catch(() => undefined);
        await open(rec, v);
        return true;
      } catch (err) {
        fail(err);
        return false;
      }
    },
    [open, fail],
  );

  /** Stores a new named diagram and opens it. */
  const create = useCallback(
    async (doc: DfdDocument, name: string, opts: { id?: string; exercise?: string; lazy?: boolean } = {}) => {
      const id = opts.id ?? newRecordId();
      const rec = { id, name, doc, ...(opts.exercise ? { exercise: opts.exercise } : {}) };
      if (opts.lazy) {
        // A blank new diagram is stored with its first change, so untouched ones leave no trace.
        await open({ ...rec, rev: 0, updated: Date.now() });
        setStatus('saved');
        return;
      }
      try {
        const res = await storeRef.current.put(rec, 0);
        await open({ ...rec, rev: res.ok ? res.rev : 0, updated: Date.now() });
        if (res.ok) channel.current?.post({ type: 'saved', id, rev: res.rev, tab: TAB });
      } catch (err) {
        fail(err);
        await open({ ...rec, rev: 0, updated: Date.now() });
      }
    },
    [open, fail],
  );

  const rename = useCallback((name: string) => {
    setInfo((i) => (i ? { ...i, name } : i));
  }, []);

  const remove = useCallback(async (): Promise<void> => {
    const cur = infoRef.current;
    if (!cur) return;
    clearTimeout(timer.current);
    await inflight.current;
    // Nothing of the removed diagram is saved again.
    savedDoc.current = docRef.current;
    savedName.current = cur.name;
    infoRef.current = null;
    try {
      await storeRef.current.remove(cur.id);
      channel.current?.post({ type: 'removed', id: cur.id, rev: rev.current, tab: TAB });
    } catch (err) {
      fail(err);
    }
  }, [fail]);

  const list = useCallback(async (): Promise<StoredDiagram[]> => {
    try {
      return await storeRef.current.list();
    } catch (err) {
      fail(err);
      return [];
    }
  }, [fail]);

  const resolveConflict = useCallback(
    async (how: 'reload' | 'copy', copyName: string) => {
      const c = conflictRef.current;
      const cur = infoRef.current;
      if (!c || !cur) return;
      if (how === 'reload') {
        const v = await storeRef.current.getMeta<ViewState>(`view:${c.id}`).catch(() => undefined);
        await open(c, v ?? { diagramId: view.current.diagramId });
      } else {
        // The other tab's version stays under the original; ours goes to a new diagram.
        savedDoc.current = docRef.current;
        savedName.current = cur.name;
        conflictRef.current = null;
        setConflict(null);
        await create(docRef.current, copyName, cur.exercise ? { exercise: cur.exercise, id: `${cur.id}-${newRecordId().slice(0, 8)}` } : {});
      }
    },
    [open, create],
  );

  /** Opens storage; `start` decides what to open first (it may call openId or create). */
  const init = useCallback(async (start: (api: { store: DiagramStore; openId: typeof openId; create: typeof create }) => Promise<void>) => {
    const { store, problem: p } = await openStore();
    storeRef.current = store;
    setPersistent(store.persistent);
    if (p) setProblem(p);
    await start({ store, openId, create });
    setReady(true);
  }, [openId, create]);

  const getView = useCallback(() => view.current, []);

  return useMemo(
    () => ({ ready, problem, info, status, conflict, persistent, init, openId, create, rename, remove, list, resolveConflict, saveViewport, getView, save }),
    [ready, problem, info, status, conflict, persistent, init, openId, create, rename, remove, list, resolveConflict, saveViewport, getView, save],
  );
}

export type Session = ReturnType<typeof useSession>;

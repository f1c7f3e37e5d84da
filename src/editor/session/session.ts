/**
 * Keeping work, without React: the named diagram that is open, autosave of every change to
 * IndexedDB, the view (level shown, viewports) so that a reload comes back to the same place, the
 * guard against two tabs overwriting each other (revisions + BroadcastChannel), and a flush when
 * the page goes away. It watches the store and reports its state into `store.session`.
 *
 * Every record read back from storage goes through the same restore path as a file
 * (io/restore.ts): a damaged record is not opened, and the others stay usable.
 */
import { dfdOf, type EditorDocument } from '../model/bfc.ts';
import type { Viewport } from '@xyflow/react';
import type { Store } from '../store/store.ts';
import type { SessionInfo, SessionState } from '../store/state.ts';
import { restoreStored } from '../io/restore.ts';
import { MemoryStore, StorageError, openStore, saveChannel, type DiagramStore, type SaveNotice, type StoredDiagram, type ViewState } from '../storage/db.ts';

export function newRecordId(): string {
  const c = globalThis.crypto;
  if (c && 'randomUUID' in c) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

const TAB = newRecordId();
export const SAVE_DELAY = 250;
/** localStorage key of the change flushed synchronously as the page went away. */
const JOURNAL = 'flowbook-modeller-journal';

export interface CreateOptions {
  id?: string;
  exercise?: string;
  /** A blank new diagram is stored with its first change, so untouched ones leave no trace. */
  lazy?: boolean;
}

export class Session {
  private backend: DiagramStore = new MemoryStore();
  private rev = 0;
  private savedDoc: EditorDocument | null = null;
  private savedName: string | null = null;
  private view: ViewState;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private viewTimer: ReturnType<typeof setTimeout> | undefined;
  private inflight: Promise<void> = Promise.resolve();
  private channel: ReturnType<typeof saveChannel> | null = null;
  private unsubscribe: (() => void) | null = null;
  /**
   * Diagrams left with changes storage could not keep (storage full or failing, memory only, a
   * conflict): held here, listed in 打开 as 未保存 and opened from here, until a save succeeds.
   */
  private unkept = new Map<string, StoredDiagram>();

  constructor(private readonly store: Store) {
    this.view = { diagramId: store.get().diagramId };
  }

  private get state(): SessionState {
    return this.store.get().session;
  }

  private report(patch: Partial<SessionState>): void {
    this.store.set((s) => ({ session: { ...s.session, ...patch } }));
  }

  private fail(err: unknown): void {
    this.report({ problem: err instanceof StorageError ? err.problem : 'unavailable', status: 'error' });
  }

  /** Starts watching the store (autosave, view) and other tabs; returns the stop function. */
  attach(): () => void {
    this.unsubscribe = this.store.subscribe((s, prev) => {
      if (s.doc !== prev.doc || s.session.info !== prev.session.info) this.schedule();
      if (s.diagramId !== prev.diagramId && s.session.ready && this.view.diagramId !== s.diagramId) {
        this.view = { ...this.view, diagramId: s.diagramId };
        this.saveView();
      }
    });
    this.channel = saveChannel((n: SaveNotice) => {
      if (n.tab === TAB || n.id !== this.state.info?.id) return;
      if (n.type === 'saved' && n.rev > this.rev) {
        void this.backend.get(n.id).then((rec) => {
          if (rec && rec.rev > this.rev) this.report({ conflict: rec, status: 'conflict' });
        });
      }
    });
    const flush = () => {
      if (!this.timer && this.state.status !== 'saving') return;
      // An IndexedDB write begun while the page goes away may never finish: the pending change is
      // also written synchronously to localStorage and taken up when the diagram is opened again.
      this.writeJournal();
      void this.save();
    };
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    // When storage cannot keep the changes (memory only, a failed save, a conflict), closing the
    // tab would lose them: the browser asks first.
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!this.hasUnkeptChanges()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      this.unsubscribe?.();
      this.channel?.close();
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      clearTimeout(this.timer);
      clearTimeout(this.viewTimer);
    };
  }

  /** The change not yet saved, kept synchronously (see `flush` in `attach`). */
  private writeJournal(): void {
    const info = this.state.info;
    const doc = this.store.get().doc;
    if (!info || info.shared || !this.state.persistent || doc === this.savedDoc) return;
    try {
      localStorage.setItem(JOURNAL, JSON.stringify({ id: info.id, name: info.name, rev: this.rev, doc }));
    } catch {
      // Storage full or refused: the asynchronous save is all there is.
    }
  }

  private dropJournal(id: string): void {
    try {
      const raw = localStorage.getItem(JOURNAL);
      if (raw && (JSON.parse(raw) as { id?: unknown }).id === id) localStorage.removeItem(JOURNAL);
    } catch {
      // nothing to drop
    }
  }

  /** A journal entry for record `rec` written when the page went away before its save finished. */
  private takeJournal(rec: StoredDiagram): StoredDiagram {
    let raw: string | null = null;
    try {
      raw = localStorage.getItem(JOURNAL);
    } catch {
      return rec;
    }
    if (!raw) return rec;
    try {
      const j = JSON.parse(raw) as { id?: unknown; name?: unknown; rev?: unknown; doc?: unknown };
      if (j.id !== rec.id) return rec;
      localStorage.removeItem(JOURNAL);
      // Only a change made on top of the revision stored now: never over another tab's newer save.
      if (j.rev !== rec.rev) return rec;
      const r = restoreStored({ ...rec, doc: j.doc, name: typeof j.name === 'string' ? j.name : rec.name });
      return r.ok ? { ...r.record, rev: rec.rev } : rec;
    } catch {
      return rec;
    }
  }

  /** The open diagram, when storage does not hold its changes, into the in-memory list (see `unkept`). */
  private keepUnkept(): void {
    const info = this.state.info;
    if (!info || !this.hasUnkeptChanges()) return;
    const { id, name, exercise } = info;
    this.unkept.set(id, { id, name, doc: this.store.get().doc, rev: this.rev, updated: Date.now(), ...(exercise ? { exercise } : {}) });
  }

  /** The diagram `id` is held in memory only (storage could not keep its last changes). */
  isUnkept(id: string): boolean {
    return this.unkept.has(id);
  }

  /** The open document has changes that storage does not hold and will not hold by itself. */
  hasUnkeptChanges(): boolean {
    const { ready, persistent, status, conflict, info } = this.state;
    if (!ready) return false;
    const unsaved = this.store.get().doc !== this.savedDoc;
    return unsaved && (!persistent || status === 'error' || conflict !== null || !!info?.shared);
  }

  /** Autosave: a change (or a rename) is saved a moment later, one save at a time. */
  private schedule(): void {
    const { ready, info, conflict } = this.state;
    if (!ready || !info || conflict || info.shared) return;
    if (this.store.get().doc === this.savedDoc && info.name === this.savedName) return;
    if (this.state.status !== 'dirty') this.report({ status: 'dirty' });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), SAVE_DELAY);
  }

  /** Saves the open diagram if it changed; saves run one after another, never two at once. */
  save(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const run = () => this.saveNow();
    this.inflight = this.inflight.then(run, run);
    return this.inflight;
  }

  private async saveNow(): Promise<void> {
    const cur = this.state.info;
    // A shared copy is not stored until the user keeps it (keepShared).
    if (!cur || this.state.conflict || cur.shared) return;
    const doc = this.store.get().doc;
    if (doc === this.savedDoc && cur.name === this.savedName) {
      this.report({ status: 'saved' });
      return;
    }
    this.report({ status: 'saving' });
    try {
      const res = await this.backend.put({ id: cur.id, name: cur.name, doc, ...(cur.exercise ? { exercise: cur.exercise } : {}) }, this.rev);
      if (this.state.info?.id !== cur.id) return;
      if (res.ok) {
        this.rev = res.rev;
        this.savedDoc = doc;
        this.savedName = cur.name;
        this.unkept.delete(cur.id);
        this.dropJournal(cur.id);
        this.channel?.post({ type: 'saved', id: cur.id, rev: res.rev, tab: TAB });
        // Changes made while saving have their own save scheduled.
        const more = this.store.get().doc !== doc || this.state.info?.name !== cur.name;
        this.report({ status: more ? 'dirty' : 'saved', ...(this.state.problem === 'full' ? { problem: null } : {}) });
      } else {
        this.report({ conflict: res.conflict, status: 'conflict' });
      }
    } catch (err) {
      this.fail(err);
    }
  }

  private saveView(): void {
    clearTimeout(this.viewTimer);
    this.viewTimer = setTimeout(() => {
      const cur = this.state.info;
      if (cur) this.backend.setMeta(`view:${cur.id}`, this.view).catch(() => {});
    }, 200);
  }

  saveViewport(diagramId: string, vp: Viewport): void {
    this.view = { ...this.view, viewports: { ...this.view.viewports, [diagramId]: vp } };
    this.saveView();
  }

  getView(): ViewState {
    return this.view;
  }

  private async open(rec: StoredDiagram, v?: ViewState | null, shared = false): Promise<void> {
    // Whatever the diagram being left still had to save is saved first; what storage could not
    // keep stays in memory, in the 打开 list, rather than being dropped.
    if (this.state.info && this.state.info.id !== rec.id) {
      await this.save();
      this.keepUnkept();
    }
    this.rev = rec.rev;
    this.savedDoc = rec.doc;
    this.savedName = rec.name;
    this.view = v ?? { diagramId: dfdOf(rec.doc).diagrams[0]!.id };
    const info: SessionInfo = { id: rec.id, name: rec.name, ...(rec.exercise ? { exercise: rec.exercise } : {}), ...(shared ? { shared: true } : {}) };
    this.store.dispatch({ type: 'load', doc: rec.doc, diagramId: this.view.diagramId });
    // A name field or menu open on the diagram left (an import can finish while one is) must not
    // land on an element of the one opened that happens to have the same id.
    this.store.set({ editing: null, menu: null });
    this.report({ info, conflict: null, status: this.rev > 0 || shared ? 'saved' : 'dirty' });
    // What /modeller/ opens next time changes only for the user's own documents.
    if (!shared) this.backend.setMeta('current', rec.id).catch(() => {});
  }

  /**
   * A document from a share link, opened as a copy held in memory only: nothing is stored and
   * the diagram /modeller/ opens next time stays the same until the user keeps it (keepShared);
   * edits to it are guarded by beforeunload like any unkept change.
   */
  async openShared(doc: EditorDocument, name: string): Promise<void> {
    await this.open({ id: newRecordId(), name, doc, rev: 0, updated: Date.now() }, undefined, true);
  }

  /** 保存到我的文档: the shared copy becomes one of the user's documents, and the one opened next time. */
  async keepShared(): Promise<void> {
    const info = this.state.info;
    if (!info?.shared) return;
    const { shared: _shared, ...own } = info;
    this.savedDoc = null;
    this.report({ info: own });
    await this.save();
    this.backend.setMeta('current', own.id).catch(() => {});
  }

  /**
   * The document /modeller/ opens when nothing else is asked for: the current one, else the first
   * stored one that restores (non-exercise first). False when there is none; `onDamaged` hears of
   * each record that cannot be restored.
   */
  async openCurrent(onDamaged?: (message: { zh: string; en: string }) => void): Promise<boolean> {
    const current = await this.backend.getMeta<string>('current').catch(() => undefined);
    if (current && (await this.openId(current, onDamaged))) return true;
    const all = await this.backend.list().catch(() => []);
    for (const r of [...all.filter((x) => !x.exercise), ...all.filter((x) => x.exercise)]) {
      if (r.id !== current && (await this.openId(r.id, onDamaged))) return true;
    }
    return false;
  }

  /**
   * Opens the stored diagram `id` with its saved view. False when there is none, or when the
   * record cannot be restored (then `onDamaged` hears why, and nothing is opened).
   */
  async openId(id: string, onDamaged?: (message: { zh: string; en: string }) => void): Promise<boolean> {
    const held = this.unkept.get(id);
    if (held) {
      // Held in memory: opened as it was left, still unsaved (a save is tried again).
      await this.open(held, { diagramId: dfdOf(held.doc).diagrams[0]!.id });
      this.savedDoc = null;
      this.report({ status: 'dirty' });
      this.schedule();
      return true;
    }
    try {
      const raw = await this.backend.get(id);
      if (!raw) return false;
      const r = restoreStored(raw);
      if (!r.ok) {
        onDamaged?.(r.error);
        return false;
      }
      const v = await this.backend.getMeta<ViewState>(`view:${id}`).catch(() => undefined);
      const rec = this.takeJournal(r.record);
      const view = v && dfdOf(rec.doc).diagrams.some((d) => d.id === v.diagramId) ? v : undefined;
      await this.open(rec, view);
      // A change taken from the journal is saved as any other.
      if (rec !== r.record) {
        this.savedDoc = r.record.doc;
        this.schedule();
      }
      return true;
    } catch (err) {
      this.fail(err);
      return false;
    }
  }

  /** Stores a new named diagram and opens it. */
  async create(doc: EditorDocument, name: string, opts: CreateOptions = {}): Promise<void> {
    const id = opts.id ?? newRecordId();
    const rec = { id, name, doc, ...(opts.exercise ? { exercise: opts.exercise } : {}) };
    if (opts.lazy) {
      await this.open({ ...rec, rev: 0, updated: Date.now() });
      this.report({ status: 'saved' });
      return;
    }
    try {
      const res = await this.backend.put(rec, 0);
      await this.open({ ...rec, rev: res.ok ? res.rev : 0, updated: Date.now() });
      if (res.ok) this.channel?.post({ type: 'saved', id, rev: res.rev, tab: TAB });
    } catch (err) {
      this.fail(err);
      await this.open({ ...rec, rev: 0, updated: Date.now() });
    }
  }

  rename(name: string): void {
    const info = this.state.info;
    if (info) this.report({ info: { ...info, name } });
  }

  async remove(): Promise<void> {
    const cur = this.state.info;
    if (!cur) return;
    clearTimeout(this.timer);
    await this.inflight;
    // Nothing of the removed diagram is saved again.
    this.unkept.delete(cur.id);
    this.savedDoc = this.store.get().doc;
    this.savedName = cur.name;
    this.report({ info: null });
    try {
      await this.backend.remove(cur.id);
      this.channel?.post({ type: 'removed', id: cur.id, rev: this.rev, tab: TAB });
    } catch (err) {
      this.fail(err);
    }
  }

  /** Renames a stored diagram in place (the open one through rename(), which autosave keeps). */
  async renameId(id: string, name: string): Promise<void> {
    if (this.state.info?.id === id) return this.rename(name);
    try {
      const rec = await this.backend.get(id);
      if (!rec) return;
      const res = await this.backend.put({ id, name, doc: rec.doc, ...(rec.exercise ? { exercise: rec.exercise } : {}) }, rec.rev);
      if (res.ok) this.channel?.post({ type: 'saved', id, rev: res.rev, tab: TAB });
    } catch (err) {
      this.fail(err);
    }
  }

  /** Stores a copy of a diagram (the open one as it is now) under a new name, without opening it. */
  async duplicateId(id: string, name: string): Promise<void> {
    try {
      const doc = this.state.info?.id === id ? this.store.get().doc : (await this.backend.get(id))?.doc;
      if (!doc) return;
      await this.backend.put({ id: newRecordId(), name, doc: structuredClone(doc) }, 0);
    } catch (err) {
      this.fail(err);
    }
  }

  /** Deletes a stored diagram that is not the open one (the open one: remove()). */
  async removeId(id: string): Promise<void> {
    if (this.state.info?.id === id) return;
    try {
      const rec = await this.backend.get(id);
      await this.backend.remove(id);
      this.channel?.post({ type: 'removed', id, rev: rec?.rev ?? 0, tab: TAB });
    } catch (err) {
      this.fail(err);
    }
  }

  /** The stored diagrams, with those held in memory only (newer than their stored copy, if any). */
  async list(): Promise<StoredDiagram[]> {
    let stored: StoredDiagram[] = [];
    try {
      stored = await this.backend.list();
    } catch (err) {
      this.fail(err);
    }
    this.keepUnkept();
    return [...[...this.unkept.values()], ...stored.filter((r) => !this.unkept.has(String(r.id)))];
  }

  async resolveConflict(how: 'reload' | 'copy', copyName: string): Promise<void> {
    const c = this.state.conflict;
    const cur = this.state.info;
    if (!c || !cur) return;
    if (how === 'reload') {
      const v = await this.backend.getMeta<ViewState>(`view:${c.id}`).catch(() => undefined);
      const r = restoreStored(c);
      if (r.ok) await this.open(r.record, v ?? { diagramId: this.view.diagramId });
    } else {
      // The other tab's version stays under the original; ours goes to a new diagram.
      this.savedDoc = this.store.get().doc;
      this.savedName = cur.name;
      this.report({ conflict: null });
      await this.create(this.store.get().doc, copyName, cur.exercise ? { exercise: cur.exercise, id: `${cur.id}-${newRecordId().slice(0, 8)}` } : {});
    }
  }

  /** Opens storage; `start` decides what to open first (it may call openId or create). */
  async init(start: (backend: DiagramStore) => Promise<void>): Promise<void> {
    const { store, problem } = await openStore();
    this.backend = store;
    this.report({ persistent: store.persistent, ...(problem ? { problem } : {}) });
    await start(store);
    this.report({ ready: true });
  }
}

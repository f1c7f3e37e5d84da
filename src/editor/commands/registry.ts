/**
 * Every user gesture as a named command (in the way of Excalidraw's action manager): the toolbar,
 * the palette, the key map, the context menu and the dialogs all run commands by id, so one
 * gesture behaves the same wherever it starts. What a command changes is decided by pure
 * functions (edit.ts, model/); this file wires them to the store, the session and the browser.
 */
import type { DfdEntry, NodeKind } from '@schemas/dfd.ts';
import type { SelectChange, Selection } from '../model/editor.ts';
import type { FlowPatch, NodePatch, Op } from '../model/ops.ts';
import { updateNodeOps } from '../model/actions.ts';
import type { XYPosition } from '@xyflow/react';
import type { DfdDocument } from '@schemas/dfd.ts';
import { layoutDiagram, layoutMissing, serializeDocument, toMermaid, type LayoutDirection } from '../core.ts';
import type { Lang, Messages } from '../i18n.ts';
import { EMPTY_SELECTION, currentDiagram } from '../model/editor.ts';
import { connectOp, diagramName, emptyDocument, notationOf, type Clip } from '../model/actions.ts';
import type { Session } from '../session/session.ts';
import type { Store } from '../store/store.ts';
import { selectedProcess, type DocumentItem } from '../store/state.ts';
import { copyText, downloadBlob, downloadText, fileStem } from '../io/download.ts';
import { diagramSvg, svgDataUri } from '../../lib/dfd/export/svg.ts';
import { svgToPng } from '../io/png.ts';
import { levelFileNames, zipStore } from '../io/zip.ts';
import { shareLink } from '../io/share.ts';
import { restoreStored, type Message, type Source } from '../io/restore.ts';
import { startRead, type ReadTask } from '../io/reader.ts';
import type { ReadInput, ReadProgress } from '../io/read-job.ts';
import * as edit from './edit.ts';
import type { CommandId } from './ids.ts';

/** What a command may be told about where it was started (a key on a focused symbol, a context menu on one…). */
export interface CommandArgs {
  focusedNode?: string;
  focusedFlow?: string;
  processId?: string;
  center?: XYPosition;
  /** reconnect-flow: the flow whose end was dragged (with its new `from` and `to`). */
  flowId?: string;
  /** connect: the two ends of the new flow. */
  from?: string;
  to?: string;
  /** move-nodes: where the dragged symbols were dropped. */
  positions?: Record<string, XYPosition>;
  /** select: a whole new selection, or changes to the current one (canvas clicks, Shift+click, box). */
  selection?: Selection;
  delta?: { nodes?: SelectChange[]; flows?: SelectChange[] };
  /** update-element: the element and the fields to change. */
  element?: { kind: 'node'; id: string; patch: NodePatch } | { kind: 'flow'; id: string; patch: FlowPatch };
  /** set-notation */
  notation?: 'gane-sarson' | 'yourdon';
  /** auto-layout: which way data reads (default: whichever fits the screen better). */
  direction?: LayoutDirection;
  /** show-level: the diagram to show, and what to select in it. */
  diagramId?: string;
  /** delete-selection: the ops a confirmation approved. */
  confirmedOps?: Op[];
  /** upsert-entry / remove-entry: the dictionary entry and its place (null: a new one). */
  entry?: DfdEntry;
  index?: number | null;
}

/** The browser side a command may need; given by the Modeller component. */
export interface CommandEnv {
  /** The centre of the visible canvas in flow coordinates (null before the canvas is there). */
  canvasCentre(): XYPosition | null;
  fitView(): void;
  /** Zooms the canvas a step in or out, or to 100 %. */
  zoom(how: 'in' | 'out' | 'reset'): void;
  /** Full screen on or off for the workspace (false when there was nothing to do). */
  toggleFullscreen(): void;
  /** Opens the file chooser of 导入 JSON. */
  chooseFile(): void;
  /** Moves keyboard focus to the findings list. */
  focusFindings(): void;
  /** Where on the page an element is (for a menu opened from the keyboard). */
  elementPoint(kind: 'node' | 'flow', id: string): { x: number; y: number };
}

/** Lays out every diagram that has nodes without positions (the canvas falls back to a grid if this fails). */
export async function withLayout(doc: DfdDocument): Promise<DfdDocument> {
  try {
    return await layoutMissing(doc);
  } catch {
    return doc;
  }
}

export class Commands {
  private clipboard: { clip: Clip; pastes: number } | null = null;
  private reading: ReadTask | null = null;
  private leaving: ((go: boolean) => void) | null = null;

  constructor(
    readonly store: Store,
    readonly session: Session,
    readonly t: Messages,
    readonly lang: Lang,
    readonly env: CommandEnv,
  ) {}

  private text(m: Message): string {
    return this.lang === 'en' ? m.en : m.zh;
  }

  private alert(text: string): void {
    this.store.set({ notice: { kind: 'alert', text } });
  }

  /** Runs a command; false when it did nothing (a key then keeps its usual meaning). */
  run(id: CommandId, args: CommandArgs = {}): boolean {
    const { store, t } = this;
    const s = store.get();
    switch (id) {
      case 'undo':
        store.dispatch({ type: 'undo' });
        return true;
      case 'redo':
        store.dispatch({ type: 'redo' });
        return true;
      case 'copy': {
        const clip = edit.copy(s);
        if (clip) this.clipboard = { clip, pastes: 0 };
        return !!clip;
      }
      case 'cut':
        if (!this.run('copy')) return false;
        this.run('delete-selection');
        return true;
      case 'paste': {
        const c = this.clipboard;
        if (!c) return false;
        c.pastes++;
        store.dispatch(edit.paste(s, c.clip, 32 * c.pastes));
        return true;
      }
      case 'duplicate-selection': {
        const a = edit.duplicateSelection(s);
        if (a) store.dispatch(a);
        return true; // Ctrl+D never bookmarks the page from the modeller
      }
      case 'select-all':
        store.dispatch(edit.selectAll(s));
        return true;
      case 'delete-selection': {
        if (args.confirmedOps) {
          store.dispatch({ type: 'apply', ops: args.confirmedOps, select: EMPTY_SELECTION });
          return true;
        }
        const r = edit.deleteSelection(s, t, args.focusedNode);
        if (!r) return false;
        if ('dialog' in r) store.set({ dialog: r.dialog });
        else store.dispatch(r.action);
        return true;
      }
      case 'edit-label': {
        const focused = args.focusedNode ? { kind: 'node' as const, id: args.focusedNode } : args.focusedFlow ? { kind: 'flow' as const, id: args.focusedFlow } : undefined;
        const target = edit.editTarget(s, focused);
        if (!target) return !!focused; // a focused boundary node: nothing to edit, nothing else happens
        store.set({ editing: target });
        return true;
      }
      case 'deselect':
        store.dispatch({ type: 'select', selection: EMPTY_SELECTION });
        return false;
      case 'add-entity':
      case 'add-process':
      case 'add-store':
        this.addNode(id === 'add-entity' ? 'entity' : id === 'add-process' ? 'process' : 'store', args.center);
        return true;
      case 'auto-layout':
        void this.autoLayout(args.direction);
        return true;
      case 'decompose': {
        const pid = args.processId ?? selectedProcess(s)?.id;
        const a = pid ? edit.decompose(s, t, pid) : null;
        if (a) store.dispatch(a);
        return !!a;
      }
      case 'toggle-context': {
        const d = currentDiagram(s);
        store.dispatch({ type: 'apply', ops: [{ type: 'updateDiagram', id: d.id, patch: { level: d.level === 'context' ? undefined : 'context' } }] });
        return true;
      }
      case 'rename-level':
        store.set({ dialog: { type: 'renameLevel' } });
        return true;
      case 'new-document':
        // Storage could not keep the open diagram: ask first; then the name of the new one.
        void this.confirmLeave().then((go) => {
          if (go) store.set({ dialog: { type: 'newDocument' } });
        });
        return true;
      case 'open-document':
        void this.listDocuments().then((items) => store.set({ dialog: { type: 'open', items } }));
        return true;
      case 'rename-document':
        store.set({ dialog: { type: 'rename' } });
        return true;
      case 'duplicate-document':
        void this.session.create(structuredClone(s.doc), t.copyOf(s.session.info?.name ?? t.newName));
        return true;
      case 'delete-document':
        store.set({ dialog: { type: 'delete' } });
        return true;
      case 'import-json':
        this.env.chooseFile();
        return true;
      case 'paste-mermaid':
        store.set({ dialog: { type: 'mermaidIn' } });
        return true;
      case 'export-json':
        downloadText(serializeDocument(s.doc), `${this.stem()}.dfd.json`, 'application/json');
        return true;
      case 'export-svg':
        downloadText(diagramSvg(s.doc, s.diagramId), `${this.stem()}${this.suffix()}.svg`, 'image/svg+xml');
        return true;
      case 'export-png':
        void svgToPng(diagramSvg(s.doc, s.diagramId), 2).then(
          (png) => downloadBlob(png, `${this.stem()}${this.suffix()}.png`),
          (err) => this.alert(String(err)),
        );
        return true;
      case 'export-all-svg':
      case 'export-all-png':
        void this.exportAll(id === 'export-all-svg' ? 'svg' : 'png');
        return true;
      case 'copy-mermaid': {
        const text = toMermaid(s.doc, { diagram: s.diagramId });
        void copyText(text).then((copied) => store.set({ dialog: { type: 'mermaidOut', text, copied } }));
        return true;
      }
      case 'print':
        store.set({ printing: true });
        return true;
      case 'share': {
        const link = shareLink(serializeDocument(s.doc), location.href);
        if (!link.ok) store.set({ dialog: { type: 'share', tooLong: link.length } });
        else void copyText(link.url).then((copied) => store.set({ dialog: { type: 'share', url: link.url, copied } }));
        return true;
      }
      case 'show-findings':
        if (s.panelsHidden) store.set({ panelsHidden: false });
        this.env.focusFindings();
        return true;
      case 'shortcuts':
        store.set({ dialog: { type: 'shortcuts' } });
        return true;
      case 'reverse-flow': {
        const a = edit.reverseFlow(s, args.focusedFlow);
        if (a) store.dispatch(a);
        return !!a;
      }
      case 'reconnect-flow': {
        if (!args.flowId || !args.from || !args.to) return false;
        const a = edit.reconnectFlow(s, args.flowId, args.from, args.to);
        if (a) store.dispatch(a);
        return !!a;
      }
      case 'zoom-in':
      case 'zoom-out':
      case 'zoom-reset':
        this.env.zoom(id === 'zoom-in' ? 'in' : id === 'zoom-out' ? 'out' : 'reset');
        return true;
      case 'zoom-fit':
        this.env.fitView();
        return true;
      case 'fullscreen':
        this.env.toggleFullscreen();
        return true;
      case 'findings-drawer':
        store.set({ dialog: { type: 'findings' } });
        return true;
      case 'toggle-panels':
        store.set({ panelsHidden: !s.panelsHidden });
        return true;
      case 'connect':
        if (!args.from || !args.to || args.from === args.to) return false;
        this.connect(args.from, args.to);
        return true;
      case 'move-nodes':
        if (!args.positions) return false;
        store.dispatch({ type: 'apply', ops: [{ type: 'moveNodes', diagram: s.diagramId, positions: args.positions }] });
        return true;
      case 'select':
        if (args.selection) store.dispatch({ type: 'select', selection: args.selection });
        else if (args.delta) store.dispatch({ type: 'selectDelta', ...args.delta });
        return true;
      case 'update-element': {
        const el = args.element;
        if (!el) return false;
        // A node's new name or code follows into every level below where it is repeated.
        if (el.kind === 'node') store.dispatch({ type: 'apply', ops: updateNodeOps(s.doc, s.diagramId, el.id, el.patch) });
        else store.dispatch({ type: 'apply', ops: [{ type: 'updateFlow', diagram: s.diagramId, id: el.id, patch: el.patch }] });
        return true;
      }
      case 'set-notation':
        if (!args.notation) return false;
        store.dispatch({ type: 'apply', ops: [{ type: 'updateDocument', patch: { notation: args.notation } }] });
        return true;
      case 'show-level':
        if (!args.diagramId) return false;
        store.dispatch({ type: 'showDiagram', diagramId: args.diagramId, ...(args.selection ? { select: args.selection } : {}) });
        return true;
      case 'upsert-entry':
        if (!args.entry || args.index === undefined) return false;
        store.dispatch({ type: 'apply', ops: [{ type: 'upsertEntry', index: args.index, entry: args.entry }] });
        return true;
      case 'remove-entry':
        if (typeof args.index !== 'number') return false;
        store.dispatch({ type: 'apply', ops: [{ type: 'removeEntry', index: args.index }] });
        return true;
      case 'context-menu': {
        // From the keyboard: the menu of the focused (or the one selected) element, beside it.
        const id = args.focusedNode ?? args.focusedFlow ?? s.selection.nodes[0] ?? s.selection.flows[0];
        if (!id) return false;
        const kind = args.focusedNode || (!args.focusedFlow && s.selection.nodes[0]) ? ('node' as const) : ('flow' as const);
        const at = this.env.elementPoint(kind, id);
        store.set({ menu: { x: at.x, y: at.y, target: { kind, id } } });
        return true;
      }
    }
  }

  /** Every level of the document, one SVG or PNG file each, in one ZIP archive. */
  async exportAll(format: 'svg' | 'png'): Promise<void> {
    const { doc } = this.store.get();
    const names = levelFileNames(
      doc.diagrams.map((d) => diagramName(doc, d, this.t)),
      format,
    );
    try {
      const enc = new TextEncoder();
      const files = [];
      for (const [i, d] of doc.diagrams.entries()) {
        const svg = diagramSvg(doc, d.id);
        const data = format === 'svg' ? enc.encode(svg) : new Uint8Array(await (await svgToPng(svg, 2)).arrayBuffer());
        files.push({ name: names[i]!, data });
      }
      const zip = zipStore(files);
      downloadBlob(new Blob([zip.buffer as ArrayBuffer], { type: 'application/zip' }), `${this.stem()}-${format}.zip`);
    } catch (err) {
      this.alert(String(err));
    }
  }

  /** A new empty document with this name (a blank name: 未命名数据流程图), opened. */
  async createDocument(name: string): Promise<void> {
    const n = name.trim() || this.t.newName;
    await this.session.create(emptyDocument(n), n);
  }

  /**
   * The stored documents for 打开, newest first: name, date, size, levels and a small picture of
   * the first level. Records that cannot be restored are listed as damaged, with their raw data to export.
   */
  async listDocuments(): Promise<DocumentItem[]> {
    const s = this.store.get();
    const cur = s.session.info?.id;
    const records = await this.session.list();
    return records.map((r) => {
      const ok = restoreStored(r);
      const name = typeof r.name === 'string' ? r.name : String(r.id);
      const item: DocumentItem = { id: String(r.id), name, updated: typeof r.updated === 'number' ? r.updated : 0 };
      if (this.session.isUnkept(item.id)) item.unsaved = true;
      if (!ok.ok) return { ...item, damaged: this.text(ok.error) };
      // The open document as it is now (autosave may be a moment behind).
      const doc = item.id === cur ? s.doc : ok.record.doc;
      item.size = new TextEncoder().encode(serializeDocument(doc)).length;
      item.levels = doc.diagrams.length;
      const first = doc.diagrams[0];
      // A picture only where it is cheap to draw (a textbook level has a few dozen symbols).
      if (first && first.nodes.length <= 400) {
        try {
          item.thumb = svgDataUri(diagramSvg(doc, first.id));
        } catch {
          // no picture; the name and date are enough
        }
      }
      return item;
    });
  }

  /** Rename, duplicate or delete in 打开's list, then list again. Deleting the open document opens the next (or a new one). */
  async manageDocument(action: 'rename' | 'duplicate' | 'delete', id: string, name = ''): Promise<void> {
    const { session, store, t } = this;
    const current = store.get().session.info?.id === id;
    if (action === 'rename') {
      const n = name.trim();
      if (!n) return;
      await session.renameId(id, n);
      if (current) await session.save();
    } else if (action === 'duplicate') {
      await session.duplicateId(id, t.copyOf(name));
    } else if (current) {
      await this.removeDocument();
    } else {
      await session.removeId(id);
    }
    const items = await this.listDocuments();
    if (store.get().dialog?.type === 'open') store.set({ dialog: { type: 'open', items } });
  }

  private stem(): string {
    const s = this.store.get();
    return fileStem(s.doc.title || s.session.info?.name, 'dfd');
  }

  private suffix(): string {
    const s = this.store.get();
    const d = currentDiagram(s);
    return s.doc.diagrams.length > 1 ? `-${fileStem(diagramName(s.doc, d, this.t), d.id)}` : '';
  }

  /** A new flow between two symbols, selected, its name field open. */
  connect(from: string, to: string): void {
    const s = this.store.get();
    const { op, id } = connectOp(s.doc, s.diagramId, from, to);
    this.store.dispatch({ type: 'apply', ops: [op], select: { nodes: [], flows: [id] } });
    this.store.set({ editing: { kind: 'flow', id, field: 'label' } });
  }

  addNode(kind: NodeKind, center?: XYPosition): void {
    const s = this.store.get();
    let c = center;
    if (!c) c = edit.freeSpot(currentDiagram(s), notationOf(s.doc), kind, this.env.canvasCentre() ?? { x: 200, y: 200 });
    const r = edit.addNode(s, kind, c);
    this.store.dispatch(r.action);
    this.store.set({ editing: r.editing });
  }

  /** 自动布局: every symbol of the level re-laid in one undo step, then the whole diagram fitted into view. */
  async autoLayout(direction: LayoutDirection = 'auto'): Promise<void> {
    const s = this.store.get();
    try {
      const laid = await layoutDiagram(s.doc, s.diagramId, true, direction);
      const d = laid.diagrams.find((x) => x.id === s.diagramId);
      if (!d) return;
      const positions: Record<string, { x: number; y: number }> = {};
      for (const n of d.nodes) if (n.x !== undefined && n.y !== undefined) positions[n.id] = { x: Math.round(n.x), y: Math.round(n.y) };
      this.store.dispatch({ type: 'apply', ops: [{ type: 'moveNodes', diagram: s.diagramId, positions }] });
      // Fit once React Flow has drawn the symbols at their new places (a frame to render, one to measure).
      requestAnimationFrame(() => requestAnimationFrame(() => this.env.fitView()));
    } catch (err) {
      this.alert(`${this.t.layoutFailed}: ${String(err)}`);
    }
  }

  /**
   * Opens a document from outside (file, drop, pasted Mermaid) as a new diagram. It is read, checked
   * and laid out in a worker (io/reader.ts) with its progress shown and a 取消; until it is done,
   * and when it is refused or cancelled, the open diagram stays as it was. A bad one is named in an
   * alert (a pasted one in its dialog, which gets the message back).
   */
  async importText(text: string, fallbackName: string, source: Source = 'file'): Promise<Message | null> {
    return this.read({ text }, fallbackName, source);
  }

  async importFile(file: File): Promise<void> {
    await this.read({ file }, file.name.replace(/\.dfd\.json$|\.json$/i, ''), 'file');
  }

  /**
   * Before another diagram replaces the open one: when storage could not keep its changes, asks
   * (导出 JSON 后继续 / 继续，留在打开列表里 / 取消). Either way on, the diagram stays in the 打开 list
   * in memory (session.ts, `unkept`). True to go on.
   */
  confirmLeave(): Promise<boolean> {
    if (!this.session.hasUnkeptChanges()) return Promise.resolve(true);
    this.leaving?.(false);
    this.store.set({ dialog: { type: 'leaveUnsaved' } });
    return new Promise((resolve) => (this.leaving = resolve));
  }

  /** The answer to the leave dialog. */
  answerLeave(answer: 'export' | 'keep' | 'cancel'): void {
    if (answer === 'export') this.run('export-json');
    const go = this.leaving;
    this.leaving = null;
    this.store.set({ dialog: null });
    go?.(answer !== 'cancel');
  }

  /** Opens a diagram of the 打开 list (asking first when the open one is unkept). */
  async openStored(id: string): Promise<void> {
    if (id === this.store.get().session.info?.id) return;
    if (!(await this.confirmLeave())) return;
    await this.session.openId(id, (e) => this.alert(this.t.damaged(this.text(e))));
  }

  /** 保存到我的文档: the shared copy open becomes one of the user's documents. */
  async keepShared(): Promise<void> {
    await this.session.keepShared();
    this.store.set({ notice: { kind: 'status', text: this.t.sharedKept } });
  }

  /** 放弃: the shared copy goes, and the user's own document (the one /modeller/ opens) comes back. */
  async discardShared(): Promise<void> {
    if (!this.store.get().session.info?.shared) return;
    if (!(await this.confirmLeave())) return;
    const damaged = (m: Message) => this.alert(this.t.damaged(this.text(m)));
    if (await this.session.openCurrent(damaged)) return;
    await this.session.create(emptyDocument(this.t.newName), this.t.newName, { lazy: true });
  }

  /** Stops the read in progress; the open diagram stays. */
  cancelRead(): void {
    this.reading?.cancel();
  }

  private async read(input: ReadInput, fallbackName: string, source: Source): Promise<Message | null> {
    this.reading?.cancel();
    // Progress shows only when the read takes a moment (small files open without a flash).
    let shown = false;
    let last: ReadProgress = { stage: 'read', done: 0, total: 1 };
    const show = setTimeout(() => {
      shown = true;
      this.store.set({ reading: last });
    }, 150);
    const task = startRead(input, source, (p) => {
      last = p;
      if (shown) this.store.set({ reading: p });
    });
    this.reading = task;
    const r = await task.done;
    clearTimeout(show);
    if (this.reading === task) {
      this.reading = null;
      this.store.set({ reading: null });
    }
    if (r === 'cancelled') {
      this.store.set({ notice: { kind: 'status', text: this.t.readCancelled } });
      return null;
    }
    if (!r.ok) {
      if (source !== 'mermaid') this.alert(this.t.importError(this.text(r.error)));
      return r.error;
    }
    if (!(await this.confirmLeave())) return null;
    await this.session.create(r.value, r.value.title?.trim() || fallbackName);
    this.store.set({ notice: null });
    return null;
  }

  renameDocument(name: string): void {
    const n = name.trim();
    if (!n) return;
    this.session.rename(n);
    this.store.dispatch({ type: 'apply', ops: [{ type: 'updateDocument', patch: { title: n } }] });
  }

  renameLevel(name: string): void {
    const s = this.store.get();
    this.store.dispatch({ type: 'apply', ops: [{ type: 'updateDiagram', id: s.diagramId, patch: { title: name.trim() } }] });
  }

  /** 导出原始数据: a stored record as it is, for a record the modeller cannot open. */
  async exportRaw(id: string): Promise<void> {
    const raw = (await this.session.list()).find((r) => String(r.id) === id);
    if (raw) downloadText(JSON.stringify(raw, null, 2), `${fileStem(typeof raw.name === 'string' ? raw.name : id, 'diagram')}.raw.json`, 'application/json');
  }

  async removeDocument(): Promise<void> {
    const { session, t } = this;
    const leaving = this.store.get().session.info?.id;
    await session.remove();
    const rest = (await session.list()).filter((r) => r.id !== leaving);
    if (rest[0] && (await session.openId(rest[0].id))) return;
    await session.create(emptyDocument(t.newName), t.newName, { lazy: true });
  }

  /** Shows a diagram with one element selected and centred (a finding, a hint). */
  showElement(diagramId: string, element?: string): void {
    const d = this.store.get().doc.diagrams.find((x) => x.id === diagramId);
    if (!d) return;
    const isNode = element ? d.nodes.some((n) => n.id === element) : false;
    const isFlow = element ? d.flows.some((x) => x.id === element) : false;
    this.store.dispatch({ type: 'showDiagram', diagramId, select: { nodes: isNode ? [element!] : [], flows: isFlow ? [element!] : [] } });
    this.store.set({ focus: isNode || isFlow ? { id: element!, kind: isNode ? 'node' : 'flow', nonce: Date.now() } : null });
  }
}

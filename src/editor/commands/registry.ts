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
import { bfcSvg } from '../../lib/bfc/export/svg.ts';
import { bfcToDfd } from '../../lib/bfc/to-dfd.ts';
import { svgToPng } from '../io/png.ts';
import { levelFileNames, zipStore } from '../io/zip.ts';
import { shareLink } from '../io/share.ts';
import { restoreStored, type Message, type Source } from '../io/restore.ts';
import { startRead, type ReadTask } from '../io/reader.ts';
import type { ReadInput, ReadProgress } from '../io/read-job.ts';
import * as edit from './edit.ts';
import * as bfc from '../model/bfc.ts';
import type { BfcDocument, BfcFlow, BfcNode, BfcNodeKind, BfcTitleBlock } from '@schemas/bfc.ts';
import { dfdOf, isBfc, type EditorDocument } from '../model/bfc.ts';
import { serializeAny } from '../io/restore.ts';
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
  /** Business flow charts: the lane changed (update-lane, delete-lane, move-lane), by how many places. */
  lane?: { id: string; patch?: bfc.BfcLanePatch; by?: number };
  /** update-element on a chart: the symbol's or the flow's fields. */
  chartElement?: { kind: 'node'; id: string; patch: bfc.BfcNodePatch } | { kind: 'flow'; id: string; patch: bfc.BfcFlowPatch };
  titleBlock?: Partial<BfcTitleBlock> & { title?: string };
  orientation?: 'columns' | 'rows';
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
export async function withLayout<D extends EditorDocument>(doc: D): Promise<D> {
  // A chart is placed by its own layout (layoutBfc), whenever it is drawn.
  if (isBfc(doc)) return doc;
  try {
    return (await layoutMissing(doc as DfdDocument)) as D;
  } catch {
    return doc;
  }
}

export class Commands {
  private clipboard: { clip: Clip; pastes: number } | null = null;
  private reading: ReadTask | null = null;
  private leaving: ((go: boolean) => void) | null = null;
  private chartClip: { clip: { nodes: BfcNode[]; flows: BfcFlow[] }; pastes: number } | null = null;

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
    const s0 = store.get();
    if (isBfc(s0.doc)) {
      const r = this.runChart(id, args, s0.doc);
      if (r !== undefined) return r;
    }
    // The DFD commands see a chart as an empty DFD (nothing to decompose, code or look up).
    const s = { ...s0, doc: dfdOf(s0.doc) };
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
      case 'new-chart':
        void this.confirmLeave().then((go) => {
          if (go) store.set({ dialog: { type: 'newDocument', kind: 'bfc' } });
        });
        return true;
      case 'open-document':
        void this.listDocuments().then((items) => store.set({ dialog: { type: 'open', items } }));
        return true;
      case 'rename-document':
        store.set({ dialog: { type: 'rename' } });
        return true;
      case 'duplicate-document':
        void this.session.create(structuredClone(s0.doc), t.copyOf(s.session.info?.name ?? t.newName));
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
        const link = shareLink(serializeAny(s0.doc), location.href);
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
      case 'add-form':
      case 'add-collect':
      case 'add-lane':
      case 'update-lane':
      case 'delete-lane':
      case 'move-lane':
      case 'update-title-block':
      case 'set-orientation':
      case 'derive-dfd':
        return false; // a business flow chart's commands: nothing to do on a DFD
    }
  }

  /** Every level of the document, one SVG or PNG file each, in one ZIP archive. */
  async exportAll(format: 'svg' | 'png'): Promise<void> {
    const { doc: any } = this.store.get();
    // A business flow chart is one sheet: the ordinary export.
    if (isBfc(any)) {
      this.run(format === 'svg' ? 'export-svg' : 'export-png');
      return;
    }
    const doc = any;
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
  async createDocument(name: string, kind: 'dfd' | 'bfc' = 'dfd'): Promise<void> {
    if (kind === 'bfc') {
      const n = name.trim() || this.t.bfc.newName;
      await this.session.create(bfc.emptyBfc(n), n);
      return;
    }
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
      item.size = new TextEncoder().encode(serializeAny(doc)).length;
      if (isBfc(doc)) {
        item.levels = 1;
        if (doc.nodes.length <= 400) {
          try {
            item.thumb = svgDataUri(this.chartSvg(doc));
          } catch {
            // no picture; the name and date are enough
          }
        }
        return item;
      }
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

  /** One undoable change to the open chart (nothing when the edit changed nothing). */
  private applyChart(next: BfcDocument, select?: Selection): void {
    this.store.dispatch({ type: 'apply', ops: [{ type: 'setBfc', doc: next }], ...(select ? { select } : {}) });
  }

  /**
   * The commands on a business flow chart: the same ids as for a DFD where the gesture is the same
   * (add, connect, move, delete, copy, export…), plus the chart's own (lanes, title block, the DFD
   * draft). Undefined: the gesture is the same for both kinds (undo, open, print…), run below.
   */
  private runChart(id: CommandId, args: CommandArgs, doc: BfcDocument): boolean | undefined {
    const { store, t } = this;
    const s = store.get();
    const sel = s.selection;
    switch (id) {
      case 'copy': {
        const ids = new Set(sel.nodes);
        const nodes = doc.nodes.filter((n) => ids.has(n.id));
        if (!nodes.length) return false;
        this.chartClip = { clip: structuredClone({ nodes, flows: doc.flows.filter((f) => ids.has(f.from) && ids.has(f.to)) }), pastes: 0 };
        return true;
      }
      case 'paste': {
        const c = this.chartClip;
        if (!c) return false;
        c.pastes++;
        const r = bfc.pasteBfc(doc, c.clip, 32 * c.pastes);
        this.applyChart(r.doc, { nodes: r.nodes, flows: r.flows });
        return true;
      }
      case 'duplicate-selection': {
        const ids = new Set(sel.nodes);
        const nodes = doc.nodes.filter((n) => ids.has(n.id));
        if (nodes.length) {
          const r = bfc.pasteBfc(doc, structuredClone({ nodes, flows: doc.flows.filter((f) => ids.has(f.from) && ids.has(f.to)) }), 32);
          this.applyChart(r.doc, { nodes: r.nodes, flows: r.flows });
        }
        return true;
      }
      case 'select-all':
        store.dispatch({ type: 'select', selection: { nodes: doc.nodes.map((n) => n.id), flows: doc.flows.map((f) => f.id) } });
        return true;
      case 'delete-selection': {
        const nodes = [...sel.nodes];
        if (args.focusedNode && !nodes.includes(args.focusedNode)) nodes.push(args.focusedNode);
        if (!nodes.length && !sel.flows.length) return false;
        this.applyChart(bfc.deleteBfcElements(doc, nodes, sel.flows), EMPTY_SELECTION);
        return true;
      }
      case 'edit-label': {
        if (args.focusedNode) store.set({ editing: { kind: 'node', id: args.focusedNode, field: 'label' } });
        else if (args.focusedFlow) store.set({ editing: { kind: 'flow', id: args.focusedFlow, field: 'label' } });
        else if (sel.nodes.length === 1 && !sel.flows.length) store.set({ editing: { kind: 'node', id: sel.nodes[0]!, field: 'label' } });
        else if (sel.flows.length === 1 && !sel.nodes.length) store.set({ editing: { kind: 'flow', id: sel.flows[0]!, field: 'label' } });
        else return false;
        return true;
      }
      case 'add-process':
      case 'add-store':
      case 'add-form':
      case 'add-collect':
        this.addChartNode(id === 'add-process' ? 'process' : id === 'add-store' ? 'store' : id === 'add-form' ? 'form' : 'collect', args.center);
        return true;
      case 'add-entity':
        return false;
      case 'add-lane': {
        const r = bfc.addLane(doc, t.bfc.newLane(doc.lanes.length + 1));
        this.applyChart(r.doc, EMPTY_SELECTION);
        store.set({ editing: { kind: 'lane', id: r.id, field: 'label' } });
        return true;
      }
      case 'update-lane':
        if (!args.lane?.patch) return false;
        this.applyChart(bfc.updateLane(doc, args.lane.id, args.lane.patch));
        return true;
      case 'delete-lane':
        if (!args.lane) return false;
        this.applyChart(bfc.deleteLane(doc, args.lane.id));
        return true;
      case 'move-lane':
        if (!args.lane?.by) return false;
        this.applyChart(bfc.moveLane(doc, args.lane.id, args.lane.by));
        return true;
      case 'update-title-block': {
        const tb = args.titleBlock;
        if (!tb) return false;
        const { title, ...rest } = tb;
        let next = bfc.updateTitleBlock(doc, rest);
        if (title !== undefined) next = bfc.setTitle(next, title);
        this.applyChart(next);
        return true;
      }
      case 'set-orientation':
        if (!args.orientation) return false;
        this.applyChart(bfc.setOrientation(doc, args.orientation));
        requestAnimationFrame(() => this.env.fitView());
        return true;
      case 'auto-layout':
        this.applyChart(bfc.autoLayout(doc));
        requestAnimationFrame(() => this.env.fitView());
        return true;
      case 'connect': {
        const r = args.from && args.to ? bfc.connectBfc(doc, args.from, args.to) : null;
        if (!r) return false;
        this.applyChart(r.doc, { nodes: [], flows: [r.id] });
        store.set({ editing: { kind: 'flow', id: r.id, field: 'label' } });
        return true;
      }
      case 'move-nodes':
        if (!args.positions) return false;
        this.applyChart(bfc.moveBfcNodes(doc, args.positions));
        return true;
      case 'update-element': {
        const el = args.chartElement ?? (args.element ? this.chartPatch(args.element) : undefined);
        if (!el) return false;
        this.applyChart(el.kind === 'node' ? bfc.updateBfcNode(doc, el.id, el.patch) : bfc.updateBfcFlow(doc, el.id, el.patch));
        return true;
      }
      case 'reverse-flow': {
        const fid = args.focusedFlow ?? (sel.flows.length === 1 && !sel.nodes.length ? sel.flows[0] : undefined);
        const f = fid ? doc.flows.find((x) => x.id === fid) : undefined;
        if (!f) return false;
        this.applyChart(bfc.updateBfcFlow(doc, f.id, { from: f.to, to: f.from }), { nodes: [], flows: [f.id] });
        return true;
      }
      case 'export-json':
        downloadText(serializeAny(doc), `${this.stem()}.bfc.json`, 'application/json');
        return true;
      case 'export-svg':
        downloadText(this.chartSvg(doc), `${this.stem()}.svg`, 'image/svg+xml');
        return true;
      case 'export-png':
        void svgToPng(this.chartSvg(doc), 2).then(
          (png) => downloadBlob(png, `${this.stem()}.png`),
          (err) => this.alert(String(err)),
        );
        return true;
      case 'derive-dfd':
        void this.deriveDfd(doc);
        return true;
      case 'decompose':
      case 'toggle-context':
      case 'rename-level':
      case 'paste-mermaid':
      case 'copy-mermaid':
      case 'set-notation':
      case 'upsert-entry':
      case 'remove-entry':
        // DFD only: not offered for a chart; a key or a stale button does nothing.
        return false;
      default:
        return undefined;
    }
  }

  /** The inline editor's node and flow patches, in the chart's fields. */
  private chartPatch(el: NonNullable<CommandArgs['element']>): CommandArgs['chartElement'] {
    if (el.kind === 'node') return { kind: 'node', id: el.id, patch: 'label' in el.patch ? { label: el.patch.label ?? '' } : {} };
    const p = el.patch as Record<string, unknown>;
    const patch: bfc.BfcFlowPatch = {};
    if ('label' in p) patch.label = (p.label as string | undefined) ?? '';
    if ('condition' in p) patch.condition = (p.condition as string | undefined) ?? '';
    // The canvas edits a chart flow's condition where a DFD flow has its code.
    if ('code' in p) patch.condition = (p.code as string | undefined) ?? '';
    return { kind: 'flow', id: el.id, patch };
  }

  /** The chart as a standalone SVG with its title block, in the light theme (as printed). */
  chartSvg(doc: BfcDocument): string {
    return bfcSvg(doc, { theme: 'light', locale: this.lang }).svg;
  }

  addChartNode(kind: BfcNodeKind, center?: XYPosition): void {
    const s = this.store.get();
    if (!isBfc(s.doc)) return;
    const c = center ?? this.freeChartSpot(s.doc, kind);
    const r = bfc.addBfcNode(s.doc, kind, c);
    this.applyChart(r.doc, { nodes: [r.id], flows: [] });
    this.store.set({ editing: { kind: 'node', id: r.id, field: 'label' } });
  }

  /** A place for a symbol added from the palette: in the lane of the selected symbol (else the first), below its lowest symbol. */
  private freeChartSpot(doc: BfcDocument, kind: BfcNodeKind): XYPosition {
    const s = this.store.get();
    const pin = bfc.pinned(doc);
    const spans = bfc.laneSpans(pin);
    const selNode = pin.nodes.find((n) => s.selection.nodes.includes(n.id));
    const span = spans.find((x) => x.lane.id === selNode?.lane) ?? spans[0];
    const cols = bfc.orientationOf(doc) === 'columns';
    const box = bfc.bfcBox({ kind, label: '' });
    if (!span) return this.env.canvasCentre() ?? { x: 200, y: 200 };
    const inLane = pin.nodes.filter((n) => n.lane === span.lane.id);
    const far = Math.max(bfc.headerDepth(doc) + 24, ...inLane.map((n) => (cols ? n.y! + bfc.bfcBox(n).height : n.x! + bfc.bfcBox(n).width) + 48));
    const mid = (span.start + span.end) / 2;
    return cols ? { x: mid, y: far + box.height / 2 } : { x: far + box.width / 2, y: mid };
  }

  /** 生成数据流程图草稿: the chart's DFD draft opens as a new document, linked back to the chart. */
  async deriveDfd(doc: BfcDocument): Promise<void> {
    const { t, store } = this;
    const info = store.get().session.info;
    const title = doc.title?.trim() || info?.name || t.bfc.newName;
    let draft: { doc: DfdDocument; todo: string[] };
    try {
      draft = bfcToDfd(doc, { locale: this.lang });
    } catch (err) {
      this.alert(String(err));
      return;
    }
    const derivedFrom = { ...((draft.doc.derivedFrom as object | undefined) ?? {}), format: 'flowbook-bfc', title, ...(info ? { record: info.id } : {}), todo: draft.todo };
    const dfd = await withLayout({ ...draft.doc, title: t.bfc.draftName(title), derivedFrom });
    await this.session.create(dfd, t.bfc.draftName(title));
    store.set({ notice: { kind: 'status', text: t.bfc.derivedNotice(draft.todo.length) } });
  }

  private stem(): string {
    const s = this.store.get();
    return fileStem(s.doc.title || s.session.info?.name, isBfc(s.doc) ? 'bfc' : 'dfd');
  }

  private suffix(): string {
    const s = this.store.get();
    if (isBfc(s.doc)) return '';
    const d = currentDiagram(s);
    return s.doc.diagrams.length > 1 ? `-${fileStem(diagramName(s.doc, d, this.t), d.id)}` : '';
  }

  /** A new flow between two symbols, selected, its name field open. */
  connect(from: string, to: string): void {
    const s = this.store.get();
    const { op, id } = connectOp(dfdOf(s.doc), s.diagramId, from, to);
    this.store.dispatch({ type: 'apply', ops: [op], select: { nodes: [], flows: [id] } });
    this.store.set({ editing: { kind: 'flow', id, field: 'label' } });
  }

  addNode(kind: NodeKind, center?: XYPosition): void {
    const s = this.store.get();
    let c = center;
    if (!c) c = edit.freeSpot(currentDiagram(s), notationOf(dfdOf(s.doc)), kind, this.env.canvasCentre() ?? { x: 200, y: 200 });
    const r = edit.addNode({ ...s, doc: dfdOf(s.doc) }, kind, c);
    this.store.dispatch(r.action);
    this.store.set({ editing: r.editing });
  }

  /** 自动布局: every symbol of the level re-laid in one undo step, then the whole diagram fitted into view. */
  async autoLayout(direction: LayoutDirection = 'auto'): Promise<void> {
    const s = this.store.get();
    try {
      const laid = await layoutDiagram(dfdOf(s.doc), s.diagramId, true, direction);
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
    const doc = this.store.get().doc;
    if (isBfc(doc)) {
      const isNode = !!element && doc.nodes.some((n) => n.id === element);
      const isFlow = !!element && doc.flows.some((x) => x.id === element);
      const isLane = !!element && doc.lanes.some((x) => x.id === element);
      this.store.dispatch({ type: 'select', selection: { nodes: isNode ? [element!] : [], flows: isFlow ? [element!] : [] } });
      this.store.set({ focus: isNode || isFlow || isLane ? { id: isLane ? `lane:${element}` : element!, kind: isFlow ? 'flow' : 'node', nonce: Date.now() } : null });
      return;
    }
    const d = doc.diagrams.find((x) => x.id === diagramId);
    if (!d) return;
    const isNode = element ? d.nodes.some((n) => n.id === element) : false;
    const isFlow = element ? d.flows.some((x) => x.id === element) : false;
    this.store.dispatch({ type: 'showDiagram', diagramId, select: { nodes: isNode ? [element!] : [], flows: isFlow ? [element!] : [] } });
    this.store.set({ focus: isNode || isFlow ? { id: element!, kind: isNode ? 'node' : 'flow', nonce: Date.now() } : null });
  }
}

/**
 * The DFD modeller island (/modeller/, /en/modeller/). The document and its undo history live in
 * a pure reducer (model/editor.ts); the DFD core does checking, codes, layout, grading and
 * Mermaid; this component wires the canvas, panels, storage and import/export together.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ChangeEvent } from 'react';
import { ReactFlowProvider, useReactFlow, type Viewport, type XYPosition } from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import './modeller.css';
import type { DfdDiagram, DfdDocument, DfdEntry, NodeKind } from '@schemas/dfd.ts';
import { MESSAGES, pickLang, type Lang, type Messages } from './i18n.ts';
import { editorReducer, initialState, currentDiagram, EMPTY_SELECTION, type EditorAction } from './model/editor.ts';
import type { FlowPatch, NodePatch, Op } from './model/ops.ts';
import {
  addNodeOp,
  childOf,
  childrenLost,
  connectOp,
  copySelection,
  decomposeOps,
  diagramName,
  diagramOf,
  emptyDocument,
  levelPath,
  notationOf,
  pasteOps,
  updateNodeOps,
  type Clip,
} from './model/actions.ts';
import { boundaryNodes, fromMermaid, layoutDiagram, layoutMissing, readDocument, serializeDocument, toMermaid, type Finding } from './core.ts';
import { Canvas, PALETTE_MIME } from './canvas/Canvas.tsx';
import { CanvasActionsContext, MessagesContext, type CanvasActions, type EditTarget } from './canvas/context.ts';
import { countFindings, useFindings, useMarkers } from './hooks/useFindings.ts';
import { useSession, type Session } from './hooks/useSession.ts';
import { useCoarsePointer, useDarkTheme } from './hooks/useEnvironment.ts';
import { FindingsPanel } from './panels/FindingsPanel.tsx';
import { Inspector } from './panels/Inspector.tsx';
import { DictionaryPanel } from './panels/DictionaryPanel.tsx';
import { Dialog } from './panels/Dialog.tsx';
import { Menu } from './panels/Menu.tsx';
import { ExercisePanel, loadExercise, type Exercise } from './panels/ExercisePanel.tsx';
import { PrintView } from './panels/PrintView.tsx';
import { copyText, downloadBlob, downloadText, fileStem } from './io/download.ts';
import { diagramSvg } from './io/svg.ts';
import { svgToPng } from './io/png.ts';
import { MAX_SHARE_URL, readShareHash, shareLink } from './io/share.ts';
import { fallbackPosition, nodeBox, type Notation } from './notation/geometry.ts';

export interface ModellerProps {
  /** Interface language; defaults to the page's (`<html lang>`). */
  lang?: string;
}

export default function Modeller(props: ModellerProps) {
  const lang = pickLang(props.lang ?? (typeof document !== 'undefined' ? document.documentElement.lang : 'zh-CN'));
  return (
    <ReactFlowProvider>
      <ModellerApp lang={lang} />
    </ReactFlowProvider>
  );
}

type DialogState =
  | { type: 'open'; items: { id: string; name: string; updated: number }[] }
  | { type: 'rename' }
  | { type: 'renameLevel' }
  | { type: 'delete' }
  | { type: 'deleteWithChild'; text: string; ops: Op[] }
  | { type: 'mermaidIn'; error?: string }
  | { type: 'mermaidOut'; text: string; copied: boolean }
  | { type: 'share'; url?: string; copied?: boolean; tooLong?: number }
  | null;

type Notice = { kind: 'alert' | 'status'; text: string } | null;

/** Gives every diagram whose nodes have no positions a layout (the core's elkjs), before showing. */
async function withLayout(doc: DfdDocument): Promise<DfdDocument> {
  try {
    return await layoutMissing(doc);
  } catch {
    return doc; // the canvas falls back to a grid
  }
}

/** The first place near `c` (on a widening ring) where a new symbol overlaps nothing. */
function freeSpot(d: DfdDiagram, notation: Notation, kind: NodeKind, c: XYPosition): XYPosition {
  const box = nodeBox({ kind, label: '' }, notation);
  const boxes = d.nodes.map((n, i) => {
    const p = n.x !== undefined && n.y !== undefined ? { x: n.x, y: n.y } : fallbackPosition(i);
    const b = nodeBox(n, notation);
    return { x: p.x, y: p.y, w: b.width, h: b.height };
  });
  const free = (p: XYPosition) =>
    boxes.every((b) => p.x - box.width / 2 >= b.x + b.w + 16 || p.x + box.width / 2 + 16 <= b.x || p.y - box.height / 2 >= b.y + b.h + 16 || p.y + box.height / 2 + 16 <= b.y);
  const dx = 192;
  const dy = 144;
  for (let ring = 0; ring < 6; ring++) {
    for (let j = -ring; j <= ring; j++) {
      for (let i = -ring; i <= ring; i++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        const p = { x: c.x + i * dx, y: c.y + j * dy };
        if (free(p)) return p;
      }
    }
  }
  return c;
}

function ModellerApp({ lang }: { lang: Lang }) {
  const t = MESSAGES[lang];
  const [state, dispatch] = useReducer(editorReducer, undefined, () => initialState(emptyDocument(t.newName)));
  const session = useSession(state, dispatch);
  const findings = useFindings(state.doc, lang);
  const counts = useMemo(() => countFindings(findings), [findings]);
  const markers = useMarkers(findings, state.diagramId);
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [tab, setTab] = useState<'inspector' | 'dictionary'>('inspector');
  const [exercise, setExercise] = useState<Exercise | null>(null);
  const [exerciseError, setExerciseError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const [focus, setFocus] = useState<{ id: string; kind: 'node' | 'flow'; nonce: number } | null>(null);
  const dark = useDarkTheme();
  const coarse = useCoarsePointer();
  const rf = useReactFlow();
  const fileInput = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasBox = useRef<HTMLDivElement>(null);
  const clipboard = useRef<{ clip: Clip; pastes: number } | null>(null);

  const stateRef = useRef(state);
  stateRef.current = state;

  // Fill the window below the page title (the page may scroll a little on small screens).
  useEffect(() => {
    const el = rootRef.current;
    if (!el) return;
    const fit = () => {
      if (matchMedia('(max-width: 50rem)').matches) {
        el.style.removeProperty('height');
        return;
      }
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.height = `${Math.max(544, window.innerHeight - top - 12)}px`;
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [exercise, notice, session.problem, session.conflict]);
  const diagram = currentDiagram(state);
  const notation = notationOf(state.doc);

  const apply = useCallback((ops: Op[], extra: Omit<Extract<EditorAction, { type: 'apply' }>, 'type' | 'ops'> = {}) => {
    dispatch({ type: 'apply', ops, ...extra });
  }, []);

  // ---- Starting up: share link, exercise, or the diagram open last time. ----
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void session.init(async ({ store, openId, create }) => {
      const shared = readShareHash(location.hash);
      if (shared !== null) {
        history.replaceState(null, '', location.pathname + location.search);
        const r = readDocument(shared);
        if (r.ok) {
          const doc = await withLayout(r.doc);
          await create(doc, t.sharedCopy(doc.title || t.newName));
          setNotice({ kind: 'status', text: t.shareOpened });
          return;
        }
        setNotice({ kind: 'alert', text: t.shareBroken(lang === 'en' ? r.error.en : r.error.zh) });
      }
      const slug = new URLSearchParams(location.search).get('exercise');
      if (slug) {
        const ex = await loadExercise(slug);
        if (ex) {
          setExercise(ex);
          const id = `exercise-${slug}`;
          if (await openId(id)) return;
          const start = ex.start ? await withLayout(ex.start) : emptyDocument(ex.title);
          await create(start, ex.title, { id, exercise: slug, lazy: true });
          return;
        }
        setExerciseError(t.exerciseFailed(slug));
      }
      const current = await store.getMeta<string>('current').catch(() => undefined);
      if (current && (await openId(current))) return;
      const all = await store.list().catch(() => []);
      const latest = all.find((r) => !r.exercise) ?? all[0];
      if (latest && (await openId(latest.id))) return;
      await create(emptyDocument(t.newName), t.newName, { lazy: true });
    });
  }, [session, t, lang]);

  // The exercise panel follows the open diagram (an exercise's work shows its scenario, wherever
  // it was opened from), and the address says which exercise it is, so a reload comes back to it.
  const exerciseSlug = session.info?.exercise;
  useEffect(() => {
    if (!session.ready) return;
    const url = new URL(location.href);
    if (exerciseSlug) url.searchParams.set('exercise', exerciseSlug);
    else url.searchParams.delete('exercise');
    if (url.href !== location.href) history.replaceState(history.state, '', url);
    if (!exerciseSlug) {
      setExercise(null);
      return;
    }
    if (exercise?.slug === exerciseSlug) return;
    let live = true;
    void loadExercise(exerciseSlug).then((ex) => {
      if (!live) return;
      setExercise(ex);
      if (!ex) setExerciseError(t.exerciseFailed(exerciseSlug));
    });
    return () => {
      live = false;
    };
  }, [exerciseSlug, session.ready]); // (`exercise` and `t` deliberately not: a loaded exercise is kept)

  // ---- Editing gestures ----
  const addNode = useCallback(
    (kind: NodeKind, center?: XYPosition) => {
      const s = stateRef.current;
      let c = center;
      if (!c) {
        const r = canvasBox.current?.getBoundingClientRect();
        c = r ? rf.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 200, y: 200 };
        c = freeSpot(diagramOf(s.doc, s.diagramId), notationOf(s.doc), kind, c);
      }
      const { op, id } = addNodeOp(s.doc, s.diagramId, kind, c);
      apply([op], { select: { nodes: [id], flows: [] } });
      setEditing({ kind: 'node', id, field: 'label' });
    },
    [apply, rf],
  );

  const connect = useCallback(
    (from: string, to: string) => {
      const s = stateRef.current;
      const { op, id } = connectOp(s.doc, s.diagramId, from, to);
      apply([op], { select: { nodes: [], flows: [id] } });
      setEditing({ kind: 'flow', id, field: 'label' });
    },
    [apply],
  );

  // A rename follows into every level below where the node is repeated as a boundary node.
  const updateNode = useCallback((id: string, patch: NodePatch) => {
    const s = stateRef.current;
    apply(updateNodeOps(s.doc, s.diagramId, id, patch));
  }, [apply]);
  const updateFlow = useCallback((id: string, patch: FlowPatch) => apply([{ type: 'updateFlow', diagram: stateRef.current.diagramId, id, patch }]), [apply]);

  const deleteSelection = useCallback(
    (extraNode?: string) => {
      const s = stateRef.current;
      const nodes = [...s.selection.nodes];
      if (extraNode && !nodes.includes(extraNode)) nodes.push(extraNode);
      if (!nodes.length && !s.selection.flows.length) return;
      const ops: Op[] = [{ type: 'deleteElements', diagram: s.diagramId, nodes, flows: [...s.selection.flows] }];
      // A process with a child diagram takes the child with it: ask first, naming what goes.
      const lost = childrenLost(s.doc, s.diagramId, nodes);
      if (lost.length) {
        const items = lost.map((x) => t.childSize(`${t.kindNames.process}${x.process.code ? ` ${x.process.code}` : ''}${x.process.label ? `「${x.process.label}」` : ''}`, x.diagrams.length, x.nodes, x.flows)).join(t.listJoin);
        setDialog({ type: 'deleteWithChild', text: t.deleteWithChild(items), ops });
        return;
      }
      apply(ops, { select: EMPTY_SELECTION });
    },
    [apply, t],
  );

  const decompose = useCallback(
    (processId: string) => {
      const s = stateRef.current;
      const p = diagramOf(s.doc, s.diagramId).nodes.find((n) => n.id === processId);
      const existing = childOf(s.doc, s.diagramId, processId);
      if (existing) {
        dispatch({ type: 'showDiagram', diagramId: existing.id });
        return;
      }
      const r = decomposeOps(s.doc, s.diagramId, processId, t.decomposition(p?.code || p?.label || processId));
      if (r) apply(r.ops, { diagramId: r.diagramId, select: EMPTY_SELECTION });
    },
    [apply, t],
  );

  const copy = useCallback(() => {
    const s = stateRef.current;
    const clip = copySelection(diagramOf(s.doc, s.diagramId), s.selection.nodes);
    if (clip) clipboard.current = { clip, pastes: 0 };
    return !!clip;
  }, []);

  const paste = useCallback(() => {
    const c = clipboard.current;
    if (!c) return;
    c.pastes++;
    const s = stateRef.current;
    const r = pasteOps(s.doc, s.diagramId, c.clip, 32 * c.pastes);
    apply(r.ops, { select: { nodes: r.nodes, flows: r.flows } });
  }, [apply]);

  const autoLayout = useCallback(async () => {
    const s = stateRef.current;
    try {
      const laid = await layoutDiagram(s.doc, s.diagramId, true);
      const d = laid.diagrams.find((x) => x.id === s.diagramId);
      if (!d) return;
      const positions: Record<string, { x: number; y: number }> = {};
      for (const n of d.nodes) if (n.x !== undefined && n.y !== undefined) positions[n.id] = { x: Math.round(n.x), y: Math.round(n.y) };
      apply([{ type: 'moveNodes', diagram: s.diagramId, positions }]);
      requestAnimationFrame(() => void rf.fitView({ padding: 0.2, maxZoom: 1.2, duration: 200 }));
    } catch (err) {
      setNotice({ kind: 'alert', text: `${t.layoutFailed}: ${String(err)}` });
    }
  }, [apply, rf, t]);

  // ---- In-place editing ----
  /** After an edit in place, keyboard focus goes back to the element edited. */
  const refocus = useCallback((target: EditTarget) => {
    requestAnimationFrame(() => {
      const sel = target.kind === 'node' ? '.react-flow__node' : '.react-flow__edge';
      const el = rootRef.current?.querySelector<HTMLElement>(`${sel}[data-id="${CSS.escape(target.id)}"]`);
      if (el && (document.activeElement === document.body || !document.activeElement)) el.focus({ preventScroll: true });
    });
  }, []);
  const actions = useMemo<CanvasActions>(
    () => ({
      startEdit: (target) => setEditing(target),
      cancelEdit: () => {
        setEditing((cur) => {
          if (cur) refocus(cur);
          return null;
        });
      },
      commitEdit: (target, value) => {
        setEditing(null);
        refocus(target);
        const v = target.field === 'label' ? value : value.trim();
        if (target.kind === 'node') updateNode(target.id, { [target.field]: v });
        else if (target.field !== 'owner') updateFlow(target.id, { [target.field]: v });
      },
    }),
    [updateNode, updateFlow, refocus],
  );
  // An edit target that no longer exists (undo, delete) is dropped.
  useEffect(() => {
    if (!editing) return;
    const exists = editing.kind === 'node' ? diagram.nodes.some((n) => n.id === editing.id) : diagram.flows.some((f) => f.id === editing.id);
    if (!exists) setEditing(null);
  }, [diagram, editing]);

  // ---- Import / export ----
  const readError = useCallback((e: { zh: string; en: string }) => (lang === 'en' ? e.en : e.zh), [lang]);

  const importText = useCallback(
    async (text: string, fallbackName: string) => {
      const r = readDocument(text);
      if (!r.ok) {
        setNotice({ kind: 'alert', text: t.importError(readError(r.error)) });
        return;
      }
      const doc = await withLayout(r.doc);
      await session.create(doc, doc.title?.trim() || fallbackName);
      setNotice(null);
    },
    [session, t, readError],
  );

  const importFile = useCallback(
    async (file: File) => {
      let text: string;
      try {
        text = await file.text();
      } catch (err) {
        setNotice({ kind: 'alert', text: t.importError(String(err)) });
        return;
      }
      await importText(text, file.name.replace(/\.dfd\.json$|\.json$/i, ''));
    },
    [importText, t],
  );

  const onFileInput = useCallback(
    (e: ChangeEvent<HTMLInputElement>) => {
      const f = e.target.files?.[0];
      e.target.value = '';
      if (f) void importFile(f);
    },
    [importFile],
  );

  const stem = () => fileStem(state.doc.title || session.info?.name, 'dfd');
  const exportJson = () => downloadText(serializeDocument(state.doc), `${stem()}.dfd.json`, 'application/json');
  const svgOf = () => diagramSvg(state.doc, state.diagramId);
  const suffix = () => (state.doc.diagrams.length > 1 ? `-${fileStem(diagramName(state.doc, diagram, t), diagram.id)}` : '');
  const exportSvg = () => downloadText(svgOf(), `${stem()}${suffix()}.svg`, 'image/svg+xml');
  const exportPng = async () => {
    try {
      downloadBlob(await svgToPng(svgOf(), 2), `${stem()}${suffix()}.png`);
    } catch (err) {
      setNotice({ kind: 'alert', text: String(err) });
    }
  };
  const exportMermaid = async () => {
    const text = toMermaid(state.doc, { diagram: state.diagramId });
    const copied = await copyText(text);
    setDialog({ type: 'mermaidOut', text, copied });
  };
  const share = async () => {
    const link = shareLink(serializeDocument(state.doc), location.href);
    if (!link.ok) {
      setDialog({ type: 'share', tooLong: link.length });
      return;
    }
    const copied = await copyText(link.url);
    setDialog({ type: 'share', url: link.url, copied });
  };
  useEffect(() => {
    if (!printing) return;
    const done = () => {
      setPrinting(false);
      document.documentElement.classList.remove('fb-print-mode');
    };
    document.documentElement.classList.add('fb-print-mode');
    window.addEventListener('afterprint', done, { once: true });
    const h = setTimeout(() => window.print(), 50);
    return () => {
      clearTimeout(h);
      window.removeEventListener('afterprint', done);
    };
  }, [printing]);

  // ---- Files ----
  const newDiagram = () => void session.create(emptyDocument(t.newName), t.newName, { lazy: true });
  const openDialog = async () => {
    const items = await session.list();
    setDialog({ type: 'open', items: items.map((r) => ({ id: r.id, name: r.name, updated: r.updated })) });
  };
  const duplicate = () => void session.create(structuredClone(state.doc), t.copyOf(session.info?.name ?? t.newName));
  const rename = (name: string) => {
    const n = name.trim();
    if (!n) return;
    session.rename(n);
    apply([{ type: 'updateDocument', patch: { title: n } }]);
  };
  const removeCurrent = async () => {
    await session.remove();
    const rest = (await session.list()).filter((r) => r.id !== session.info?.id);
    if (rest[0] && (await session.openId(rest[0].id))) return;
    await session.create(emptyDocument(t.newName), t.newName, { lazy: true });
  };

  // ---- Findings and exercise hints: show the element ----
  const showElement = useCallback((diagramId: string, element?: string) => {
    const d = stateRef.current.doc.diagrams.find((x) => x.id === diagramId);
    if (!d) return;
    const isNode = element ? d.nodes.some((n) => n.id === element) : false;
    const isFlow = element ? d.flows.some((x) => x.id === element) : false;
    dispatch({
      type: 'showDiagram',
      diagramId,
      select: { nodes: isNode ? [element!] : [], flows: isFlow ? [element!] : [] },
    });
    if (isNode || isFlow) setFocus({ id: element!, kind: isNode ? 'node' : 'flow', nonce: Date.now() });
    else setFocus(null);
  }, []);
  const showFinding = useCallback((f: Finding) => showElement(f.diagram, f.element), [showElement]);

  // ---- Keyboard ----
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const root = rootRef.current;
      if (!root) return;
      const inRoot = target ? root.contains(target) : false;
      if (!inRoot && target !== document.body) return;
      if (target && (target.closest('input, textarea, select, [contenteditable="true"], dialog') || target.isContentEditable)) return;
      if (document.querySelector('dialog[open]')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !e.shiftKey) {
        e.preventDefault();
        dispatch({ type: 'undo' });
      } else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) {
        e.preventDefault();
        dispatch({ type: 'redo' });
      } else if (mod && key === 'c') {
        if (copy()) e.preventDefault();
      } else if (mod && key === 'x') {
        if (copy()) {
          e.preventDefault();
          deleteSelection();
        }
      } else if (mod && key === 'v') {
        if (clipboard.current) {
          e.preventDefault();
          paste();
        }
      } else if (mod && key === 'a') {
        if (!target?.closest('.fb-canvas') && target !== document.body) return;
        e.preventDefault();
        const d = currentDiagram(stateRef.current);
        dispatch({ type: 'select', selection: { nodes: d.nodes.map((n) => n.id), flows: d.flows.map((f) => f.id) } });
      } else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        if (target?.closest('button, a, summary')) return;
        e.preventDefault();
        const nodeEl = target?.closest<HTMLElement>('.react-flow__node');
        deleteSelection(nodeEl?.dataset.id);
      } else if (!mod && (e.key === 'Enter' || e.key === 'F2')) {
        const nodeEl = target?.closest<HTMLElement>('.react-flow__node');
        const edgeEl = target?.closest<SVGElement>('.react-flow__edge');
        const s = stateRef.current.selection;
        const s0 = stateRef.current;
        const isBoundary = (id: string) => boundaryNodes(s0.doc, s0.diagramId).has(id);
        if (nodeEl?.dataset.id) {
          if (isBoundary(nodeEl.dataset.id)) return;
          setEditing({ kind: 'node', id: nodeEl.dataset.id, field: 'label' });
        }
        else if (edgeEl?.dataset.id) setEditing({ kind: 'flow', id: edgeEl.dataset.id, field: 'label' });
        else if (target?.closest('button, a, summary')) return;
        else if (s.nodes.length === 1 && !s.flows.length) {
          if (isBoundary(s.nodes[0]!)) return;
          setEditing({ kind: 'node', id: s.nodes[0]!, field: 'label' });
        }
        else if (s.flows.length === 1 && !s.nodes.length) setEditing({ kind: 'flow', id: s.flows[0]!, field: 'label' });
        else return;
        e.preventDefault();
      } else if (e.key === 'Escape') {
        dispatch({ type: 'select', selection: EMPTY_SELECTION });
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [copy, paste, deleteSelection]);

  // ---- Derived view ----
  const path = useMemo(() => levelPath(state.doc, state.diagramId), [state.doc, state.diagramId]);
  // The shown diagram's boundary (nodes repeated from its parent), as the linter sees it.
  const boundaryMap = useMemo(() => boundaryNodes(state.doc, state.diagramId), [state.doc, state.diagramId]);
  const boundary = useMemo(() => new Set(boundaryMap.keys()), [boundaryMap]);
  const withChild = useMemo(
    () => new Set(state.doc.diagrams.filter((d) => d.refines?.diagram === state.diagramId).map((d) => d.refines!.process)),
    [state.doc, state.diagramId],
  );
  const selectedProcess = state.selection.nodes.length === 1 && !state.selection.flows.length ? diagram.nodes.find((n) => n.id === state.selection.nodes[0] && n.kind === 'process') : undefined;
  const selectedChild = selectedProcess ? childOf(state.doc, diagram.id, selectedProcess.id) : undefined;
  const view = session.getView();
  const initialViewport = view.viewports?.[state.diagramId];
  const onViewportSaved = useCallback((id: string, vp: Viewport) => session.saveViewport(id, vp), [session]);
  const onPaletteDrop = useCallback((kind: NodeKind, p: XYPosition) => addNode(kind, p), [addNode]);
  const onFileDrop = useCallback((f: File) => void importFile(f), [importFile]);
  const upsertEntry = useCallback((index: number | null, entry: DfdEntry) => apply([{ type: 'upsertEntry', index, entry }]), [apply]);
  const removeEntry = useCallback((index: number) => apply([{ type: 'removeEntry', index }]), [apply]);
  const onFocusDone = useCallback(() => setFocus(null), []);
  const openDiagram = useCallback((id: string) => dispatch({ type: 'showDiagram', diagramId: id }), []);

  const statusText = (() => {
    if (!session.ready) return t.saving;
    if (session.status === 'conflict') return t.unsaved;
    if (!session.persistent || session.status === 'error') return t.unsaved;
    if (session.status === 'saved') return t.saved;
    return t.saving;
  })();
  const problemText = session.problem === 'full' ? t.storageFull : session.problem === 'blocked' ? t.storageBlocked : session.problem ? t.storageUnavailable : null;

  return (
    <MessagesContext.Provider value={t}>
      <CanvasActionsContext.Provider value={actions}>
        <div ref={rootRef} className={`fb-modeller not-content${exercise ? ' has-exercise' : ''}`} lang={lang} data-ready={session.ready ? 'true' : 'false'}>
          <Toolbar
            t={t}
            name={session.info?.name ?? ''}
            canUndo={state.past.length > 0}
            canRedo={state.future.length > 0}
            counts={counts}
            status={statusText}
            notation={notation}
            onUndo={() => dispatch({ type: 'undo' })}
            onRedo={() => dispatch({ type: 'redo' })}
            onLayout={() => void autoLayout()}
            onNotation={(n) => apply([{ type: 'updateDocument', patch: { notation: n } }])}
            onNew={newDiagram}
            onOpen={() => void openDialog()}
            onRename={() => setDialog({ type: 'rename' })}
            onDuplicate={duplicate}
            onDelete={() => setDialog({ type: 'delete' })}
            onImport={() => fileInput.current?.click()}
            onPasteMermaid={() => setDialog({ type: 'mermaidIn' })}
            onExportJson={exportJson}
            onExportSvg={exportSvg}
            onExportPng={() => void exportPng()}
            onExportMermaid={() => void exportMermaid()}
            onPrint={() => setPrinting(true)}
            onShare={() => void share()}
            onShowFindings={() => rootRef.current?.querySelector<HTMLElement>('.fb-findings h2')?.focus()}
          />
          <input ref={fileInput} type="file" accept=".json,.dfd.json,application/json" className="fb-visually-hidden" tabIndex={-1} aria-label={t.import} onChange={onFileInput} />

          {problemText ? (
            <div className="fb-banner fb-banner--warning" role="alert">
              {problemText}
            </div>
          ) : null}
          {session.conflict ? (
            <div className="fb-banner fb-banner--warning" role="alert">
              <span>{t.conflict}</span>
              <button type="button" className="fb-btn" onClick={() => void session.resolveConflict('reload', '')}>
                {t.conflictReload}
              </button>
              <button type="button" className="fb-btn" onClick={() => void session.resolveConflict('copy', t.copyOf(session.info?.name ?? t.newName))}>
                {t.conflictCopy}
              </button>
            </div>
          ) : null}
          {notice?.kind === 'alert' ? (
            <div className="fb-banner fb-banner--error" role="alert">
              <span>{notice.text}</span>
              <button type="button" className="fb-btn fb-btn--small" onClick={() => setNotice(null)}>
                {t.close}
              </button>
            </div>
          ) : null}
          <div className="fb-live" role="status">
            {notice?.kind === 'status' ? notice.text : ''}
          </div>
          {exerciseError ? (
            <div className="fb-banner fb-banner--error" role="alert">
              {exerciseError}
            </div>
          ) : null}

          <div className="fb-levelbar">
            <nav aria-label={t.breadcrumb} className="fb-breadcrumb">
              <ol>
                {path.map((d, i) => (
                  <li key={d.id}>
                    {i === path.length - 1 ? (
                      <span aria-current="location">{diagramName(state.doc, d, t)}</span>
                    ) : (
                      <button type="button" className="fb-link" onClick={() => openDiagram(d.id)}>
                        {diagramName(state.doc, d, t)}
                      </button>
                    )}
                  </li>
                ))}
              </ol>
            </nav>
            <button type="button" className="fb-btn fb-btn--small" onClick={() => setDialog({ type: 'renameLevel' })}>
              {t.renameLevel}
            </button>
            {state.doc.diagrams.length > 1 ? (
              <span className="fb-levelbar__select">
                <label htmlFor="fb-level-select">{t.levels}</label>
                <select id="fb-level-select" value={state.diagramId} onChange={(e) => openDiagram(e.target.value)}>
                  {state.doc.diagrams.map((d) => (
                    <option key={d.id} value={d.id}>
                      {'\u2003'.repeat(Math.max(0, levelPath(state.doc, d.id).length - 1))}
                      {diagramName(state.doc, d, t)}
                    </option>
                  ))}
                </select>
              </span>
            ) : null}
            <label className="fb-check">
              <input
                type="checkbox"
                checked={diagram.level === 'context'}
                onChange={(e) => apply([{ type: 'updateDiagram', id: diagram.id, patch: { level: e.target.checked ? 'context' : undefined } }])}
              />
              {t.contextDiagram}
            </label>
            <button
              type="button"
              className="fb-btn"
              disabled={!selectedProcess}
              onClick={() => selectedProcess && decompose(selectedProcess.id)}
            >
              {selectedChild ? t.openChild : t.decompose}
            </button>
          </div>

          <div className="fb-workspace">
            {exercise ? <ExercisePanel exercise={exercise} doc={state.doc} t={t} lang={lang} onShow={showElement} /> : null}
            <div className="fb-stage">
              <Palette t={t} onAdd={addNode} />
              <div className="fb-canvas-box" ref={canvasBox} role="group" aria-label={t.canvas} aria-describedby="fb-canvas-help">
                <p id="fb-canvas-help" className="fb-visually-hidden">
                  {t.canvasHelp}
                </p>
                {session.ready && diagram.nodes.length === 0 ? <p className="fb-empty-hint">{t.emptyHint}</p> : null}
                {session.ready ? (
                  <Canvas
                    key={`${session.info?.id ?? ''}\u0000${diagram.id}`}
                    diagram={diagram}
                    notation={notation}
                    selection={state.selection}
                    markers={markers}
                    editing={editing}
                    t={t}
                    dark={dark}
                    coarsePointer={coarse}
                    dispatch={dispatch}
                    onConnectNodes={connect}
                    onPaletteDrop={onPaletteDrop}
                    onFileDrop={onFileDrop}
                    onViewportSaved={onViewportSaved}
                    initialViewport={initialViewport}
                    onStartEdit={actions.startEdit}
                    focus={focus}
                    onFocusDone={onFocusDone}
                    boundary={boundary}
                    withChild={withChild}
                    onOpenChild={decompose}
                  />
                ) : null}
              </div>
            </div>
            <aside className="fb-side" aria-label={t.panels}>
              <FindingsPanel findings={findings} doc={state.doc} shownDiagram={state.diagramId} t={t} lang={lang} onShow={showFinding} />
              <div className="fb-panel fb-tabs">
                <div role="tablist" aria-label={t.panels} className="fb-tabs__list">
                  {(['inspector', 'dictionary'] as const).map((name) => {
                    const other = name === 'inspector' ? 'dictionary' : 'inspector';
                    return (
                      <button
                        key={name}
                        type="button"
                        role="tab"
                        id={`fb-tab-${name}`}
                        aria-controls={`fb-tabpanel-${name}`}
                        aria-selected={tab === name}
                        tabIndex={tab === name ? 0 : -1}
                        onClick={() => setTab(name)}
                        onKeyDown={(e) => {
                          // Two tabs: either arrow key moves to the other one.
                          if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                          setTab(other);
                          document.getElementById(`fb-tab-${other}`)?.focus();
                        }}
                      >
                        {t[name]}
                      </button>
                    );
                  })}
                </div>
                {tab === 'inspector' ? (
                  <div role="tabpanel" id="fb-tabpanel-inspector" aria-labelledby="fb-tab-inspector" className="fb-tabs__panel">
                    <Inspector
                      doc={state.doc}
                      diagram={diagram}
                      selection={state.selection}
                      t={t}
                      onNode={updateNode}
                      onFlow={updateFlow}
                      onConnect={connect}
                      onDelete={() => deleteSelection()}
                      boundary={boundaryMap}
                      onOpenParent={(parentNodeId) => {
                        const parentId = diagram.refines?.diagram;
                        if (parentId) dispatch({ type: 'showDiagram', diagramId: parentId, select: { nodes: [parentNodeId], flows: [] } });
                      }}
                    />
                  </div>
                ) : (
                  <div role="tabpanel" id="fb-tabpanel-dictionary" aria-labelledby="fb-tab-dictionary" className="fb-tabs__panel">
                    <DictionaryPanel doc={state.doc} t={t} onUpsert={upsertEntry} onRemove={removeEntry} />
                  </div>
                )}
              </div>
            </aside>
          </div>

          {dialog ? <Dialogs dialog={dialog} setDialog={setDialog} t={t} session={session} onRename={rename} onDelete={() => void removeCurrent()}
            levelName={diagramName(state.doc, diagram, t)}
            onRenameLevel={(name) => apply([{ type: 'updateDiagram', id: diagram.id, patch: { title: name.trim() } }])}
            onConfirmOps={(ops) => apply(ops, { select: EMPTY_SELECTION })}
            onMermaid={async (text) => {
            const r = fromMermaid(text);
            if (!r.ok) {
              setDialog({ type: 'mermaidIn', error: t.mermaidError(readError(r.error)) });
              return;
            }
            setDialog(null);
            const doc = await withLayout(r.doc);
            await session.create(doc, doc.title?.trim() || 'Mermaid');
          }} /> : null}
          {printing ? <PrintView doc={state.doc} t={t} findings={findings} /> : null}
        </div>
      </CanvasActionsContext.Provider>
    </MessagesContext.Provider>
  );
}

interface ToolbarProps {
  t: Messages;
  name: string;
  canUndo: boolean;
  canRedo: boolean;
  counts: { error: number; warning: number; info: number };
  status: string;
  notation: 'gane-sarson' | 'yourdon';
  onUndo(): void;
  onRedo(): void;
  onLayout(): void;
  onNotation(n: 'gane-sarson' | 'yourdon'): void;
  onNew(): void;
  onOpen(): void;
  onRename(): void;
  onDuplicate(): void;
  onDelete(): void;
  onImport(): void;
  onPasteMermaid(): void;
  onExportJson(): void;
  onExportSvg(): void;
  onExportPng(): void;
  onExportMermaid(): void;
  onPrint(): void;
  onShare(): void;
  onShowFindings(): void;
}

function Toolbar(p: ToolbarProps) {
  const { t } = p;
  return (
    <div className="fb-toolbar" aria-label={t.toolbar} role="region">
      <div className="fb-toolbar__group">
        <Menu label={t.file}>
          <button type="button" onClick={p.onNew}>{t.new}</button>
          <button type="button" onClick={p.onOpen}>{t.open}</button>
          <button type="button" onClick={p.onRename}>{t.rename}</button>
          <button type="button" onClick={p.onDuplicate}>{t.duplicate}</button>
          <button type="button" onClick={p.onDelete}>{t.delete}</button>
          <hr />
          <button type="button" onClick={p.onImport}>{t.import}</button>
          <button type="button" onClick={p.onPasteMermaid}>{t.pasteMermaid}</button>
        </Menu>
        <Menu label={t.export}>
          <button type="button" onClick={p.onExportJson}>{t.exportJson}</button>
          <button type="button" onClick={p.onExportSvg}>{t.exportSvg}</button>
          <button type="button" onClick={p.onExportPng}>{t.exportPng}</button>
          <button type="button" onClick={p.onExportMermaid}>{t.copyMermaid}</button>
          <button type="button" onClick={p.onPrint}>{t.print}</button>
        </Menu>
        <button type="button" className="fb-btn" onClick={p.onShare}>{t.share}</button>
      </div>
      <div className="fb-toolbar__group">
        <button type="button" className="fb-btn" onClick={p.onUndo} disabled={!p.canUndo} aria-keyshortcuts="Control+Z">
          {t.undo}
        </button>
        <button type="button" className="fb-btn" onClick={p.onRedo} disabled={!p.canRedo} aria-keyshortcuts="Control+Shift+Z Control+Y">
          {t.redo}
        </button>
        <button type="button" className="fb-btn" onClick={p.onLayout}>{t.autoLayout}</button>
        <label className="fb-toolbar__notation">
          <span className="fb-visually-hidden">{t.notationLabel}</span>
          <select value={p.notation} onChange={(e) => p.onNotation(e.target.value as 'gane-sarson' | 'yourdon')}>
            <option value="gane-sarson">{t.ganeSarson}</option>
            <option value="yourdon">{t.yourdon}</option>
          </select>
        </label>
      </div>
      <div className="fb-toolbar__group fb-toolbar__end">
        <button type="button" className="fb-counts" onClick={p.onShowFindings} data-errors={p.counts.error} data-warnings={p.counts.warning} data-infos={p.counts.info}>
          <span className="fb-count fb-count--error"><span className="fb-sev fb-sev--error" aria-hidden="true" />{t.countErrors(p.counts.error)}</span>
          <span className="fb-count fb-count--warning"><span className="fb-sev fb-sev--warning" aria-hidden="true" />{t.countWarnings(p.counts.warning)}</span>
          <span className="fb-count fb-count--info"><span className="fb-sev fb-sev--info" aria-hidden="true" />{t.countInfos(p.counts.info)}</span>
        </button>
        <span className="fb-docname" title={p.name}>{p.name}</span>
        <span className="fb-savestate" role="status" data-state={p.status}>{p.status}</span>
      </div>
    </div>
  );
}

function Palette({ t, onAdd }: { t: Messages; onAdd(kind: NodeKind): void }) {
  const kinds: NodeKind[] = ['entity', 'process', 'store'];
  return (
    <div className="fb-palette" role="group" aria-label={t.palette}>
      {kinds.map((k) => (
        <button
          key={k}
          type="button"
          className={`fb-palette__item fb-palette__item--${k}`}
          draggable
          title={t.paletteHint}
          onClick={(e) => {
            // Keys typed before the new symbol's name field has focus must not press this again.
            e.currentTarget.blur();
            onAdd(k);
          }}
          onDragStart={(e) => {
            e.dataTransfer.setData(PALETTE_MIME, k);
            e.dataTransfer.effectAllowed = 'move';
          }}
        >
          <span className={`fb-palette__icon fb-palette__icon--${k}`} aria-hidden="true" />
          {t[k]}
        </button>
      ))}
    </div>
  );
}

function Dialogs({
  dialog,
  setDialog,
  t,
  session,
  onRename,
  onDelete,
  onMermaid,
  levelName,
  onRenameLevel,
  onConfirmOps,
}: {
  dialog: NonNullable<DialogState>;
  setDialog(d: DialogState): void;
  t: Messages;
  session: Session;
  onRename(name: string): void;
  onDelete(): void;
  onMermaid(text: string): Promise<void>;
  levelName: string;
  onRenameLevel(name: string): void;
  onConfirmOps(ops: Op[]): void;
}) {
  const close = () => setDialog(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  switch (dialog.type) {
    case 'open':
      return (
        <Dialog title={t.diagramsDialog} onClose={close} wide footer={<button type="button" className="fb-btn" onClick={close}>{t.close}</button>}>
          <ul className="fb-files">
            {dialog.items.map((it) => (
              <li key={it.id}>
                <button
                  type="button"
                  className="fb-files__open"
                  aria-current={it.id === session.info?.id ? 'true' : undefined}
                  onClick={() => {
                    close();
                    void session.openId(it.id);
                  }}
                >
                  <span className="fb-files__name">
                    {it.name}
                    {it.id === session.info?.id ? t.current : ''}
                  </span>
                  <span className="fb-files__date">
                    {t.updated} {new Date(it.updated).toLocaleString()}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </Dialog>
      );
    case 'rename':
      return (
        <Dialog
          title={t.rename}
          onClose={close}
          footer={
            <>
              <button type="button" className="fb-btn" onClick={close}>{t.cancel}</button>
              <button type="button" className="fb-btn fb-btn--primary" onClick={() => { onRename(inputRef.current?.value ?? ''); close(); }}>{t.ok}</button>
            </>
          }
        >
          <label className="fb-field">
            <span>{t.renamePrompt}</span>
            <input
              ref={inputRef}
              defaultValue={session.info?.name ?? ''}
              autoFocus
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                  onRename(e.currentTarget.value);
                  close();
                }
              }}
            />
          </label>
        </Dialog>
      );
    case 'renameLevel':
      return (
        <Dialog
          title={t.renameLevel}
          onClose={close}
          footer={
            <>
              <button type="button" className="fb-btn" onClick={close}>{t.cancel}</button>
              <button type="button" className="fb-btn fb-btn--primary" onClick={() => { onRenameLevel(inputRef.current?.value ?? ''); close(); }}>{t.ok}</button>
            </>
          }
        >
          <label className="fb-field">
            <span>{t.levelNamePrompt}</span>
            <input
              ref={inputRef}
              defaultValue={levelName}
              autoFocus
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                  onRenameLevel(e.currentTarget.value);
                  close();
                }
              }}
            />
          </label>
        </Dialog>
      );
    case 'deleteWithChild':
      return (
        <Dialog
          title={t.deleteWithChildTitle}
          role="alertdialog"
          onClose={close}
          footer={
            <>
              <button type="button" className="fb-btn" onClick={close} autoFocus>{t.cancel}</button>
              <button type="button" className="fb-btn fb-btn--danger" onClick={() => { close(); onConfirmOps(dialog.ops); }}>{t.delete}</button>
            </>
          }
        >
          <p>{dialog.text}</p>
        </Dialog>
      );
    case 'delete':
      return (
        <Dialog
          title={t.delete}
          role="alertdialog"
          onClose={close}
          footer={
            <>
              <button type="button" className="fb-btn" onClick={close} autoFocus>{t.cancel}</button>
              <button type="button" className="fb-btn fb-btn--danger" onClick={() => { close(); onDelete(); }}>{t.delete}</button>
            </>
          }
        >
          <p>{t.confirmDelete(session.info?.name ?? '')}</p>
        </Dialog>
      );
    case 'mermaidIn':
      return (
        <Dialog
          title={t.pasteMermaid}
          onClose={close}
          wide
          footer={
            <>
              <button type="button" className="fb-btn" onClick={close}>{t.cancel}</button>
              <button type="button" className="fb-btn fb-btn--primary" onClick={() => void onMermaid(areaRef.current?.value ?? '')}>{t.mermaidImport}</button>
            </>
          }
        >
          {dialog.error ? <p role="alert" className="fb-banner fb-banner--error">{dialog.error}</p> : null}
          <label className="fb-field">
            <span>{t.mermaidPasteLabel}</span>
            <textarea ref={areaRef} rows={12} autoFocus spellCheck={false} placeholder={'flowchart LR\n  e1[书商] -->|采购单| p1(审核采购单)'} />
          </label>
        </Dialog>
      );
    case 'mermaidOut':
      return (
        <Dialog title={t.copyMermaid} onClose={close} wide footer={<button type="button" className="fb-btn" onClick={close}>{t.close}</button>}>
          <p role="status">{dialog.copied ? t.mermaidCopied : t.mermaidCopyFailed}</p>
          <label className="fb-field">
            <span>Mermaid</span>
            <textarea readOnly rows={12} value={dialog.text} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
          </label>
        </Dialog>
      );
    case 'share':
      return (
        <Dialog title={t.shareLabel} onClose={close} wide footer={<button type="button" className="fb-btn" onClick={close}>{t.close}</button>}>
          {dialog.tooLong ? (
            <p role="alert">{t.shareTooLong(dialog.tooLong, MAX_SHARE_URL)}</p>
          ) : (
            <>
              <p role="status">{dialog.copied ? t.shareCopied : t.mermaidCopyFailed}</p>
              <label className="fb-field">
                <span>{t.shareLabel}</span>
                <input readOnly value={dialog.url} onFocus={(e) => e.currentTarget.select()} className="fb-share-url" />
              </label>
            </>
          )}
        </Dialog>
      );
  }
}

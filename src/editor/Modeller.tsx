/**
 * The DFD modeller island (/modeller/, /en/modeller/): a thin layout over one store
 * (store/store.ts). The document, its history, the level, the selection, the session and the
 * interface state live in the store; every gesture is a named command (commands/registry.ts) that
 * the toolbar, the key map (commands/keymap.ts) and the dialogs share; keeping work is the
 * framework-free session module (session/session.ts); the DFD core does checking, codes, layout,
 * grading and Mermaid.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { ReactFlowProvider, useReactFlow, type Viewport, type XYPosition } from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import './modeller.css';
import type { NodeKind } from '@schemas/dfd.ts';
import { MESSAGES, pickLang, type Lang } from './i18n.ts';
import { boundaryNodes } from './core.ts';
import { emptyDocument } from './model/actions.ts';
import { currentDiagram, type SelectChange } from './model/editor.ts';
import { dfdOf, isBfc } from './model/bfc.ts';
import type { BfcNodeKind } from '@schemas/bfc.ts';
import { Canvas, PALETTE_MIME } from './canvas/Canvas.tsx';
import { rfId } from './canvas/elements.ts';
import { BfcCanvas, CHART_PALETTE_MIME } from './canvas/BfcCanvas.tsx';
import { ChartPalette } from './app/ChartPanels.tsx';
import { ChartPrintView } from './panels/ChartPrintView.tsx';
import { CanvasActionsContext, MessagesContext, type CanvasActions, type EditTarget } from './canvas/context.ts';
import { countFindings, useFindings, useMarkers } from './hooks/useFindings.ts';
import { useCoarsePointer, useDarkTheme } from './hooks/useEnvironment.ts';
import { ExercisePanel } from './panels/ExercisePanel.tsx';
import { PrintView } from './panels/PrintView.tsx';
import { createStore, useStore } from './store/store.ts';
import { Session } from './session/session.ts';
import { Commands } from './commands/registry.ts';
import { Palette, Toolbar } from './app/Toolbar.tsx';
import { Banners, LevelBar } from './app/Bars.tsx';
import { WorkBanners } from './app/WorkBanners.tsx';
import { SidePanel } from './app/SidePanel.tsx';
import { Dialogs } from './app/Dialogs.tsx';
import { ContextMenu } from './app/ContextMenu.tsx';
import { useKeymap } from './app/useKeymap.ts';
import { useStartup } from './app/useStartup.ts';
import { toggleFullscreen, watchFullscreen } from './app/fullscreen.ts';

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

function ModellerApp({ lang }: { lang: Lang }) {
  const t = MESSAGES[lang];
  const rf = useReactFlow();
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasBox = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // One store, one session and one command set for the life of the island. (The functions of
  // `env` read the refs when a command calls them, after render.)
  // eslint-disable-next-line react-hooks/refs
  const [commands] = useState(() => {
    const store = createStore(emptyDocument(t.newName));
    const env = {
      canvasCentre: () => {
        const r = canvasBox.current?.getBoundingClientRect();
        return r ? rf.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : null;
      },
      fitView: () => void rf.fitView({ padding: 0.2, maxZoom: 1.2, duration: 200 }),
      zoom: (how: 'in' | 'out' | 'reset') => void (how === 'in' ? rf.zoomIn({ duration: 150 }) : how === 'out' ? rf.zoomOut({ duration: 150 }) : rf.zoomTo(1, { duration: 150 })),
      toggleFullscreen: () => toggleFullscreen(store, rootRef.current),
      chooseFile: () => fileInput.current?.click(),
      // A frame later: the panels may have just been shown again.
      focusFindings: () => requestAnimationFrame(() => rootRef.current?.querySelector<HTMLElement>('.fb-findings h2')?.focus()),
      elementPoint: (kind: 'node' | 'flow', id: string) => {
        const sel = kind === 'node' ? '.react-flow__node' : '.react-flow__edge';
        const r = rootRef.current?.querySelector(`${sel}[data-id="${CSS.escape(rfId(id))}"]`)?.getBoundingClientRect();
        return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : { x: 200, y: 200 };
      },
    };
    return new Commands(store, new Session(store), t, lang, env);
  });
  const { store, session } = commands;
  useEffect(() => session.attach(), [session]);
  useEffect(() => watchFullscreen(store), [store]);
  useStartup(commands, t, lang);
  useKeymap(rootRef, commands);

  const doc = useStore(store, (s) => s.doc);
  const diagramId = useStore(store, (s) => s.diagramId);
  const selection = useStore(store, (s) => s.selection);
  const editing = useStore(store, (s) => s.editing);
  const focus = useStore(store, (s) => s.focus);
  const exercise = useStore(store, (s) => s.exercise);
  const printing = useStore(store, (s) => s.printing);
  const minimap = useStore(store, (s) => s.minimap);
  const fullscreen = useStore(store, (s) => s.fullscreen);
  const panelsHidden = useStore(store, (s) => s.panelsHidden);
  const sessionState = useStore(store, (s) => s.session);
  const diagram = currentDiagram({ doc, diagramId });
  // A business flow chart is drawn by its own canvas; the DFD parts see it as an empty DFD.
  const chart = isBfc(doc) ? doc : null;
  const dfd = dfdOf(doc);
  const notation = dfd.notation ?? 'gane-sarson';
  const findings = useFindings(doc, lang);
  const counts = useMemo(() => countFindings(findings), [findings]);
  const markers = useMarkers(findings, diagramId);
  const dark = useDarkTheme();
  const coarse = useCoarsePointer();

  // The shown diagram's boundary (nodes repeated from its parent) and its decomposed processes.
  const boundary = useMemo(() => new Set(boundaryNodes(dfd, diagramId).keys()), [dfd, diagramId]);
  const withChild = useMemo(() => new Set(dfd.diagrams.filter((d) => d.refines?.diagram === diagramId).map((d) => d.refines!.process)), [dfd, diagramId]);

  // Fill the window below the site's header (the page title is for screen readers only); on
  // phones the page scrolls around a canvas of fixed height instead (modeller.css).
  useEffect(() => {
    const el = rootRef.current;
    if (!el) return;
    const fit = () => {
      if (matchMedia('(max-width: 50rem)').matches || store.get().fullscreen) {
        el.style.removeProperty('height');
        return;
      }
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.height = `${Math.max(400, window.innerHeight - top - 8)}px`;
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [store, exercise, fullscreen, sessionState.problem, sessionState.conflict]);

  // ---- In-place editing: after an edit, keyboard focus goes back to the element edited. ----
  const refocus = useCallback((target: EditTarget) => {
    requestAnimationFrame(() => {
      const sel = target.kind === 'node' ? '.react-flow__node' : '.react-flow__edge';
      const el = rootRef.current?.querySelector<HTMLElement>(`${sel}[data-id="${CSS.escape(rfId(target.id))}"]`);
      if (el && (document.activeElement === document.body || !document.activeElement)) el.focus({ preventScroll: true });
    });
  }, []);
  const actions = useMemo<CanvasActions>(
    () => ({
      startEdit: (target) => store.set({ editing: target }),
      cancelEdit: () => {
        const cur = store.get().editing;
        if (cur) refocus(cur);
        store.set({ editing: null });
      },
      commitEdit: (target, value) => {
        store.set({ editing: null });
        refocus(target);
        const v = target.field === 'label' ? value : value.trim();
        if (target.kind === 'lane') commands.run('update-lane', { lane: { id: target.id, patch: { label: value.trim() || store.get().doc.title || '' } } });
        else if (target.kind === 'node') commands.run('update-element', { element: { kind: 'node', id: target.id, patch: { [target.field]: v } } });
        else if (target.field !== 'owner') commands.run('update-element', { element: { kind: 'flow', id: target.id, patch: { [target.field]: v } } });
      },
    }),
    [store, commands, refocus],
  );
  // An edit target that no longer exists (undo, delete) is dropped.
  useEffect(() => {
    if (!editing) return;
    const exists = chart
      ? (editing.kind === 'node' ? chart.nodes : editing.kind === 'flow' ? chart.flows : chart.lanes).some((x) => x.id === editing.id)
      : editing.kind === 'node'
        ? diagram.nodes.some((n) => n.id === editing.id)
        : diagram.flows.some((f) => f.id === editing.id);
    if (!exists) store.set({ editing: null });
  }, [diagram, chart, editing, store]);

  // 打印: the print view is rendered, the browser's print dialog opens, and it goes away after.
  useEffect(() => {
    if (!printing) return;
    const done = () => {
      store.set({ printing: false });
      document.documentElement.classList.remove('fb-print-mode');
    };
    document.documentElement.classList.add('fb-print-mode');
    window.addEventListener('afterprint', done, { once: true });
    const h = setTimeout(() => window.print(), 50);
    return () => {
      clearTimeout(h);
      window.removeEventListener('afterprint', done);
    };
  }, [printing, store]);

  const onFileInput = useCallback(
    (e: ChangeEvent<HTMLInputElement>) => {
      const f = e.target.files?.[0];
      e.target.value = '';
      if (f) void commands.importFile(f);
    },
    [commands],
  );
  const view = session.getView();
  const onViewportSaved = useCallback((id: string, vp: Viewport) => session.saveViewport(id, vp), [session]);
  const onPaletteDrop = useCallback((kind: NodeKind, p: XYPosition) => commands.addNode(kind, p), [commands]);
  const onChartDrop = useCallback((kind: BfcNodeKind, p: XYPosition) => commands.addChartNode(kind, p), [commands]);
  const onLaneResize = useCallback((id: string, size: number) => void commands.run('update-lane', { lane: { id, patch: { size } } }), [commands]);
  const onFileDrop = useCallback((f: File) => void commands.importFile(f), [commands]);
  const onFocusDone = useCallback(() => store.set({ focus: null }), [store]);
  const onConnect = useCallback((from: string, to: string) => void commands.run('connect', { from, to }), [commands]);
  const onReconnectFlow = useCallback((flowId: string, from: string, to: string) => void commands.run('reconnect-flow', { flowId, from, to }), [commands]);
  const onFocusSelect = useCallback(
    (target: { kind: 'node' | 'flow'; id: string }) =>
      void commands.run('select', { selection: target.kind === 'node' ? { nodes: [target.id], flows: [] } : { nodes: [], flows: [target.id] } }),
    [commands],
  );
  const onMoveNodes = useCallback((positions: Record<string, XYPosition>) => void commands.run('move-nodes', { positions }), [commands]);
  const onSelectDelta = useCallback((delta: { nodes?: SelectChange[]; flows?: SelectChange[] }) => void commands.run('select', { delta }), [commands]);
  const onToggleMinimap = useCallback(() => store.set({ minimap: !store.get().minimap }), [store]);
  const onOpenChild = useCallback((id: string) => void commands.run('decompose', { processId: id }), [commands]);
  const onContextMenu = useCallback(
    (e: { clientX: number; clientY: number }, target: { kind: 'node' | 'flow'; id: string } | { kind: 'pane' }) => {
      if (target.kind !== 'pane') {
        // The menu acts on what it was opened on: select it first (unless it is part of the selection).
        const sel = store.get().selection;
        const inSel = target.kind === 'node' ? sel.nodes.includes(target.id) : sel.flows.includes(target.id);
        if (!inSel) commands.run('select', { selection: target.kind === 'node' ? { nodes: [target.id], flows: [] } : { nodes: [], flows: [target.id] } });
        store.set({ menu: { x: e.clientX, y: e.clientY, target } });
      } else {
        store.set({ menu: { x: e.clientX, y: e.clientY, target: { kind: 'pane', at: rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }) } } });
      }
    },
    [store, commands, rf],
  );

  const statusText = (() => {
    if (!sessionState.ready) return t.saving;
    if (sessionState.status === 'conflict' || sessionState.info?.shared) return t.unsaved;
    if (!sessionState.persistent || sessionState.status === 'error') return t.unsaved;
    if (sessionState.status === 'saved') return t.saved;
    return t.saving;
  })();

  return (
    <MessagesContext.Provider value={t}>
      <CanvasActionsContext.Provider value={actions}>
        <div
          ref={rootRef}
          className={`fb-modeller not-content${exercise ? ' has-exercise' : ''}${fullscreen ? ' is-fullscreen' : ''}${panelsHidden ? ' panels-hidden' : ''}`}
          lang={lang}
          data-ready={sessionState.ready ? 'true' : 'false'}
        >
          <Toolbar t={t} commands={commands} counts={counts} status={statusText} name={sessionState.info?.name ?? ''} />
          <input ref={fileInput} type="file" accept=".json,.dfd.json,application/json" className="fb-visually-hidden" tabIndex={-1} aria-label={t.import} onChange={onFileInput} />
          <Banners t={t} commands={commands} />
          <WorkBanners t={t} commands={commands} />
          {chart ? null : <LevelBar t={t} commands={commands} />}
          <div className="fb-workspace">
            {exercise ? <ExercisePanel exercise={exercise} doc={doc} t={t} lang={lang} onShow={(d, e) => commands.showElement(d, e)} /> : null}
            <div className="fb-stage">
              {chart ? <ChartPalette t={t} commands={commands} dragMime={CHART_PALETTE_MIME} /> : <Palette t={t} commands={commands} dragMime={PALETTE_MIME} notation={notation} />}
              <div className="fb-canvas-box" ref={canvasBox} role="group" aria-label={t.canvas} aria-describedby="fb-canvas-help">
                <p id="fb-canvas-help" className="fb-visually-hidden">
                  {t.canvasHelp}
                </p>
                {sessionState.ready && !chart && diagram.nodes.length === 0 ? (
                  // The palette is on the left on wide screens, above the canvas on narrow ones (modeller.css shows one).
                  <p className="fb-empty-hint">
                    <span className="fb-empty-hint--wide">{t.emptyHint}</span>
                    <span className="fb-empty-hint--narrow">{t.emptyHintNarrow}</span>
                  </p>
                ) : null}
                {/* On phones the findings are below the page: one tap opens them over the canvas. */}
                <button
                  type="button"
                  className="fb-findings-fab"
                  data-severity={counts.error ? 'error' : counts.warning ? 'warning' : counts.info ? 'info' : 'none'}
                  aria-haspopup="dialog"
                  onClick={() => commands.run('findings-drawer')}
                >
                  {t.findingsDrawer(counts.error + counts.warning + counts.info)}
                </button>
                {sessionState.ready && chart && chart.nodes.length === 0 ? <p className="fb-empty-hint">{t.bfc.emptyHint}</p> : null}
                {sessionState.ready && chart ? (
                  <BfcCanvas
                    key={`${sessionState.info?.id ?? ''}\u0000chart`}
                    doc={chart}
                    selection={selection}
                    markers={markers}
                    editing={editing}
                    t={t}
                    dark={dark}
                    coarsePointer={coarse}
                    onMoveNodes={onMoveNodes}
                    onSelectDelta={onSelectDelta}
                    onConnectNodes={onConnect}
                    onPaletteDrop={onChartDrop}
                    onFileDrop={onFileDrop}
                    onViewportSaved={onViewportSaved}
                    initialViewport={view.viewports?.[diagramId]}
                    onLaneResize={onLaneResize}
                    focus={focus}
                    onFocusDone={onFocusDone}
                    onContextMenu={onContextMenu}
                  />
                ) : sessionState.ready ? (
                  <Canvas
                    key={`${sessionState.info?.id ?? ''}\u0000${diagram.id}`}
                    diagram={diagram}
                    notation={notation}
                    selection={selection}
                    markers={markers}
                    editing={editing}
                    t={t}
                    dark={dark}
                    coarsePointer={coarse}
                    onMoveNodes={onMoveNodes}
                    onSelectDelta={onSelectDelta}
                    onConnectNodes={onConnect}
                    onReconnectFlow={onReconnectFlow}
                    onFocusSelect={onFocusSelect}
                    onPaletteDrop={onPaletteDrop}
                    onFileDrop={onFileDrop}
                    onViewportSaved={onViewportSaved}
                    initialViewport={view.viewports?.[diagramId]}
                    onStartEdit={actions.startEdit}
                    focus={focus}
                    onFocusDone={onFocusDone}
                    boundary={boundary}
                    withChild={withChild}
                    onOpenChild={onOpenChild}
                    onContextMenu={onContextMenu}
                    minimap={minimap}
                    onToggleMinimap={onToggleMinimap}
                  />
                ) : null}
              </div>
            </div>
            <SidePanel t={t} lang={lang} commands={commands} findings={findings} />
          </div>
          <Dialogs t={t} commands={commands} lang={lang} findings={findings} />
          <ContextMenu t={t} commands={commands} />
          {printing && chart ? <ChartPrintView doc={chart} t={t} lang={lang} findings={findings} /> : null}
          {printing && !chart ? <PrintView doc={dfd} t={t} findings={findings} /> : null}
        </div>
      </CanvasActionsContext.Provider>
    </MessagesContext.Provider>
  );
}

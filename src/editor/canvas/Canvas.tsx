/**
 * The React Flow canvas for one diagram (remounted, by key, for each diagram shown). The document stays in the editor's reducer; this
 * component turns the shown diagram into React Flow nodes and edges (reusing unchanged objects so
 * React Flow re-renders only what changed), keeps the positions of nodes being dragged locally,
 * and reports finished changes (moves, connections, selections) back as editor actions.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useUpdateNodeInternals,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type Viewport,
  type XYPosition,
} from '@xyflow/react';
import type { DfdDiagram, DfdNode, NodeKind } from '@schemas/dfd.ts';
import type { Selection, SelectChange } from '../model/editor.ts';
import { GRID, fallbackPosition, flowLabelSpots, flowLabelWidth, flowOffsets, nodeBox, type Box, type Notation } from '../../lib/dfd/export/geometry.ts';
import { FlowRouter } from '../../lib/dfd/export/routing.ts';
import type { Messages } from '../i18n.ts';
import { DfdNodeView, type DfdRfNode, type Marker } from './DfdNodeView.tsx';
import { useLatest } from '../hooks/useLatest.ts';
import { ARROW_ID, buildEdges, buildNodes, fromRfId, rfId, type EdgeCacheEntry, type NodeCacheEntry } from './elements.ts';
import { FlowEdge, type FlowRfEdge } from './FlowEdge.tsx';
import type { EditTarget } from './context.ts';

const nodeTypes = { dfd: DfdNodeView };
const edgeTypes = { flow: FlowEdge };
export const PALETTE_MIME = 'application/x-flowbook-kind';
// Props given to React Flow keep their identity across renders: a new array or function there
// makes React Flow update its store (and re-subscribe key listeners) on every drag frame.
const SNAP_GRID: [number, number] = [GRID, GRID];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PAN_BUTTONS = [1, 2];
const PRO_OPTIONS = { hideAttribution: true };
const MINIMAP_SIZE = { width: 160, height: 112 };
const notSelf = (c: { source: string | null; target: string | null }) => c.source !== c.target;

export interface CanvasProps {
  diagram: DfdDiagram;
  notation: Notation;
  selection: Selection;
  markers: ReadonlyMap<string, Marker>;
  editing: EditTarget | null;
  t: Messages;
  dark: boolean;
  coarsePointer: boolean;
  /** Symbols dropped after a drag. */
  onMoveNodes(positions: Record<string, XYPosition>): void;
  /** Selection changes from clicks, Shift+click and the selection box. */
  onSelectDelta(delta: { nodes?: SelectChange[]; flows?: SelectChange[] }): void;
  onConnectNodes(from: string, to: string): void;
  /** A flow's end dragged onto another symbol: the flow's new ends. */
  onReconnectFlow(flowId: string, from: string, to: string): void;
  /** Keyboard focus landed on a symbol or a flow that is not the selection: it becomes the selection. */
  onFocusSelect(target: { kind: 'node' | 'flow'; id: string }): void;
  onPaletteDrop(kind: NodeKind, position: XYPosition): void;
  onFileDrop(file: File): void;
  onViewportSaved(diagramId: string, viewport: Viewport): void;
  initialViewport: Viewport | undefined;
  onStartEdit(target: EditTarget): void;
  /** An element to centre and focus (from a click on a finding); `nonce` makes each request new. */
  focus: { id: string; kind: 'node' | 'flow'; nonce: number } | null;
  onFocusDone(): void;
  /** The shown diagram's boundary nodes (repeated from its parent): drawn apart, not edited here. */
  boundary: ReadonlySet<string>;
  /** Processes of the shown diagram that have a child diagram. */
  withChild: ReadonlySet<string>;
  /** Double-click on a process with a child diagram. */
  onOpenChild(processId: string): void;
  /** The minimap is shown (off by default: it covers a corner of the diagram). */
  minimap: boolean;
  onToggleMinimap(): void;
  /** Right click on a symbol, a flow or the empty canvas. */
  onContextMenu(e: { clientX: number; clientY: number }, target: { kind: 'node' | 'flow'; id: string } | { kind: 'pane' }): void;
}

/** Past this many symbols on a level, flow labels stay at their flow's middle (see below). */
const LABEL_SPOTS_LIMIT = 1000;

function CanvasInner(props: CanvasProps) {
  const { diagram, notation, selection, markers, editing, t, onMoveNodes, onSelectDelta, boundary, withChild } = props;
  const rf = useReactFlow();
  const [drag, setDrag] = useState<ReadonlyMap<string, XYPosition> | null>(null);
  // Caches kept for the life of the canvas: plain holders (the render reads them, React need not know).
  const [measured] = useState(() => new Map<string, { width: number; height: number }>());
  const [nodeCache] = useState(() => ({ current: new Map<string, NodeCacheEntry>() }));
  const [edgeCache] = useState(() => ({ current: new Map<string, EdgeCacheEntry>() }));
  const [dropping, setDropping] = useState(false);

  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedFlows = useMemo(() => new Set(selection.flows), [selection.flows]);

  const nodes = useMemo(
    () => buildNodes(nodeCache, { diagram, notation, selectedNodes, markers, editing, drag, t, boundary, withChild, measured }),
    [nodeCache, measured, diagram, notation, selectedNodes, markers, editing, drag, t, boundary, withChild],
  );

  // Flows fan out between one pair of symbols, and bow round symbols in their way (from the
  // model's positions: recomputed when the diagram changes, not on every drag frame).
  const offsets = useMemo(() => flowOffsets(diagram.flows), [diagram.flows]);
  // An edit reroutes only the flows it can change (FlowRouter), and a symbol's box is measured again
  // only when the symbol changed: an edit of a 5,000-symbol diagram stays well under a frame budget.
  // Labels go where they are clear of symbols and of each other, as in the SVG/PNG/print export;
  // that placement looks at every flow, so past LABEL_SPOTS_LIMIT symbols (far beyond a textbook
  // diagram) labels stay at the middle of their flow and an edit stays fast.
  const [router] = useState(() => new FlowRouter());
  const [boxes] = useState(() => new WeakMap<DfdNode, { notation: Notation; box: Box }>());
  const { bends, labelSpots } = useMemo(() => {
    const placed = diagram.nodes.map((n, i) => {
      const p = n.x !== undefined && n.y !== undefined ? { x: n.x, y: n.y } : fallbackPosition(i);
      let b = boxes.get(n);
      if (!b || b.notation !== notation) boxes.set(n, (b = { notation, box: nodeBox(n, notation) }));
      return { id: n.id, x: p.x, y: p.y, box: b.box, round: notation === 'yourdon' && n.kind === 'process' };
    });
    const bends = router.update(placed, diagram.flows, offsets);
    if (placed.length > LABEL_SPOTS_LIMIT) return { bends, labelSpots: undefined };
    const widths = new Map(diagram.flows.map((f) => [f.id, flowLabelWidth(f.code, f.label)]));
    return { bends, labelSpots: flowLabelSpots(placed, diagram.flows, offsets, bends, (id) => widths.get(id) ?? 0) };
  }, [diagram.nodes, diagram.flows, notation, offsets, router, boxes]);

  const edges = useMemo(
    () => buildEdges(edgeCache, { diagram, offsets, bends, labelSpots, selectedFlows, markers, editing, t }),
    [edgeCache, diagram, offsets, bends, labelSpots, selectedFlows, markers, editing, t],
  );

  const diagramId = diagram.id;
  const nodesRef = useLatest(nodes);

  // Safety net: a symbol React Flow has not measured stays invisible and without flows (seen
  // when a node object is replaced while its first measurement is pending); measure it again.
  const updateInternals = useUpdateNodeInternals();
  useEffect(() => {
    if (drag) return;
    const raf = requestAnimationFrame(() => {
      const missing = nodesRef.current.filter((n) => !rf.getInternalNode(n.id)?.internals.handleBounds).map((n) => n.id);
      if (missing.length) updateInternals(missing);
    });
    return () => cancelAnimationFrame(raf);
  }, [nodes, nodesRef, drag, rf, updateInternals]);
  const onNodesChange = useCallback(
    (changes: NodeChange<DfdRfNode>[]) => {
      let dragging: Map<string, XYPosition> | null = null;
      let commit: Record<string, XYPosition> | null = null;
      const sel: SelectChange[] = [];
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) {
          measured.set(fromRfId(c.id), c.dimensions);
        } else if (c.type === 'position' && c.position) {
          const p = { x: Math.round(c.position.x), y: Math.round(c.position.y) };
          if (c.dragging) (dragging ??= new Map()).set(fromRfId(c.id), p);
          else (commit ??= {})[fromRfId(c.id)] = p;
        } else if (c.type === 'select') {
          sel.push({ id: fromRfId(c.id), selected: c.selected });
        }
      }
      if (dragging) {
        const d = dragging;
        setDrag((prev) => {
          const m = new Map(prev ?? []);
          for (const [k, v] of d) m.set(k, v);
          return m;
        });
      }
      if (commit) {
        onMoveNodes(commit);
        setDrag(null);
      }
      if (sel.length) onSelectDelta({ nodes: sel });
    },
    [onMoveNodes, onSelectDelta, measured],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowRfEdge>[]) => {
      const sel: SelectChange[] = [];
      for (const c of changes) if (c.type === 'select') sel.push({ id: fromRfId(c.id), selected: c.selected });
      if (sel.length) onSelectDelta({ flows: sel });
    },
    [onSelectDelta],
  );

  const { onConnectNodes, onReconnectFlow, onFocusSelect, onPaletteDrop, onFileDrop, onViewportSaved, onStartEdit, onOpenChild, onContextMenu } = props;
  const onReconnect = useCallback(
    (old: FlowRfEdge, c: Connection) => {
      if (c.source && c.target && c.source !== c.target) onReconnectFlow(old.id, c.source, c.target);
    },
    [onReconnectFlow],
  );
  // Focus is selection: Tab (or a screen reader) onto a symbol or a flow selects it alone, so
  // Delete, Enter and the arrow keys act on what has focus. Mouse focus is left to the click,
  // which selects (or, with Shift, adds) by itself.
  const selectionRef = useLatest(selection);
  const onFocusCapture = useCallback(
    (e: React.FocusEvent) => {
      const el = e.target as HTMLElement;
      if (!el.matches(':focus-visible')) return;
      const kind = el.classList.contains('react-flow__node') ? 'node' : el.classList.contains('react-flow__edge') ? 'flow' : null;
      const id = el.dataset.id ?? el.getAttribute('data-id');
      if (!kind || !id) return;
      const sel = selectionRef.current;
      const only = kind === 'node' ? sel.nodes.length === 1 && sel.nodes[0] === id && !sel.flows.length : sel.flows.length === 1 && sel.flows[0] === id && !sel.nodes.length;
      if (!only) onFocusSelect({ kind, id });
    },
    [onFocusSelect, selectionRef],
  );
  const onNodeContextMenu = useCallback(
    (e: React.MouseEvent, n: DfdRfNode) => {
      e.preventDefault();
      onContextMenu(e, { kind: 'node', id: n.data.node.id });
    },
    [onContextMenu],
  );
  const onEdgeContextMenu = useCallback(
    (e: React.MouseEvent, ed: FlowRfEdge) => {
      e.preventDefault();
      onContextMenu(e, { kind: 'flow', id: fromRfId(ed.id) });
    },
    [onContextMenu],
  );
  const onPaneContextMenu = useCallback(
    (e: React.MouseEvent | MouseEvent) => {
      e.preventDefault();
      onContextMenu(e, { kind: 'pane' });
    },
    [onContextMenu],
  );
  const onNodeDoubleClick = useCallback(
    (_: unknown, n: DfdRfNode) => {
      if (n.data.hasChild) onOpenChild(n.data.node.id);
      else if (!n.data.boundary) onStartEdit({ kind: 'node', id: n.data.node.id, field: 'label' });
    },
    [onStartEdit, onOpenChild],
  );
  const onMoveEnd = useCallback((_: unknown, vp: Viewport) => onViewportSaved(diagramId, vp), [onViewportSaved, diagramId]);
  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target && c.source !== c.target) onConnectNodes(fromRfId(c.source), fromRfId(c.target));
    },
    [onConnectNodes],
  );

  // When a diagram is shown: centre the element asked for, else restore its saved viewport, else fit.
  const initialViewport = useLatest(props.initialViewport);
  const focusRef = useLatest(props.focus);
  const handledFocus = useRef(0);
  const onFocusDoneRef = useLatest(props.onFocusDone);
  const wrapper = useRef<HTMLDivElement>(null);
  // Centre and focus the element asked for (a click on a finding).
  const focusNonce = props.focus?.nonce;
  useEffect(() => {
    const f = focusRef.current;
    if (!f || f.nonce === handledFocus.current) return;
    handledFocus.current = f.nonce;
    const center = (id: string) => {
      const n = rf.getInternalNode(id);
      if (!n) return null;
      const w = n.measured.width ?? (n.data as { width: number }).width;
      const h = n.measured.height ?? (n.data as { height: number }).height;
      return { x: n.internals.positionAbsolute.x + w / 2, y: n.internals.positionAbsolute.y + h / 2 };
    };
    // Wait a frame so that a diagram just switched to is in React Flow's store.
    const raf = requestAnimationFrame(() => {
      let c: { x: number; y: number } | null = null;
      if (f.kind === 'node') c = center(rfId(f.id));
      else {
        const e = rf.getEdge(rfId(f.id));
        const a = e && center(e.source);
        const b = e && center(e.target);
        c = a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : (a ?? b ?? null);
      }
      if (c) void rf.setCenter(c.x, c.y, { zoom: Math.max(rf.getZoom(), 1) });
      const sel = `${f.kind === 'node' ? '.react-flow__node' : '.react-flow__edge'}[data-id="${CSS.escape(rfId(f.id))}"]`;
      wrapper.current?.querySelector<HTMLElement>(sel)?.focus({ preventScroll: true });
      onFocusDoneRef.current();
    });
    return () => cancelAnimationFrame(raf);
  }, [focusNonce, focusRef, onFocusDoneRef, rf]);

  // When the diagram is first shown: its saved viewport, else fit it (unless an element is asked for).
  useEffect(() => {
    if (focusRef.current) return;
    const vp = initialViewport.current;
    if (vp) void rf.setViewport(vp);
    // (fitView on an empty diagram would wait and jump to the first symbol drawn.)
    else if (nodesRef.current.length === 0) void rf.setViewport({ x: 0, y: 0, zoom: 1 });
    else void rf.fitView({ padding: 0.2, maxZoom: 1.2 });
  }, [rf, focusRef, initialViewport, nodesRef]);

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t.nodeDesc,
      'node.a11yDescription.keyboardDisabled': t.nodeDesc,
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
        t.moved(t.directions[direction] ?? direction, Math.round(x), Math.round(y)),
      'edge.a11yDescription.default': t.edgeDesc,
      'controls.ariaLabel': t.canvas,
      'controls.zoomIn.ariaLabel': t.zoomIn,
      'controls.zoomOut.ariaLabel': t.zoomOut,
      'controls.fitView.ariaLabel': t.fitView,
      'controls.interactive.ariaLabel': t.interactive,
      'minimap.ariaLabel': t.minimap,
      'handle.ariaLabel': t.handle,
    }),
    [t],
  );

  return (
    <div
      ref={wrapper}
      className={`fb-canvas${dropping ? ' is-dropping' : ''}`}
      onFocus={onFocusCapture}
      onDragOver={(e) => {
        const types = Array.from(e.dataTransfer.types);
        if (types.includes(PALETTE_MIME) || types.includes('Files')) {
          e.preventDefault();
          e.dataTransfer.dropEffect = types.includes('Files') ? 'copy' : 'move';
          if (types.includes('Files')) setDropping(true);
        }
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(e) => {
        setDropping(false);
        const kind = e.dataTransfer.getData(PALETTE_MIME);
        if (kind === 'entity' || kind === 'process' || kind === 'store') {
          e.preventDefault();
          const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
          onPaletteDrop(kind, p);
          return;
        }
        const file = e.dataTransfer.files[0];
        if (file) {
          e.preventDefault();
          onFileDrop(file);
        }
      }}
    >
      <svg className="fb-defs" aria-hidden="true" width="0" height="0">
        <defs>
          <marker id={ARROW_ID} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" orient="auto-start-reverse">
            <path d="M0 0L10 5L0 10z" className="fb-arrowhead" />
          </marker>
        </defs>
      </svg>
      <ReactFlow<DfdRfNode, FlowRfEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onReconnect={onReconnect}
        edgesReconnectable
        isValidConnection={notSelf}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={32}
        onNodeDoubleClick={onNodeDoubleClick}
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        onMoveEnd={onMoveEnd}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionOnDrag={!props.coarsePointer}
        panOnDrag={props.coarsePointer ? true : PAN_BUTTONS}
        panActivationKeyCode="Space"
        zoomOnDoubleClick={false}
        snapToGrid
        snapGrid={SNAP_GRID}
        minZoom={0.1}
        maxZoom={2.5}
        colorMode={props.dark ? 'dark' : 'light'}
        ariaLabelConfig={ariaLabelConfig}
        proOptions={PRO_OPTIONS}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1} />
        <Controls showInteractive={false}>
          <ControlButton onClick={props.onToggleMinimap} aria-label={t.minimapToggle} aria-pressed={props.minimap} title={t.minimapToggle}>
            <svg viewBox="0 0 16 16" aria-hidden="true" width="12" height="12">
              <rect x="1.5" y="3.5" width="13" height="9" fill="none" stroke="currentColor" />
              <rect x="8" y="7" width="5" height="4" fill="currentColor" />
            </svg>
          </ControlButton>
        </Controls>
        {props.minimap ? <MiniMap pannable zoomable className="fb-minimap" style={MINIMAP_SIZE} /> : null}
      </ReactFlow>
      {dropping ? <div className="fb-drop-hint">{t.dropHint}</div> : null}
    </div>
  );
}

export const Canvas = memo(CanvasInner);

/**
 * The React Flow canvas of a business flow chart: the lanes behind (from the core's layout, the
 * same geometry the SVG export draws), the symbols on them, the flows between. Like the DFD canvas
 * it keeps only gesture state (a drag, a lane being resized) and reports finished changes as
 * commands: a dropped symbol snaps into the lane under it (model/bfc.ts).
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  ReactFlow,
  useReactFlow,
  useUpdateNodeInternals,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type Viewport,
  type XYPosition,
} from '@xyflow/react';
import type { BfcDocument, BfcNodeKind } from '@schemas/bfc.ts';
import { layoutBfc, BFC_NO_LANE } from '../../lib/bfc/index.ts';
import { flowOffsets } from '../../lib/dfd/export/geometry.ts';
import type { Selection, SelectChange } from '../model/editor.ts';
import { headerDepth, orientationOf } from '../model/bfc.ts';
import type { Messages } from '../i18n.ts';
import type { Marker } from './DfdNodeView.tsx';
import { BfcNodeView, LaneView, type BfcRfNode, type LaneRfNode } from './BfcViews.tsx';
import { FlowEdge, type FlowRfEdge } from './FlowEdge.tsx';
import { ARROW_ID } from './elements.ts';
import type { EditTarget } from './context.ts';
import { useLatest } from '../hooks/useLatest.ts';

const nodeTypes = { bfc: BfcNodeView, lane: LaneView };
const edgeTypes = { flow: FlowEdge };
export const CHART_PALETTE_MIME = 'application/x-flowbook-bfc-kind';
const SNAP_GRID: [number, number] = [16, 16];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PAN_BUTTONS = [1, 2];
const PRO_OPTIONS = { hideAttribution: true };
const notSelf = (c: { source: string | null; target: string | null }) => c.source !== c.target && !c.source?.startsWith('lane:') && !c.target?.startsWith('lane:');
const LANE = 'lane:';
const KINDS = new Set<string>(['process', 'form', 'store', 'collect']);

export interface BfcCanvasProps {
  doc: BfcDocument;
  selection: Selection;
  markers: ReadonlyMap<string, Marker>;
  editing: EditTarget | null;
  t: Messages;
  dark: boolean;
  coarsePointer: boolean;
  onMoveNodes(positions: Record<string, XYPosition>): void;
  onSelectDelta(delta: { nodes?: SelectChange[]; flows?: SelectChange[] }): void;
  onConnectNodes(from: string, to: string): void;
  onPaletteDrop(kind: BfcNodeKind, position: XYPosition): void;
  onFileDrop(file: File): void;
  onViewportSaved(diagramId: string, viewport: Viewport): void;
  initialViewport: Viewport | undefined;
  onLaneResize(id: string, size: number): void;
  focus: { id: string; kind: 'node' | 'flow'; nonce: number } | null;
  onFocusDone(): void;
  onContextMenu(e: { clientX: number; clientY: number }, target: { kind: 'node' | 'flow'; id: string } | { kind: 'pane' }): void;
}

function BfcCanvasInner(props: BfcCanvasProps) {
  const { doc, selection, markers, editing, t, onMoveNodes, onSelectDelta, onLaneResize } = props;
  const rf = useReactFlow();
  const [drag, setDrag] = useState<ReadonlyMap<string, XYPosition> | null>(null);
  const [dropping, setDropping] = useState(false);
  // Sizes React Flow measured, given back with each node object (a new object without them would
  // be measured again, and its flows not drawn until then).
  const [measured] = useState(() => new Map<string, { width: number; height: number }>());
  const layout = useMemo(() => layoutBfc(doc), [doc]);
  const orientation = orientationOf(doc);
  const header = headerDepth(doc);
  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedFlows = useMemo(() => new Set(selection.flows), [selection.flows]);

  const nodes = useMemo(() => {
    const byLane = new Map(doc.lanes.map((l) => [l.id, l]));
    const lanes: LaneRfNode[] = layout.lanes
      .filter((b) => b.id !== BFC_NO_LANE && byLane.has(b.id))
      .map((b) => ({
        id: `${LANE}${b.id}`,
        type: 'lane' as const,
        position: { x: b.x, y: b.y },
        width: b.width,
        height: b.height,
        draggable: false,
        selectable: false,
        connectable: false,
        focusable: false,
        zIndex: -1,
        ariaLabel: t.bfc.laneDesc(b.label, doc.nodes.filter((n) => n.lane === b.id).length),
        data: {
          lane: byLane.get(b.id)!,
          width: b.width,
          height: b.height,
          orientation,
          header,
          marker: markers.get(b.id),
          editing: editing?.kind === 'lane' && editing.id === b.id,
          onResize: onLaneResize,
        },
      }));
    const boxes = new Map(layout.nodes.map((b) => [b.id, b]));
    const symbols: BfcRfNode[] = doc.nodes.map((n) => {
      const b = boxes.get(n.id)!;
      const pos = drag?.get(n.id) ?? { x: b.x, y: b.y };
      const marker = markers.get(n.id);
      const ed = editing && editing.kind === 'node' && editing.id === n.id ? editing.field : undefined;
      const m = measured.get(n.id);
      const name = [t.bfc.kinds[n.kind], n.label || t.blank].join(' ');
      const lane = n.lane ? byLane.get(n.lane)?.label : undefined;
      return {
        id: n.id,
        type: 'bfc' as const,
        position: pos,
        width: b.width,
        height: b.height,
        selected: selectedNodes.has(n.id),
        ariaLabel: `${name}${lane ? `（${lane}）` : ''}${marker ? `，${t.hasFindings(marker.count)}` : ''}`,
        data: { node: n, width: b.width, height: b.height, notation: 'gane-sarson' as const, marker, editing: ed },
        ...(m ? { measured: m } : {}),
      };
    });
    return [...lanes, ...symbols] as Array<LaneRfNode | BfcRfNode>;
  }, [doc, layout, orientation, header, markers, editing, drag, selectedNodes, t, onLaneResize, measured]);

  // Safety net (as on the DFD canvas): a symbol React Flow has not measured has no flows drawn; measure it again.
  const updateInternals = useUpdateNodeInternals();
  const nodesRef = useLatest(nodes);
  useEffect(() => {
    if (drag) return;
    const raf = requestAnimationFrame(() => {
      const missing = nodesRef.current.filter((n) => n.type === 'bfc' && !rf.getInternalNode(n.id)?.internals.handleBounds).map((n) => n.id);
      if (missing.length) updateInternals(missing);
    });
    return () => cancelAnimationFrame(raf);
  }, [nodes, nodesRef, drag, rf, updateInternals]);

  const offsets = useMemo(() => flowOffsets(doc.flows), [doc.flows]);
  const edges = useMemo<FlowRfEdge[]>(
    () =>
      doc.flows.map((f) => {
        const marker = markers.get(f.id);
        const ed = editing && editing.kind === 'flow' && editing.id === f.id ? editing.field : undefined;
        const text = [f.condition, f.label].filter(Boolean).join('：');
        // The shared flow view shows the condition where a DFD flow has its code (and edits it there).
        const flow = { id: f.id, from: f.from, to: f.to, ...(f.label ? { label: f.label } : {}), ...(f.condition ? { code: f.condition } : {}) };
        return {
          id: f.id,
          type: 'flow' as const,
          source: f.from,
          target: f.to,
          selected: selectedFlows.has(f.id),
          markerEnd: ARROW_ID,
          ariaLabel: `${t.bfc.flow} ${text || t.blank}${marker ? `，${t.hasFindings(marker.count)}` : ''}`,
          data: { flow, offset: offsets.get(f.id) ?? 0, bend: 0, marker, editing: ed === 'condition' ? 'code' : ed },
        };
      }),
    [doc.flows, markers, editing, selectedFlows, offsets, t],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<LaneRfNode | BfcRfNode>[]) => {
      let dragging: Map<string, XYPosition> | null = null;
      let commit: Record<string, XYPosition> | null = null;
      const sel: SelectChange[] = [];
      for (const c of changes) {
        if ('id' in c && c.id.startsWith(LANE)) continue;
        if (c.type === 'dimensions' && c.dimensions) measured.set(c.id, c.dimensions);
        else if (c.type === 'position' && c.position) {
          const p = { x: Math.round(c.position.x), y: Math.round(c.position.y) };
          if (c.dragging) (dragging ??= new Map()).set(c.id, p);
          else (commit ??= {})[c.id] = p;
        } else if (c.type === 'select') sel.push({ id: c.id, selected: c.selected });
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
      for (const c of changes) if (c.type === 'select') sel.push({ id: c.id, selected: c.selected });
      if (sel.length) onSelectDelta({ flows: sel });
    },
    [onSelectDelta],
  );
  const { onConnectNodes, onPaletteDrop, onFileDrop, onViewportSaved, onContextMenu } = props;
  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target && notSelf(c)) onConnectNodes(c.source, c.target);
    },
    [onConnectNodes],
  );
  const onMoveEnd = useCallback((_: unknown, vp: Viewport) => onViewportSaved('top', vp), [onViewportSaved]);

  // Centre and focus the element asked for (a finding, a hint).
  const focusRef = useLatest(props.focus);
  const onFocusDoneRef = useLatest(props.onFocusDone);
  const handled = useRef(0);
  const wrapper = useRef<HTMLDivElement>(null);
  const focusNonce = props.focus?.nonce;
  useEffect(() => {
    const f = focusRef.current;
    if (!f || f.nonce === handled.current) return;
    handled.current = f.nonce;
    const raf = requestAnimationFrame(() => {
      const centre = (id: string) => {
        const n = rf.getInternalNode(id);
        if (!n) return null;
        const d = n.data as { width: number; height: number };
        return { x: n.internals.positionAbsolute.x + (n.measured.width ?? d.width) / 2, y: n.internals.positionAbsolute.y + (n.measured.height ?? d.height) / 2 };
      };
      let c: XYPosition | null = null;
      if (f.kind === 'node') c = centre(f.id);
      else {
        const e = rf.getEdge(f.id);
        const a = e && centre(e.source);
        const b = e && centre(e.target);
        c = a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : (a ?? b ?? null);
      }
      if (c) void rf.setCenter(c.x, c.y, { zoom: Math.max(rf.getZoom(), 1) });
      const sel = f.kind === 'node' ? `.react-flow__node[data-id="${CSS.escape(f.id)}"]` : `.react-flow__edge[data-id="${CSS.escape(f.id)}"]`;
      wrapper.current?.querySelector<HTMLElement>(sel)?.focus({ preventScroll: true });
      onFocusDoneRef.current();
    });
    return () => cancelAnimationFrame(raf);
  }, [focusNonce, focusRef, onFocusDoneRef, rf]);

  // A symbol or lane just added is brought into view (without taking focus from its name field).
  const known = useRef<Set<string> | null>(null);
  useEffect(() => {
    const ids = new Set(nodes.map((n) => n.id));
    const before = known.current;
    known.current = ids;
    if (!before) return;
    const added = nodes.filter((n) => !before.has(n.id));
    if (added.length !== 1) return;
    const n = added[0]!;
    const el = wrapper.current?.querySelector('.react-flow');
    if (!el) return;
    const r = el.getBoundingClientRect();
    const { x, y, zoom } = rf.getViewport();
    const w = n.width ?? 0;
    const h = n.type === 'lane' ? Math.min(n.height ?? 0, 120) : (n.height ?? 0);
    const left = n.position.x * zoom + x;
    const top = n.position.y * zoom + y;
    const inside = left >= 0 && top >= 0 && left + w * zoom <= r.width && top + h * zoom <= r.height;
    if (!inside) void rf.setCenter(n.position.x + w / 2, n.position.y + h / 2, { zoom, duration: 0 });
  }, [nodes, rf]);

  const initialViewport = useLatest(props.initialViewport);
  const hasContent = doc.lanes.length + doc.nodes.length > 0;
  const hasContentRef = useLatest(hasContent);
  useEffect(() => {
    if (focusRef.current) return;
    const vp = initialViewport.current;
    if (vp) void rf.setViewport(vp);
    else if (!hasContentRef.current) void rf.setViewport({ x: 16, y: 16, zoom: 1 });
    else void rf.fitView({ padding: 0.1, maxZoom: 1 });
  }, [rf, focusRef, initialViewport, hasContentRef]);

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
      'handle.ariaLabel': t.handle,
    }),
    [t],
  );

  return (
    <div
      ref={wrapper}
      className={`fb-canvas fb-canvas--chart${dropping ? ' is-dropping' : ''}`}
      onDragOver={(e) => {
        const types = Array.from(e.dataTransfer.types);
        if (types.includes(CHART_PALETTE_MIME) || types.includes('Files')) {
          e.preventDefault();
          e.dataTransfer.dropEffect = types.includes('Files') ? 'copy' : 'move';
          if (types.includes('Files')) setDropping(true);
        }
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(e) => {
        setDropping(false);
        const kind = e.dataTransfer.getData(CHART_PALETTE_MIME);
        if (KINDS.has(kind)) {
          e.preventDefault();
          onPaletteDrop(kind as BfcNodeKind, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
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
      <ReactFlow<LaneRfNode | BfcRfNode, FlowRfEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={notSelf}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={32}
        onNodeContextMenu={(e, n) => {
          if (n.id.startsWith(LANE)) return;
          e.preventDefault();
          onContextMenu(e, { kind: 'node', id: n.id });
        }}
        onEdgeContextMenu={(e, ed) => {
          e.preventDefault();
          onContextMenu(e, { kind: 'flow', id: ed.id });
        }}
        onPaneContextMenu={(e) => {
          e.preventDefault();
          onContextMenu(e, { kind: 'pane' });
        }}
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
        <Background variant={BackgroundVariant.Dots} gap={16} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
      {dropping ? <div className="fb-drop-hint">{t.dropHint}</div> : null}
    </div>
  );
}

export const BfcCanvas = memo(BfcCanvasInner);

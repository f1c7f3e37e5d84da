/**
 * The shown diagram as React Flow nodes and edges, reusing the objects of elements that did not
 * change (React Flow then re-renders only what changed, which keeps drags smooth on large
 * diagrams).
 */
import type { XYPosition } from '@xyflow/react';
import type { DfdDiagram } from '@schemas/dfd.ts';
import { fallbackPosition, nodeBox, type Notation } from '../../lib/dfd/export/geometry.ts';
import type { Messages } from '../i18n.ts';
import type { DfdRfNode, Marker } from './DfdNodeView.tsx';
import type { FlowRfEdge } from './FlowEdge.tsx';
import type { EditTarget } from './context.ts';

/**
 * The id React Flow gets for an element: ids are data (any string a document holds), and React
 * Flow writes node ids into CSS selectors of its own without escaping them (the handle lookup while
 * a flow is drawn), where a quote or a bracket throws. Ids of plain characters are kept as they
 * are; any other is written as `~` and the hex of its UTF-16 units (lone surrogates included), and
 * `fromRfId` gives it back exactly.
 */
const PLAIN_ID = /^[A-Za-z0-9_.:-]+$/;
export function rfId(id: string): string {
  if (PLAIN_ID.test(id)) return id;
  let out = '~';
  for (let i = 0; i < id.length; i++) out += id.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}
export function fromRfId(id: string): string {
  if (!id.startsWith('~')) return id;
  let out = '';
  for (let i = 1; i + 4 <= id.length; i += 4) out += String.fromCharCode(parseInt(id.slice(i, i + 4), 16));
  return out;
}

export const ARROW_ID = 'fb-arrowhead';

export interface NodeCacheEntry {
  src: DfdDiagram['nodes'][number];
  notation: Notation;
  selected: boolean;
  marker: Marker | undefined;
  editing: EditTarget['field'] | undefined;
  boundary: boolean;
  hasChild: boolean;
  x: number;
  y: number;
  measured: { width: number; height: number } | undefined;
  rf: DfdRfNode;
}

export interface EdgeCacheEntry {
  src: DfdDiagram['flows'][number];
  offset: number;
  bend: number;
  labelT: number | undefined;
  selected: boolean;
  marker: Marker | undefined;
  editing: EditTarget['field'] | undefined;
  rf: FlowRfEdge;
}

export function nodeLabel(t: Messages, n: DfdDiagram['nodes'][number], marker: Marker | undefined, boundary: boolean, hasChild: boolean): string {
  let s = [t.kindNames[n.kind], n.code, n.label || t.blank].filter(Boolean).join(' ');
  if (n.kind === 'process' && n.owner) s += `（${t.owner}：${n.owner}）`;
  if (boundary) s += `，${t.boundaryNode}`;
  if (hasChild) s += `，${t.hasChild}`;
  if (marker) s += `，${t.hasFindings(marker.count)}`;
  return s;
}

export interface NodeInputs {
  diagram: DfdDiagram;
  notation: Notation;
  selectedNodes: ReadonlySet<string>;
  markers: ReadonlyMap<string, Marker>;
  editing: EditTarget | null;
  drag: ReadonlyMap<string, XYPosition> | null;
  t: Messages;
  boundary: ReadonlySet<string>;
  withChild: ReadonlySet<string>;
  measured: ReadonlyMap<string, { width: number; height: number }>;
}

export function buildNodes(store: { current: Map<string, NodeCacheEntry> }, i: NodeInputs): DfdRfNode[] {
  const { diagram, notation, selectedNodes, markers, editing, drag, t, boundary, withChild, measured } = i;
  const cache = store.current;
  const next = new Map<string, NodeCacheEntry>();
  const out = diagram.nodes.map((n, i) => {
    const base = n.x !== undefined && n.y !== undefined ? { x: n.x, y: n.y } : fallbackPosition(i);
    const pos = drag?.get(n.id) ?? base;
    const sel = selectedNodes.has(n.id);
    const marker = markers.get(n.id);
    const ed = editing && editing.kind === 'node' && editing.id === n.id ? editing.field : undefined;
    const m = measured.get(n.id);
    const isBoundary = boundary.has(n.id);
    const hasChild = withChild.has(n.id);
    const old = cache.get(n.id);
    if (
      old &&
      old.src === n &&
      old.boundary === isBoundary &&
      old.hasChild === hasChild &&
      old.notation === notation &&
      old.selected === sel &&
      old.marker?.severity === marker?.severity &&
      old.marker?.count === marker?.count &&
      old.editing === ed &&
      old.x === pos.x &&
      old.y === pos.y &&
      old.measured === m
    ) {
      next.set(n.id, old);
      return old.rf;
    }
    const box = nodeBox(n, notation);
    const node: DfdRfNode = {
      id: rfId(n.id),
      type: 'dfd',
      position: { x: pos.x, y: pos.y },
      // Known sizes: the symbol is visible (and its name field focusable) before it is measured.
      width: box.width,
      height: box.height,
      data: { node: n, notation, marker, editing: ed, width: box.width, height: box.height, boundary: isBoundary, hasChild },
      selected: sel,
      ariaLabel: nodeLabel(t, n, marker, isBoundary, hasChild),
      ...(m ? { measured: m } : {}),
    };
    next.set(n.id, { src: n, notation, selected: sel, marker, editing: ed, boundary: isBoundary, hasChild, x: pos.x, y: pos.y, measured: m, rf: node });
    return node;
  });
  store.current = next;
  return out;
}

export interface EdgeInputs {
  diagram: DfdDiagram;
  offsets: ReadonlyMap<string, number>;
  bends: ReadonlyMap<string, number>;
  /** Where each label goes along its flow (flowLabelSpots); absent: the middle. */
  labelSpots?: ReadonlyMap<string, number>;
  selectedFlows: ReadonlySet<string>;
  markers: ReadonlyMap<string, Marker>;
  editing: EditTarget | null;
  t: Messages;
}

export function buildEdges(store: { current: Map<string, EdgeCacheEntry> }, i: EdgeInputs): FlowRfEdge[] {
  const { diagram, offsets, bends, labelSpots, selectedFlows, markers, editing, t } = i;
  const cache = store.current;
  const next = new Map<string, EdgeCacheEntry>();
  const out = diagram.flows.map((f) => {
    const offset = offsets.get(f.id) ?? 0;
    const bend = bends.get(f.id) ?? 0;
    const labelT = labelSpots?.get(f.id);
    const sel = selectedFlows.has(f.id);
    const marker = markers.get(f.id);
    const ed = editing && editing.kind === 'flow' && editing.id === f.id ? editing.field : undefined;
    const old = cache.get(f.id);
    if (
      old &&
      old.src === f &&
      old.offset === offset &&
      old.bend === bend &&
      old.labelT === labelT &&
      old.selected === sel &&
      old.marker?.severity === marker?.severity &&
      old.marker?.count === marker?.count &&
      old.editing === ed
    ) {
      next.set(f.id, old);
      return old.rf;
    }
    const label = [t.flow, f.code, f.label || t.blank].filter(Boolean).join(' ');
    const edge: FlowRfEdge = {
      id: rfId(f.id),
      type: 'flow',
      source: rfId(f.from),
      target: rfId(f.to),
      data: { flow: f, offset, bend, ...(labelT !== undefined ? { labelT } : {}), marker, editing: ed },
      selected: sel,
      markerEnd: ARROW_ID,
      ariaLabel: marker ? `${label}，${t.hasFindings(marker.count)}` : label,
    };
    next.set(f.id, { src: f, offset, bend, labelT, selected: sel, marker, editing: ed, rf: edge });
    return edge;
  });
  store.current = next;
  return out;
}

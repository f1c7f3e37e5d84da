/**
 * The editing commands as pure functions of the state: what a gesture changes, decided without a
 * DOM, so that the toolbar, the key map and the context menu share one behaviour and the tests can
 * check it (tests/unit/editor/commands.test.ts).
 */
import type { DfdDiagram, DfdDocument, NodeKind } from '@schemas/dfd.ts';
import type { XYPosition } from '@xyflow/react';
import { boundaryNodes } from '../core.ts';
import type { Messages } from '../i18n.ts';
import { EMPTY_SELECTION, currentDiagram, type EditorAction, type Selection } from '../model/editor.ts';
import { addNodeOp, childOf, childrenLost, copySelection, decomposeOps, notationOf, pasteOps, type Clip } from '../model/actions.ts';
import type { Op } from '../model/ops.ts';
import { GRID, fallbackPosition, nodeBox, type Notation } from '../../lib/dfd/export/geometry.ts';
import type { EditTarget } from '../canvas/context.ts';
import type { DialogState, ModellerState } from '../store/state.ts';

/** The DFD commands' view of the state (a chart is seen as an empty DFD: see dfdOf). */
type S = Omit<Pick<ModellerState, 'doc' | 'diagramId' | 'selection'>, 'doc'> & { doc: DfdDocument };

/** Delete the selection (and the focused symbol): straight away, or after asking when a process takes its child along. */
export function deleteSelection(s: S, t: Messages, focusedNode?: string): { action: EditorAction } | { dialog: NonNullable<DialogState> } | null {
  // Focus is selection: a focused symbol outside the selection is what the key acts on, alone.
  const alone = focusedNode !== undefined && !s.selection.nodes.includes(focusedNode);
  const nodes = alone ? [focusedNode] : [...s.selection.nodes];
  const flows = alone ? [] : [...s.selection.flows];
  if (!nodes.length && !flows.length) return null;
  const ops: Op[] = [{ type: 'deleteElements', diagram: s.diagramId, nodes, flows }];
  const lost = childrenLost(s.doc, s.diagramId, nodes);
  if (lost.length) {
    const name = (p: (typeof lost)[number]['process']) => `${t.kindNames.process}${p.code ? ` ${p.code}` : ''}${p.label ? `「${p.label}」` : ''}`;
    const items = lost.map((x) => t.childSize(name(x.process), x.diagrams.length, x.nodes, x.flows)).join(t.listJoin);
    return { dialog: { type: 'deleteWithChild', text: t.deleteWithChild(items), ops } };
  }
  return { action: { type: 'apply', ops, select: EMPTY_SELECTION } };
}

export function selectAll(s: S): EditorAction {
  const d = currentDiagram(s);
  return { type: 'select', selection: { nodes: d.nodes.map((n) => n.id), flows: d.flows.map((f) => f.id) } };
}

/**
 * What Enter/F2 edits: the focused symbol or flow, else the one selected element. Never a
 * boundary node (it is the parent's: renamed there).
 */
export function editTarget(s: S, focused?: { kind: 'node' | 'flow'; id: string }): EditTarget | null {
  const boundary = boundaryNodes(s.doc, s.diagramId);
  const node = (id: string): EditTarget | null => (boundary.has(id) ? null : { kind: 'node', id, field: 'label' });
  if (focused) return focused.kind === 'node' ? node(focused.id) : { kind: 'flow', id: focused.id, field: 'label' };
  const { nodes, flows } = s.selection;
  if (nodes.length === 1 && !flows.length) return node(nodes[0]!);
  if (flows.length === 1 && !nodes.length) return { kind: 'flow', id: flows[0]!, field: 'label' };
  return null;
}

/** Copy: the selected symbols and the flows among them; null when nothing is selected. */
export function copy(s: S): Clip | null {
  return copySelection(currentDiagram(s), s.selection.nodes);
}

/** Paste a clip, shifted by `shift` px, selecting what was pasted. */
export function paste(s: S, clip: Clip, shift: number): EditorAction {
  const r = pasteOps(s.doc, s.diagramId, clip, shift);
  return { type: 'apply', ops: r.ops, select: { nodes: r.nodes, flows: r.flows } };
}

/** Ctrl+D: a copy of the selection beside it, selected. */
export function duplicateSelection(s: S): EditorAction | null {
  const clip = copy(s);
  return clip ? paste(s, clip, 32) : null;
}

/** A new symbol of `kind` at `center`, selected, its name field open. */
export function addNode(s: S, kind: NodeKind, center: XYPosition): { action: EditorAction; editing: EditTarget } {
  const { op, id } = addNodeOp(s.doc, s.diagramId, kind, center);
  const select: Selection = { nodes: [id], flows: [] };
  return { action: { type: 'apply', ops: [op], select }, editing: { kind: 'node', id, field: 'label' } };
}

/** 分解: open the child of a process, or make a balanced one. */
export function decompose(s: S, t: Messages, processId: string): EditorAction | null {
  const p = currentDiagram(s).nodes.find((n) => n.id === processId);
  const existing = childOf(s.doc, s.diagramId, processId);
  if (existing) return { type: 'showDiagram', diagramId: existing.id };
  const r = decomposeOps(s.doc, s.diagramId, processId, t.decomposition(p?.code || p?.label || processId));
  return r ? { type: 'apply', ops: r.ops, diagramId: r.diagramId, select: EMPTY_SELECTION } : null;
}

/** Turn a flow round (the focused flow, else the one selected flow). */
export function reverseFlow(s: S, focusedFlow?: string): EditorAction | null {
  const id = focusedFlow ?? (s.selection.flows.length === 1 && !s.selection.nodes.length ? s.selection.flows[0] : undefined);
  const f = id ? currentDiagram(s).flows.find((x) => x.id === id) : undefined;
  if (!f) return null;
  return { type: 'apply', ops: [{ type: 'updateFlow', diagram: s.diagramId, id: f.id, patch: { from: f.to, to: f.from } }], select: { nodes: [], flows: [f.id] } };
}

/**
 * Moves one end of a flow to another symbol (a flow's end dragged onto a new symbol): one undo
 * step; null when nothing would change or the flow would join a symbol to itself.
 */
export function reconnectFlow(s: S, flowId: string, from: string, to: string): EditorAction | null {
  const d = currentDiagram(s);
  const f = d.flows.find((x) => x.id === flowId);
  if (!f || from === to || (f.from === from && f.to === to)) return null;
  if (!d.nodes.some((n) => n.id === from) || !d.nodes.some((n) => n.id === to)) return null;
  return { type: 'apply', ops: [{ type: 'updateFlow', diagram: s.diagramId, id: f.id, patch: { from, to } }], select: { nodes: [], flows: [f.id] } };
}

/** Room left between a symbol added by a click and its neighbours: enough for a flow and its label. */
export const NEW_SYMBOL_GAP = 160;

/**
 * Where a symbol added by a click goes (its centre): the spot nearest `c`, on a 16 px grid of
 * widening rings, whose box keeps NEW_SYMBOL_GAP from every symbol (in x or in y), so that a flow
 * drawn to a neighbour shows, with its label, between them. Failing that within 60 rings, right of
 * everything.
 */
export function freeSpot(d: DfdDiagram, notation: Notation, kind: NodeKind, c: XYPosition): XYPosition {
  const box = nodeBox({ kind, label: '' }, notation);
  const boxes = d.nodes.map((n, i) => {
    const p = n.x !== undefined && n.y !== undefined ? { x: n.x, y: n.y } : fallbackPosition(i);
    const b = nodeBox(n, notation);
    return { x: p.x, y: p.y, w: b.width, h: b.height };
  });
  const g = NEW_SYMBOL_GAP;
  const free = (p: XYPosition) => {
    // Where addNodeOp will put the box (its corner snapped to the grid).
    const x0 = Math.round((p.x - box.width / 2) / GRID) * GRID;
    const y0 = Math.round((p.y - box.height / 2) / GRID) * GRID;
    return boxes.every((b) => x0 >= b.x + b.w + g || x0 + box.width + g <= b.x || y0 >= b.y + b.h + g || y0 + box.height + g <= b.y);
  };
  const step = 2 * GRID;
  // Rings of spots around c, beside before above or below (a vertical step counts twice):
  // canvases are wider than tall, and data reads across.
  for (let ring = 0; ring <= 60; ring++) {
    let best: XYPosition | undefined;
    let bestD = Infinity;
    const rows = Math.floor(ring / 2);
    for (let j = -rows; j <= rows; j++) {
      for (let i = -ring; i <= ring; i++) {
        if (Math.max(Math.abs(i), 2 * Math.abs(j)) !== ring) continue;
        const p = { x: c.x + i * step, y: c.y + j * step };
        const dist = Math.hypot(i, 2 * j);
        if (dist < bestD && free(p)) {
          best = p;
          bestD = dist;
        }
      }
    }
    if (best) return best;
  }
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  return { x: right + g + box.width / 2, y: c.y };
}

export { notationOf };

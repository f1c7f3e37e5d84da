/**
 * The editor's state and its pure reducer: the document with its undo history, plus view state
 * (which diagram is shown, what is selected). Model logic (checking, codes, layout…) lives in the
 * DFD core; this only records changes. Testable without a DOM (tests/unit/editor/).
 */
import type { DfdDiagram } from '@schemas/dfd.ts';
import { applyOp, type Op } from './ops.ts';
import { isBfc, type EditorDocument } from './bfc.ts';

type DfdDocument = EditorDocument;

export const HISTORY_LIMIT = 300;

export interface Selection {
  nodes: readonly string[];
  flows: readonly string[];
}

export const EMPTY_SELECTION: Selection = { nodes: [], flows: [] };

export interface HistoryEntry<D extends EditorDocument = EditorDocument> {
  doc: D;
  /** The diagram shown when this state was left, so undo/redo return to where the change was. */
  diagramId: string;
}

export interface EditorState<D extends EditorDocument = EditorDocument> {
  doc: D;
  past: readonly HistoryEntry<D>[];
  future: readonly HistoryEntry<D>[];
  diagramId: string;
  selection: Selection;
  /** Increases on every change to the document (undo and redo included): drives autosave. */
  version: number;
}

export type EditorAction =
  | { type: 'apply'; ops: readonly Op[]; select?: Selection; diagramId?: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'load'; doc: EditorDocument; diagramId?: string }
  | { type: 'showDiagram'; diagramId: string; select?: Selection }
  | { type: 'select'; selection: Selection }
  /** Selection changes reported by the canvas (click, Shift+click, box), relative to the current one. */
  | { type: 'selectDelta'; nodes?: readonly SelectChange[]; flows?: readonly SelectChange[] };

export interface SelectChange {
  id: string;
  selected: boolean;
}

function applyDelta(ids: readonly string[], changes: readonly SelectChange[] | undefined): readonly string[] {
  if (!changes?.length) return ids;
  const out = new Set(ids);
  for (const c of changes) {
    if (c.selected) out.add(c.id);
    else out.delete(c.id);
  }
  return [...out];
}

export function initialState<D extends EditorDocument>(doc: D, diagramId?: string): EditorState<D> {
  return {
    doc,
    past: [],
    future: [],
    diagramId: validDiagram(doc, diagramId),
    selection: EMPTY_SELECTION,
    version: 0,
  };
}

/** A business flow chart is one sheet: its only "diagram" is `top`. */
export const BFC_SHEET = 'top';

function validDiagram(doc: DfdDocument, id: string | undefined): string {
  if (isBfc(doc)) return BFC_SHEET;
  if (id && doc.diagrams.some((d) => d.id === id)) return id;
  return doc.diagrams[0]!.id;
}

/** Where to go when the shown diagram disappears (undo of a decomposition…): its parent, or the top. */
function fallbackDiagram(prev: DfdDocument, doc: DfdDocument, id: string): string {
  if (isBfc(doc) || isBfc(prev)) return validDiagram(doc, id);
  let cur: string | undefined = id;
  const seen = new Set<string>();
  while (cur && !seen.has(cur)) {
    if (doc.diagrams.some((d) => d.id === cur)) return cur;
    seen.add(cur);
    cur = prev.diagrams.find((d) => d.id === cur)?.refines?.diagram;
  }
  return doc.diagrams[0]!.id;
}

/** Drops selected ids that no longer exist in the shown diagram. */
function prune(doc: DfdDocument, diagramId: string, sel: Selection): Selection {
  const d = isBfc(doc) ? doc : doc.diagrams.find((x) => x.id === diagramId);
  if (!d) return EMPTY_SELECTION;
  const nodes = sel.nodes.filter((id) => d.nodes.some((n) => n.id === id));
  const flows = sel.flows.filter((id) => d.flows.some((f) => f.id === id));
  return nodes.length === sel.nodes.length && flows.length === sel.flows.length ? sel : { nodes, flows };
}

export function editorReducer<D extends EditorDocument>(state: EditorState<D>, action: EditorAction): EditorState<D> {
  switch (action.type) {
    case 'apply': {
      let doc = state.doc;
      for (const op of action.ops) doc = applyOp(doc, op);
      const diagramId = action.diagramId ? validDiagram(doc, action.diagramId) : fallbackDiagram(state.doc, doc, state.diagramId);
      if (doc === state.doc) {
        if (!action.select && diagramId === state.diagramId) return state;
        return { ...state, diagramId, selection: prune(doc, diagramId, action.select ?? state.selection) };
      }
      const past = [...state.past, { doc: state.doc, diagramId: state.diagramId }];
      if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
      return {
        doc,
        past,
        future: [],
        diagramId,
        selection: prune(doc, diagramId, action.select ?? state.selection),
        version: state.version + 1,
      };
    }
    case 'undo': {
      const prev = state.past[state.past.length - 1];
      if (!prev) return state;
      const diagramId = validDiagram(prev.doc, prev.diagramId);
      return {
        doc: prev.doc,
        past: state.past.slice(0, -1),
        future: [{ doc: state.doc, diagramId: state.diagramId }, ...state.future],
        diagramId,
        selection: prune(prev.doc, diagramId, state.selection),
        version: state.version + 1,
      };
    }
    case 'redo': {
      const next = state.future[0];
      if (!next) return state;
      const diagramId = validDiagram(next.doc, next.diagramId);
      return {
        doc: next.doc,
        past: [...state.past, { doc: state.doc, diagramId: state.diagramId }],
        future: state.future.slice(1),
        diagramId,
        selection: prune(next.doc, diagramId, state.selection),
        version: state.version + 1,
      };
    }
    case 'load':
      return { ...initialState(action.doc as D, action.diagramId), version: state.version + 1 };
    case 'showDiagram': {
      const diagramId = validDiagram(state.doc, action.diagramId);
      return { ...state, diagramId, selection: prune(state.doc, diagramId, action.select ?? EMPTY_SELECTION) };
    }
    case 'select': {
      const s = action.selection;
      const cur = state.selection;
      if (sameIds(s.nodes, cur.nodes) && sameIds(s.flows, cur.flows)) return state;
      return { ...state, selection: prune(state.doc, state.diagramId, s) };
    }
    case 'selectDelta':
      return editorReducer(state, {
        type: 'select',
        selection: { nodes: applyDelta(state.selection.nodes, action.nodes), flows: applyDelta(state.selection.flows, action.flows) },
      });
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const NO_DIAGRAM: DfdDiagram = { id: BFC_SHEET, nodes: [], flows: [] };

/** The DFD diagram shown; for a business flow chart an empty one (its symbols are the chart's own, see model/bfc.ts). */
export function currentDiagram(state: { doc: EditorDocument; diagramId: string }): DfdDiagram {
  if (isBfc(state.doc)) return NO_DIAGRAM;
  return state.doc.diagrams.find((d) => d.id === state.diagramId) ?? state.doc.diagrams[0]!;
}

/**
 * The shape of the modeller's state and its selectors. The document part (doc, history, level,
 * selection) is the pure editor reducer's (model/editor.ts); the rest is the session's and the
 * interface's.
 */
import type { Exercise } from '@schemas/exercise.ts';
import type { EditorState } from '../model/editor.ts';
import { currentDiagram } from '../model/editor.ts';
import { dfdOf } from '../model/bfc.ts';
import type { EditTarget } from '../canvas/context.ts';
import type { Op } from '../model/ops.ts';
import type { StorageProblem, StoredDiagram } from '../storage/db.ts';
import type { ReadProgress } from '../io/read-job.ts';

export interface SessionInfo {
  id: string;
  name: string;
  exercise?: string;
  /** A copy opened from a share link, held in memory only until the user keeps it. */
  shared?: boolean;
}

export type SaveStatus = 'loading' | 'saved' | 'saving' | 'dirty' | 'conflict' | 'error';

/** What the session module reports into the store. */
export interface SessionState {
  ready: boolean;
  problem: StorageProblem | null;
  info: SessionInfo | null;
  status: SaveStatus;
  /** Another tab saved a newer revision of the open diagram. */
  conflict: StoredDiagram | null;
  /** Work is kept in IndexedDB (false: memory only). */
  persistent: boolean;
}

export type DialogState =
  | { type: 'open'; items: DocumentItem[] }
  /** 新建: the name of a new data flow diagram, or of a business flow chart (kind 'bfc'). */
  | { type: 'newDocument'; kind?: 'dfd' | 'bfc' }
  /** Leaving a diagram whose changes storage could not keep: export it first, or keep it in memory. */
  | { type: 'leaveUnsaved' }
  | { type: 'rename' }
  | { type: 'renameLevel' }
  | { type: 'delete' }
  | { type: 'deleteWithChild'; text: string; ops: Op[] }
  | { type: 'mermaidIn'; error?: string }
  | { type: 'mermaidOut'; text: string; copied: boolean }
  | { type: 'share'; url?: string; copied?: boolean; tooLong?: number }
  | { type: 'shortcuts' }
  | { type: 'findings' }
  | null;

/** A stored document as 打开 lists it. */
export interface DocumentItem {
  id: string;
  name: string;
  updated: number;
  /** Bytes of its JSON. */
  size?: number;
  /** Number of levels (diagrams). */
  levels?: number;
  /** A small picture of its first level (an SVG data URI). */
  thumb?: string;
  /** Why it cannot be opened. */
  damaged?: string;
  /** Held in memory only: storage could not keep its latest changes. */
  unsaved?: boolean;
}

export type Notice = { kind: 'alert' | 'status'; text: string } | null;

export interface UiState {
  session: SessionState;
  editing: EditTarget | null;
  dialog: DialogState;
  notice: Notice;
  tab: 'inspector' | 'dictionary';
  exercise: Exercise | null;
  exerciseError: string | null;
  printing: boolean;
  /** An element to centre and focus (a click on a finding or a hint); `nonce` makes each request new. */
  focus: { id: string; kind: 'node' | 'flow'; nonce: number } | null;
  /** The minimap is shown. */
  minimap: boolean;
  /** The workspace fills the window (app/fullscreen.ts). */
  fullscreen: boolean;
  /** The side panels (exercise, findings, properties) are hidden: the canvas takes the width. */
  panelsHidden: boolean;
  /** The context menu, at a point of the page, for a symbol, a flow or the empty canvas. */
  menu: ContextMenuState | null;
  /** A document from outside being read (in a worker), with its progress; 取消 stops it. */
  reading: ReadProgress | null;
}

export interface ContextMenuState {
  x: number;
  y: number;
  target: { kind: 'node' | 'flow'; id: string } | { kind: 'pane'; at: { x: number; y: number } };
}

export type ModellerState = EditorState & UiState;

export const INITIAL_SESSION: SessionState = { ready: false, problem: null, info: null, status: 'loading', conflict: null, persistent: false };

export const INITIAL_UI: UiState = {
  session: INITIAL_SESSION,
  editing: null,
  dialog: null,
  notice: null,
  tab: 'inspector',
  exercise: null,
  exerciseError: null,
  printing: false,
  focus: null,
  menu: null,
  minimap: false,
  fullscreen: false,
  panelsHidden: false,
  reading: null,
};

// ---- Selectors (return state fields or primitives, so subscribers re-render only on change) ----

export const selectDoc = (s: ModellerState) => s.doc;
export const selectDiagramId = (s: ModellerState) => s.diagramId;
export const selectSelection = (s: ModellerState) => s.selection;
export const selectDiagram = (s: ModellerState) => currentDiagram(s);
export const selectCanUndo = (s: ModellerState) => s.past.length > 0;
export const selectCanRedo = (s: ModellerState) => s.future.length > 0;
export const selectSession = (s: ModellerState) => s.session;
export const selectNotation = (s: ModellerState) => dfdOf(s.doc).notation ?? 'gane-sarson';

/** The one process selected (and nothing else), if any. */
export function selectedProcess(s: Pick<ModellerState, 'doc' | 'diagramId' | 'selection'>) {
  const { nodes, flows } = s.selection;
  if (nodes.length !== 1 || flows.length) return undefined;
  return currentDiagram(s).nodes.find((n) => n.id === nodes[0] && n.kind === 'process');
}

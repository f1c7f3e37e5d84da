import { createContext, useContext } from 'react';
import type { Messages } from '../i18n.ts';

export type EditField = 'label' | 'code' | 'owner' | 'condition';
export interface EditTarget {
  /** A lane is a business flow chart's unit (its name in the lane header). */
  kind: 'node' | 'flow' | 'lane';
  id: string;
  field: EditField;
}

/** Stable callbacks for nodes and edges (the object never changes, so they never re-render for it). */
export interface CanvasActions {
  startEdit(target: EditTarget): void;
  commitEdit(target: EditTarget, value: string): void;
  cancelEdit(): void;
}

export const CanvasActionsContext = createContext<CanvasActions | null>(null);
export const MessagesContext = createContext<Messages | null>(null);

export function useCanvasActions(): CanvasActions {
  const a = useContext(CanvasActionsContext);
  if (!a) throw new Error('CanvasActionsContext missing');
  return a;
}

export function useMessages(): Messages {
  const m = useContext(MessagesContext);
  if (!m) throw new Error('MessagesContext missing');
  return m;
}

/**
 * The modeller's one store, in the way of xyflow's: all state in one object (the document with its
 * history, the level shown, the selection, the session, the interface), changed only through
 * `dispatch` (the pure editor reducer) and `set` (view and session state), read through selectors.
 * Framework-free: React subscribes with `useStore` (useSyncExternalStore), the session module and
 * the tests subscribe directly.
 */
import { useSyncExternalStore } from 'react';
import { editorReducer, initialState, type EditorAction } from '../model/editor.ts';
import type { EditorDocument } from '../model/bfc.ts';
import { INITIAL_UI, type ModellerState } from './state.ts';

export type Listener = (state: ModellerState, prev: ModellerState) => void;

export interface Store {
  get(): ModellerState;
  /** Replaces parts of the state (view, session, interface). */
  set(patch: Partial<ModellerState> | ((s: ModellerState) => Partial<ModellerState>)): void;
  /** A change to the document, selection or level: the pure reducer decides. */
  dispatch(action: EditorAction): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(doc: EditorDocument): Store {
  let state: ModellerState = { ...initialState(doc), ...INITIAL_UI };
  const listeners = new Set<Listener>();
  const emit = (prev: ModellerState) => {
    for (const l of [...listeners]) l(state, prev);
  };
  return {
    get: () => state,
    set(patch) {
      const p = typeof patch === 'function' ? patch(state) : patch;
      let changed = false;
      for (const k of Object.keys(p) as Array<keyof ModellerState>) {
        if (state[k] !== p[k]) {
          changed = true;
          break;
        }
      }
      if (!changed) return;
      const prev = state;
      state = { ...state, ...p };
      emit(prev);
    },
    dispatch(action) {
      const next = editorReducer(state, action);
      if (next === state) return;
      const prev = state;
      state = { ...state, ...next };
      emit(prev);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Reads a slice of the store in a component; re-renders only when the slice changes. */
export function useStore<T>(store: Store, selector: (s: ModellerState) => T): T {
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.get()),
    () => selector(store.get()),
  );
}

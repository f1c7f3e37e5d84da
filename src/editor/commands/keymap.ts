/**
 * The key map, as data: which keys run which command, and when (as VS Code's keybindings and
 * Excalidraw's `keyTest`). The toolbar shows the same bindings (aria-keyshortcuts) and the
 * shortcut panel lists them; `matchKey` is pure and tested.
 */
import type { CommandId } from './ids.ts';

/**
 * When a binding applies, beyond "focus is in the modeller and not in a text field or dialog":
 * - 'canvas': focus is on the canvas (or nowhere), so Ctrl+A selects symbols, not page text;
 * - 'notControl': focus is not on a button, link or menu (whose own Enter/Delete must work).
 */
export type When = 'canvas' | 'notControl';

export interface KeyBinding {
  command: CommandId;
  /** `Mod` is Ctrl (Cmd on a Mac); e.g. 'Mod+Shift+Z', 'Delete', '?'. */
  keys: readonly string[];
  when?: When;
}

export const KEYMAP: readonly KeyBinding[] = [
  { command: 'undo', keys: ['Mod+Z'] },
  { command: 'redo', keys: ['Mod+Shift+Z', 'Mod+Y'] },
  { command: 'copy', keys: ['Mod+C'] },
  { command: 'cut', keys: ['Mod+X'] },
  { command: 'paste', keys: ['Mod+V'] },
  { command: 'duplicate-selection', keys: ['Mod+D'] },
  { command: 'select-all', keys: ['Mod+A'], when: 'canvas' },
  { command: 'delete-selection', keys: ['Delete', 'Backspace'], when: 'notControl' },
  { command: 'edit-label', keys: ['Enter', 'F2'], when: 'notControl' },
  { command: 'deselect', keys: ['Escape'] },
  { command: 'export-json', keys: ['Mod+S'] },
  { command: 'shortcuts', keys: ['?'], when: 'notControl' },
  { command: 'context-menu', keys: ['Shift+F10', 'ContextMenu'] },
  // Zoom as in draw.io and Excalidraw: + and - step, 0 is 100 %, Shift+1 fits the diagram.
  { command: 'zoom-in', keys: ['+', '='], when: 'notControl' },
  { command: 'zoom-out', keys: ['-'], when: 'notControl' },
  { command: 'zoom-reset', keys: ['0'], when: 'notControl' },
  { command: 'zoom-fit', keys: ['Shift+1'], when: 'notControl' },
];

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** The physical key ('Digit1'): Shift+1 is '!' on one keyboard, another character on the next. */
  code?: string;
}

/** Does the event press this key chord? Letters compare case-insensitively; Shift counts only where written (or for '?'). */
export function matchChord(e: KeyInput, chord: string): boolean {
  // '+' alone (or 'Shift++') names the plus key itself.
  const plus = chord.endsWith('+');
  const parts = (plus ? chord.slice(0, -1) : chord).split('+').filter(Boolean);
  const key = plus ? '+' : parts.pop()!;
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  const alt = parts.includes('Alt');
  if ((e.ctrlKey || e.metaKey) !== mod || e.altKey !== alt) return false;
  if (key.length === 1 && !/[a-z0-9]/i.test(key)) return e.key === key; // '?', '+': Shift is part of the character
  if (e.shiftKey !== shift) return false;
  if (/^[0-9]$/.test(key) && e.code) return e.code === `Digit${key}` || e.code === `Numpad${key}`;
  return e.key.toLowerCase() === key.toLowerCase();
}

/** The commands bound to this key press in this context, in key map order. */
export function matchKey(e: KeyInput, context: { canvas: boolean; onControl: boolean }, keymap: readonly KeyBinding[] = KEYMAP): CommandId[] {
  const out: CommandId[] = [];
  for (const b of keymap) {
    if (b.when === 'canvas' && !context.canvas) continue;
    if (b.when === 'notControl' && context.onControl) continue;
    if (b.keys.some((k) => matchChord(e, k))) out.push(b.command);
  }
  return out;
}

/** aria-keyshortcuts for a command ('Control+Z Control+Y'). */
export function ariaKeys(command: CommandId, keymap: readonly KeyBinding[] = KEYMAP): string | undefined {
  const b = keymap.find((x) => x.command === command);
  return b ? b.keys.map((k) => k.replace('Mod', 'Control')).join(' ') : undefined;
}

/** The keys of a command as shown to people ('Ctrl+Z'). */
export function shownKeys(command: CommandId, keymap: readonly KeyBinding[] = KEYMAP): string[] {
  const b = keymap.find((x) => x.command === command);
  return b ? b.keys.map((k) => k.replace('Mod', 'Ctrl')) : [];
}

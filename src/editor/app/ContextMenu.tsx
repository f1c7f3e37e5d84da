/**
 * The context menu (right click, Shift+F10 or the menu key): the same commands as the toolbar and
 * the key map, for a symbol, a flow or the empty canvas. A WAI-ARIA menu: arrow keys move, Enter
 * runs, Escape closes and gives focus back.
 */
import { dfdOf, isBfc } from '../model/bfc.ts';
import { useEffect, useRef } from 'react';
import type { Messages } from '../i18n.ts';
import type { Commands, CommandArgs } from '../commands/registry.ts';
import type { CommandId } from '../commands/ids.ts';
import { shownKeys } from '../commands/keymap.ts';
import { childOf } from '../model/actions.ts';
import { currentDiagram } from '../model/editor.ts';
import { useStore } from '../store/store.ts';
import type { ContextMenuState } from '../store/state.ts';

type Item = { id: CommandId; label: string; args: CommandArgs };

function items(menu: ContextMenuState, commands: Commands, t: Messages): Item[] {
  const s = commands.store.get();
  const target = menu.target;
  if (target.kind === 'pane' && isBfc(s.doc)) {
    // A chart's symbols, where the menu was opened (snapped into the lane there).
    const center = target.at;
    const add = (id: CommandId, kind: 'process' | 'form' | 'store' | 'collect'): Item => ({ id, label: `${t.bfc.addSymbol}${t.bfc.kinds[kind]}`, args: { center } });
    return [
      add('add-process', 'process'),
      add('add-form', 'form'),
      add('add-store', 'store'),
      add('add-collect', 'collect'),
      { id: 'add-lane', label: t.bfc.addLane, args: {} },
      { id: 'paste', label: t.commandNames.paste, args: {} },
      { id: 'select-all', label: t.commandNames['select-all'], args: {} },
      { id: 'auto-layout', label: t.commandNames['auto-layout'], args: {} },
    ];
  }
  if (target.kind === 'pane') {
    const center = target.at;
    return [
      { id: 'add-entity', label: t.commandNames['add-entity'], args: { center } },
      { id: 'add-process', label: t.commandNames['add-process'], args: { center } },
      { id: 'add-store', label: t.commandNames['add-store'], args: { center } },
      { id: 'paste', label: t.commandNames.paste, args: {} },
      { id: 'select-all', label: t.commandNames['select-all'], args: {} },
      { id: 'auto-layout', label: t.commandNames['auto-layout'], args: {} },
    ];
  }
  if (target.kind === 'flow') {
    const args = { focusedFlow: target.id };
    return [
      { id: 'edit-label', label: t.commandNames['edit-label'], args },
      { id: 'reverse-flow', label: t.commandNames['reverse-flow'], args },
      { id: 'delete-selection', label: t.commandNames['delete-selection'], args },
    ];
  }
  const node = currentDiagram(s).nodes.find((n) => n.id === target.id);
  const args = { focusedNode: target.id };
  const out: Item[] = [{ id: 'edit-label', label: t.commandNames['edit-label'], args }];
  if (node?.kind === 'process') out.push({ id: 'decompose', label: childOf(dfdOf(s.doc), s.diagramId, node.id) ? t.openChild : t.decompose, args: { processId: node.id } });
  out.push(
    { id: 'copy', label: t.commandNames.copy, args },
    { id: 'duplicate-selection', label: t.commandNames['duplicate-selection'], args },
    { id: 'delete-selection', label: t.commandNames['delete-selection'], args },
  );
  return out;
}

export function ContextMenu({ t, commands }: { t: Messages; commands: Commands }) {
  const store = commands.store;
  const menu = useStore(store, (s) => s.menu);
  const ref = useRef<HTMLDivElement>(null);
  const back = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!menu) return;
    back.current = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) store.set({ menu: null });
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [menu, store]);
  if (!menu) return null;
  const list = items(menu, commands, t);
  const close = (refocus: boolean) => {
    store.set({ menu: null });
    if (refocus) back.current?.focus({ preventScroll: true });
  };
  // Kept inside the window.
  const left = Math.max(4, Math.min(menu.x, window.innerWidth - 240));
  const top = Math.max(4, Math.min(menu.y, window.innerHeight - list.length * 34 - 16));
  return (
    <div
      ref={ref}
      className="fb-context-menu"
      role="menu"
      tabIndex={-1}
      aria-label={t.contextMenu}
      style={{ left, top }}
      onKeyDown={(e) => {
        const buttons = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
        const i = buttons.indexOf(document.activeElement as HTMLElement);
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          buttons[(i + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
        } else if (e.key === 'Home' || e.key === 'End') {
          e.preventDefault();
          buttons[e.key === 'Home' ? 0 : buttons.length - 1]?.focus();
        } else if (e.key === 'Escape' || e.key === 'Tab') {
          e.preventDefault();
          close(true);
        }
      }}
    >
      {list.map((it) => (
        <button
          key={it.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          onClick={() => {
            close(false);
            commands.run(it.id, it.args);
          }}
        >
          <span>{it.label}</span>
          {shownKeys(it.id)[0] ? <kbd>{shownKeys(it.id)[0]}</kbd> : null}
        </button>
      ))}
    </div>
  );
}

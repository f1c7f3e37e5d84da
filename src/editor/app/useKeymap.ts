/** Keys → commands through the key map (commands/keymap.ts): one listener for the whole modeller. */
import { useEffect, type RefObject } from 'react';
import type { Commands } from '../commands/registry.ts';
import { matchKey } from '../commands/keymap.ts';
import { fromRfId } from '../canvas/elements.ts';

export function useKeymap(rootRef: RefObject<HTMLElement | null>, commands: Commands): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const root = rootRef.current;
      if (!root) return;
      const inRoot = target ? root.contains(target) : false;
      if (!inRoot && target !== document.body) return;
      // Text fields, menus' own keys and open dialogs keep their keys.
      if (target && (target.closest('input, textarea, select, [contenteditable="true"], dialog') || target.isContentEditable)) return;
      if (document.querySelector('dialog[open]')) return;
      const context = {
        canvas: !target || target === document.body || !!target.closest('.fb-canvas'),
        onControl: !!target?.closest('button, a, summary'),
      };
      const ids = matchKey(e, context);
      if (!ids.length) return;
      const nodeEl = target?.closest<HTMLElement>('.react-flow__node');
      const edgeEl = target?.closest<SVGElement>('.react-flow__edge');
      const args = { ...(nodeEl?.dataset.id ? { focusedNode: fromRfId(nodeEl.dataset.id) } : {}), ...(edgeEl?.dataset.id ? { focusedFlow: fromRfId(edgeEl.dataset.id) } : {}) };
      for (const id of ids) {
        if (commands.run(id, args)) {
          e.preventDefault();
          return;
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [rootRef, commands]);
}

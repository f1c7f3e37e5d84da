/** The toolbar: file and export menus, undo/redo, layout, notation, the findings counts and the save state. Every button runs a command. */
import { useState } from 'react';
import type { Messages } from '../i18n.ts';
import { LAYOUT_DIRECTIONS, type LayoutDirection } from '../core.ts';
import type { Commands } from '../commands/registry.ts';
import type { CommandId } from '../commands/ids.ts';
import { ariaKeys } from '../commands/keymap.ts';
import { Menu } from '../panels/Menu.tsx';
import { useStore } from '../store/store.ts';
import { selectCanRedo, selectCanUndo, selectNotation } from '../store/state.ts';
import { isBfc } from '../model/bfc.ts';

interface Props {
  t: Messages;
  commands: Commands;
  counts: { error: number; warning: number; info: number };
  status: string;
  name: string;
}

export function Toolbar({ t, commands, counts, status, name }: Props) {
  const store = commands.store;
  const canUndo = useStore(store, selectCanUndo);
  const canRedo = useStore(store, selectCanRedo);
  const notation = useStore(store, selectNotation);
  const fullscreen = useStore(store, (s) => s.fullscreen);
  const panelsHidden = useStore(store, (s) => s.panelsHidden);
  // The direction 自动布局 uses; choosing one lays the diagram out that way at once.
  const [direction, setDirection] = useState<LayoutDirection>('auto');
  const chart = useStore(store, (s) => isBfc(s.doc));
  const item = (id: CommandId, label: string) => (
    <button type="button" onClick={() => commands.run(id)} aria-keyshortcuts={ariaKeys(id)}>
      {label}
    </button>
  );
  return (
    <div className="fb-toolbar" aria-label={t.toolbar} role="region">
      <div className="fb-toolbar__group">
        <Menu label={t.file}>
          {item('new-document', t.bfc.newDfd)}
          {item('new-chart', t.bfc.newChart)}
          {item('open-document', t.open)}
          {item('rename-document', t.rename)}
          {item('duplicate-document', t.duplicate)}
          {item('delete-document', t.delete)}
          <hr />
          {item('import-json', t.import)}
          {chart ? null : item('paste-mermaid', t.pasteMermaid)}
        </Menu>
        <Menu label={t.export}>
          {item('export-json', t.exportJson)}
          {item('export-svg', t.exportSvg)}
          {item('export-png', t.exportPng)}
          {chart ? null : item('export-all-svg', t.exportAllSvg)}
          {chart ? null : item('export-all-png', t.exportAllPng)}
          {chart ? null : item('copy-mermaid', t.copyMermaid)}
          {item('print', t.print)}
        </Menu>
        <button type="button" className="fb-btn" onClick={() => commands.run('share')}>
          {t.share}
        </button>
      </div>
      <div className="fb-toolbar__group">
        <button type="button" className="fb-btn" onClick={() => commands.run('undo')} disabled={!canUndo} aria-keyshortcuts={ariaKeys('undo')}>
          {t.undo}
        </button>
        <button type="button" className="fb-btn" onClick={() => commands.run('redo')} disabled={!canRedo} aria-keyshortcuts={ariaKeys('redo')}>
          {t.redo}
        </button>
        <button type="button" className="fb-btn" onClick={() => commands.run('auto-layout', { direction })}>
          {t.autoLayout}
        </button>
        {chart ? (
          <button type="button" className="fb-btn" onClick={() => commands.run('derive-dfd')}>
            {t.bfc.derive}
          </button>
        ) : (
          <>
            <label className="fb-toolbar__notation">
              <span className="fb-visually-hidden">{t.layoutDirection}</span>
              <select
                value={direction}
                onChange={(e) => {
                  const d = e.target.value as LayoutDirection;
                  setDirection(d);
                  commands.run('auto-layout', { direction: d });
                }}
              >
                {LAYOUT_DIRECTIONS.map((d) => (
                  <option key={d} value={d}>
                    {t.layoutDirections[d]}
                  </option>
                ))}
              </select>
            </label>
            <label className="fb-toolbar__notation">
              <span className="fb-visually-hidden">{t.notationLabel}</span>
              <select value={notation} onChange={(e) => commands.run('set-notation', { notation: e.target.value as 'gane-sarson' | 'yourdon' })}>
                <option value="gane-sarson">{t.ganeSarson}</option>
                <option value="yourdon">{t.yourdon}</option>
              </select>
            </label>
          </>
        )}
        <button type="button" className="fb-btn" onClick={() => commands.run('shortcuts')} aria-keyshortcuts={ariaKeys('shortcuts')}>
          {t.shortcutsButton}
        </button>
        <button
          type="button"
          className="fb-btn fb-btn--icon"
          onClick={() => commands.run('toggle-panels')}
          aria-pressed={panelsHidden}
          aria-label={t.hidePanels}
          title={t.hidePanels}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <rect x="1.5" y="2.5" width="13" height="11" rx="1" fill="none" stroke="currentColor" />
            <path d="M10.5 2.5v11" stroke="currentColor" />
            <path d="M12 6h1.5M12 8h1.5M12 10h1.5" stroke="currentColor" />
          </svg>
        </button>
        <button
          type="button"
          className="fb-btn fb-btn--icon"
          onClick={() => commands.run('fullscreen')}
          aria-pressed={fullscreen}
          aria-label={t.fullscreenButton}
          title={t.fullscreenButton}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M1.5 5.5v-4h4M10.5 1.5h4v4M14.5 10.5v4h-4M5.5 14.5h-4v-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
          </svg>
        </button>
      </div>
      <div className="fb-toolbar__group fb-toolbar__end">
        <button
          type="button"
          className="fb-counts"
          onClick={() => commands.run('show-findings')}
          data-errors={counts.error}
          data-warnings={counts.warning}
          data-infos={counts.info}
          title={[t.countErrors(counts.error), t.countWarnings(counts.warning), t.countInfos(counts.info)].join(' ')}
        >
          <span className="fb-count fb-count--error">
            <span className="fb-sev fb-sev--error" aria-hidden="true" />
            <span className="fb-count__long">{t.countErrors(counts.error)}</span>
            <span className="fb-count__short" aria-hidden="true">
              {counts.error}
            </span>
          </span>
          <span className="fb-count fb-count--warning">
            <span className="fb-sev fb-sev--warning" aria-hidden="true" />
            <span className="fb-count__long">{t.countWarnings(counts.warning)}</span>
            <span className="fb-count__short" aria-hidden="true">
              {counts.warning}
            </span>
          </span>
          <span className="fb-count fb-count--info">
            <span className="fb-sev fb-sev--info" aria-hidden="true" />
            <span className="fb-count__long">{t.countInfos(counts.info)}</span>
            <span className="fb-count__short" aria-hidden="true">
              {counts.info}
            </span>
          </span>
        </button>
        <span className="fb-docname" title={name}>
          {name}
        </span>
        <span className="fb-savestate" role="status" data-state={status}>
          {status}
        </span>
      </div>
    </div>
  );
}

/** The palette: a click adds a symbol in a free spot of the view; a drag drops it where it lands. */
export function Palette({ t, commands, dragMime, notation }: { t: Messages; commands: Commands; dragMime: string; notation: 'gane-sarson' | 'yourdon' }) {
  const kinds = [
    ['entity', 'add-entity'],
    ['process', 'add-process'],
    ['store', 'add-store'],
  ] as const;
  return (
    // The icons are the symbols of the document's notation, as drawn on the canvas and in the site's figures.
    <div className={`fb-palette fb-notation--${notation}`} role="group" aria-label={t.palette}>
      {kinds.map(([k, id]) => (
        <button
          key={k}
          type="button"
          className={`fb-palette__item fb-palette__item--${k}`}
          draggable
          title={t.paletteHint}
          onClick={(e) => {
            // Keys typed before the new symbol's name field has focus must not press this again.
            e.currentTarget.blur();
            commands.run(id);
          }}
          onDragStart={(e) => {
            e.dataTransfer.setData(dragMime, k);
            e.dataTransfer.effectAllowed = 'move';
          }}
        >
          <span className={`fb-palette__icon fb-palette__icon--${k}`} aria-hidden="true" />
          {t[k]}
        </button>
      ))}
    </div>
  );
}

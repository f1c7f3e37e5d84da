/**
 * 打开: the stored documents with their names, dates (in the page's language), sizes, levels and a
 * small picture of the first level; each can be opened, renamed, duplicated or deleted in place
 * (deleting asks first, in the row). 新建 asks for the new document's name.
 */
/* eslint-disable jsx-a11y/no-autofocus -- the name field a row switches to takes focus, as a dialog's first control would */
import { useEffect, useRef, useState } from 'react';
import type { Lang, Messages } from '../i18n.ts';
import type { Commands } from '../commands/registry.ts';
import { Dialog } from '../panels/Dialog.tsx';
import { useStore } from '../store/store.ts';
import type { DocumentItem } from '../store/state.ts';

export function DocumentsDialog({ t, lang, commands, items }: { t: Messages; lang: Lang; commands: Commands; items: DocumentItem[] }) {
  const store = commands.store;
  const info = useStore(store, (s) => s.session.info);
  const [mode, setMode] = useState<{ id: string; kind: 'rename' | 'delete' } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const close = () => store.set({ dialog: null });
  // After an action the row's own button gets focus back (or the list, when the row is gone).
  const refocus = (id: string, which: string) =>
    requestAnimationFrame(() =>
      (
        listRef.current?.querySelector<HTMLElement>(`[data-doc="${CSS.escape(id)}"] .fb-files__${which}`) ?? listRef.current?.querySelector<HTMLElement>('.fb-files__open')
      )?.focus(),
    );
  const act = async (action: 'rename' | 'duplicate' | 'delete', it: DocumentItem, name = it.name) => {
    setMode(null);
    await commands.manageDocument(action, it.id, name);
    refocus(it.id, action === 'delete' ? 'open' : action);
  };
  return (
    <Dialog title={t.diagramsDialog} onClose={close} wide closeLabel={t.close}>
      {items.length === 0 ? <p>{t.noDocuments}</p> : null}
      <ul className="fb-files" ref={listRef}>
        {items.map((it) => {
          const current = it.id === info?.id;
          return (
            <li key={it.id} data-doc={it.id} className="fb-files__row">
              {it.damaged ? (
                // A record that cannot be restored: said so, never opened, its raw data can be saved.
                <div className="fb-files__damaged">
                  <span className="fb-files__name">{it.name}</span>
                  <span role="note">{t.damagedRecord(it.damaged)}</span>
                  <button type="button" className="fb-btn fb-btn--small" onClick={() => void commands.exportRaw(it.id)}>
                    {t.exportRaw}
                  </button>
                </div>
              ) : mode?.id === it.id && mode.kind === 'rename' ? (
                <RenameRow t={t} item={it} onDone={(name) => (name === null ? (setMode(null), refocus(it.id, 'rename')) : void act('rename', it, name))} />
              ) : (
                <>
                  <button
                    type="button"
                    className="fb-files__open"
                    aria-current={current ? 'true' : undefined}
                    onClick={() => {
                      close();
                      void commands.session.openId(it.id, (e) => store.set({ notice: { kind: 'alert', text: lang === 'en' ? e.en : e.zh } }));
                    }}
                  >
                    <span className="fb-files__thumb" aria-hidden="true">
                      {it.thumb ? <img src={it.thumb} alt="" width="96" height="64" /> : null}
                    </span>
                    <span className="fb-files__text">
                      <span className="fb-files__name">
                        {it.name}
                        {current ? t.current : ''}
                        {it.unsaved ? t.unsavedMark : ''}
                      </span>
                      <span className="fb-files__date">
                        {t.updated} {dates.format(new Date(it.updated))}
                        {it.size !== undefined ? ` · ${t.docSize(it.size)}` : ''}
                        {it.levels !== undefined ? ` · ${t.docLevels(it.levels)}` : ''}
                      </span>
                    </span>
                  </button>
                  {mode?.id === it.id && mode.kind === 'delete' ? (
                    <ConfirmRow
                      t={t}
                      item={it}
                      onCancel={() => {
                        setMode(null);
                        refocus(it.id, 'delete');
                      }}
                      onDelete={() => void act('delete', it)}
                    />
                  ) : (
                    <div className="fb-files__actions">
                      <button
                        type="button"
                        className="fb-btn fb-btn--small fb-files__rename"
                        aria-label={t.rowAction(t.rename, it.name)}
                        onClick={() => setMode({ id: it.id, kind: 'rename' })}
                      >
                        {t.rename}
                      </button>
                      <button
                        type="button"
                        className="fb-btn fb-btn--small fb-files__duplicate"
                        aria-label={t.rowAction(t.duplicate, it.name)}
                        onClick={() => void act('duplicate', it)}
                      >
                        {t.duplicate}
                      </button>
                      <button
                        type="button"
                        className="fb-btn fb-btn--small fb-files__delete"
                        aria-label={t.rowAction(t.delete, it.name)}
                        onClick={() => setMode({ id: it.id, kind: 'delete' })}
                      >
                        {t.delete}
                      </button>
                    </div>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}

/** 删除 asks in the row: the safe choice, 取消, has the focus. */
function ConfirmRow({ t, item, onCancel, onDelete }: { t: Messages; item: DocumentItem; onCancel(): void; onDelete(): void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="fb-files__confirm" role="group" aria-label={t.rowAction(t.delete, item.name)}>
      <span>{t.confirmDelete(item.name)}</span>
      <button ref={cancel} type="button" className="fb-btn fb-btn--small" onClick={onCancel}>
        {t.cancel}
      </button>
      <button type="button" className="fb-btn fb-btn--small fb-btn--danger" onClick={onDelete}>
        {t.delete}
      </button>
    </div>
  );
}

/** The name field a row turns into: Enter or 确定 renames, Escape or 取消 leaves the name (and the dialog stays open). */
function RenameRow({ t, item, onDone }: { t: Messages; item: DocumentItem; onDone(name: string | null): void }) {
  const ref = useRef<HTMLInputElement>(null);
  return (
    <div className="fb-files__renaming">
      <label className="fb-field fb-field--inline">
        <span>{t.renamePrompt}</span>
        <input
          ref={ref}
          defaultValue={item.name}
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
              e.preventDefault();
              onDone(e.currentTarget.value);
            } else if (e.key === 'Escape') {
              // Only the rename is cancelled, not the whole dialog.
              e.preventDefault();
              e.stopPropagation();
              onDone(null);
            }
          }}
        />
      </label>
      <button type="button" className="fb-btn fb-btn--small" onClick={() => onDone(null)}>
        {t.cancel}
      </button>
      <button type="button" className="fb-btn fb-btn--small fb-btn--primary" onClick={() => onDone(ref.current?.value ?? '')}>
        {t.ok}
      </button>
    </div>
  );
}

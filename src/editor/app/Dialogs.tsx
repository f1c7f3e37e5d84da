/** The modeller's dialogs, each opened by a command (store.dialog) and answered through commands. */
/* eslint-disable jsx-a11y/no-autofocus -- a modal <dialog> moves focus into itself; autofocus names the control it should land on (the safe choice, Cancel, in confirmations) */
import { dfdOf } from '../model/bfc.ts';
import { useRef } from 'react';
import type { Messages } from '../i18n.ts';
import type { Commands } from '../commands/registry.ts';
import { COMMAND_IDS } from '../commands/ids.ts';
import { shownKeys } from '../commands/keymap.ts';
import { Dialog } from '../panels/Dialog.tsx';
import { DocumentsDialog } from './DocumentsDialog.tsx';
import { FindingsPanel } from '../panels/FindingsPanel.tsx';
import type { Finding } from '../core.ts';
import { MAX_SHARE_URL } from '../io/share.ts';
import { diagramName } from '../model/actions.ts';
import { currentDiagram } from '../model/editor.ts';
import type { Op } from '../model/ops.ts';
import { useStore } from '../store/store.ts';
import type { DialogState } from '../store/state.ts';

export function Dialogs({ t, commands, lang, findings }: { t: Messages; commands: Commands; lang: 'zh-CN' | 'en'; findings: readonly Finding[] }) {
  const store = commands.store;
  const dialog = useStore(store, (s) => s.dialog);
  const info = useStore(store, (s) => s.session.info);
  const doc = dfdOf(useStore(store, (s) => s.doc));
  const diagramId = useStore(store, (s) => s.diagramId);
  const setDialog = (d: DialogState) => store.set({ dialog: d });
  const onRename = (name: string) => commands.renameDocument(name);
  const onDelete = () => void commands.removeDocument();
  const levelName = diagramName(doc, currentDiagram({ doc, diagramId }), t);
  const onRenameLevel = (name: string) => commands.renameLevel(name);
  const onConfirmOps = (ops: Op[]) => commands.run('delete-selection', { confirmedOps: ops });
  const onMermaid = async (text: string) => {
    const err = await commands.importText(text, 'Mermaid', 'mermaid');
    if (err) setDialog({ type: 'mermaidIn', error: t.mermaidError(lang === 'en' ? err.en : err.zh) });
    else setDialog(null);
  };
  const areaRef = useRef<HTMLTextAreaElement>(null);
  if (!dialog) return null;
  const close = () => setDialog(null);
  switch (dialog.type) {
    case 'open':
      return <DocumentsDialog t={t} lang={lang} commands={commands} items={dialog.items} />;
    case 'newDocument':
      return dialog.kind === 'bfc' ? (
        <PromptDialog
          t={t}
          title={t.bfc.newChart}
          label={t.bfc.newChartPrompt}
          initial={t.bfc.newName}
          onSubmit={(name) => void commands.createDocument(name, 'bfc')}
          close={close}
        />
      ) : (
        <PromptDialog t={t} title={t.newDocumentTitle} label={t.newDocumentPrompt} initial={t.newName} onSubmit={(name) => void commands.createDocument(name)} close={close} />
      );
    case 'rename':
      return <PromptDialog t={t} title={t.rename} label={t.renamePrompt} initial={info?.name ?? ''} onSubmit={onRename} close={close} />;
    case 'renameLevel':
      return <PromptDialog t={t} title={t.renameLevel} label={t.levelNamePrompt} initial={levelName} onSubmit={onRenameLevel} close={close} />;
    case 'deleteWithChild':
      return <ConfirmDialog t={t} title={t.deleteWithChildTitle} text={dialog.text} action={t.delete} onConfirm={() => onConfirmOps(dialog.ops)} close={close} />;
    case 'delete':
      return <ConfirmDialog t={t} title={t.delete} text={t.confirmDelete(info?.name ?? '')} action={t.delete} onConfirm={onDelete} close={close} />;
    case 'mermaidIn':
      return (
        <Dialog
          title={t.pasteMermaid}
          onClose={close}
          wide
          footer={
            <>
              <button type="button" className="fb-btn" onClick={close}>
                {t.cancel}
              </button>
              <button type="button" className="fb-btn fb-btn--primary" onClick={() => void onMermaid(areaRef.current?.value ?? '')}>
                {t.mermaidImport}
              </button>
            </>
          }
        >
          {dialog.error ? (
            <p role="alert" className="fb-banner fb-banner--error">
              {dialog.error}
            </p>
          ) : null}
          <label className="fb-field">
            <span>{t.mermaidPasteLabel}</span>
            <textarea ref={areaRef} rows={12} autoFocus spellCheck={false} placeholder={'flowchart LR\n  e1[书商] -->|采购单| p1(审核采购单)'} />
          </label>
        </Dialog>
      );
    case 'mermaidOut':
      return (
        <Dialog title={t.copyMermaid} onClose={close} wide closeLabel={t.close}>
          <p role="status">{dialog.copied ? t.mermaidCopied : t.mermaidCopyFailed}</p>
          <label className="fb-field">
            <span>Mermaid</span>
            <textarea readOnly rows={12} value={dialog.text} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
          </label>
        </Dialog>
      );
    case 'findings':
      // The findings drawer (phones): a finding tapped closes it and shows its element on the canvas.
      return (
        <Dialog title={t.findings} onClose={close} wide closeLabel={t.close} drawer>
          <FindingsPanel
            findings={findings}
            doc={doc}
            shownDiagram={diagramId}
            t={t}
            lang={lang}
            onShow={(f) => {
              close();
              commands.showElement(f.diagram, f.element);
              document.querySelector('.fb-canvas-box')?.scrollIntoView({ block: 'nearest' });
            }}
            bare
          />
        </Dialog>
      );
    case 'shortcuts':
      return (
        <Dialog title={t.shortcutsTitle} onClose={close} wide closeLabel={t.close}>
          <table className="fb-shortcuts">
            <caption className="fb-visually-hidden">{t.shortcutsTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.shortcutCommand}</th>
                <th scope="col">{t.shortcutKeys}</th>
              </tr>
            </thead>
            <tbody>
              {COMMAND_IDS.filter((id) => shownKeys(id).length).map((id) => (
                <tr key={id}>
                  <td>{t.commandNames[id]}</td>
                  <td>
                    {shownKeys(id).map((k) => (
                      <kbd key={k}>{k}</kbd>
                    ))}
                  </td>
                </tr>
              ))}
              <tr>
                <td>{t.commandNames.moveSelection}</td>
                <td>
                  <kbd>←</kbd>
                  <kbd>↑</kbd>
                  <kbd>→</kbd>
                  <kbd>↓</kbd>
                </td>
              </tr>
            </tbody>
          </table>
        </Dialog>
      );
    case 'share':
      return (
        <Dialog title={t.shareLabel} onClose={close} wide closeLabel={t.close}>
          {dialog.tooLong ? (
            <p role="alert">{t.shareTooLong(dialog.tooLong, MAX_SHARE_URL)}</p>
          ) : (
            <>
              <p role="status">{dialog.copied ? t.shareCopied : t.mermaidCopyFailed}</p>
              <label className="fb-field">
                <span>{t.shareLabel}</span>
                <input readOnly value={dialog.url} onFocus={(e) => e.currentTarget.select()} className="fb-share-url" />
              </label>
            </>
          )}
        </Dialog>
      );
  }
}

/** A dialog asking for one line of text (a name): Enter or OK submits, Escape or Cancel does not. */
function PromptDialog({ t, title, label, initial, onSubmit, close }: { t: Messages; title: string; label: string; initial: string; onSubmit(v: string): void; close(): void }) {
  const ref = useRef<HTMLInputElement>(null);
  const submit = (v: string) => {
    onSubmit(v);
    close();
  };
  return (
    <Dialog
      title={title}
      onClose={close}
      footer={
        <>
          <button type="button" className="fb-btn" onClick={close}>
            {t.cancel}
          </button>
          <button type="button" className="fb-btn fb-btn--primary" onClick={() => submit(ref.current?.value ?? '')}>
            {t.ok}
          </button>
        </>
      }
    >
      <label className="fb-field">
        <span>{label}</span>
        <input
          ref={ref}
          defaultValue={initial}
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) submit(e.currentTarget.value);
          }}
        />
      </label>
    </Dialog>
  );
}

/** Asks before something that destroys work: Cancel has the focus, the action is marked dangerous. */
function ConfirmDialog({ t, title, text, action, onConfirm, close }: { t: Messages; title: string; text: string; action: string; onConfirm(): void; close(): void }) {
  return (
    <Dialog
      title={title}
      role="alertdialog"
      onClose={close}
      footer={
        <>
          <button type="button" className="fb-btn" onClick={close} autoFocus>
            {t.cancel}
          </button>
          <button
            type="button"
            className="fb-btn fb-btn--danger"
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {action}
          </button>
        </>
      }
    >
      <p>{text}</p>
    </Dialog>
  );
}

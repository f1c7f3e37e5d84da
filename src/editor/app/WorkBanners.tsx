/**
 * Banners about the user's work in transit: a document being read from outside (progress and
 * 取消导入), a shared copy not yet kept (保存到我的文档 / 放弃), and the question asked before a
 * diagram storage could not keep is left (导出 JSON 后继续 / 继续，留在打开列表里 / 取消).
 */
/* eslint-disable jsx-a11y/no-autofocus -- a modal <dialog> moves focus into itself; autofocus names the control it should land on (the safe choice, Cancel) */
import { Dialog } from '../panels/Dialog.tsx';
import type { Messages } from '../i18n.ts';
import type { Commands } from '../commands/registry.ts';
import { useStore } from '../store/store.ts';

export function WorkBanners({ t, commands }: { t: Messages; commands: Commands }) {
  const { store } = commands;
  const reading = useStore(store, (x) => x.reading);
  const shared = useStore(store, (x) => !!x.session.info?.shared);
  const leaving = useStore(store, (x) => x.dialog?.type === 'leaveUnsaved');
  const name = useStore(store, (x) => x.session.info?.name ?? '');
  const label = reading ? (reading.stage === 'read' ? t.readingRead : t.readingLayout(reading.done, reading.total)) : '';
  return (
    <>
      {reading ? (
        <div className="fb-banner fb-banner--info fb-reading" role="status" aria-live="polite">
          <span id="fb-reading-label">{label}</span>
          <progress aria-labelledby="fb-reading-label" max={reading.stage === 'read' ? undefined : reading.total} value={reading.stage === 'read' ? undefined : reading.done}>
            {label}
          </progress>
          <button type="button" className="fb-btn" onClick={() => commands.cancelRead()}>
            {t.cancelRead}
          </button>
        </div>
      ) : null}
      {shared ? (
        <div className="fb-banner fb-banner--info" role="region" aria-labelledby="fb-shared-text">
          <span id="fb-shared-text">{t.sharedBanner}</span>
          <button type="button" className="fb-btn fb-btn--primary" onClick={() => void commands.keepShared()}>
            {t.keepShared}
          </button>
          <button type="button" className="fb-btn" onClick={() => void commands.discardShared()}>
            {t.discardShared}
          </button>
        </div>
      ) : null}
      {leaving ? (
        <Dialog
          title={t.leaveTitle}
          role="alertdialog"
          onClose={() => commands.answerLeave('cancel')}
          footer={
            <>
              {/* First, as in the other confirmations: <dialog> focuses its first control when it opens. */}
              <button type="button" className="fb-btn" autoFocus onClick={() => commands.answerLeave('cancel')}>
                {t.cancel}
              </button>
              <button type="button" className="fb-btn fb-btn--primary" onClick={() => commands.answerLeave('export')}>
                {t.leaveExport}
              </button>
              <button type="button" className="fb-btn" onClick={() => commands.answerLeave('keep')}>
                {t.leaveKeep}
              </button>
            </>
          }
        >
          <p>{t.leaveText(name)}</p>
        </Dialog>
      ) : null}
    </>
  );
}

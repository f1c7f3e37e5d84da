/**
 * Banners about the user's work in transit: a document being read from outside (progress and
 * 取消导入), and a shared copy not yet kept (保存到我的文档 / 放弃).
 */
import type { Messages } from '../i18n.ts';
import type { Commands } from '../commands/registry.ts';
import { useStore } from '../store/store.ts';

export function WorkBanners({ t, commands }: { t: Messages; commands: Commands }) {
  const { store } = commands;
  const reading = useStore(store, (x) => x.reading);
  const shared = useStore(store, (x) => !!x.session.info?.shared);
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
    </>
  );
}

/** The banners (storage, conflicts, alerts) and the level bar (breadcrumb, level list, 顶层图, 分解). */
import { dfdOf, isBfc, type EditorDocument } from '../model/bfc.ts';
import { useMemo } from 'react';
import type { Messages } from '../i18n.ts';
import type { Commands } from '../commands/registry.ts';
import { childOf, diagramName, levelPath } from '../model/actions.ts';
import { currentDiagram } from '../model/editor.ts';
import { useStore } from '../store/store.ts';
import { selectedProcess } from '../store/state.ts';

export function Banners({ t, commands }: { t: Messages; commands: Commands }) {
  const { store, session } = commands;
  const s = useStore(store, (x) => x.session);
  const notice = useStore(store, (x) => x.notice);
  const exerciseError = useStore(store, (x) => x.exerciseError);
  const doc = useStore(store, (x) => x.doc);
  const derived = useMemo(() => derivedFrom(doc), [doc]);
  const problemText = s.problem === 'full' ? t.storageFull : s.problem === 'blocked' ? t.storageBlocked : s.problem ? t.storageUnavailable : null;
  return (
    <>
      {problemText ? (
        <div className="fb-banner fb-banner--warning" role="alert">
          {problemText}
        </div>
      ) : null}
      {s.conflict ? (
        <div className="fb-banner fb-banner--warning" role="alert">
          <span>{t.conflict}</span>
          <button type="button" className="fb-btn" onClick={() => void session.resolveConflict('reload', '')}>
            {t.conflictReload}
          </button>
          <button type="button" className="fb-btn" onClick={() => void session.resolveConflict('copy', t.copyOf(s.info?.name ?? t.newName))}>
            {t.conflictCopy}
          </button>
        </div>
      ) : null}
      {notice?.kind === 'alert' ? (
        <div className="fb-banner fb-banner--error" role="alert">
          <span>{notice.text}</span>
          <button type="button" className="fb-btn fb-btn--small" onClick={() => store.set({ notice: null })}>
            {t.close}
          </button>
        </div>
      ) : null}
      <div className="fb-live" role="status">
        {notice?.kind === 'status' ? notice.text : ''}
      </div>
      {derived ? (
        <div className="fb-banner fb-banner--info fb-derived" role="note">
          <span>{t.bfc.derivedBanner(derived.title)}</span>
          {derived.todo.length ? (
            <details>
              <summary>
                {t.bfc.todoTitle}（{derived.todo.length}）
              </summary>
              <ol className="fb-derived__todo">
                {derived.todo.map((x, i) => (
                  <li key={i}>{x}</li>
                ))}
              </ol>
            </details>
          ) : null}
          {derived.record ? (
            <span>
              <button
                type="button"
                className="fb-btn fb-btn--small"
                onClick={() =>
                  void session.openId(derived.record!).then((ok) => {
                    if (!ok) store.set({ notice: { kind: 'alert', text: t.bfc.sourceGone } });
                  })
                }
              >
                {t.bfc.backToChart}
              </button>
            </span>
          ) : null}
        </div>
      ) : null}
      {exerciseError ? (
        <div className="fb-banner fb-banner--error" role="alert">
          {exerciseError}
        </div>
      ) : null}
    </>
  );
}

/** The chart a DFD draft was derived from (生成数据流程图草稿), as the draft records it. */
function derivedFrom(doc: EditorDocument): { title: string; record?: string; todo: string[] } | null {
  const d = (doc as { derivedFrom?: unknown }).derivedFrom;
  if (isBfc(doc) || !d || typeof d !== 'object') return null;
  const o = d as Record<string, unknown>;
  if (o.format !== 'flowbook-bfc') return null;
  const todo = Array.isArray(o.todo) ? o.todo.filter((x): x is string => typeof x === 'string') : [];
  return { title: typeof o.title === 'string' ? o.title : '', ...(typeof o.record === 'string' ? { record: o.record } : {}), todo };
}

export function LevelBar({ t, commands }: { t: Messages; commands: Commands }) {
  const store = commands.store;
  const doc = dfdOf(useStore(store, (x) => x.doc));
  const diagramId = useStore(store, (x) => x.diagramId);
  const selection = useStore(store, (x) => x.selection);
  const diagram = currentDiagram({ doc, diagramId });
  const path = useMemo(() => levelPath(doc, diagramId), [doc, diagramId]);
  const process = selectedProcess({ doc, diagramId, selection });
  const child = process ? childOf(doc, diagramId, process.id) : undefined;
  const show = (id: string) => commands.run('show-level', { diagramId: id });
  return (
    <div className="fb-levelbar">
      <nav aria-label={t.breadcrumb} className="fb-breadcrumb">
        <ol>
          {path.map((d, i) => (
            <li key={d.id}>
              {i === path.length - 1 ? (
                <span aria-current="location">{diagramName(doc, d, t)}</span>
              ) : (
                <button type="button" className="fb-link" onClick={() => show(d.id)}>
                  {diagramName(doc, d, t)}
                </button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <button type="button" className="fb-btn fb-btn--small" onClick={() => commands.run('rename-level')}>
        {t.renameLevel}
      </button>
      {doc.diagrams.length > 1 ? (
        <span className="fb-levelbar__select">
          <label htmlFor="fb-level-select">{t.levels}</label>
          <select id="fb-level-select" value={diagramId} onChange={(e) => show(e.target.value)}>
            {doc.diagrams.map((d) => (
              <option key={d.id} value={d.id}>
                {'\u2003'.repeat(Math.max(0, levelPath(doc, d.id).length - 1))}
                {diagramName(doc, d, t)}
              </option>
            ))}
          </select>
        </span>
      ) : null}
      <label className="fb-check">
        <input type="checkbox" checked={diagram.level === 'context'} onChange={() => commands.run('toggle-context')} />
        {t.contextDiagram}
      </label>
      <button type="button" className="fb-btn" disabled={!process} onClick={() => commands.run('decompose')}>
        {child ? t.openChild : t.decompose}
      </button>
    </div>
  );
}

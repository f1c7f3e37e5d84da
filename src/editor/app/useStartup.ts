/**
 * Starting up: a share link (opened as a copy), an exercise (its work, or its starting document),
 * or the diagram open last time. Everything from outside goes through the restore path.
 */
import { useEffect, useRef } from 'react';
import type { Lang, Messages } from '../i18n.ts';
import type { Commands } from '../commands/registry.ts';
import { withLayout } from '../commands/registry.ts';
import { emptyDocument } from '../model/actions.ts';
import { emptyBfc, isBfc } from '../model/bfc.ts';
import { restoreShare } from '../io/restore.ts';
import { loadExercise } from '../panels/ExercisePanel.tsx';
import { useStore } from '../store/store.ts';

export function useStartup(commands: Commands, t: Messages, lang: Lang): void {
  const { store, session } = commands;
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const text = (m: { zh: string; en: string }) => (lang === 'en' ? m.en : m.zh);
    const damaged = (m: { zh: string; en: string }) => store.set({ notice: { kind: 'alert', text: t.damaged(text(m)) } });
    void session.init(async () => {
      const shared = restoreShare(location.hash);
      if (shared !== null) {
        history.replaceState(null, '', location.pathname + location.search);
        if (shared.ok) {
          const doc = await withLayout(shared.value);
          // A copy in memory: what /modeller/ opens next time stays the same until it is kept.
          await session.openShared(doc, t.sharedCopy(doc.title || t.newName));
          store.set({ notice: { kind: 'status', text: t.shareOpened } });
          return;
        }
        store.set({ notice: { kind: 'alert', text: t.shareBroken(text(shared.error)) } });
      }
      const params = new URLSearchParams(location.search);
      const slug = params.get('exercise');
      if (slug) {
        const ex = await loadExercise(slug);
        if (ex) {
          store.set({ exercise: ex });
          // ?chart=bfc: the exercise's business flow chart (its own record), when it has a reference chart.
          const chart = params.get('chart') === 'bfc' && !!ex.bfc;
          const id = chart ? `exercise-${slug}-bfc` : `exercise-${slug}`;
          if (await session.openId(id, damaged)) return;
          const start = chart ? emptyBfc(ex.title) : ex.start ? await withLayout(ex.start) : emptyDocument(ex.title);
          await session.create(start, ex.title, { id, exercise: slug, lazy: true });
          return;
        }
        store.set({ exerciseError: t.exerciseFailed(slug) });
      }
      // A damaged record is skipped (and named); the others stay usable.
      if (await session.openCurrent(damaged)) return;
      await session.create(emptyDocument(t.newName), t.newName, { lazy: true });
    });
  }, [commands, store, session, t, lang]);

  // The exercise panel follows the open diagram (an exercise's work shows its scenario, wherever
  // it was opened from), and the address says which exercise it is, so a reload comes back to it.
  const exerciseSlug = useStore(store, (s) => s.session.info?.exercise);
  const ready = useStore(store, (s) => s.session.ready);
  const chart = useStore(store, (s) => isBfc(s.doc));
  useEffect(() => {
    if (!ready) return;
    const url = new URL(location.href);
    if (exerciseSlug) url.searchParams.set('exercise', exerciseSlug);
    else url.searchParams.delete('exercise');
    if (exerciseSlug && chart) url.searchParams.set('chart', 'bfc');
    else url.searchParams.delete('chart');
    if (url.href !== location.href) history.replaceState(history.state, '', url);
    if (!exerciseSlug) {
      store.set({ exercise: null });
      return;
    }
    if (store.get().exercise?.slug === exerciseSlug) return;
    let live = true;
    void loadExercise(exerciseSlug).then((ex) => {
      if (!live) return;
      store.set({ exercise: ex, ...(ex ? {} : { exerciseError: t.exerciseFailed(exerciseSlug) }) });
    });
    return () => {
      live = false;
    };
  }, [exerciseSlug, ready, chart, store, t]);
}

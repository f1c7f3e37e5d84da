import { useEffect, useId, useMemo, useState } from 'react';
import type { DfdDocument } from '@schemas/dfd.ts';
import { grade, layoutMissing, type GradeHint, type GradeResult } from '../core.ts';
import { restoreExercise } from '../io/restore.ts';
import type { Lang, Messages } from '../i18n.ts';
import { diagramSvg, svgDataUri } from '../../lib/dfd/export/svg.ts';
import { diagramName } from '../model/actions.ts';
import { Dialog } from './Dialog.tsx';
import { isBfc, type EditorDocument } from '../model/bfc.ts';
import type { BfcDocument } from '@schemas/bfc.ts';
import { bfcSvg, gradeBfc, type BfcGradeHint } from '../../lib/bfc/index.ts';
import { BFC_SHEET } from '../model/editor.ts';

import type { Exercise } from '@schemas/exercise.ts';

export type { Exercise };

/** Fetches `/exercises/<slug>.json` and restores it (io/restore.ts); null when it is missing or unreadable. */
export async function loadExercise(slug: string): Promise<Exercise | null> {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(slug)) return null;
  try {
    const res = await fetch(`/exercises/${encodeURIComponent(slug)}.json`);
    if (!res.ok) return null;
    const r = restoreExercise(slug, await res.json());
    return r.ok ? r.value : null;
  } catch {
    return null;
  }
}

/** One level of the result as the panel shows it: the student's own diagram name, never the reference's labels. */
export interface LevelView {
  key: string;
  /** The student's diagram, when they drew this level. */
  diagram?: string;
  name: string;
  score?: number;
  hints: GradeHint[];
}

/**
 * 检查答案: grades the document (only the student's own work counts: `start` is what the exercise
 * handed out) and arranges the hints per level, named by the student's diagrams.
 */
export function checkAnswer(doc: DfdDocument, exercise: Pick<Exercise, 'reference' | 'start'>, t: Messages, lang: Lang): { result: GradeResult; levels: LevelView[] } {
  const result = grade(doc, exercise.reference, { locale: lang, ...(exercise.start ? { given: exercise.start } : {}) });
  const levels: LevelView[] = [];
  for (const d of result.diagrams) {
    if (!d.asked && d.hints.length === 0) continue;
    const sd = d.student ? doc.diagrams.find((x) => x.id === d.student) : undefined;
    const name = sd ? diagramName(doc, sd, t) : t.levelNotDrawn;
    const view: LevelView = { key: `${d.reference ?? ''}\u0000${d.student ?? ''}`, name: d.reference ? name : t.extraLevel(name), hints: d.hints };
    if (sd) view.diagram = sd.id;
    if (d.reference && d.student) view.score = d.score;
    levels.push(view);
  }
  return { result, levels };
}

/**
 * 检查业务流程图: the chart graded against the exercise's reference chart (gradeBfc: the DFD
 * grader's tolerance, plus lanes and conditions); hints name the student's own elements.
 */
export function checkChart(doc: BfcDocument, reference: BfcDocument, lang: Lang): { score: number; hints: BfcGradeHint[] } {
  const r = gradeBfc(doc, reference, { locale: lang });
  return { score: r.score, hints: r.hints };
}

/** The exercise page of the modeller for the other kind of work (业务流程图 ↔ 数据流程图). */
function otherHref(slug: string, chart: boolean): string {
  const u = new URL(location.href);
  u.search = '';
  u.hash = '';
  u.searchParams.set('exercise', slug);
  if (chart) u.searchParams.set('chart', 'bfc');
  return u.pathname + u.search;
}

interface Props {
  exercise: Exercise;
  doc: EditorDocument;
  t: Messages;
  lang: Lang;
  /** Shows a diagram of the student's document, with an element selected and in view. */
  onShow(diagram: string, element?: string): void;
}

export function ExercisePanel(props: Props) {
  return isBfc(props.doc) ? <ChartExercisePanel {...props} doc={props.doc} /> : <DfdExercisePanel {...props} doc={props.doc} />;
}

/** The scenario, then the question asked of this kind of drawing (the DFD's or the chart's). */
function Scenario({ exercise, t, task }: { exercise: Exercise; t: Messages; task: string | undefined }) {
  return (
    <details className="fb-exercise__scenario" open>
      <summary>{t.scenario}</summary>
      {exercise.scenario
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      {task ? <p className="fb-exercise__task">{task}</p> : null}
    </details>
  );
}

function ChartExercisePanel({ exercise, doc, t, lang, onShow }: Omit<Props, 'doc'> & { doc: BfcDocument }) {
  const [checked, setChecked] = useState<{ doc: BfcDocument; score: number; hints: BfcGradeHint[] } | null>(null);
  const [showRef, setShowRef] = useState(false);
  const headId = useId();
  const stale = checked !== null && checked.doc !== doc;
  const reference = exercise.bfc;
  return (
    <section className="fb-panel fb-exercise" aria-labelledby={headId}>
      <h2 id={headId} className="fb-panel__title">
        {t.titled(t.exercise, `${exercise.title} · ${t.bfc.chartTab}`)}
      </h2>
      <Scenario exercise={exercise} t={t} task={exercise.chartTask} />
      <p className="fb-muted">
        <a href={otherHref(exercise.slug, false)}>{t.bfc.practiseDfd}</a>
      </p>
      {reference ? (
        <>
          <p className="fb-muted">{t.bfc.chartCheckHint}</p>
          <div className="fb-exercise__actions">
            <button
              type="button"
              className="fb-btn fb-btn--primary"
              onClick={() => {
                const r = checkChart(doc, reference, lang);
                setChecked({ doc, ...r });
              }}
            >
              {t.bfc.checkChart}
            </button>
            <button type="button" className="fb-btn" aria-haspopup="dialog" onClick={() => setShowRef(true)}>
              {t.showReference}
            </button>
          </div>
        </>
      ) : null}
      <div className={`fb-exercise__result${stale ? ' is-stale' : ''}`} aria-live="polite">
        {checked ? (
          <>
            {stale ? (
              <p className="fb-exercise__stale" role="status">
                {t.resultStale}
              </p>
            ) : null}
            <p className="fb-exercise__score">{t.score(checked.score)}</p>
            {checked.hints.length === 0 ? (
              <p className="fb-hint fb-hint--ok">{t.levelOk}</p>
            ) : (
              <ul className="fb-exercise__hints">
                {checked.hints.map((h, i) => (
                  <li key={i} className={`fb-hint fb-hint--${h.kind}`}>
                    {h.element ? (
                      <button type="button" className="fb-link fb-hint__show" title={t.hintShow} onClick={() => onShow(BFC_SHEET, h.element)}>
                        {h.message}
                      </button>
                    ) : (
                      h.message
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : null}
      </div>
      {showRef && reference ? <ChartReferenceDialog title={exercise.title} reference={reference} t={t} lang={lang} onClose={() => setShowRef(false)} /> : null}
    </section>
  );
}

/** 显示参考答案 for a chart: the reference chart drawn from the same file as the exercise page, read-only. */
function ChartReferenceDialog({ title, reference, t, lang, onClose }: { title: string; reference: BfcDocument; t: Messages; lang: Lang; onClose(): void }) {
  const picture = useMemo(() => {
    const r = bfcSvg(reference, { theme: 'light', locale: lang });
    return { src: svgDataUri(r.svg), w: r.width, h: r.height };
  }, [reference, lang]);
  const name = t.titled(t.referenceTitle, `${title} · ${t.bfc.chartTab}`);
  return (
    <Dialog title={name} onClose={onClose} wide closeLabel={t.close}>
      <p className="fb-muted">{t.bfc.referenceOpen}</p>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <div className="fb-reference__view fb-reference__view--chart" tabIndex={0} role="region" aria-label={name}>
        <img src={picture.src} alt={name} width={Math.round(picture.w)} height={Math.round(picture.h)} />
      </div>
    </Dialog>
  );
}

function DfdExercisePanel({ exercise, doc, t, lang, onShow }: Omit<Props, 'doc'> & { doc: DfdDocument }) {
  const [checked, setChecked] = useState<{ doc: DfdDocument; score: number; levels: LevelView[] } | null>(null);
  const [showRef, setShowRef] = useState(false);
  const headId = useId();
  // The result belongs to the document it was computed for: any change makes it out of date.
  const stale = checked !== null && checked.doc !== doc;
  return (
    <section className="fb-panel fb-exercise" aria-labelledby={headId}>
      <h2 id={headId} className="fb-panel__title">
        {t.titled(t.exercise, exercise.title)}
      </h2>
      <Scenario exercise={exercise} t={t} task={exercise.task} />
      {exercise.bfc ? (
        <p className="fb-muted">
          <a href={otherHref(exercise.slug, true)}>{t.bfc.practiseChart}</a>
        </p>
      ) : null}
      <div className="fb-exercise__actions">
        <button
          type="button"
          className="fb-btn fb-btn--primary"
          onClick={() => {
            const { result, levels } = checkAnswer(doc, exercise, t, lang);
            setChecked({ doc, score: result.score, levels });
          }}
        >
          {t.checkAnswer}
        </button>
        <button type="button" className="fb-btn" aria-haspopup="dialog" onClick={() => setShowRef(true)}>
          {t.showReference}
        </button>
      </div>
      <div className={`fb-exercise__result${stale ? ' is-stale' : ''}`} aria-live="polite">
        {checked ? (
          <>
            {stale ? (
              <p className="fb-exercise__stale" role="status">
                {t.resultStale}
              </p>
            ) : null}
            <p className="fb-exercise__score">{t.score(checked.score)}</p>
            {checked.levels.map((lv) => (
              <div key={lv.key} className="fb-exercise__level">
                <h3>{lv.score !== undefined ? t.levelResult(lv.name, lv.score) : lv.name}</h3>
                {lv.hints.length === 0 ? (
                  <p className="fb-hint fb-hint--ok">{t.levelOk}</p>
                ) : (
                  <ul className="fb-exercise__hints">
                    {lv.hints.map((h, i) => (
                      <li key={i} className={`fb-hint fb-hint--${h.kind}`}>
                        {h.diagram ? (
                          <button type="button" className="fb-link fb-hint__show" title={t.hintShow} onClick={() => onShow(h.diagram!, h.element)}>
                            {h.message}
                          </button>
                        ) : (
                          h.message
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </>
        ) : null}
      </div>
      {showRef ? <ReferenceDialog exercise={exercise} t={t} onClose={() => setShowRef(false)} /> : null}
    </section>
  );
}

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2];

/**
 * 显示参考答案: the reference, a level at a time, at its own size (the symbols as large as on the
 * canvas), with zoom, in a dialog in the middle of the screen. Read-only: an image of the model.
 */
function ReferenceDialog({ exercise, t, onClose }: { exercise: Exercise; t: Messages; onClose(): void }) {
  const [laid, setLaid] = useState<DfdDocument | null>(null);
  const [level, setLevel] = useState<string>('');
  const [zoom, setZoom] = useState(2); // index into ZOOMS: 100 %
  const selectId = useId();
  useEffect(() => {
    let live = true;
    void layoutMissing(exercise.reference).then((doc) => {
      if (!live) return;
      setLaid(doc);
      // Start with the first level the exercise asks for (not the ones it hands out).
      const given = new Set((exercise.start?.diagrams ?? []).map((d) => d.id));
      setLevel((doc.diagrams.find((d) => !given.has(d.id)) ?? doc.diagrams[0]!).id);
    });
    return () => {
      live = false;
    };
  }, [exercise]);
  const picture = useMemo(() => {
    if (!laid || !level) return null;
    const svg = diagramSvg(laid, level);
    const w = Number(/\bwidth="([\d.]+)"/.exec(svg)?.[1] ?? 600);
    const h = Number(/\bheight="([\d.]+)"/.exec(svg)?.[1] ?? 400);
    return { src: svgDataUri(svg), w, h };
  }, [laid, level]);
  const scale = ZOOMS[zoom]!;
  const name =
    laid && level
      ? diagramName(
          laid,
          laid.diagrams.find((d) => d.id === level)!,
          t,
        )
      : '';
  return (
    <Dialog title={t.titled(t.referenceTitle, exercise.title)} onClose={onClose} wide closeLabel={t.close}>
      <p className="fb-muted">{t.referenceOpen}</p>
      {laid ? (
        <div className="fb-reference__bar">
          {laid.diagrams.length > 1 ? (
            <span className="fb-field fb-field--inline">
              <label htmlFor={selectId}>{t.referenceLevel}</label>
              <select id={selectId} value={level} onChange={(e) => setLevel(e.target.value)}>
                {laid.diagrams.map((d) => (
                  <option key={d.id} value={d.id}>
                    {diagramName(laid, d, t)}
                  </option>
                ))}
              </select>
            </span>
          ) : null}
          <span className="fb-reference__zoom" role="group" aria-label={t.referenceZoom(Math.round(scale * 100))}>
            <button type="button" className="fb-btn fb-btn--small" aria-label={t.zoomOut} disabled={zoom === 0} onClick={() => setZoom((z) => Math.max(0, z - 1))}>
              −
            </button>
            <button type="button" className="fb-btn fb-btn--small" onClick={() => setZoom(2)}>
              {t.zoomReset}
            </button>
            <button
              type="button"
              className="fb-btn fb-btn--small"
              aria-label={t.zoomIn}
              disabled={zoom === ZOOMS.length - 1}
              onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))}
            >
              +
            </button>
            <output>{Math.round(scale * 100)}%</output>
          </span>
        </div>
      ) : null}
      {/* A scroll box the keyboard can reach (tabIndex), with the level at the chosen size. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <div className="fb-reference__view" tabIndex={0} role="region" aria-label={name}>
        {picture ? <img src={picture.src} alt={t.titled(t.referenceTitle, name)} width={Math.round(picture.w * scale)} height={Math.round(picture.h * scale)} /> : null}
      </div>
    </Dialog>
  );
}

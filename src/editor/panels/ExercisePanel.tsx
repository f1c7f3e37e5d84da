import { useEffect, useId, useState } from 'react';
import type { DfdDocument } from '@schemas/dfd.ts';
import { grade, layoutMissing, readDocument, type GradeItem } from '../core.ts';
import type { Messages } from '../i18n.ts';
import { diagramSvg } from '../io/svg.ts';
import { diagramName } from '../model/actions.ts';

import type { Exercise } from '@schemas/exercise.ts';

export type { Exercise };

/** Fetches `/exercises/<slug>.json` and checks it; null when it is missing or unreadable. */
export async function loadExercise(slug: string): Promise<Exercise | null> {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(slug)) return null;
  try {
    const res = await fetch(`/exercises/${encodeURIComponent(slug)}.json`);
    if (!res.ok) return null;
    const data = (await res.json()) as Record<string, unknown>;
    const ref = readDocument(data.reference);
    if (!ref.ok || typeof data.title !== 'string' || typeof data.scenario !== 'string') return null;
    const start = data.start === undefined ? undefined : readDocument(data.start);
    if (start && !start.ok) return null;
    return { slug, title: data.title, scenario: data.scenario, reference: ref.doc, ...(start?.ok ? { start: start.doc } : {}) };
  } catch {
    return null;
  }
}

type Kind = 'entity' | 'process' | 'store' | 'flow';

export interface GradeSummary {
  score: number;
  matched: Record<Kind, number>;
  missing: Record<Kind, number>;
  extra: Record<Kind, number>;
}

const KINDS: Kind[] = ['entity', 'process', 'store', 'flow'];

/** Counts by kind, so that hints never give away names ("缺少 1 个处理"). */
function byKind(items: readonly GradeItem[]): Record<Kind, number> {
  const out: Record<Kind, number> = { entity: 0, process: 0, store: 0, flow: 0 };
  for (const it of items) out[it.type]++;
  return out;
}

/** `start`: what the exercise handed out; only the student's own work earns points. */
export function gradeSummary(student: DfdDocument, reference: DfdDocument, start?: DfdDocument): GradeSummary {
  const r = grade(student, reference, start ? { given: start } : {});
  return { score: r.score, matched: byKind(r.matched.map((m) => m.student)), missing: byKind(r.missing), extra: byKind(r.extra) };
}

interface Props {
  exercise: Exercise;
  doc: DfdDocument;
  t: Messages;
}

export function ExercisePanel({ exercise, doc, t }: Props) {
  const [result, setResult] = useState<GradeSummary | null>(null);
  const [showRef, setShowRef] = useState(false);
  const [refSvgs, setRefSvgs] = useState<{ id: string; name: string; src: string }[] | null>(null);
  const headId = useId();
  const kindName = (k: Kind) => (k === 'flow' ? t.flowKind : t.kindNames[k]);
  useEffect(() => {
    if (!showRef || refSvgs) return;
    let live = true;
    void (async () => {
      const laid = await layoutMissing(exercise.reference);
      if (!live) return;
      setRefSvgs(
        laid.diagrams.map((d) => ({
          id: d.id,
          name: diagramName(laid, d, t),
          src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(diagramSvg(laid, d.id))}`,
        })),
      );
    })();
    return () => {
      live = false;
    };
  }, [showRef, refSvgs, exercise.reference, t]);
  return (
    <section className="fb-panel fb-exercise" aria-labelledby={headId}>
      <h2 id={headId} className="fb-panel__title">
        {t.exercise}：{exercise.title}
      </h2>
      <div className="fb-exercise__scenario">
        {exercise.scenario
          .split(/\n\s*\n/)
          .map((p) => p.trim())
          .filter(Boolean)
          .map((p, i) => (
            <p key={i}>{p}</p>
          ))}
      </div>
      <div className="fb-exercise__actions">
        <button type="button" className="fb-btn fb-btn--primary" onClick={() => setResult(gradeSummary(doc, exercise.reference, exercise.start))}>
          {t.checkAnswer}
        </button>
        <button type="button" className="fb-btn" aria-expanded={showRef} onClick={() => setShowRef((v) => !v)}>
          {showRef ? t.hideReference : t.showReference}
        </button>
      </div>
      <div className="fb-exercise__result" aria-live="polite">
        {result ? (
          <>
            <p className="fb-exercise__score">{t.score(result.score)}</p>
            <ul className="fb-exercise__hints">
              {KINDS.filter((k) => result.matched[k]).map((k) => (
                <li key={`m-${k}`} className="fb-hint fb-hint--matched">
                  {t.hint.matchedKind(result.matched[k], kindName(k))}
                </li>
              ))}
              {KINDS.filter((k) => result.missing[k]).map((k) => (
                <li key={`x-${k}`} className="fb-hint fb-hint--missing">
                  {t.hint.missingKind(result.missing[k], kindName(k))}
                </li>
              ))}
              {KINDS.filter((k) => result.extra[k]).map((k) => (
                <li key={`e-${k}`} className="fb-hint fb-hint--extra">
                  {t.hint.extraKind(result.extra[k], kindName(k))}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      {showRef ? (
        <div className="fb-exercise__reference">
          <h3>{t.referenceTitle}</h3>
          {refSvgs?.map((r) => (
            <figure key={r.id}>
              <img src={r.src} alt={`${t.referenceTitle}：${r.name}`} />
              <figcaption>{r.name}</figcaption>
            </figure>
          ))}
        </div>
      ) : null}
    </section>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { countBySeverity, lint, lintBfc, worse, type Finding, type SeverityCounts } from '../core.ts';
import { BFC_SHEET } from '../model/editor.ts';
import { dfdOf, isBfc, type EditorDocument } from '../model/bfc.ts';
import type { Lang } from '../i18n.ts';
import type { Marker } from '../canvas/DfdNodeView.tsx';
import type { LintReply, LintRequest } from '../io/lint.worker.ts';

/** Documents with more symbols than this are linted in a worker (io/lint.worker.ts). */
export const LINT_IN_WORKER = 1000;

let worker: Worker | null | undefined;
let seq = 0;
/** The lint worker, started on first need; null where none can start (then the page lints). */
function lintWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = typeof Worker === 'undefined' ? null : new Worker(new URL('../io/lint.worker.ts', import.meta.url), { type: 'module', name: 'flowbook-lint' });
    worker?.addEventListener('error', () => {
      worker?.terminate();
      worker = null;
    });
  } catch {
    worker = null;
  }
  return worker;
}

const symbols = (doc: EditorDocument) => (isBfc(doc) ? doc.nodes.length : doc.diagrams.reduce((k, d) => k + d.nodes.length, 0));

/**
 * The core's findings for the whole document, kept current as the user draws. Linting runs after
 * the change is painted; when it has been slow (large documents) changes are batched a little, and
 * a document of more than LINT_IN_WORKER symbols is linted in a worker, off the page's thread.
 */
export function useFindings(doc: EditorDocument, lang: Lang): Finding[] {
  const [result, setResult] = useState<{ doc: EditorDocument | null; findings: Finding[] }>({ doc: null, findings: [] });
  const cost = useRef(0);
  useEffect(() => {
    if (result.doc === doc) return;
    const run = () => {
      const t0 = performance.now();
      const findings = isBfc(doc) ? chartFindings(doc, lang) : lint(doc, { locale: lang });
      cost.current = performance.now() - t0;
      setResult({ doc, findings });
    };
    // Charts are textbook-sized and lint on the page; large DFDs go to the worker.
    const w = !isBfc(doc) && symbols(doc) > LINT_IN_WORKER ? lintWorker() : null;
    if (w) {
      const mine = ++seq;
      const onMessage = (e: MessageEvent<LintReply>) => {
        if (e.data.seq === mine) setResult({ doc, findings: e.data.findings });
      };
      const onError = () => run();
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      const request: LintRequest = { seq: mine, doc: dfdOf(doc), locale: lang };
      const h = setTimeout(() => w.postMessage(request), 100);
      return () => {
        clearTimeout(h);
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
      };
    }
    const h = setTimeout(run, cost.current > 12 ? 150 : 0);
    return () => clearTimeout(h);
  }, [doc, lang, result.doc]);
  return result.findings;
}

/**
 * A chart's findings (lintBfc) in the findings panel's shape: one sheet, so every finding is on the
 * shown one; the rule ids and URLs are the chart rules' (/learn/bfc-rules/<id>/).
 */
function chartFindings(doc: Extract<EditorDocument, { format: 'flowbook-bfc' }>, lang: Lang): Finding[] {
  return lintBfc(doc, { locale: lang }).map((f) => ({ ...f, diagram: BFC_SHEET }) as unknown as Finding);
}

export type FindingCounts = SeverityCounts;

/** Findings counted by severity (the vocabulary's one count). */
export const countFindings = (findings: readonly Finding[]): FindingCounts => countBySeverity(findings);

/** Markers for the elements of one diagram: worst severity and number of findings. */
export function useMarkers(findings: readonly Finding[], diagramId: string): ReadonlyMap<string, Marker> {
  return useMemo(() => {
    const m = new Map<string, Marker>();
    for (const f of findings) {
      if (f.diagram !== diagramId || !f.element) continue;
      const cur = m.get(f.element);
      if (!cur) m.set(f.element, { severity: f.severity, count: 1 });
      else m.set(f.element, { severity: worse(f.severity, cur.severity), count: cur.count + 1 });
    }
    return m;
  }, [findings, diagramId]);
}

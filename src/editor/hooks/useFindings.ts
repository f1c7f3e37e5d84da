import { useEffect, useMemo, useRef, useState } from 'react';
import type { DfdDocument } from '@schemas/dfd.ts';
import { lint, type Finding } from '../core.ts';
import type { Lang } from '../i18n.ts';
import type { Marker, Severity } from '../canvas/DfdNodeView.tsx';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The core's findings for the whole document, kept current as the user draws. Linting runs after
 * the change is painted; when it has been slow (large documents) changes are batched a little.
 */
export function useFindings(doc: DfdDocument, lang: Lang): Finding[] {
  const [result, setResult] = useState<{ doc: DfdDocument | null; findings: Finding[] }>({ doc: null, findings: [] });
  const cost = useRef(0);
  useEffect(() => {
    if (result.doc === doc) return;
    const run = () => {
      const t0 = performance.now();
      const findings = lint(doc, { locale: lang });
      cost.current = performance.now() - t0;
      setResult({ doc, findings });
    };
    const h = setTimeout(run, cost.current > 12 ? 150 : 0);
    return () => clearTimeout(h);
  }, [doc, lang, result.doc]);
  return result.findings;
}

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** Markers for the elements of one diagram: worst severity and number of findings. */
export function useMarkers(findings: readonly Finding[], diagramId: string): ReadonlyMap<string, Marker> {
  return useMemo(() => {
    const m = new Map<string, Marker>();
    for (const f of findings) {
      if (f.diagram !== diagramId || !f.element) continue;
      const cur = m.get(f.element);
      if (!cur) m.set(f.element, { severity: f.severity, count: 1 });
      else m.set(f.element, { severity: RANK[f.severity] < RANK[cur.severity] ? f.severity : cur.severity, count: cur.count + 1 });
    }
    return m;
  }, [findings, diagramId]);
}

import { memo, useId, useState } from 'react';
import type { DfdDocument } from '@schemas/dfd.ts';
import { SEVERITIES, type Finding } from '../core.ts';
import type { Lang, Messages } from '../i18n.ts';
import { diagramName } from '../model/actions.ts';
import type { Severity } from '../canvas/DfdNodeView.tsx';

interface Props {
  findings: readonly Finding[];
  doc: DfdDocument;
  shownDiagram: string;
  t: Messages;
  lang: Lang;
  onShow(f: Finding): void;
  /** Inside a dialog that has the title already (the findings drawer): no section and heading of its own. */
  bare?: boolean;
}

const ORDER = SEVERITIES;
/** Findings shown per severity before "show the rest" (long lists help nobody, and cost). */
const LIMIT = 25;

/** The rule's page on this site, in the reader's language. */
export function ruleHref(f: Pick<Finding, 'rule' | 'url'>, lang: Lang): string {
  const path = f.url && f.url.startsWith('/') ? f.url : `/learn/rules/${f.rule}/`;
  return lang === 'en' && !path.startsWith('/en/') ? `/en${path}` : path;
}

function FindingsPanelInner({ findings, doc, shownDiagram, t, lang, onShow, bare }: Props) {
  const headId = useId();
  const [expanded, setExpanded] = useState<ReadonlySet<Severity>>(new Set());
  const groups = ORDER.map((s) => ({ severity: s, items: findings.filter((f) => f.severity === s) })).filter((g) => g.items.length);
  const title = { error: t.errors, warning: t.warnings, info: t.infos };
  return (
    <Wrapper bare={bare} headId={headId} title={t.findings}>
      {groups.length === 0 ? <p className="fb-findings__none">{t.noFindings}</p> : null}
      {groups.map((g) => (
        <div key={g.severity} className={`fb-findings__group fb-findings__group--${g.severity}`}>
          <h3 className="fb-findings__head">
            <span className={`fb-sev fb-sev--${g.severity}`} aria-hidden="true" />
            {t.counted(title[g.severity], g.items.length)}
          </h3>
          <ul className="fb-findings__list">
            {(expanded.has(g.severity) ? g.items : g.items.slice(0, LIMIT)).map((f, i) => {
              const d = doc.diagrams.find((x) => x.id === f.diagram);
              const elsewhere = f.diagram !== shownDiagram && d ? t.otherDiagram(diagramName(doc, d, t)) : '';
              return (
                <li key={`${f.rule}-${f.diagram}-${f.element ?? ''}-${i}`} className="fb-finding" data-rule={f.rule} data-severity={f.severity}>
                  <button type="button" className="fb-finding__show" onClick={() => onShow(f)}>
                    <span className="fb-finding__message">{f.message}</span>
                    {elsewhere ? <span className="fb-finding__where">{elsewhere}</span> : null}
                  </button>
                  <a className="fb-finding__rule" href={ruleHref(f, lang)} aria-label={t.ruleLink(f.rule)}>
                    <code>{f.rule}</code>
                  </a>
                </li>
              );
            })}
          </ul>
          {g.items.length > LIMIT && !expanded.has(g.severity) ? (
            <button type="button" className="fb-btn fb-btn--small fb-findings__more" onClick={() => setExpanded(new Set([...expanded, g.severity]))}>
              {t.showMore(g.items.length - LIMIT)}
            </button>
          ) : null}
        </div>
      ))}
    </Wrapper>
  );
}

function Wrapper({ bare, headId, title, children }: { bare?: boolean; headId: string; title: string; children: React.ReactNode }) {
  if (bare) return <div className="fb-findings fb-findings--bare">{children}</div>;
  return (
    <section className="fb-panel fb-findings" aria-labelledby={headId}>
      <h2 id={headId} className="fb-panel__title" tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export const FindingsPanel = memo(FindingsPanelInner);

import { createPortal } from 'react-dom';
import type { DfdDocument } from '@schemas/dfd.ts';
import type { Finding } from '../core.ts';
import type { Messages } from '../i18n.ts';
import { diagramSvg, svgDataUri } from '../../lib/dfd/export/svg.ts';
import { diagramName } from '../model/actions.ts';

/**
 * What 打印 prints: every diagram of the document (model-built SVG), the findings and the data
 * dictionary, on white. Rendered under <body> only while printing; the page's CSS hides the rest.
 */
export function PrintView({ doc, t, findings }: { doc: DfdDocument; t: Messages; findings: readonly Finding[] }) {
  return createPortal(
    <div className="fb-print-root">
      <h1>{doc.title || t.newName}</h1>
      {doc.diagrams.map((d) => (
        <section key={d.id} className="fb-print-diagram">
          <h2>{diagramName(doc, d, t)}</h2>
          <img src={svgDataUri(diagramSvg(doc, d.id))} alt={diagramName(doc, d, t)} />
        </section>
      ))}
      {findings.length ? (
        <section>
          <h2>{t.findings}</h2>
          <ul>
            {findings.map((f, i) => (
              <li key={i}>
                [{f.severity}] {f.rule}: {f.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {doc.dictionary?.length ? (
        <section>
          <h2>{t.dictionary}</h2>
          <dl>
            {doc.dictionary.map((e, i) => (
              <div key={i}>
                <dt>{e.name}</dt>
                <dd>{[e.composition, e.description, e.aliases?.length ? `${t.aliases}: ${e.aliases.join('，')}` : ''].filter(Boolean).join(' — ')}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </div>,
    document.body,
  );
}

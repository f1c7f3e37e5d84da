import { createPortal } from 'react-dom';
import type { BfcDocument } from '@schemas/bfc.ts';
import type { Finding } from '../core.ts';
import type { Lang, Messages } from '../i18n.ts';
import { bfcSvg } from '../../lib/bfc/export/svg.ts';
import { svgDataUri } from '../../lib/dfd/export/svg.ts';

/**
 * What 打印 prints for a business flow chart: the chart (model-built SVG, lanes, symbols, flows and
 * the title block under it) and the findings, on white. Rendered under <body> only while printing.
 */
export function ChartPrintView({ doc, t, lang, findings }: { doc: BfcDocument; t: Messages; lang: Lang; findings: readonly Finding[] }) {
  const title = doc.title || t.bfc.newName;
  return createPortal(
    <div className="fb-print-root">
      <h1>{title}</h1>
      <section className="fb-print-diagram">
        <img src={svgDataUri(bfcSvg(doc, { theme: 'light', locale: lang }).svg)} alt={`${t.bfc.docKind}：${title}`} />
      </section>
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
    </div>,
    document.body,
  );
}

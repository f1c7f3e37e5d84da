/**
 * Build-time helper of ProcedureCharts.astro: the charts of a procedure (src/lib/procedures/chart.ts)
 * as figures with the site's controls (viewer, SVG, PNG, Mermaid source): the overview through
 * Mermaid, the lane charts as their own SVG.
 */
import { toHtml } from 'hast-util-to-html';
import type { Procedure } from '../../schemas/procedure.ts';
import { laneDescription, laneMermaid, laneSvgs, overviewDescription, overviewMermaid, procedureCharts } from '../../lib/procedures/chart.ts';
import { renderMermaid } from '../../lib/mermaid/render.ts';
import { figureHast } from '../../lib/mermaid/figure.ts';

export async function procedureChartsHtml(p: Procedure): Promise<string> {
  const parts = await Promise.all(
    procedureCharts(p).map(async (c) => {
      if (c.kind === 'overview') {
        const source = overviewMermaid(p, c.phases!);
        // The text alternative names each phase's steps: the overview is where a screen reader (and the
        // search) meets the whole procedure at once.
        const rendered = { ...(await renderMermaid(source)), description: overviewDescription(c.phases!) };
        return toHtml(figureHast(rendered, { title: c.title, source, compact: true }));
      }
      const chart = c.lanes!;
      const { light, dark } = laneSvgs(chart);
      const rendered = { light: light.svg, dark: dark.svg, width: light.width, height: light.height, description: laneDescription(chart), labels: [] };
      // Compact (figure.ts): with one lane chart per phase, each chart's Mermaid source and export
      // controls in the page weighed more than the charts; the script adds the controls.
      const fig = figureHast(rendered, { title: c.title, source: laneMermaid(chart), compact: true });
      // A lane chart repeats the page's steps and matrix: left out of the search index, so a page does
      // not weigh in twice for its own steps (the overview, naming the phases, stays in).
      fig.properties.dataPagefindIgnore = 'all';
      return toHtml(fig);
    }),
  );
  return parts.join('\n');
}

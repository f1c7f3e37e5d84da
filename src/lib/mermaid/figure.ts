/**
 * The HTML (as hast) of a diagram figure: the light and dark SVG as images (external files, see
 * files.ts; both lazy, so the browser fetches only the one the theme shows), a caption, and the
 * export controls (download SVG, download PNG, copy Mermaid source). Shared by ```mermaid blocks
 * (remark plugin) and by components that draw generated Mermaid (e.g. DFD documents).
 */
import { h } from 'hastscript';
import type { Element } from 'hast';
import type { RenderedDiagram } from './render.ts';
import { diagramFileUrl } from './files.ts';

export function fileNameFor(title: string): string {
  const base = title
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return base || 'diagram';
}

/** Text alternative: the title, then the description or the labels the diagram shows. */
export function altText(title: string, d: Pick<RenderedDiagram, 'description' | 'labels'>): string {
  const desc = d.description?.trim() || (d.labels.length ? `图中内容：${d.labels.join('、')}` : '');
  const full = desc ? `${title}。${desc}` : title;
  return full.length > 600 ? full.slice(0, 599) + '…' : full;
}

export function minDisplayWidth(width: number): number {
  return Math.min(width, Math.max(Math.round(width * 0.6), 320));
}

/** Printable area of an A4 page with the site's print margins (15 mm × 12 mm), in CSS pixels. */
const PRINT_WIDTH = 703;
const PRINT_HEIGHT = 1009;

/**
 * Whether a diagram, scaled to the printed page width, would be more than one and a half pages
 * tall: such a diagram runs over pages in print rather than shrinking to fit one.
 */
export function printsLong(width: number, height: number): boolean {
  return height * Math.min(1, PRINT_WIDTH / width) > 1.5 * PRINT_HEIGHT;
}

/**
 * `compact`, for pages with many generated figures (a long procedure's lane charts, where the
 * controls and sources weighed more than the pictures' text): the Mermaid source goes to a file
 * of its own (/_diagrams/<hash>-source.txt) that the copy button fetches, and the export controls,
 * which work only with JavaScript anyway, and the dark theme's image (a copy of the light one's
 * tag) are added by the page's script (src/scripts/diagram-actions.ts, the same markup as here)
 * rather than sent with every figure.
 */
export function figureHast(d: RenderedDiagram, opts: { title: string; source: string; caption?: string; compact?: boolean }): Element {
  const { title, source } = opts;
  const alt = altText(title, d);
  const style = `width:${d.width}px;min-width:${minDisplayWidth(d.width)}px`;
  const light = diagramFileUrl(d.light, 'light');
  const dark = diagramFileUrl(d.dark, 'dark');
  // Both images are lazy: the one the theme hides (display: none) is never fetched.
  const img = (theme: 'light' | 'dark', src: string) =>
    h(`img.fb-diagram__img.fb-diagram__img--${theme}`, {
      src,
      // Compact: the dark image is the light one's copy with this file, made by the page's script
      // (a page without scripts has no dark theme).
      dataDark: opts.compact ? dark : undefined,
      alt,
      width: d.width,
      height: d.height,
      style,
      loading: 'lazy',
      decoding: 'async',
    });
  return h(
    printsLong(d.width, d.height) ? 'figure.fb-diagram.fb-diagram--long.not-content' : 'figure.fb-diagram.not-content',
    // Compact: the file name (of the PNG export) is the script's, from the caption.
    {
      dataDiagram: opts.compact ? undefined : fileNameFor(title),
      dataWidth: d.width,
      dataHeight: d.height,
      dataSource: opts.compact ? diagramFileUrl(source, 'source') : undefined,
    },
    [
      // Scrolls sideways only (a wide diagram on a phone): the wheel and vertical swipes scroll the page.
      // Compact: the title starts the picture's alt text, so the group says only what it is.
      h(
        'div.fb-diagram__scroll',
        { tabIndex: 0, role: 'group', ariaLabel: opts.compact ? '图（可左右滚动；“放大查看”可缩放）' : `${title}（图，可左右滚动；“放大查看”可缩放）` },
        opts.compact ? [img('light', light)] : [img('light', light), img('dark', dark)],
      ),
      h('figcaption.fb-diagram__caption', opts.caption ?? title),
      opts.compact
        ? null
        : h('div.fb-diagram__actions', { role: 'group', ariaLabel: `导出「${title}」`, dataPagefindIgnore: '' }, [
            h('button.fb-diagram__action.fb-diagram__action--zoom', { type: 'button', dataAction: 'zoom', ariaHaspopup: 'dialog' }, '放大查看'),
            h('a.fb-diagram__action', { href: light, download: `${fileNameFor(title)}.svg`, dataAction: 'svg' }, '下载 SVG'),
            h('button.fb-diagram__action', { type: 'button', dataAction: 'png' }, '下载 PNG'),
            h('button.fb-diagram__action', { type: 'button', dataAction: 'copy' }, '复制 Mermaid 源码'),
            h('span.fb-diagram__status', { role: 'status', ariaLive: 'polite' }),
          ]),
      opts.compact ? null : h('pre.fb-diagram__source', { hidden: true, dataPagefindIgnore: '' }, source),
    ].filter((e) => e !== null),
  );
}

/**
 * A standalone SVG of a business flow chart (业务流程图), built from the model: lanes with the unit's
 * name in a header (the textbook's 业务处理单位 symbol, a small circle, before it), the textbook's
 * shapes (业务处理 rectangle, 表格制作 document with a wavy bottom and stacked copies, 数据存储 box
 * open on the right, 收集资料 card with a cut corner), flows as arrows with their condition and
 * label, and the title block as a table under the chart. Pure string building; the PNG export and
 * the site's figures use it. Every text goes through escapeXml.
 */
import type { BfcDocument } from '../../../schemas/bfc.ts';
import { escapeXml } from '../../dfd/export/svg.ts';
import { FONT_FAMILY, FONT_SIZE, LINE_HEIGHT, SMALL_FONT_SIZE } from '../../dfd/export/geometry.ts';
import { layoutBfc, type BfcLayout, type BfcNodeBox, type Pt } from '../layout.ts';

export interface BfcPalette {
  background: string;
  laneFill: string;
  laneAltFill: string;
  headerFill: string;
  externalHeaderFill: string;
  laneBorder: string;
  stroke: string;
  text: string;
  muted: string;
  process: string;
  form: string;
  store: string;
  collect: string;
  flow: string;
  labelBackground: string;
}

/** Print-friendly colours (the site's light diagram theme): dark text on light fills, all above 4.5:1. */
export const BFC_LIGHT: BfcPalette = {
  background: '#ffffff',
  laneFill: '#ffffff',
  laneAltFill: '#f8fafc',
  headerFill: '#e8f0fe',
  externalHeaderFill: '#fdf3e1',
  laneBorder: '#94a3b8',
  stroke: '#1e293b',
  text: '#0f172a',
  muted: '#334155',
  process: '#e8f0fe',
  form: '#fdf3e1',
  store: '#f1f5f9',
  collect: '#e7f6ec',
  flow: '#334155',
  labelBackground: '#ffffff',
};

/** The site's dark diagram theme: light text on dark fills, all above 4.5:1. */
export const BFC_DARK: BfcPalette = {
  background: '#17181c',
  laneFill: '#17181c',
  laneAltFill: '#1c1e24',
  headerFill: '#1e2b45',
  externalHeaderFill: '#3a2c12',
  laneBorder: '#64748b',
  stroke: '#cbd5e1',
  text: '#f1f5f9',
  muted: '#cbd5e1',
  process: '#1e2b45',
  form: '#3a2c12',
  store: '#232833',
  collect: '#16352a',
  flow: '#cbd5e1',
  labelBackground: '#17181c',
};

export interface BfcSvgOptions {
  theme?: 'light' | 'dark';
  locale?: 'zh-CN' | 'en';
  /** A precomputed layout (the modeller's), else layoutBfc(doc). */
  layout?: BfcLayout;
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

function text(x: number, y: number, s: string, fill: string, opts: { size?: number; anchor?: string; weight?: string } = {}): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}" font-size="${opts.size ?? FONT_SIZE}" fill="${fill}" text-anchor="${opts.anchor ?? 'middle'}" dominant-baseline="central"${opts.weight ? ` font-weight="${opts.weight}"` : ''}>${escapeXml(s)}</text>`;
}

function lines(n: BfcNodeBox, cx: number, cy: number, pal: BfcPalette): string {
  const top = cy - ((n.lines.length - 1) * LINE_HEIGHT) / 2;
  return n.lines.map((l, i) => text(cx, top + i * LINE_HEIGHT, l, pal.text)).join('');
}

/** The document shape: a sheet whose bottom edge is a wave. */
function sheetPath(x: number, y: number, w: number, h: number): string {
  const wave = 7;
  const b = y + h - wave;
  return `M${fmt(x)} ${fmt(y)}H${fmt(x + w)}V${fmt(b)}C${fmt(x + w * 0.75)} ${fmt(b - wave * 1.6)} ${fmt(x + w * 0.5)} ${fmt(b - wave * 0.2)} ${fmt(x + w * 0.5)} ${fmt(b + wave * 0.4)}C${fmt(x + w * 0.5)} ${fmt(b + wave * 1.2)} ${fmt(x + w * 0.25)} ${fmt(b + wave * 2)} ${fmt(x)} ${fmt(b + wave * 0.4)}Z`;
}

function nodeSvg(n: BfcNodeBox, pal: BfcPalette, label: string, copiesText: string): string {
  const { x, y, width: w, height: h } = n;
  const sw = 'stroke-width="1.5"';
  const parts: string[] = [];
  switch (n.kind) {
    case 'process':
      parts.push(`<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(h)}" fill="${pal.process}" stroke="${pal.stroke}" ${sw}/>`);
      parts.push(lines(n, x + w / 2, y + h / 2, pal));
      break;
    case 'form': {
      // Copies (联) as sheets stacked behind, each offset up and right; the front sheet bottom left.
      const k = Math.min(n.copies, 5);
      const off = 5;
      const fw = w - (k - 1) * off;
      const fh = h - (k - 1) * off;
      for (let i = k - 1; i >= 0; i--) {
        parts.push(`<path d="${sheetPath(x + i * off, y + (k - 1 - i) * off, fw, fh)}" fill="${pal.form}" stroke="${pal.stroke}" ${sw}/>`);
      }
      const fy = y + (k - 1) * off;
      parts.push(lines(n, x + fw / 2, fy + fh / 2 - 4, pal));
      if (n.copies > 1) parts.push(text(x + w - 4, y + 2 + 7, copiesText, pal.muted, { size: 11, anchor: 'end' }));
      break;
    }
    case 'store':
      // The textbook's data store: a box open on the right, a bar at the left.
      parts.push(`<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(h)}" fill="${pal.store}" stroke="none"/>`);
      parts.push(`<path d="M${fmt(x + w)} ${fmt(y)}H${fmt(x)}V${fmt(y + h)}H${fmt(x + w)}M${fmt(x + 12)} ${fmt(y)}V${fmt(y + h)}" fill="none" stroke="${pal.stroke}" ${sw}/>`);
      parts.push(lines(n, x + 12 + (w - 12) / 2, y + h / 2, pal));
      break;
    case 'collect': {
      // A card with its top-left corner cut off (收集资料).
      const c = 14;
      parts.push(`<path d="M${fmt(x + c)} ${fmt(y)}H${fmt(x + w)}V${fmt(y + h)}H${fmt(x)}V${fmt(y + c)}Z" fill="${pal.collect}" stroke="${pal.stroke}" ${sw}/>`);
      parts.push(lines(n, x + w / 2 + 4, y + h / 2, pal));
      break;
    }
  }
  return `<g data-id="${escapeXml(n.id)}" data-kind="${n.kind}"><title>${escapeXml(label)}</title>${parts.join('')}</g>`;
}

const pathOf = (pts: Pt[]) => pts.map((p, i) => `${i ? 'L' : 'M'}${fmt(p.x)} ${fmt(p.y)}`).join('');

/** The SVG text of a business flow chart, with its size. */
export function bfcSvg(doc: BfcDocument, opts: BfcSvgOptions = {}): { svg: string; width: number; height: number } {
  const pal = opts.theme === 'dark' ? BFC_DARK : BFC_LIGHT;
  const en = opts.locale === 'en';
  const L = opts.layout ?? layoutBfc(doc);
  const b = L.bounds;
  const labelOf = new Map(doc.nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  const title = doc.title?.trim() || doc.titleBlock?.business?.trim() || (en ? 'Business flow chart' : '业务流程图');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(b.width)}" height="${fmt(b.height)}" viewBox="${fmt(b.x)} ${fmt(b.y)} ${fmt(b.width)} ${fmt(b.height)}" font-family="${escapeXml(FONT_FAMILY)}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs><marker id="fb-bfc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${pal.flow}"/></marker></defs>`,
    `<rect x="${fmt(b.x)}" y="${fmt(b.y)}" width="${fmt(b.width)}" height="${fmt(b.height)}" fill="${pal.background}"/>`,
  );
  // Lanes: body, header band, the unit symbol (a small circle) and name.
  const lanes = L.lanes.map((l, i) => {
    const hd = l.header;
    const name = l.id === '' ? (en ? '(no unit)' : '（未指定单位）') : l.label;
    const body = `<rect x="${fmt(l.x)}" y="${fmt(l.y)}" width="${fmt(l.width)}" height="${fmt(l.height)}" fill="${i % 2 ? pal.laneAltFill : pal.laneFill}" stroke="${pal.laneBorder}" stroke-width="1"${l.id === '' ? ' stroke-dasharray="6 4"' : ''}/>`;
    const head = `<rect x="${fmt(hd.x)}" y="${fmt(hd.y)}" width="${fmt(hd.width)}" height="${fmt(hd.height)}" fill="${l.external ? pal.externalHeaderFill : pal.headerFill}" stroke="${pal.laneBorder}" stroke-width="1"/>`;
    let label: string;
    if (L.orientation === 'columns') {
      const cy = hd.y + hd.height / 2;
      const tw = Math.min(hd.width - 40, name.length * FONT_SIZE);
      const cx = hd.x + hd.width / 2 - tw / 2 - 8;
      label =
        `<circle cx="${fmt(cx)}" cy="${fmt(cy)}" r="6" fill="none" stroke="${pal.stroke}" stroke-width="1.5"/>` +
        text(cx + 12, cy, name, pal.text, { anchor: 'start', weight: '600' });
    } else {
      const cx = hd.x + hd.width / 2;
      const cy = hd.y + hd.height / 2;
      label = `<circle cx="${fmt(cx)}" cy="${fmt(cy - 16)}" r="6" fill="none" stroke="${pal.stroke}" stroke-width="1.5"/>` + text(cx, cy + 4, name, pal.text, { weight: '600' });
    }
    const ext = l.external ? (en ? ' (outside)' : '（外部）') : '';
    return `<g data-lane="${escapeXml(l.id)}"><title>${escapeXml(name + ext)}</title>${body}${head}${label}</g>`;
  });
  out.push(`<g data-part="lanes">${lanes.join('')}</g>`);
  const flowById = new Map(doc.flows.map((f) => [f.id, f]));
  const flows = L.flows
    .filter((r) => r.points.length >= 2)
    .map((r) => {
      const f = flowById.get(r.id)!;
      const name = [labelOf.get(r.from)?.label, '→', labelOf.get(r.to)?.label, r.label ? `（${r.label.text}）` : ''].join('');
      return `<path d="${pathOf(r.points)}" fill="none" stroke="${pal.flow}" stroke-width="1.5" marker-end="url(#fb-bfc-arrow)" data-flow="${escapeXml(f.id)}"${f.condition ? ' data-condition="true"' : ''}><title>${escapeXml(name)}</title></path>`;
    });
  out.push(`<g data-part="flows">${flows.join('')}</g>`);
  out.push(`<g data-part="nodes">${L.nodes.map((n) => nodeSvg(n, pal, labelOf.get(n.id)?.label ?? '', en ? `×${n.copies}` : `${n.copies} 联`)).join('')}</g>`);
  const labels = L.flows
    .filter((r) => r.label && r.points.length >= 2)
    .map(
      (r) =>
        `<rect x="${fmt(r.label!.x)}" y="${fmt(r.label!.y)}" width="${fmt(r.label!.width)}" height="${fmt(r.label!.height)}" rx="3" fill="${pal.labelBackground}" fill-opacity="0.92"/>` +
        text(r.label!.x + r.label!.width / 2, r.label!.y + r.label!.height / 2, r.label!.text, pal.text, { size: SMALL_FONT_SIZE }),
    );
  out.push(`<g data-part="labels">${labels.join('')}</g>`);
  if (L.titleBlock.length) {
    const heads = en ? { 业务名称: 'Business', 制图: 'Drawn by', 审核: 'Reviewed by', 日期: 'Date', 图号: 'Sheet' } : undefined;
    const cells = L.titleBlock.map((c) => {
      const h = c.height / 2;
      const head = heads?.[c.head as keyof typeof heads] ?? c.head;
      return (
        `<rect x="${fmt(c.x)}" y="${fmt(c.y)}" width="${fmt(c.width)}" height="${fmt(h)}" fill="${pal.headerFill}" stroke="${pal.stroke}" stroke-width="1"/>` +
        `<rect x="${fmt(c.x)}" y="${fmt(c.y + h)}" width="${fmt(c.width)}" height="${fmt(h)}" fill="${pal.background}" stroke="${pal.stroke}" stroke-width="1"/>` +
        text(c.x + c.width / 2, c.y + h / 2, head, pal.text, { size: SMALL_FONT_SIZE, weight: '600' }) +
        text(c.x + c.width / 2, c.y + h + h / 2, c.value, pal.text, { size: SMALL_FONT_SIZE })
      );
    });
    out.push(`<g data-part="title-block">${cells.join('')}</g>`);
  }
  out.push('</svg>');
  return { svg: out.join('\n'), width: Math.round(b.width), height: Math.round(b.height) };
}

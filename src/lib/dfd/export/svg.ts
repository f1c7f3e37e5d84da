/**
 * A standalone SVG of one diagram, built from the model (not from the screen): the whole diagram,
 * in the document's notation, with fonts named so that it renders outside the site (Inkscape,
 * Word, a browser). Pure string building; the PNG export rasterises this.
 */
import type { DfdDiagram, DfdDocument, DfdNode } from '../../../schemas/dfd.ts';
import { boundaryNodes } from '../levels.ts';
import {
  FONT_FAMILY,
  FONT_SIZE,
  LINE_HEIGHT,
  PROCESS_BAND,
  SMALL_FONT_SIZE,
  STORE_CODE_CELL,
  fallbackPosition,
  labelWidth,
  nodeBox,
  textWidth,
  wrapText,
  type Box,
  type Notation,
} from './geometry.ts';
import { diagramScene } from './scene.ts';

export interface SvgPalette {
  background: string;
  stroke: string;
  text: string;
  muted: string;
  entity: string;
  process: string;
  store: string;
  flow: string;
  labelBackground: string;
}

/** Print-friendly colours (dark text on light fills, all above 4.5:1). */
export const LIGHT_PALETTE: SvgPalette = {
  background: '#ffffff',
  stroke: '#1e293b',
  text: '#0f172a',
  muted: '#334155',
  entity: '#e0e7ff',
  process: '#dcfce7',
  store: '#ffedd5',
  flow: '#334155',
  labelBackground: '#ffffff',
};

const MARGIN = 32;

/**
 * Text for XML: the five special characters escaped, and what XML cannot hold at all made visible
 * instead of breaking the file: C0 controls (but tab, line feed, return) as their control pictures
 * (␛), U+FFFE/U+FFFF and lone surrogates as U+FFFD. Any label the reader accepts then gives a valid
 * SVG, PNG and print view.
 */
export function escapeXml(s: string): string {
  return s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)))
    .replace(/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A data: URI of an SVG text (for <img>), safe for any text escapeXml produced. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))}`;
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

export interface PlacedNode {
  node: DfdNode;
  x: number;
  y: number;
  box: Box;
}

/** Nodes with their positions (falling back to a grid for nodes without x/y) and sizes. */
export function placeNodes(diagram: DfdDiagram, notation: Notation): PlacedNode[] {
  return diagram.nodes.map((node, i) => {
    const p = node.x !== undefined && node.y !== undefined ? { x: node.x, y: node.y } : fallbackPosition(i);
    return { node, x: p.x, y: p.y, box: nodeBox(node, notation) };
  });
}

/** Bounds of the whole diagram, flow labels included, with a margin. */
export function diagramBounds(placed: PlacedNode[]): { x: number; y: number; width: number; height: number } {
  if (!placed.length) return { x: 0, y: 0, width: 320, height: 160 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of placed) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + p.box.width);
    maxY = Math.max(maxY, p.y + p.box.height);
  }
  return { x: minX - MARGIN, y: minY - MARGIN, width: maxX - minX + 2 * MARGIN, height: maxY - minY + 2 * MARGIN };
}

function text(x: number, y: number, s: string, opts: { size?: number; fill: string; weight?: string; anchor?: string }): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}" font-size="${opts.size ?? FONT_SIZE}" fill="${opts.fill}" text-anchor="${opts.anchor ?? 'middle'}" dominant-baseline="central"${opts.weight ? ` font-weight="${opts.weight}"` : ''}>${escapeXml(s)}</text>`;
}

function labelLines(node: DfdNode, notation: Notation, cx: number, cy: number, pal: SvgPalette): string {
  const lines = wrapText(node.label, labelWidth(node, notation));
  const top = cy - ((lines.length - 1) * LINE_HEIGHT) / 2;
  return lines.map((l, i) => text(cx, top + i * LINE_HEIGHT, l, { fill: pal.text })).join('');
}

/** `boundary`: a node a child repeats from its parent, drawn dashed (as on the canvas). */
function nodeSvg(p: PlacedNode, notation: Notation, pal: SvgPalette, boundary = false): string {
  const { node, x, y } = p;
  const { width: w, height: h } = p.box;
  const code = node.code ?? '';
  const parts: string[] = [];
  const sw = 'stroke-width="1.5"';
  if (notation === 'yourdon') {
    switch (node.kind) {
      case 'process': {
        const r = w / 2;
        parts.push(`<circle cx="${fmt(x + r)}" cy="${fmt(y + r)}" r="${fmt(r)}" fill="${pal.process}" stroke="${pal.stroke}" ${sw}/>`);
        if (code) parts.push(text(x + r, y + r - r * 0.55, code, { size: SMALL_FONT_SIZE, fill: pal.muted, weight: '600' }));
        parts.push(labelLines(node, notation, x + r, y + r, pal));
        if (node.owner) parts.push(text(x + r, y + r + r * 0.55, node.owner, { size: SMALL_FONT_SIZE, fill: pal.muted }));
        break;
      }
      case 'entity':
        parts.push(`<rect x="${fmt(x)}" y="${fmt(y)}" width="${w}" height="${h}" fill="${pal.entity}" stroke="${pal.stroke}" ${sw}/>`);
        if (code) parts.push(text(x + 8, y + 12, code, { size: SMALL_FONT_SIZE, fill: pal.muted, weight: '600', anchor: 'start' }));
        parts.push(labelLines(node, notation, x + w / 2, y + h / 2 + (code ? 6 : 0), pal));
        break;
      case 'store':
        parts.push(`<rect x="${fmt(x)}" y="${fmt(y)}" width="${w}" height="${h}" fill="${pal.store}" stroke="none"/>`);
        parts.push(`<path d="M${fmt(x)} ${fmt(y)}H${fmt(x + w)}M${fmt(x)} ${fmt(y + h)}H${fmt(x + w)}" fill="none" stroke="${pal.stroke}" ${sw}/>`);
        if (code) parts.push(text(x + 8, y + h / 2, code, { size: SMALL_FONT_SIZE, fill: pal.muted, weight: '600', anchor: 'start' }));
        parts.push(labelLines(node, notation, x + (code ? STORE_CODE_CELL : 0) + (w - (code ? STORE_CODE_CELL : 0)) / 2, y + h / 2, pal));
        break;
    }
  } else {
    switch (node.kind) {
      case 'entity': {
        // A square symbol with a shaded edge (the Gane-Sarson external entity) and its code top left.
        parts.push(`<rect x="${fmt(x + 4)}" y="${fmt(y + 4)}" width="${w}" height="${h}" fill="${pal.stroke}"/>`);
        parts.push(`<rect x="${fmt(x)}" y="${fmt(y)}" width="${w}" height="${h}" fill="${pal.entity}" stroke="${pal.stroke}" ${sw}/>`);
        if (code) {
          const cw = Math.max(28, textWidth(code, SMALL_FONT_SIZE) + 12);
          parts.push(`<path d="M${fmt(x)} ${fmt(y + 22)}H${fmt(x + cw)}V${fmt(y)}" fill="none" stroke="${pal.stroke}" stroke-width="1"/>`);
          parts.push(text(x + cw / 2, y + 11, code, { size: SMALL_FONT_SIZE, fill: pal.text, weight: '600' }));
        }
        parts.push(labelLines(node, notation, x + w / 2, y + h / 2 + (code ? 8 : 0), pal));
        break;
      }
      case 'process': {
        parts.push(`<rect x="${fmt(x)}" y="${fmt(y)}" width="${w}" height="${h}" rx="10" fill="${pal.process}" stroke="${pal.stroke}" ${sw}/>`);
        parts.push(`<path d="M${fmt(x)} ${fmt(y + PROCESS_BAND)}H${fmt(x + w)}M${fmt(x)} ${fmt(y + h - PROCESS_BAND)}H${fmt(x + w)}" stroke="${pal.stroke}" stroke-width="1"/>`);
        if (code) parts.push(text(x + w / 2, y + PROCESS_BAND / 2, code, { size: SMALL_FONT_SIZE, fill: pal.text, weight: '600' }));
        parts.push(labelLines(node, notation, x + w / 2, y + h / 2, pal));
        if (node.owner) parts.push(text(x + w / 2, y + h - PROCESS_BAND / 2, node.owner, { size: SMALL_FONT_SIZE, fill: pal.muted }));
        break;
      }
      case 'store': {
        parts.push(`<rect x="${fmt(x)}" y="${fmt(y)}" width="${w}" height="${h}" fill="${pal.store}" stroke="none"/>`);
        parts.push(
          `<path d="M${fmt(x + w)} ${fmt(y)}H${fmt(x)}V${fmt(y + h)}H${fmt(x + w)}M${fmt(x + STORE_CODE_CELL)} ${fmt(y)}V${fmt(y + h)}" fill="none" stroke="${pal.stroke}" ${sw}/>`,
        );
        if (code) parts.push(text(x + STORE_CODE_CELL / 2, y + h / 2, code, { size: SMALL_FONT_SIZE, fill: pal.text, weight: '600' }));
        parts.push(labelLines(node, notation, x + STORE_CODE_CELL + (w - STORE_CODE_CELL) / 2, y + h / 2, pal));
        break;
      }
    }
  }
  const dashed = boundary ? ' data-boundary="true" stroke-dasharray="5 3"' : '';
  return `<g data-id="${escapeXml(node.id)}" data-kind="${node.kind}"${dashed}><title>${escapeXml([code, node.label].filter(Boolean).join(' '))}</title>${parts.join('')}</g>`;
}

export interface SvgOptions {
  palette?: SvgPalette;
  notation?: Notation;
}

/** The SVG text of one diagram of `doc`. */
export function diagramSvg(doc: DfdDocument, diagramId: string, options: SvgOptions = {}): string {
  const diagram = doc.diagrams.find((d) => d.id === diagramId) ?? doc.diagrams[0]!;
  const pal = options.palette ?? LIGHT_PALETTE;
  const notation: Notation = options.notation ?? doc.notation ?? 'gane-sarson';
  const scene = diagramScene(diagram, notation);
  const placed: PlacedNode[] = scene.nodes;
  const boundary = boundaryNodes(doc, diagram.id);
  const b = diagramBounds(placed);
  // Flows that bow round symbols, and their labels, may leave the symbols' bounds: grow them to fit.
  let minX = b.x;
  let minY = b.y;
  let maxX = b.x + b.width;
  let maxY = b.y + b.height;
  const include = (x: number, y: number) => {
    minX = Math.min(minX, x - MARGIN / 2);
    minY = Math.min(minY, y - MARGIN / 2);
    maxX = Math.max(maxX, x + MARGIN / 2);
    maxY = Math.max(maxY, y + MARGIN / 2);
  };
  const flows: string[] = [];
  const labels: string[] = [];
  // Labels are drawn where flowLabelSpots put them (clear of symbols), as on the canvas.
  for (const { flow: f, geometry: seg, label: box } of scene.flows) {
    flows.push(
      `<path d="${seg.path}" fill="none" stroke="${pal.flow}" stroke-width="1.5" marker-end="url(#fb-arrow)" data-flow="${escapeXml(f.id)}"><title>${escapeXml([f.code, f.label].filter(Boolean).join(' '))}</title></path>`,
    );
    // A curve of a flow that bows out reaches about half way from its chord to its label.
    include(seg.mid.x, seg.mid.y);
    if (box) {
      include(box.x, box.y);
      include(box.x + box.w, box.y + box.h);
      labels.push(
        `<rect x="${fmt(box.x)}" y="${fmt(box.y)}" width="${fmt(box.w)}" height="${fmt(box.h)}" rx="3" fill="${pal.labelBackground}" fill-opacity="0.92" data-label="${escapeXml(f.id)}"/>` +
          text(box.x + box.w / 2, box.y + box.h / 2, [f.code, f.label].filter(Boolean).join(' '), { size: SMALL_FONT_SIZE, fill: pal.text }),
      );
    }
  }
  b.x = minX;
  b.y = minY;
  b.width = maxX - minX;
  b.height = maxY - minY;
  const title = [doc.title, diagram.title].filter(Boolean).join(' · ') || 'DFD';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(b.width)}" height="${fmt(b.height)}" viewBox="${fmt(b.x)} ${fmt(b.y)} ${fmt(b.width)} ${fmt(b.height)}" font-family="${escapeXml(FONT_FAMILY)}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs><marker id="fb-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${pal.flow}"/></marker></defs>`,
    `<rect x="${fmt(b.x)}" y="${fmt(b.y)}" width="${fmt(b.width)}" height="${fmt(b.height)}" fill="${pal.background}"/>`,
    `<g data-part="flows">${flows.join('')}</g>`,
    `<g data-part="nodes">${placed.map((p) => nodeSvg(p, notation, pal, boundary.has(p.node.id))).join('')}</g>`,
    `<g data-part="labels">${labels.join('')}</g>`,
    `</svg>`,
  ].join('\n');
}

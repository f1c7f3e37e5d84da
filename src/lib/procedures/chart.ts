/**
 * A procedure's charts, drawn from its data (content/procedures/<slug>.yaml) and nothing else, so
 * the chart and the responsibility matrix cannot disagree:
 *
 * - a long procedure (one with `phases`) gets an overview, one box per phase, as Mermaid;
 * - every phase (or the whole procedure when it has none) gets a swimlane chart as SVG: one lane
 *   (column) per role that does a step, one row per step in the order of the matrix, the step's
 *   box in the lane of the role that does it (its first R) with who approves it (A), who helps (other
 *   R) and its deadline written in the box, and arrows from step to step.
 *
 * Mermaid cannot lay clusters out as lanes (its subgraphs float wherever the layout puts them),
 * hence the lane chart's own SVG; its "Mermaid source" export is the same steps as a flowchart.
 * Pure: no DOM, no file system.
 */
import type { Activity, Procedure } from '../../schemas/procedure.ts';
import { FONT_FAMILY, darkTheme, lightTheme, type DiagramTheme } from '../mermaid/theme.ts';

/** More activities than this and a procedure must be cut into phases (tests/unit/procedures/chart.test.ts). */
export const LONG_PROCEDURE = 12;

export interface PhaseModel {
  name: string;
  activities: Activity[];
  /** No arrow from the phase before (the source sets no order between them). */
  parallel?: boolean;
}

export interface LaneRow {
  activity: Activity;
  /** The role that does the step (its first R): its box is in this lane. */
  lane: string;
  /** The role that approves it (A), when another role does it. */
  approver?: string;
  /** Other roles that do it too (R). */
  with: string[];
}

export interface LaneChart {
  title: string;
  lanes: Array<{ id: string; name: string }>;
  rows: LaneRow[];
  /** The name of every role of the procedure, by id (approvers and helpers need not have a lane). */
  names: Map<string, string>;
}

/** The phases of a procedure, each with its activities; one phase (the whole) when it has none. */
export function phasesOf(p: Procedure): PhaseModel[] {
  if (p.phases.length === 0) return [{ name: p.title, activities: p.activities }];
  const starts = p.phases.map((ph) => p.activities.findIndex((a) => a.id === ph.from));
  return p.phases.map((ph, i) => ({ name: ph.name, parallel: ph.parallel, activities: p.activities.slice(starts[i], starts[i + 1] ?? p.activities.length) }));
}

const letters = (v: string | undefined) => (v ? v.split('/') : []);

/**
 * The lane chart of some activities of a procedure (a phase, or all of them). Only roles that do a
 * step get a lane (in the order they first act), so the chart stays narrow enough to read; who
 * approves and who helps is written in the step's box.
 */
export function laneChart(p: Procedure, title: string, activities: Activity[]): LaneChart {
  const order: string[] = [];
  const rows = activities.map((a): LaneRow => {
    const doers = p.roles.filter((r) => letters(a.raci[r.id]).includes('R')).map((r) => r.id);
    const approver = p.roles.find((r) => letters(a.raci[r.id]).includes('A'))?.id;
    const lane = doers[0] ?? approver!;
    if (!order.includes(lane)) order.push(lane);
    return { activity: a, lane, approver: approver && approver !== lane ? approver : undefined, with: doers.slice(1) };
  });
  const names = new Map(p.roles.map((r) => [r.id, r.name]));
  return { title, lanes: order.map((id) => ({ id, name: names.get(id) ?? id })), rows, names };
}

export interface ChartModel {
  kind: 'overview' | 'lanes';
  title: string;
  /** Activity ids the chart shows, in order (the overview: every activity of its phases). */
  activityIds: string[];
}

/** The charts a procedure page shows, in order. */
export function procedureCharts(p: Procedure): Array<ChartModel & { lanes?: LaneChart; phases?: PhaseModel[] }> {
  const phases = phasesOf(p);
  const out: Array<ChartModel & { lanes?: LaneChart; phases?: PhaseModel[] }> = [];
  if (p.phases.length > 0) {
    out.push({ kind: 'overview', title: `${p.title}：${phases.length} 个阶段总览`, activityIds: p.activities.map((a) => a.id), phases });
  }
  phases.forEach((ph, i) => {
    // Short: a figure's title is also its file name, its caption, its group's label and its alt text's start.
    const title = p.phases.length > 0 ? `阶段 ${i + 1}「${ph.name}」泳道图` : `${p.title}：泳道图`;
    out.push({ kind: 'lanes', title, activityIds: ph.activities.map((a) => a.id), lanes: laneChart(p, title, ph.activities) });
  });
  return out;
}

/** The step numbers a phase covers, as a range ("1–5") or one number. */
export function stepRange(activities: Activity[]): string {
  const first = activities[0]?.step ?? '';
  const last = activities.at(-1)?.step ?? '';
  return first === last ? first : `${first}–${last}`;
}

// ---- Mermaid (the overview, and the copyable source of a lane chart) ----

const mq = (s: string) => `"${s.replace(/"/g, '#quot;')}"`;

export function overviewMermaid(p: Procedure, phases: PhaseModel[]): string {
  const lines = ['flowchart TD', `  accTitle: ${p.title}：阶段总览`];
  phases.forEach((ph, i) => {
    lines.push(`  p${i + 1}[${mq(`${i + 1}. ${ph.name}<br>步骤 ${stepRange(ph.activities)}，共 ${ph.activities.length} 步`)}]`);
  });
  for (let i = 1; i < phases.length; i++) if (!phases[i]!.parallel) lines.push(`  p${i} --> p${i + 1}`);
  return lines.join('\n');
}

/**
 * The overview's text alternative: each phase with its steps. It stays whole: the overview is where
 * a screen reader (and the search: a procedure's steps found it by their names, 系统验收) meets the
 * whole procedure at once; the page carries it once (compact figure, src/lib/mermaid/figure.ts).
 */
export function overviewDescription(phases: PhaseModel[]): string {
  return phases.map((ph, i) => `${i + 1}. ${ph.name}：${ph.activities.map((a) => `${a.step} ${a.name}`).join('、')}`).join('；');
}

export function laneMermaid(chart: LaneChart): string {
  const names = chart.names;
  const lines = ['flowchart TD', `  accTitle: ${chart.title.replace(/\n/g, ' ')}`];
  chart.rows.forEach((r, i) => {
    lines.push(`  s${i + 1}[${mq([`${r.activity.step} ${r.activity.name}`, `执行：${names.get(r.lane)}`, ...detailLines(r, names)].join('<br>'))}]`);
  });
  for (let i = 1; i < chart.rows.length; i++) lines.push(`  s${i} --> s${i + 1}`);
  return lines.join('\n');
}

/** The smaller lines of a step's box: who approves, who helps, the deadline. */
export function detailLines(r: LaneRow, names: Map<string, string>): string[] {
  const out: string[] = [];
  const name = (id: string) => names.get(id) ?? id;
  // A role that approves and also does the step is named once.
  if (r.approver) out.push(`${r.with.includes(r.approver) ? '批准并执行' : '批准'}：${name(r.approver)}`);
  const helpers = r.with.filter((id) => id !== r.approver);
  if (helpers.length) out.push(`协同：${helpers.map(name).join('、')}`);
  if (r.activity.deadline) out.push(`时限：${r.activity.deadline}`);
  return out;
}

// ---- The lane chart's SVG ----

const LANE_W = 150;
const BOX_W = 134;
const FONT = 13;
const SMALL = 12;
const LINE = 18;
const SMALL_LINE = 16;
const PAD = 7;
const GAP = 26;

/** Rough advance of a character at size `size`: full width for CJK and full-width forms, about half for the rest. */
function advance(ch: string, size: number): number {
  return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? size : size * 0.56;
}

/** Lines of at most `width` px; Chinese breaks between any two characters, closing punctuation stays on its line. */
export function wrap(text: string, width: number, size = FONT): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of Array.from(text)) {
    const a = advance(ch, size);
    if (w + a > width && line && !/[，。、；：）」』》”,.;:)]/.test(ch)) {
      lines.push(line);
      line = '';
      w = 0;
    }
    line += ch;
    w += a;
  }
  if (line) lines.push(line);
  return lines;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface LaneSvg {
  svg: string;
  width: number;
  height: number;
  /** Texts shown, in reading order (for the text alternative). */
  labels: string[];
}

export function laneSvg(chart: LaneChart, theme: DiagramTheme): LaneSvg {
  const v = (k: string) => String(theme.variables[k]);
  const names = chart.names;
  const laneX = new Map(chart.lanes.map((l, i) => [l.id, i * LANE_W]));
  const width = Math.max(1, chart.lanes.length) * LANE_W;
  const headLines = chart.lanes.map((l) => wrap(l.name, LANE_W - 2 * PAD));
  const headH = Math.max(1, ...headLines.map((h) => h.length)) * LINE + 2 * PAD;
  const labels: string[] = chart.lanes.map((l) => l.name);

  let y = headH + GAP / 2;
  const rows = chart.rows.map((r) => {
    const text = wrap(`${r.activity.step} ${r.activity.name}`, BOX_W - 2 * PAD);
    const small = detailLines(r, names).flatMap((t) => wrap(t, BOX_W - 2 * PAD, SMALL));
    const h = text.length * LINE + small.length * SMALL_LINE + 2 * PAD + (small.length ? 3 : 0);
    const row = { r, text, small, top: y, h, x: laneX.get(r.lane)! + (LANE_W - BOX_W) / 2 };
    labels.push(text.join(''), ...detailLines(r, names));
    y += h + GAP;
    return row;
  });
  const height = Math.ceil(y - GAP / 2);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="${esc(FONT_FAMILY)}" font-size="${FONT}">`,
    `<title>${esc(chart.title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${v('lineColor')}"/></marker></defs>`,
    `<rect width="${width}" height="${height}" fill="${theme.background}"/>`,
  );
  // Lanes: alternate shading, a border between them, the role's name at the top.
  chart.lanes.forEach((_, i) => {
    const x = i * LANE_W;
    if (i % 2 === 1) out.push(`<rect x="${x}" y="0" width="${LANE_W}" height="${height}" fill="${v('clusterBkg')}"/>`);
    out.push(`<rect x="${x}" y="0" width="${LANE_W}" height="${headH}" fill="${v('tertiaryColor')}"/>`);
    headLines[i]!.forEach((t, k) => {
      out.push(`<text x="${x + LANE_W / 2}" y="${PAD + (k + 1) * LINE - 4}" text-anchor="middle" font-weight="bold" fill="${v('tertiaryTextColor')}">${esc(t)}</text>`);
    });
    if (i > 0) out.push(`<line x1="${x}" y1="0" x2="${x}" y2="${height}" stroke="${v('clusterBorder')}" stroke-width="1"/>`);
  });
  out.push(`<line x1="0" y1="${headH}" x2="${width}" y2="${headH}" stroke="${v('clusterBorder')}" stroke-width="1"/>`);

  // Arrows from each step to the next, through the gap between their rows.
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    const x1 = a.x + BOX_W / 2;
    const y1 = a.top + a.h;
    const x2 = b.x + BOX_W / 2;
    const y2 = b.top;
    const d = x1 === x2 ? `M${x1},${y1} V${y2}` : `M${x1},${y1} V${y1 + GAP / 2} H${x2} V${y2}`;
    out.push(`<path d="${d}" fill="none" stroke="${v('lineColor')}" stroke-width="1.5" marker-end="url(#arrow)"/>`);
  }
  for (const row of rows) {
    out.push(`<rect x="${row.x}" y="${row.top}" width="${BOX_W}" height="${row.h}" rx="4" fill="${v('primaryColor')}" stroke="${v('primaryBorderColor')}" stroke-width="1.5"/>`);
    row.text.forEach((t, k) => {
      out.push(`<text x="${row.x + PAD}" y="${row.top + PAD + (k + 1) * LINE - 4.5}" font-weight="bold" fill="${v('primaryTextColor')}">${esc(t)}</text>`);
    });
    const base = row.top + PAD + row.text.length * LINE + 3;
    row.small.forEach((t, k) => {
      out.push(`<text x="${row.x + PAD}" y="${base + (k + 1) * SMALL_LINE - 4}" font-size="${SMALL}" fill="${v('primaryTextColor')}">${esc(t)}</text>`);
    });
  }
  out.push('</svg>');
  return { svg: out.join('\n'), width, height, labels };
}

/** Both themes of a lane chart. */
export function laneSvgs(chart: LaneChart): { light: LaneSvg; dark: LaneSvg } {
  return { light: laneSvg(chart, lightTheme), dark: laneSvg(chart, darkTheme) };
}

/**
 * The text alternative's description of a lane chart: what it shows, in one sentence. The steps
 * themselves, with who does, approves and helps, are the responsibility matrix's rows on the same
 * page (a table a screen reader reads better than a long alt text); a long alt would also weigh
 * in the search index as if the page said it all again.
 */
export function laneDescription(chart: LaneChart): string {
  return `步骤 ${stepRange(chart.rows.map((r) => r.activity))}（${chart.rows.length} 步），每列一个执行角色：${chart.lanes.map((l) => l.name).join('、')}；各步的执行、批准、协同和时限见责任矩阵`;
}

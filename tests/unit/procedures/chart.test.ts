import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAllProcedures, readProcedure } from '../../../src/lib/content/procedures-loader.ts';
import { LONG_PROCEDURE, detailLines, laneChart, laneMermaid, laneSvgs, overviewMermaid, phasesOf, procedureCharts, wrap } from '../../../src/lib/procedures/chart.ts';
import { stepCards } from '../../../src/lib/procedures/views.ts';
import type { Procedure } from '../../../src/schemas/procedure.ts';

const all = await readAllProcedures();
const example = readFileSync(join(process.cwd(), 'content/procedures/_example.yaml'), 'utf8');
const letters = (p: Procedure, activity: string, role: string) => (p.activities.find((a) => a.id === activity)!.raci[role] ?? '').split('/');
/** The text drawn in an SVG, entities decoded. */
const svgText = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
    .map((m) =>
      m[1]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    )
    .join('');

describe('procedure charts are drawn from the data, so chart and matrix name the same steps', () => {
  it('there are procedures', () => expect(all.length).toBeGreaterThan(10));

  for (const { file, data: p } of all) {
    describe(file, () => {
      const charts = procedureCharts(p);
      const lanes = charts.filter((c) => c.kind === 'lanes');

      it('the lane charts show every step of the matrix once, in the matrix’s order', () => {
        const matrix = stepCards(p).map((c) => `${c.step} ${c.name}`);
        const drawn = lanes.flatMap((c) => c.lanes!.rows.map((r) => `${r.activity.step} ${r.activity.name}`));
        expect(drawn).toEqual(matrix);
        expect(lanes.flatMap((c) => c.activityIds)).toEqual(p.activities.map((a) => a.id));
      });

      it('each step’s box is in the lane of a role the matrix makes R (or A), and the approver written in it is the row’s A', () => {
        for (const c of lanes) {
          for (const r of c.lanes!.rows) {
            expect(
              letters(p, r.activity.id, r.lane).some((l) => l === 'R' || l === 'A'),
              `${r.activity.id} in ${r.lane}`,
            ).toBe(true);
            if (r.approver) expect(letters(p, r.activity.id, r.approver), r.activity.id).toContain('A');
            for (const w of r.with) expect(letters(p, r.activity.id, w), r.activity.id).toContain('R');
            expect(c.lanes!.lanes.map((l) => l.id)).toContain(r.lane);
          }
        }
      });

      it('the drawn SVG (both themes) and the Mermaid export carry every step’s number and name', () => {
        for (const c of lanes) {
          const { light, dark } = laneSvgs(c.lanes!);
          const mermaid = laneMermaid(c.lanes!);
          for (const svg of [light.svg, dark.svg]) {
            const text = svgText(svg);
            for (const r of c.lanes!.rows) expect(text, r.activity.id).toContain(`${r.activity.step} ${r.activity.name}`.replace(/\s+/g, ' '));
            for (const l of c.lanes!.lanes) expect(text).toContain(l.name);
          }
          for (const r of c.lanes!.rows) expect(mermaid).toContain(`${r.activity.step} ${r.activity.name}`);
          expect(light.width).toBeGreaterThan(0);
          expect(light.svg).not.toContain('undefined');
        }
      });

      it(`a procedure of more than ${LONG_PROCEDURE} steps has phases, an overview of them, and one chart per phase`, () => {
        if (p.activities.length <= LONG_PROCEDURE) return;
        expect(p.phases.length).toBeGreaterThan(1);
        expect(charts[0]!.kind).toBe('overview');
        expect(lanes).toHaveLength(p.phases.length);
        const overview = overviewMermaid(p, phasesOf(p));
        for (const ph of p.phases) expect(overview).toContain(ph.name);
      });
    });
  }

  it('a role that approves and does a step is named once in its box', () => {
    const p = all.find((x) => x.data.slug === 'is-internal-control')!.data;
    const a = p.activities.find((x) => x.id === 'approval-200-and-above')!;
    const row = laneChart(p, 't', [a]).rows[0]!;
    const names = new Map(p.roles.map((r) => [r.id, r.name]));
    const lines = detailLines(row, names);
    expect(lines.filter((l) => l.includes(names.get(row.approver!)!))).toHaveLength(1);
    expect(lines[0]).toBe(`批准并执行：${names.get(row.approver!)}`);
  });

  it('a phase chart has a lane only for roles that do one of its steps', () => {
    const p = all.find((x) => x.data.slug === 'system-integration-project-management')!.data;
    const chart = laneChart(p, 't', p.activities.slice(0, 2));
    expect(chart.lanes.map((l) => l.id).sort()).toEqual([...new Set(chart.rows.map((r) => r.lane))].sort());
  });
});

describe('phases in the data', () => {
  const withPhases = (phases: string) => example.replace(/\s*$/, '\n') + phases;

  it('cover the activities from each phase’s first one to the next phase', () => {
    const p = readProcedure('example.yaml', withPhases('phases:\n  - name: 计划\n    from: plan\n  - name: 执行\n    from: execute\n    parallel: true\n'));
    expect(phasesOf(p).map((ph) => [ph.name, ph.activities.map((a) => a.id)])).toEqual([
      ['计划', ['plan']],
      ['执行', ['execute']],
    ]);
    // A phase the source sets no order for gets no arrow in the overview.
    expect(overviewMermaid(p, phasesOf(p))).not.toContain('-->');
  });

  it('are refused when they name an unknown step, skip the first one, or go backwards', () => {
    expect(() => readProcedure('x.yaml', withPhases('phases:\n  - name: 计划\n    from: nothing\n'))).toThrow(/阶段「计划」：from 的活动「nothing」不在本流程的 activities 中/);
    expect(() => readProcedure('x.yaml', withPhases('phases:\n  - name: 执行\n    from: execute\n'))).toThrow(/第一个阶段必须从第一个活动（plan）开始/);
    expect(() => readProcedure('x.yaml', withPhases('phases:\n  - name: 计划\n    from: plan\n  - name: 又是计划\n    from: plan\n'))).toThrow(/必须在上一个阶段「计划」之后开始/);
  });
});

describe('wrap', () => {
  it('breaks Chinese text into lines that fit, keeping closing punctuation on its line', () => {
    const lines = wrap('填写《项目立项申请单》，交系统集成部审核', 80, 13);
    expect(lines.join('')).toBe('填写《项目立项申请单》，交系统集成部审核');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.startsWith('，')).toBe(false);
  });
});

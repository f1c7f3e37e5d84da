import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readProcedure, readAllProcedures, checkProcedureSet } from '../../../src/lib/content/procedures-loader.ts';
import { matrixCsv, roleViews, formViews, glossaryViews, stepAnchor } from '../../../src/lib/procedures/views.ts';

const broken = readFileSync(join(__dirname, '../../fixtures/procedures/broken-matrix.yaml'), 'utf8');
const example = readFileSync(join(process.cwd(), 'content/procedures/_example.yaml'), 'utf8');

describe('procedure data', () => {
  it('accepts the example', () => {
    const p = readProcedure('example.yaml', example);
    expect(p.activities.map((a) => a.id)).toEqual(['plan', 'execute']);
  });

  it('refuses a broken matrix, naming the file, the activity and the role', () => {
    expect(() => readProcedure('content/procedures/broken-matrix.yaml', broken)).toThrowErrorMatchingInlineSnapshot(`
      [ProcedureDataError: 流程数据有误（content/procedures/broken-matrix.yaml）：
      content/procedures/broken-matrix.yaml: activities[3].raci.engineer: 只能是 R、A、C、I 之一，或用 “/” 连接的组合（如 A/R）
      content/procedures/broken-matrix.yaml: activities[0].raci: 活动「1 两个批准人」(two-a)：有 2 个 A（project-manager、engineer），每个活动必须恰好有一个 A
      content/procedures/broken-matrix.yaml: activities[1].raci: 活动「2 没有执行人」(no-r)：没有 R（执行）角色，每个活动至少要有一个 R
      content/procedures/broken-matrix.yaml: activities[2].raci.auditor: 活动「3 不存在的角色」(ghost)：角色「auditor」不在本流程的 roles 中]
    `);
    const fixed = broken.replace('engineer: X', 'engineer: I');
    expect(() => readProcedure('content/procedures/broken-matrix.yaml', fixed)).toThrowErrorMatchingInlineSnapshot(`
      [ProcedureDataError: 流程数据有误（content/procedures/broken-matrix.yaml）：
      content/procedures/broken-matrix.yaml: activities[0].raci: 活动「1 两个批准人」(two-a)：有 2 个 A（project-manager、engineer），每个活动必须恰好有一个 A
      content/procedures/broken-matrix.yaml: activities[1].raci: 活动「2 没有执行人」(no-r)：没有 R（执行）角色，每个活动至少要有一个 R
      content/procedures/broken-matrix.yaml: activities[2].raci.auditor: 活动「3 不存在的角色」(ghost)：角色「auditor」不在本流程的 roles 中]
    `);
  });

  it('refuses YAML that does not parse, naming the file', () => {
    expect(() => readProcedure('x.yaml', 'slug: [unclosed')).toThrow(/^x\.yaml: 不是合法的 YAML/);
  });

  it('fails the build loader on a broken file in content/procedures', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fb-proc-'));
    mkdirSync(join(root, 'content/procedures'), { recursive: true });
    writeFileSync(join(root, 'content/procedures/ok.yaml'), example.replace('example-procedure', 'ok'));
    writeFileSync(join(root, 'content/procedures/broken-matrix.yaml'), broken);
    writeFileSync(join(root, 'content/procedures/_ignored.yaml'), 'not: [valid');
    await expect(readAllProcedures(root)).rejects.toThrow(/content\/procedures\/broken-matrix\.yaml: activities\[3\]\.raci\.engineer/);
  });

  it('requires one name per role id across procedures', () => {
    const a = readProcedure('a.yaml', example);
    const b = readProcedure('b.yaml', example.replace('example-procedure', 'other').replace('name: 项目组长', 'name: 组长'));
    expect(() =>
      checkProcedureSet([
        { file: 'a.yaml', data: a },
        { file: 'b.yaml', data: b },
      ]),
    ).toThrow('b.yaml: 角色 id「project-leader」在 a.yaml 中叫「项目组长」，这里叫「组长」；同一 id 必须同名');
  });
});

describe('role identity across procedures', () => {
  it('requires one id per role name', () => {
    const a = readProcedure('a.yaml', example);
    const b = readProcedure(
      'b.yaml',
      example
        .replace('example-procedure', 'other')
        .replace('id: project-leader', 'id: team-leader')
        .replace(/project-leader:/g, 'team-leader:'),
    );
    expect(() =>
      checkProcedureSet([
        { file: 'a.yaml', data: a },
        { file: 'b.yaml', data: b },
      ]),
    ).toThrow('b.yaml: 角色「项目组长」的 id 是「team-leader」，而 a.yaml 中同名角色的 id 是「project-leader」；同一角色只能有一个 id');
  });
});

describe('views generated from procedure data', () => {
  const p = readProcedure('example.yaml', example);

  it('writes the matrix as CSV with a BOM and one row per activity', () => {
    expect(matrixCsv(p)).toBe('\uFEFF步骤,活动,项目组长,项目组员\r\n1,制订项目计划,A/R,C\r\n2,执行计划,A,R\r\n');
  });

  it('lists each role with its duties and steps', () => {
    const leader = roleViews([p]).find((r) => r.id === 'project-leader')!;
    expect(leader.procedures[0]!.activities).toEqual([
      { id: 'plan', step: '1', name: '制订项目计划', value: 'A/R', inferred: false, deadline: '立项后五个工作日内', produces: ['《项目计划书》'], uses: [] },
      { id: 'execute', step: '2', name: '执行计划', value: 'A', inferred: false, deadline: undefined, produces: [], uses: ['《项目计划书》'] },
    ]);
    // Each step links to its row of the matrix on the procedure page.
    expect(stepAnchor(p.slug, 'plan')).toBe(`/procedures/${p.slug}/#step-plan`);
    expect(stepAnchor(p.slug, 'plan', '/en')).toBe(`/en/procedures/${p.slug}/#step-plan`);
  });

  it('links forms to the steps that produce and use them', () => {
    const [plan] = formViews([p]);
    expect(plan!.producedBy).toEqual([{ step: '1', name: '制订项目计划' }]);
    expect(plan!.usedBy).toEqual([{ step: '2', name: '执行计划' }]);
  });

  it('merges glossary terms', () => {
    expect(glossaryViews([p, { ...p, slug: 'b', title: 'B' }])[0]!.definitions).toHaveLength(2);
  });
});

/** Procedure pages and the views generated from their data. */
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readAllProcedures } from '../../src/lib/content/procedures-loader.ts';
import { matrixCsv } from '../../src/lib/procedures/views.ts';
import { builtHtml, builtPages, builtText } from './support/site.ts';

const procedures = (await readAllProcedures()).map((p) => p.data);

test('there are procedure data files', () => {
  expect(procedures.length).toBeGreaterThanOrEqual(11);
});

for (const p of procedures) {
  test.describe(`${p.title} (/procedures/${p.slug}/)`, () => {
    test('has its flowchart, roles, matrix and forms', async ({ page }) => {
      await page.goto(`/procedures/${p.slug}/`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('figure.fb-diagram').first()).toBeVisible();
      const table = page.getByRole('table', { name: `${p.title}：责任矩阵（RACI）` });
      await expect(table).toBeVisible();
      await expect(table.locator('thead th[scope="col"]')).toHaveCount(p.roles.length + 1);
      await expect(table.locator('tbody th[scope="row"]')).toHaveCount(p.activities.length);
      for (const r of p.roles) await expect(table.locator('thead').getByText(r.name, { exact: true })).toBeVisible();
      const text = builtText(`/procedures/${p.slug}/`);
      for (const f of p.forms) expect(text, `form ${f.name}`).toContain(f.name);
      for (const a of p.activities) if (a.deadline) expect(text, `deadline of ${a.name}`).toContain(a.deadline);
      expect(text).toContain(p.owner);
    });

    test('the matrix downloads as CSV', async ({ page }) => {
      await page.goto(`/procedures/${p.slug}/`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载责任矩阵 CSV' }).click()]);
      expect(download.suggestedFilename()).toBe(`${p.slug}-raci.csv`);
      expect(readFileSync((await download.path())!, 'utf8')).toBe(matrixCsv(p));
    });
  });
}

test('a procedure page prints on A4 without navigation, with its diagram and whole matrix', async ({ page }) => {
  // The measurements of the printed layout of every procedure are in print.spec.ts.
  const p = procedures[0]!;
  await page.goto(`/procedures/${p.slug}/`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('nav.sidebar')).toBeHidden();
  await expect(page.locator('header.header')).toBeHidden();
  await expect(page.locator('.fb-diagram__actions').first()).toBeHidden();
  await expect(page.locator('.fb-matrix__filter')).toBeHidden();
  // A diagram prints whole, or as page-high slices when it is long.
  await expect(page.locator('.fb-diagram__img--light:visible, .fb-diagram__slice:visible').first()).toBeVisible();
  await expect(page.locator('.fb-matrix__print-table').first()).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
});

/** The widest matrix: 23 roles. */
const WIDE = procedures.reduce((a, b) => (b.roles.length > a.roles.length ? b : a));

test('mid-matrix, a cell still has its role above it and its step to its left', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/procedures/${WIDE.slug}/`);
  const box = page.locator('.fb-matrix__scroll');
  await box.evaluate((el) => {
    el.scrollIntoView();
    el.scrollTop = el.scrollHeight / 2;
    el.scrollLeft = el.scrollWidth / 2;
  });
  const seen = await box.evaluate((el) => {
    const b = el.getBoundingClientRect();
    // The cell in the middle of the box, then what is drawn at the top and left edges of the box in
    // its column and row.
    const mid = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)?.closest('td');
    const row = mid?.closest('tr');
    const m = mid!.getBoundingClientRect();
    const above = document.elementFromPoint(m.left + m.width / 2, b.top + 4)?.closest('th');
    const left = document.elementFromPoint(b.left + 20, m.top + m.height / 2)?.closest('th');
    return {
      scrolled: el.scrollTop > 0 && el.scrollLeft > 0,
      role: mid?.dataset.role,
      headerRole: above?.dataset.role,
      headerInThead: !!above?.closest('thead'),
      rowHeader: left?.textContent?.trim(),
      ownRowHeader: row?.querySelector('th')?.textContent?.trim(),
    };
  });
  expect(seen.scrolled).toBe(true);
  expect(seen.role).toBeTruthy();
  expect(seen.headerInThead).toBe(true);
  expect(seen.headerRole).toBe(seen.role);
  expect(seen.rowHeader).toBe(seen.ownRowHeader);
});

test('只看我的职责 keeps the chosen roles, by keyboard, and says what it hid', async ({ page }) => {
  await page.goto(`/procedures/${WIDE.slug}/`);
  const [first, second] = [WIDE.roles[1]!, WIDE.roles[3]!];
  const summary = page.locator('.fb-matrix__filter summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  const group = page.getByRole('group', { name: /选择角色/ });
  await expect(group).toBeVisible();
  const box1 = group.getByRole('checkbox', { name: first.name, exact: true });
  await box1.focus();
  await page.keyboard.press('Space');
  await group.getByRole('checkbox', { name: second.name, exact: true }).check();
  const table = page.getByRole('table', { name: `${WIDE.title}：责任矩阵（RACI）` });
  const headers = await table.locator('thead th:visible').allTextContents();
  expect(headers.map((h) => h.trim())).toEqual(['步骤与活动', first.name, second.name]);
  const kept = WIDE.activities.filter((a) => a.raci[first.id] || a.raci[second.id]);
  await expect(table.locator('tbody tr:visible')).toHaveCount(kept.length);
  for (const row of await table.locator('tbody tr:visible').all()) await expect(row.locator('td:visible')).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: '只显示' })).toHaveText(
    `只显示${first.name}、${second.name}的职责；已隐藏 ${WIDE.activities.length - kept.length} 个与所选角色无关的步骤`,
  );
  // Keep the steps too, then show every role again.
  await group.getByRole('checkbox', { name: '同时隐藏所选角色没有职责的步骤' }).uncheck();
  await expect(table.locator('tbody tr:visible')).toHaveCount(WIDE.activities.length);
  await group.getByRole('button', { name: '显示全部角色' }).click();
  await expect(table.locator('thead th:visible')).toHaveCount(WIDE.roles.length + 1);
});

test('on a phone the matrix reads as one card per step, and the filter works there too', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/procedures/${WIDE.slug}/`);
  await expect(page.locator('.fb-matrix__scroll')).toBeHidden();
  const cards = page.getByRole('list', { name: `${WIDE.title}：责任矩阵（RACI）：按步骤列出` }).locator(':scope > li');
  await expect(cards).toHaveCount(WIDE.activities.length);
  const a = WIDE.activities[0]!;
  const accountable = WIDE.roles.find((r) => a.raci[r.id]?.includes('A'))!;
  await expect(cards.first()).toContainText(a.name);
  await expect(cards.first().locator('[data-letter="A"]')).toContainText(accountable.name);
  const role = WIDE.roles[1]!;
  await page.locator('.fb-matrix__filter summary').click();
  await page.getByRole('checkbox', { name: role.name, exact: true }).check();
  const kept = WIDE.activities.filter((x) => x.raci[role.id]);
  await expect(cards.filter({ visible: true })).toHaveCount(kept.length);
  for (const c of await cards.filter({ visible: true }).all()) {
    await expect(c.locator('[data-role]:visible')).toHaveCount(1);
    await expect(c.locator('[data-role]:visible')).toContainText(role.name);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('sources are cited by title and date (or say they have none); no page speaks of 种子文档', () => {
  for (const p of procedures) {
    const text = builtText(`/procedures/${p.slug}/`);
    expect(p.source, p.slug).toMatch(/《[^》]+》|篇短文/);
    expect(p.source, p.slug).toMatch(/[〇一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月|未注明日期/);
    expect(text, p.slug).toContain(p.source);
  }
  const offenders = builtPages().filter((u) => !u.startsWith('/pagefind') && /种子/.test(builtText(u)));
  expect(offenders).toEqual([]);
});

test('cells the page infers are marked, and the legend says what the mark means', async ({ page }) => {
  const marked = procedures.filter((p) => p.activities.some((a) => a.inferred.length > 0));
  expect(marked.map((p) => p.slug).sort()).toEqual(['enterprise-is-construction', 'project-process-rollout', 'software-implementation-phases']);
  for (const p of procedures) {
    await page.goto(`/procedures/${p.slug}/`);
    const table = page.getByRole('table', { name: `${p.title}：责任矩阵（RACI）` });
    const want = p.activities.flatMap((a) => a.inferred.map((r) => `${a.step} ${r}`));
    const got = await table
      .locator('td[data-inferred]')
      .evaluateAll((tds) => tds.map((td) => `${td.closest('tr')!.querySelector('.fb-matrix__step')!.textContent} ${(td as HTMLElement).dataset.role}`));
    expect(got, p.slug).toEqual(want);
    for (const td of await table.locator('td[data-inferred]').all()) await expect(td).toContainText('*（本页推断）');
    const legend = page.locator('.fb-matrix__legend');
    if (want.length) await expect(legend).toContainText('* 本页推断：原文没有写明这一步由谁负责');
    else await expect(legend).not.toContainText('本页推断');
  }
  const text = builtText('/roles/implementation-team-leader/');
  expect(text).toContain('本页推断：原文没有写明这一步由谁负责');
});

test('a role the sources name in two ways has one page', () => {
  const ids = new Set(procedures.flatMap((p) => p.roles.map((r) => r.id)));
  // project-management-team is the same team as project-team (system-integration-lifecycle says so).
  for (const gone of ['project-management-team']) {
    expect(ids.has(gone), gone).toBe(false);
  }
  const text = builtText('/roles/project-team/');
  expect(text).toContain('原文称“项目管理团队”');
  expect(text).toContain('项目管理流程的上线与运维');
  expect(text).toContain('系统集成项目通用工作流程与项目管理');
});

test('near-duplicate role ids are merged, merged ones split, and the split ids sit where the sources put them', () => {
  const ids = new Set(procedures.flatMap((p) => p.roles.map((r) => r.id)));
  for (const gone of ['customer', 'dept-head', 'commerce-dept-representative']) expect(ids.has(gone), gone).toBe(false);
  const holders = (id: string) => procedures.filter((p) => p.roles.some((r) => r.id === id)).map((p) => p.slug);
  // The buyer of goods (ERP) and the client of IT projects were one id.
  expect(holders('goods-customer')).toEqual(['erp-goods-shipped-sales']);
  expect(holders('project-client').sort()).toEqual([
    'software-implementation-phases',
    'software-implementation-roles',
    'system-integration-lifecycle',
    'system-integration-operations',
  ]);
  // 部门负责人 stood for the heads of three departments: each step names whose head approves.
  const ic = procedures.find((p) => p.slug === 'is-internal-control')!;
  const approver = (activity: string) => Object.entries(ic.activities.find((a) => a.id === activity)!.raci).find(([, v]) => v.includes('A'))![0];
  expect(['training-plan', 'subsidiary-risk-assessment', 'security-administrator'].map(approver)).toEqual(Array(3).fill('info-management-dept-head'));
  expect(['asset-transfer', 'provisional-booking'].map(approver)).toEqual(['finance-dept-head', 'finance-dept-head']);
  expect(approver('system-upgrade')).toBe('project-responsible-dept-head');
  // 商务部代表 acts for the commerce department: one role, one page, both procedures.
  expect(holders('commerce-dept').sort()).toEqual(['software-implementation-roles', 'system-integration-operations']);
  const commerce = builtText('/roles/commerce-dept/');
  expect(commerce).toContain('原文称“商务部代表”');
  expect(commerce).toContain('按项目经理进度计划要求采购设备');
  expect(commerce).toContain('制定项目设备预算报价');
  // Kept apart on purpose (the data says why): both still exist.
  for (const kept of ['presales-staff', 'presales-lead', 'it-dept', 'info-management-dept', 'department-manager']) expect(ids.has(kept), kept).toBe(true);
});

test('every role id a page links to has a role page', () => {
  const rolePages = new Set(builtPages().filter((p) => /^\/roles\/[^/]+\/$/.test(p)));
  const ids = new Set(procedures.flatMap((p) => [...p.roles.map((r) => r.id), ...p.activities.flatMap((a) => [...Object.keys(a.raci), ...a.inferred])]));
  for (const id of ids) expect(rolePages.has(`/roles/${id}/`), id).toBe(true);
  const missing = builtPages()
    .filter((p) => !p.startsWith('/en/') && p.endsWith('/'))
    .flatMap((p) =>
      [...builtHtml(p).matchAll(/href="(\/roles\/[^"#]+\/)"/g)]
        .map((m) => m[1]!)
        .filter((href) => !rolePages.has(href))
        .map((h) => `${p} → ${h}`),
    );
  expect(missing).toEqual([]);
});

test('each step on a role page links to its row on the procedure page, with its deadline and forms', () => {
  let links = 0;
  for (const p of procedures) {
    const anchors = new Set([...builtHtml(`/procedures/${p.slug}/`).matchAll(/\sid="(step-[^"]+)"/g)].map((m) => m[1]));
    for (const r of p.roles) {
      const html = builtHtml(`/roles/${r.id}/`);
      const text = builtText(`/roles/${r.id}/`);
      for (const a of p.activities.filter((x) => x.raci[r.id])) {
        const href = `/procedures/${p.slug}/#step-${a.id}`;
        expect(html, `${r.id}: ${a.id}`).toContain(`href="${href}"`);
        expect(anchors.has(`step-${a.id}`), href).toBe(true);
        if (a.deadline) expect(text, `${r.id}: ${a.id} deadline`).toContain(a.deadline);
        for (const f of [...a.produces, ...a.uses]) expect(text, `${r.id}: ${a.id} form ${f}`).toContain(p.forms.find((x) => x.id === f)!.name);
        links++;
      }
    }
  }
  expect(links).toBeGreaterThan(200);
});

test('a step link lands on its row, and on a phone on its card', async ({ page }) => {
  await page.goto('/roles/commerce-dept/');
  await page.getByRole('link', { name: '10 按项目经理进度计划要求采购设备' }).click();
  await expect(page).toHaveURL(/\/procedures\/software-implementation-roles\/#step-purchase-equipment$/);
  await expect(page.locator('#step-purchase-equipment')).toBeInViewport();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/roles/commerce-dept/');
  await page.getByRole('link', { name: '10 按项目经理进度计划要求采购设备' }).click();
  const card = page.locator('.fb-matrix__card[data-step="purchase-equipment"]');
  await expect(card).toBeFocused();
  await expect(card).toBeInViewport();
  await expect(card).toHaveClass(/fb-matrix__card--target/);
});

test('each role has a page listing its duties in every procedure', async ({ page }) => {
  const roles = new Map<string, { name: string; procedures: string[] }>();
  for (const p of procedures) {
    for (const r of p.roles) {
      const v = roles.get(r.id) ?? { name: r.name, procedures: [] };
      v.procedures.push(p.title);
      roles.set(r.id, v);
    }
  }
  await page.goto('/roles/');
  for (const [id, v] of roles) {
    await expect(page.getByRole('link', { name: v.name, exact: true })).toHaveAttribute('href', `/roles/${id}/`);
    const text = builtText(`/roles/${id}/`);
    for (const title of v.procedures) expect(text, `${id} lists ${title}`).toContain(title);
  }
});

test('the forms page lists every form with the steps that produce and use it', () => {
  const text = builtText('/forms/');
  for (const p of procedures) for (const f of p.forms) expect(text, f.name).toContain(f.name);
});

test('the glossary lists every term', () => {
  const text = builtText('/glossary/');
  for (const p of procedures) for (const g of p.glossary) expect(text, g.term).toContain(g.term);
});

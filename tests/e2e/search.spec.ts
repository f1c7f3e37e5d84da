/**
 * Search as readers use it, against the built site's Pagefind index: a table of real queries
 * (staff looking up a procedure, students looking up a topic, and readers typing Traditional
 * characters or Chinese numerals) with the page each must find in its top three; and the search
 * dialog itself (Chinese interface, Traditional queries, excerpts).
 */
import { test, expect, type Page } from '@playwright/test';
import { PAGEFIND_RANKING, searchQuery } from '../../src/lib/search/query.ts';
import { toSimplifiedPhrases } from '../../src/lib/search/simplify.ts';

const SIPM = '/procedures/system-integration-project-management/';
const GO_LIVE = '/procedures/is-go-live-management/';
const IIC = '/procedures/is-internal-control/';
const EIC = '/procedures/enterprise-is-construction/';

/** Query, who asks it, and the pages any one of which must be in the top three. */
const QUERIES: Array<[string, '员工' | '学生' | '繁体', string[]]> = [
  ['立项书', '员工', [SIPM]],
  ['报价审批表', '员工', [SIPM]],
  ['项目委托书', '员工', [SIPM]],
  ['提前开工', '员工', [SIPM]],
  ['售前支持工作协调单', '员工', [SIPM]],
  ['合同审批表', '员工', [SIPM]],
  ['3个工作日', '员工', [SIPM]],
  ['三个工作日', '员工', [SIPM]],
  ['两个工作日', '员工', [SIPM]],
  ['上线申请', '员工', [GO_LIVE]],
  ['上线管理办法', '员工', [GO_LIVE]],
  ['试运行', '员工', [GO_LIVE, EIC]],
  ['发出商品', '员工', ['/procedures/erp-goods-shipped-sales/']],
  ['销售发票', '员工', ['/procedures/erp-goods-shipped-sales/']],
  ['内部控制', '员工', [IIC]],
  ['投资额度', '员工', [IIC]],
  ['可行性研究', '员工', [IIC]],
  ['竣工验收', '员工', [IIC]],
  ['项目建议书', '员工', [IIC]],
  ['项目调研', '员工', ['/procedures/software-implementation-survey/']],
  ['售后服务', '员工', ['/procedures/system-integration-operations/']],
  ['业务流程优化', '员工', ['/procedures/process-optimization/']],
  ['业务流程重组', '员工', ['/procedures/is-management-rules/', '/procedures/process-optimization/']],
  ['信息系统管理制度', '员工', ['/procedures/is-management-rules/']],
  ['运维', '员工', ['/procedures/project-process-rollout/']],
  ['产品演示', '员工', [EIC]],
  ['系统验收', '员工', [EIC]],
  ['数据流程图', '学生', ['/learn/data-flow-diagram/']],
  ['业务流程图', '学生', ['/learn/business-flowchart/']],
  ['数据字典', '学生', ['/learn/data-dictionary/']],
  ['分层与平衡', '学生', ['/learn/levelling-and-balancing/']],
  ['顶层图', '学生', ['/learn/levelling-and-balancing/']],
  ['外部实体', '学生', ['/learn/data-flow-diagram/']],
  ['数据存储', '学生', ['/learn/data-flow-diagram/']],
  ['进书', '学生', ['/learn/exercises/book-purchasing/']],
  ['售书', '学生', ['/learn/exercises/book-selling/']],
  ['报损', '学生', ['/learn/exercises/damage-write-off/']],
  ['盘点', '学生', ['/learn/exercises/stocktaking/']],
  ['物资订货', '学生', ['/learn/exercises/material-ordering/']],
  ['医院信息系统', '学生', ['/learn/exercises/hospital-information/']],
  ['建模器', '学生', ['/modeller/']],
  ['评分', '学生', ['/learn/rules/grading/']],
  ['驗收', '繁体', [EIC, IIC, '/roles/acceptance-team/']],
  ['系統驗收', '繁体', [EIC]],
  ['上線', '繁体', [GO_LIVE]],
  ['上線申請', '繁体', [GO_LIVE]],
  ['軟體專案實施', '繁体', ['/procedures/software-implementation-phases/']],
  ['資料流程圖', '繁体', ['/learn/data-flow-diagram/']],
  ['資料字典', '繁体', ['/learn/data-dictionary/']],
  ['業務流程圖', '繁体', ['/learn/business-flowchart/']],
  ['內部控制', '繁体', [IIC]],
  ['三個工作日', '繁体', [SIPM]],
];

/**
 * Queries whose page Pagefind ranks only fourth or fifth: the terms (项目, 经理, 组织) recur on
 * long pages, and no ranking setting tried puts these pages in the top three without pushing
 * 数据流程图 and 业务流程图 out of theirs. Checked for the top five, so a change that loses them
 * altogether fails.
 */
const WEAK: Array<[string, '员工' | '学生' | '繁体', string[]]> = [
  ['项目经理职责', '员工', ['/procedures/software-implementation-roles/', '/roles/project-manager/']],
  ['三级项目组织', '员工', ['/procedures/software-implementation-survey/']],
  ['專案經理', '繁体', ['/procedures/software-implementation-roles/', '/roles/project-manager/']],
];

async function topUrls(page: Page, queries: string[], n: number): Promise<string[][]> {
  await page.goto('/');
  return page.evaluate(
    async ({ queries, ranking, n }) => {
      // @ts-expect-error: served by the built site
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.options({ ranking });
      await pagefind.init();
      const out: string[][] = [];
      for (const q of queries) {
        const r = await pagefind.search(q);
        out.push(await Promise.all(r.results.slice(0, n).map(async (x: { data: () => Promise<{ url: string }> }) => (await x.data()).url)));
      }
      return out;
    },
    { queries, ranking: PAGEFIND_RANKING, n },
  );
}

function misses(table: typeof QUERIES, asked: string[], top: string[][], n: number): string[] {
  return table.flatMap(([q, who, want], i) =>
    want.some((u) => top[i]!.includes(u)) ? [] : [`${who}「${q}」(→ ${asked[i]}): top ${n} ${top[i]!.join(' ') || '(none)'}, want ${want.join(' or ')}`],
  );
}

test(`${QUERIES.length} real queries find their page in the top three`, async ({ page }) => {
  expect(QUERIES.length).toBeGreaterThanOrEqual(40);
  const asked = QUERIES.map(([q]) => searchQuery(q, toSimplifiedPhrases));
  expect(misses(QUERIES, asked, await topUrls(page, asked, 3), 3)).toEqual([]);
});

test('the weak queries find their page in the top five', async ({ page }) => {
  const asked = WEAK.map(([q]) => searchQuery(q, toSimplifiedPhrases));
  expect(misses(WEAK, asked, await topUrls(page, asked, 5), 5)).toEqual([]);
});

test('the search dialog speaks Chinese, finds Simplified pages for Traditional queries, and shows long excerpts', async ({ page }) => {
  await page.goto('/procedures/');
  await page.getByRole('button', { name: /搜索/ }).click();
  const dialog = page.getByRole('dialog');
  const input = dialog.getByRole('searchbox').or(dialog.getByRole('textbox')).first();
  const pairs: Array<[string, string]> = [
    ['驗收', '验收'],
    ['專案', '项目'],
    ['資料', '数据'],
    ['軟體', '软件'],
    ['上線', '上线'],
  ];
  for (const [typed, simplified] of pairs) {
    await input.fill(typed);
    // The count is in Chinese; the hits are the Simplified word on Simplified pages.
    await expect(dialog.getByText(new RegExp(`找到 \\d+ 个与“${typed}”相关的结果`))).toBeVisible({ timeout: 15_000 });
    await expect(dialog.locator('.pagefind-ui__result mark').first()).toHaveText(simplified);
  }
  // 上線 finds the go-live procedure first, not pages that merely contain 上.
  await expect(dialog.locator('.pagefind-ui__result-link').first()).toHaveAttribute('href', /is-go-live-management/);
  const excerpt = (await dialog.locator('.pagefind-ui__result-excerpt').first().textContent()) ?? '';
  expect(excerpt.replace(/\s/g, '').length).toBeGreaterThan(40);
  await expect(dialog.getByRole('button', { name: '清除' })).toBeVisible();
});

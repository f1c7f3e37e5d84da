/**
 * The rule pages and their examples: every rule has a page; each page's wrong examples
 * (`wrong.dfd.json`, and further cases such as `wrong-sibling.dfd.json`) produce findings of its
 * rule only, its right examples (`right*.dfd.json`) none, and the page draws every one of them;
 * and every `.dfd.json` of the content, wrong examples excepted, lints with no error and no warning
 * (as the build requires).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint, readDocument, RULE_IDS } from '../../src/lib/dfd/index.ts';
import { findDfdFiles, isWrongExample, lintContent } from '../../src/integrations/lint-dfd.ts';

/** The example files of a rule whose names start with `prefix` (`wrong` or `right`). */
function examples(id: string, prefix: 'wrong' | 'right'): string[] {
  return readdirSync(`content/dfd/rules/${id}`)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.dfd.json'))
    .sort()
    .map((f) => `content/dfd/rules/${id}/${f}`);
}

function load(path: string) {
  const r = readDocument(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(`${path}: ${r.error.en}`);
  return r.doc;
}

describe('rule pages', () => {
  it('the index and the grading page exist', () => {
    expect(existsSync('content/docs/learn/rules/index.mdx')).toBe(true);
    expect(existsSync('content/docs/learn/rules/grading.mdx')).toBe(true);
  });
  for (const id of RULE_IDS) {
    describe(id, () => {
      const page = `content/docs/learn/rules/${id}.mdx`;
      it('has a page that draws its wrong and right examples', () => {
        expect(existsSync(page)).toBe(true);
        const mdx = readFileSync(page, 'utf8');
        expect(mdx).toContain(`<RuleMeta id="${id}" />`);
        expect(mdx).toContain(`src="content/dfd/rules/${id}/wrong.dfd.json"`);
        expect(mdx).toContain(`src="content/dfd/rules/${id}/right.dfd.json"`);
        for (const f of [...examples(id, 'wrong'), ...examples(id, 'right')]) expect(mdx, f).toContain(`src="${f}"`);
        for (const h of ['## 检查什么', '## 为什么要这样画', '## 错误示例', '## 正确示例', '## 怎样改正']) expect(mdx).toContain(h);
      });
      it('its wrong examples produce its finding and no other', () => {
        for (const f of examples(id, 'wrong')) {
          const findings = lint(load(f));
          expect(findings.length, f).toBeGreaterThan(0);
          expect(new Set(findings.map((x) => x.rule)), f).toEqual(new Set([id]));
        }
      });
      it('its right examples produce no finding', () => {
        for (const f of examples(id, 'right')) expect(lint(load(f)), f).toEqual([]);
      });
    });
  }
});

describe('content .dfd.json files', () => {
  it('are found, wrong examples recognised', () => {
    const all = findDfdFiles('content');
    const wrong = all.filter(isWrongExample);
    // one wrong.dfd.json per rule, and wrong examples only in the rules' folders
    expect(wrong.filter((f) => /[\\/]wrong\.dfd\.json$/.test(f))).toHaveLength(RULE_IDS.length);
    for (const f of wrong) expect(f).toMatch(/^content[\\/]dfd[\\/]rules[\\/]/);
    expect(all.length).toBeGreaterThan(2 * RULE_IDS.length);
  });
  it('lint with no error and no warning, wrong examples excepted', () => {
    const problems = lintContent().flatMap((r) =>
      r.error ? [`${r.file}: ${r.error}`] : r.findings.filter((f) => f.severity !== 'info').map((f) => `${r.file}: ${f.diagram}/${f.element ?? ''}: ${f.message}`),
    );
    expect(problems).toEqual([]);
  });
});

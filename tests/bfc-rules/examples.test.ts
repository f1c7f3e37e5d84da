/**
 * The business flow chart rule pages and their examples: every rule has a page at
 * /learn/bfc-rules/<id>/ that draws its wrong and right example; the wrong example produces
 * findings of its rule only, the right one none; the index and the format page exist, and the
 * format page's example is a chart the reader accepts.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BFC_RULE_IDS, lintBfc, readBfc } from '../../src/lib/bfc/index.ts';
import { findBfcFiles, isWrongBfcExample, lintBfcContent } from '../../src/integrations/lint-bfc.ts';

function load(path: string) {
  const r = readBfc(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(`${path}: ${r.error.en}`);
  return r.doc;
}

describe('business flow chart rule pages', () => {
  it('the index lists the rules, the sidebar links the pages and the format page', () => {
    expect(readFileSync('content/docs/learn/bfc-rules/index.mdx', 'utf8')).toContain('<BfcRuleTable />');
    const config = readFileSync('astro.config.mjs', 'utf8');
    expect(config).toContain("directory: 'content/docs/learn/bfc-rules'");
    expect(config).toContain("'learn/bfc-format'");
  });

  for (const id of BFC_RULE_IDS) {
    describe(id, () => {
      const page = `content/docs/learn/bfc-rules/${id}.mdx`;
      const wrong = `content/bfc/rules/${id}/wrong.bfc.json`;
      const right = `content/bfc/rules/${id}/right.bfc.json`;
      it('has a page that draws its wrong and right examples and says why', () => {
        expect(existsSync(page)).toBe(true);
        const mdx = readFileSync(page, 'utf8');
        expect(mdx).toContain(`<BfcRuleMeta id="${id}" />`);
        expect(mdx).toContain(`<BfcRuleWhy id="${id}" />`);
        for (const f of [wrong, right]) {
          expect(mdx).toContain(`<BfcDiagram src="${f}"`);
          expect(mdx).toContain(`<BfcRuleFindings src="${f}" />`);
        }
        for (const h of ['## 检查什么', '## 为什么要这样画', '## 错误示例', '## 正确示例', '## 怎样改正']) expect(mdx).toContain(h);
      });
      it('its wrong example produces its finding and no other; its right example none', () => {
        const findings = lintBfc(load(wrong));
        expect(findings.length).toBeGreaterThan(0);
        expect(new Set(findings.map((f) => f.rule))).toEqual(new Set([id]));
        expect(lintBfc(load(right))).toEqual([]);
      });
    });
  }

  it('the format page describes every field of the schema and its example reads', () => {
    const mdx = readFileSync('content/docs/learn/bfc-format.mdx', 'utf8');
    const fields = ['format', 'version', 'title', 'orientation', 'titleBlock', 'lanes', 'nodes', 'flows', 'business', 'drawnBy', 'reviewedBy', 'date', 'sheet', 'sheets'];
    const more = ['id', 'label', 'external', 'size', 'optional', 'aliases', 'kind', 'lane', 'copies', 'from', 'to', 'condition'];
    for (const f of [...fields, ...more]) expect(mdx, f).toContain(`\`${f}\``);
    const json = /```json\n([\s\S]*?)\n```/.exec(mdx)?.[1];
    expect(json).toBeDefined();
    const r = readBfc(json!);
    expect(r.ok).toBe(true);
    if (r.ok) expect(lintBfc(r.doc)).toEqual([]);
  });
});

describe('content .bfc.json files', () => {
  it('are found, the wrong examples recognised', () => {
    const all = findBfcFiles('content');
    expect(all).toContain('content/bfc/exercises/material-ordering.bfc.json');
    expect(all).toContain('content/bfc/rules/branch-pair/wrong.bfc.json');
    expect(all.filter(isWrongBfcExample).length).toBe(BFC_RULE_IDS.length);
    expect(isWrongBfcExample('content/bfc/rules/x/right.bfc.json')).toBe(false);
  });

  it('an unreadable chart or an error finding is reported with its file (the build then fails)', () => {
    const root = mkdtempSync(join(tmpdir(), 'bfc-content-'));
    mkdirSync(join(root, 'content', 'x'), { recursive: true });
    writeFileSync(join(root, 'content', 'x', 'a.bfc.json'), '{"format": "flowbook-bfc", "version": 2}');
    writeFileSync(
      join(root, 'content', 'x', 'b.bfc.json'),
      JSON.stringify({ format: 'flowbook-bfc', version: 1, lanes: [], nodes: [{ id: 'p', kind: 'process', label: '验货' }], flows: [] }),
    );
    const [a, b] = lintBfcContent(root);
    expect(a).toEqual({ file: 'content/x/a.bfc.json', error: 'version: 不支持的格式版本 2：本程序只能读取版本 1', findings: [] });
    expect(b!.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['process-in-lane', 'node-connected']);
  });

  it('read, and lint with no error and no warning, wrong examples excepted (as the build requires)', () => {
    const reports = lintBfcContent();
    expect(reports.length).toBeGreaterThanOrEqual(5 + BFC_RULE_IDS.length);
    for (const r of reports) {
      expect(r.error, r.file).toBeUndefined();
      expect(
        r.findings.filter((f) => f.severity !== 'info'),
        r.file,
      ).toEqual([]);
    }
  });
});

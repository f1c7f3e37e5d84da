/**
 * BfcFigure's build-time HTML: the chart drawn light and dark as external SVG files, a caption, the
 * export controls, and a text version listing every unit with its symbols and every line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bfcFigureHtml, BfcFigureError } from '../../../src/components/bfc/load.ts';
import { diagramFile } from '../../../src/lib/mermaid/files.ts';
import { EXERCISES } from './support.ts';

beforeAll(() => {
  // Diagram files go to a store beside the Mermaid cache: keep this test's out of the shared one.
  process.env.FLOWBOOK_MERMAID_CACHE = mkdtempSync(join(tmpdir(), 'bfc-figure-'));
});

describe('bfcFigureHtml', () => {
  it('draws the chart as two external SVG files, with the caption, SVG and PNG controls and no Mermaid source', () => {
    const html = bfcFigureHtml({ src: 'content/bfc/exercises/material-ordering.bfc.json' });
    const files = [...html.matchAll(/src="\/_diagrams\/([0-9a-f]{16}-(light|dark)\.svg)"/g)];
    expect(files.map((m) => m[2])).toEqual(['light', 'dark']);
    const light = diagramFile(files[0]![1]!)!;
    expect(light).toContain('<svg');
    expect(light).toContain('采购订货单');
    expect(diagramFile(files[1]![1]!)).toContain('#17181c');
    expect(html).toContain('<figcaption class="fb-diagram__caption">物资订货业务流程图</figcaption>');
    expect(html).toContain('data-action="svg"');
    expect(html).toContain('data-action="png"');
    expect(html).toContain('data-action="zoom"');
    expect(html).not.toContain('Mermaid');
    expect(html).not.toMatch(/<svg|data:image/);
    expect(html).toMatch(/alt="物资订货业务流程图。业务处理单位：采购部、供应商（外部）、检验人员、库房管理员、主管；/);
  });

  for (const name of EXERCISES) {
    it(`${name}: the text version names every unit, symbol and line, optional ones marked`, () => {
      const html = bfcFigureHtml({ src: `content/bfc/exercises/${name}.bfc.json` });
      const doc = JSON.parse(readFileSync(`content/bfc/exercises/${name}.bfc.json`, 'utf8'));
      const text = html.slice(html.indexOf('<details'), html.indexOf('</details>'));
      for (const l of doc.lanes) expect(text).toContain(`<strong>${l.label}`);
      for (const n of doc.nodes) expect(text).toContain(`「${n.label}${n.optional ? '（可选）' : ''}」`);
      expect(text.match(/<li>[^<]*→/g)).toHaveLength(doc.flows.length);
      expect(text).toContain(`图题栏：业务名称 ${doc.titleBlock.business}`);
    });
  }

  it('names the file and the problem when a chart cannot be read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bfc-bad-'));
    writeFileSync(join(dir, 'bad.bfc.json'), '{"format":"flowbook-bfc","version":1,"lanes":[],"nodes":[{"id":"a"}],"flows":[]}');
    expect(() => bfcFigureHtml({ src: 'bad.bfc.json' }, dir)).toThrow(BfcFigureError);
    expect(() => bfcFigureHtml({ src: 'bad.bfc.json' }, dir)).toThrow(/BfcFigure: bad\.bfc\.json: /);
    expect(() => bfcFigureHtml({ src: 'missing.bfc.json' }, dir)).toThrow(/无法打开 missing\.bfc\.json/);
  });
});

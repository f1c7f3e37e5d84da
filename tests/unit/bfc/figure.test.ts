/**
 * The figure of a business flow chart on the site (src/components/bfc/load.ts): bfcSvg in both themes
 * as files, a text alternative, SVG and PNG export, the chart as Mermaid text to copy, and on the
 * exercise pages a text version listing every unit with its symbols and every line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BfcDiagramError, bfcFigureHtml, bfcLabels, loadBfc } from '../../../src/components/bfc/load.ts';
import { diagramFile } from '../../../src/lib/mermaid/files.ts';
import { EXERCISES } from './support.ts';

const SRC = 'content/bfc/rules/title-block/right.bfc.json';

beforeAll(() => {
  // Diagram files go to a store beside the Mermaid cache: keep this test's out of the shared one.
  process.env.FLOWBOOK_MERMAID_CACHE = mkdtempSync(join(tmpdir(), 'bfc-figure-'));
});

describe('bfcFigureHtml', () => {
  it('shows the light and dark drawing as diagram files, with caption, alt text and the SVG/PNG actions', () => {
    const html = bfcFigureHtml({ src: SRC, title: '进书业务流程图' });
    expect(html).toMatch(/<img class="fb-diagram__img fb-diagram__img--light" src="\/_diagrams\/[0-9a-f]{16}-light\.svg"/);
    expect(html).toMatch(/src="\/_diagrams\/[0-9a-f]{16}-dark\.svg"/);
    expect(html).toContain('<figcaption class="fb-diagram__caption">进书业务流程图</figcaption>');
    expect(html).toContain('alt="进书业务流程图。图中内容：业务处理单位「书商」');
    expect(html).toContain('data-action="svg"');
    expect(html).toContain('data-action="png"');
    expect(html).toContain('data-action="copy"');
    expect(html).toContain('data-kind="bfc"');
    expect(html).not.toContain('fb-bfc-text');
    expect(html).toMatch(/<pre class="fb-diagram__source" hidden data-pagefind-ignore="">flowchart TD\n {2}accTitle: 进书\n {2}subgraph lane1 \["书商"\]/);
  });

  it('the text alternative names units, symbols with copies, and lines with their conditions', () => {
    const labels = bfcLabels(loadBfc(SRC));
    expect(labels).toContain('业务处理单位「库管员」');
    expect(labels).toContain('表格「退书单」');
    expect(labels).toContain('验收采购单和新书 → 分类编号，填写入库单（条件：合格）');
    expect(bfcLabels({ format: 'flowbook-bfc', version: 1, lanes: [], nodes: [{ id: 'a', kind: 'form', label: '入库单', copies: 3 }], flows: [] })).toEqual([
      '表格「入库单」（3 联）',
    ]);
  });

  it('a missing or unreadable file stops the build with a message naming it', () => {
    expect(() => bfcFigureHtml({ src: 'content/bfc/rules/none.bfc.json' })).toThrow(BfcDiagramError);
    expect(() => bfcFigureHtml({ src: 'package.json' })).toThrow(/BfcDiagram: package\.json: .*format/);
    const dir = mkdtempSync(join(tmpdir(), 'bfc-bad-'));
    writeFileSync(join(dir, 'bad.bfc.json'), '{"format":"flowbook-bfc","version":1,"lanes":[],"nodes":[{"id":"a"}],"flows":[]}');
    expect(() => bfcFigureHtml({ src: 'bad.bfc.json' }, dir)).toThrow(/BfcDiagram: bad\.bfc\.json: /);
  });

  it('an exercise chart: the drawing as two files (the dark one in the dark palette), optional elements marked in the picture', () => {
    const html = bfcFigureHtml({ src: 'content/bfc/exercises/book-selling.bfc.json' }, undefined, { textVersion: true });
    const files = [...html.matchAll(/src="\/_diagrams\/([0-9a-f]{16}-(light|dark)\.svg)"/g)];
    expect(files.map((m) => m[2])).toEqual(['light', 'dark']);
    const light = diagramFile(files[0]![1]!)!;
    expect(light).toContain('带书离店（可选）');
    expect(diagramFile(files[1]![1]!)).toContain('#17181c');
  });

  for (const name of EXERCISES) {
    it(`${name}: the text version names every unit, symbol and line, optional ones marked, and the title block`, () => {
      const html = bfcFigureHtml({ src: `content/bfc/exercises/${name}.bfc.json` }, undefined, { textVersion: true });
      const doc = JSON.parse(readFileSync(`content/bfc/exercises/${name}.bfc.json`, 'utf8'));
      expect(html.indexOf('<details class="fb-bfc-text"')).toBeGreaterThan(html.indexOf('</figcaption>'));
      const text = html.slice(html.indexOf('<details'), html.indexOf('</details>'));
      for (const l of doc.lanes) expect(text).toContain(`<strong>${l.label}`);
      for (const n of doc.nodes) expect(text).toContain(`「${n.label}${n.optional ? '（可选）' : ''}」`);
      expect(text.match(/<li>[^<]*→/g)).toHaveLength(doc.flows.length);
      expect(text).toContain(`图题栏：业务名称 ${doc.titleBlock.business}`);
    });
  }
});

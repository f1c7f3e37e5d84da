/** The figure of a business flow chart on the site (src/components/bfc/load.ts): bfcSvg in both themes as files, a text alternative, SVG and PNG export, the chart as Mermaid text to copy. */
import { describe, expect, it } from 'vitest';
import { BfcDiagramError, bfcFigureHtml, bfcLabels, loadBfc } from '../../../src/components/bfc/load.ts';

const SRC = 'content/bfc/rules/title-block/right.bfc.json';

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
  });
});

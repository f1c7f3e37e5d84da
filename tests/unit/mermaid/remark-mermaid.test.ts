import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import remarkMermaid, { metaTitle } from '../../../src/lib/mermaid/remark-mermaid.ts';
import { altText, minDisplayWidth } from '../../../src/lib/mermaid/figure.ts';
import { diagramFile, diagramFileUrl } from '../../../src/lib/mermaid/files.ts';
import { standaloneSvg, svgLabels } from '../../../src/lib/mermaid/render.ts';
import { lightTheme } from '../../../src/lib/mermaid/theme.ts';

function run(markdown: string, path = 'content/docs/demo.mdx') {
  return unified()
    .use(remarkParse)
    .use(remarkMermaid)
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(new VFile({ value: markdown, path: `${process.cwd()}/${path}` }));
}

describe('remark-mermaid', () => {
  it('turns a mermaid block into a figure with both themes, a caption and the export controls', async () => {
    const out = String(await run('# T\n\n```mermaid title="审批流程"\nflowchart TD\n  A["提交申请"] --> B{"审批"}\n```\n'));
    expect(out).toContain('<figure class="fb-diagram not-content"');
    expect(out).toContain('fb-diagram__img--light');
    expect(out).toContain('fb-diagram__img--dark');
    // The SVGs are files of the site, lazily loaded, with their size in the HTML.
    expect(out).toMatch(
      /<img class="fb-diagram__img fb-diagram__img--light" src="\/_diagrams\/[0-9a-f]{16}-light\.svg" alt="[^"]*" width="\d+" height="\d+" style="[^"]*" loading="lazy" decoding="async">/,
    );
    expect(out).not.toContain('data:image');
    expect(out).toContain('<figcaption class="fb-diagram__caption">审批流程</figcaption>');
    expect(out).toContain('alt="审批流程。图中内容：提交申请、审批"');
    expect(out).toContain('下载 SVG');
    expect(out).toContain('下载 PNG');
    expect(out).toContain('复制 Mermaid 源码');
    expect(out).not.toContain('language-mermaid');
  });

  it('fails with the file, the line in the file and the diagram line on a syntax error', async () => {
    const md = 'intro\n\n```mermaid title="坏图"\nflowchart TD\n  A --> B\n  B --> ((\n```\n';
    await expect(run(md, 'content/docs/broken.mdx')).rejects.toThrow(/^content\/docs\/broken\.mdx:6: Mermaid 语法错误（图「坏图」第 3 行，代码块从第 3 行开始）/);
  });

  it('refuses a diagram without a title, since the title is its text alternative', async () => {
    await expect(run('```mermaid\nflowchart TD\n  A --> B\n```\n', 'content/docs/x.mdx')).rejects.toThrow('content/docs/x.mdx:1: Mermaid 图缺少标题');
  });

  it('takes the title from accTitle when the block has no title', async () => {
    const out = String(await run('```mermaid\nflowchart TD\n  accTitle: 入库\n  A --> B\n```\n'));
    expect(out).toContain('<figcaption class="fb-diagram__caption">入库</figcaption>');
  });

  it('leaves other code blocks alone', async () => {
    const out = String(await run('```js\nconst a = 1;\n```\n'));
    expect(out).toContain('language-js');
    expect(out).not.toContain('fb-diagram');
  });
});

describe('figure helpers', () => {
  it('reads title="…" and title=\'…\' from the code meta', () => {
    expect(metaTitle('title="甲 乙"')).toBe('甲 乙');
    expect(metaTitle("title='丙'")).toBe('丙');
    expect(metaTitle('')).toBeUndefined();
  });

  it('names a diagram file by its content and theme, and knows its SVG', () => {
    const svg = '<svg><text>审核 #1 "a" 100%</text></svg>';
    const url = diagramFileUrl(svg, 'dark');
    expect(url).toMatch(/^\/_diagrams\/[0-9a-f]{16}-dark\.svg$/);
    expect(diagramFileUrl(svg, 'dark')).toBe(url);
    expect(diagramFileUrl(svg + ' ', 'dark')).not.toBe(url);
    expect(diagramFile(url.split('/').pop()!)).toBe(svg);
    expect(diagramFile('../../etc/passwd')).toBeUndefined();
  });

  it('builds the text alternative from the description, or else the labels', () => {
    expect(altText('T', { description: '说明', labels: ['a'] })).toBe('T。说明');
    expect(altText('T', { labels: ['甲', '乙'] })).toBe('T。图中内容：甲、乙');
    expect(altText('T', { labels: [] })).toBe('T');
  });

  it('lets wide diagrams scroll on phones instead of shrinking to unreadable', () => {
    expect(minDisplayWidth(200)).toBe(200);
    expect(minDisplayWidth(500)).toBe(320);
    expect(minDisplayWidth(1400)).toBe(840);
  });

  it('makes the SVG standalone: pixel size, namespace, solid background', () => {
    const out = standaloneSvg('<svg id="m" width="100%" style="max-width: 80px;" viewBox="-8 -8 80 40"><g/></svg>', lightTheme);
    expect(out.width).toBe(80);
    expect(out.height).toBe(40);
    expect(out.svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40" id="m" viewBox="-8 -8 80 40"><rect x="-8" y="-8" width="80" height="40" fill="#ffffff"/><g/></svg>',
    );
  });

  it('lists label texts once each, entities decoded', () => {
    expect(svgLabels('<text><tspan>A &amp; B</tspan></text><text>A &amp; B</text><text> C </text>')).toEqual(['A & B', 'C']);
  });
});

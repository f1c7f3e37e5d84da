/**
 * remark plugin: every ```mermaid code block becomes a figure with build-time SVG (light and
 * dark), a text alternative and export controls. Runs before Expressive Code sees code blocks.
 * A syntax error fails the build naming the file, the block's line and the diagram's line.
 */
import { relative } from 'node:path';
import type { Root, Code } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { renderMermaid, MermaidSyntaxError } from './render.ts';
import { figureHast } from './figure.ts';

export function metaTitle(meta: string | null | undefined): string | undefined {
  if (!meta) return undefined;
  const m = /title=(?:"([^"]*)"|'([^']*)')/.exec(meta);
  return (m?.[1] ?? m?.[2])?.trim() || undefined;
}

function accTitle(source: string): string | undefined {
  return /^\s*accTitle\s*:\s*(.+)$/m.exec(source)?.[1]?.trim();
}

export class DiagramBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiagramBuildError';
  }
}

export default function remarkMermaid() {
  return async (tree: Root, file: VFile) => {
    const blocks: Array<{ node: Code; index: number; parent: { children: unknown[] } }> = [];
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang === 'mermaid' && parent && typeof index === 'number') {
        blocks.push({ node, index, parent: parent as never });
      }
    });
    if (blocks.length === 0) return;
    const where = file.path ? relative(process.cwd(), file.path) : '(unknown file)';
    await Promise.all(
      blocks.map(async ({ node, index, parent }) => {
        const blockLine = node.position?.start.line ?? 0;
        const title = metaTitle(node.meta) ?? accTitle(node.value);
        if (!title) {
          throw new DiagramBuildError(`${where}:${blockLine}: Mermaid 图缺少标题（文字替代）。请写成 \`\`\`mermaid title="图的标题"，或在图中加 accTitle: 标题`);
        }
        let rendered;
        try {
          rendered = await renderMermaid(node.value);
        } catch (e) {
          if (e instanceof MermaidSyntaxError) {
            const fileLine = e.diagramLine ? blockLine + e.diagramLine : blockLine;
            throw new DiagramBuildError(`${where}:${fileLine}: Mermaid 语法错误（图「${title}」第 ${e.diagramLine ?? '?'} 行，代码块从第 ${blockLine} 行开始）\n${e.message}`);
          }
          throw e;
        }
        const fig = figureHast(rendered, { title, source: node.value });
        parent.children[index] = {
          type: 'mermaidFigure',
          data: { hName: fig.tagName, hProperties: fig.properties, hChildren: fig.children },
        };
      }),
    );
  };
}

// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';
import { unified } from '@astrojs/markdown-remark';
import checkLinks from './src/integrations/check-links.ts';
import lintDfd from './src/integrations/lint-dfd.ts';
import remarkMermaid from './src/lib/mermaid/remark-mermaid.ts';

export default defineConfig({
  site: 'https://flowbook.example.org',
  trailingSlash: 'always',
  markdown: {
    // Astro 7's default processor (Sätteri) runs no remark plugins; build-time Mermaid needs one.
    processor: unified({ remarkPlugins: [remarkMermaid] }),
  },
  integrations: [
    starlight({
      title: { 'zh-CN': 'Flowbook 流程手册', en: 'Flowbook' },
      description: '信息系统流程制度、业务流程图与数据流程图的学习和建模',
      defaultLocale: 'root',
      locales: {
        root: { label: '简体中文', lang: 'zh-CN' },
        en: { label: 'English', lang: 'en' },
      },
      lastUpdated: true,
      // Content lives in content/docs, not src/content/docs: let Starlight's asides and heading
      // anchors process it.
      markdown: { processedDirs: ['./content/docs'] },
      pagination: true,
      customCss: ['./src/styles/diagram.css', './src/styles/site.css', './src/styles/print.css'],
      components: {
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
        Search: './src/components/overrides/Search.astro',
      },
      expressiveCode: {
        // ```mermaid blocks are turned into figures before Expressive Code runs; keep it away anyway.
        shiki: { langAlias: {} },
      },
      sidebar: [
        {
          label: '流程制度',
          translations: { en: 'Procedures' },
          items: [{ autogenerate: { directory: 'procedures' } }],
        },
        {
          label: '学习',
          translations: { en: 'Learn' },
          items: [{ autogenerate: { directory: 'learn' } }],
        },
        {
          label: '建模器',
          translations: { en: 'Modeller' },
          items: [{ label: '数据流程图建模器', translations: { en: 'DFD modeller' }, link: '/modeller/' }],
        },
      ],
    }),
    react(),
    lintDfd(),
    checkLinks(),
  ],
});

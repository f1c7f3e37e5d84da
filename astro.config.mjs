// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import react from '@astrojs/react';
import { unified } from '@astrojs/markdown-remark';
import checkLinks from './src/integrations/check-links.ts';
import csp from './src/integrations/csp.ts';
import lintDfd from './src/integrations/lint-dfd.ts';
import lintBfc from './src/integrations/lint-bfc.ts';
import mermaidRenderer from './src/integrations/mermaid-renderer.ts';
import remarkMermaid from './src/lib/mermaid/remark-mermaid.ts';
import { PAGEFIND_RANKING } from './src/lib/search/query.ts';

export default defineConfig({
  vite: {
    // The modeller reads large documents in a module worker (src/editor/io/read.worker.ts), which
    // loads elkjs on demand: code splitting needs ES module workers (the default, iife, has none).
    worker: { format: 'es' },
    resolve: {
      // Starlight's search dialog loads Pagefind UI by this name; Flowbook's wrapper adds the query
      // conversion (Traditional → Simplified, numerals → digits) and longer excerpts.
      alias: [
        {
          find: /^@pagefind\/default-ui$/,
          replacement: fileURLToPath(new URL('./src/components/overrides/pagefind-ui.ts', import.meta.url)),
        },
      ],
    },
  },
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
      pagefind: { ranking: PAGEFIND_RANKING },
      // Content lives in content/docs, not src/content/docs: let Starlight's asides and heading
      // anchors process it.
      markdown: { processedDirs: ['./content/docs'] },
      pagination: true,
      customCss: ['./src/styles/diagram.css', './src/styles/site.css', './src/styles/print.css'],
      components: {
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
        Search: './src/components/overrides/Search.astro',
        PageTitle: './src/components/overrides/PageTitle.astro',
      },
      expressiveCode: {
        // Long commands wrap instead of scrolling: no scroll box that keyboard users must reach,
        // and nothing to scroll sideways on a phone.
        defaultProps: { wrap: true },
      },
      // Starlight's autogenerate reads paths relative to src/content/docs; Flowbook's content is in
      // content/docs, so the directories are named from the project root.
      sidebar: [
        {
          label: '流程制度',
          translations: { en: 'Procedures' },
          items: [{ autogenerate: { directory: 'content/docs/procedures' } }],
        },
        {
          label: '学习',
          translations: { en: 'Learn' },
          items: [
            'learn',
            'learn/business-flowchart',
            'learn/bfc-format',
            'learn/data-flow-diagram',
            'learn/levelling-and-balancing',
            'learn/data-dictionary',
            'learn/flowchart-to-dfd',
            {
              label: 'DFD 规则',
              translations: { en: 'DFD rules' },
              collapsed: true,
              items: [{ autogenerate: { directory: 'content/docs/learn/rules' } }],
            },
            {
              label: '业务流程图规则',
              translations: { en: 'Business flow chart rules' },
              collapsed: true,
              items: [{ autogenerate: { directory: 'content/docs/learn/bfc-rules' } }],
            },
            {
              label: '练习',
              translations: { en: 'Exercises' },
              items: [{ autogenerate: { directory: 'content/docs/learn/exercises' } }],
            },
          ],
        },
        {
          label: '建模器',
          translations: { en: 'Modeller' },
          items: [{ label: '数据流程图建模器', translations: { en: 'DFD modeller' }, link: '/modeller/' }],
        },
        {
          label: '查询',
          translations: { en: 'Look up' },
          items: [
            { label: '按角色查职责', translations: { en: 'Duties by role' }, link: '/roles/' },
            { label: '表单与交付物', translations: { en: 'Forms' }, link: '/forms/' },
            { label: '术语表', translations: { en: 'Glossary' }, link: '/glossary/' },
          ],
        },
      ],
    }),
    react(),
    lintDfd(),
    lintBfc(),
    mermaidRenderer(),
    checkLinks(),
    csp(),
  ],
});

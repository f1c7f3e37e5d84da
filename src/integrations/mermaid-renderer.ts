/**
 * Astro integration: the build-time Mermaid renderer's lifetime and figures. Starts the browser
 * page as a cold build starts, logs each batch of diagrams rendered, closes the page when the build
 * is done (rather than after its idle time) and logs how many diagrams were rendered and how many
 * read from the cache. Writes the diagram SVG files the pages refer to into dist/_diagrams/ (and
 * serves them under /_diagrams/ in the dev server). With FLOWBOOK_MERMAID_STATS=<file>, the figures are also written there as
 * JSON (npm run bench reads them).
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIAGRAM_DIR, diagramFile, writeDiagramFiles } from '../lib/mermaid/files.ts';
import {
  closeMermaidRenderer,
  expectDiagramsFromLastBuild,
  mermaidCacheIsEmpty,
  mermaidStats,
  recordDiagramCount,
  setMermaidLog,
  warmMermaidRenderer,
} from '../lib/mermaid/render.ts';

export default function mermaidRenderer(): AstroIntegration {
  let t0 = 0;
  return {
    name: 'flowbook:mermaid',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        t0 = performance.now();
        setMermaidLog((m) => logger.info(m));
        expectDiagramsFromLastBuild();
      },
      // With an empty cache, Chromium and Mermaid load while Vite starts bundling, not when the
      // first diagram waits; with a filled one, most builds need no browser at all.
      'astro:build:start': () => {
        if (mermaidCacheIsEmpty()) warmMermaidRenderer();
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(`/${DIAGRAM_DIR}/`, (req, res, next) => {
          const name = (req.url ?? '').replace(/^\/+|\?.*$/g, '');
          const svg = diagramFile(name);
          if (svg === undefined) return next();
          res.setHeader('Content-Type', name.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'image/svg+xml; charset=utf-8');
          res.end(svg);
        });
      },
      'astro:build:done': async ({ logger, dir }) => {
        await closeMermaidRenderer();
        setMermaidLog(undefined);
        recordDiagramCount();
        const written = writeDiagramFiles(fileURLToPath(dir));
        logger.info(`${written.files} diagram file(s) written to ${DIAGRAM_DIR}/ (${(written.bytes / 1024 / 1024).toFixed(1)} MB)`);
        const s = mermaidStats();
        const perDiagram = s.rendered ? ` (${(s.renderMs / s.rendered / 1000).toFixed(2)} s a diagram)` : '';
        logger.info(
          `Mermaid: ${s.rendered} diagram(s) rendered in ${s.batches} batch(es), ${(s.renderMs / 1000).toFixed(1)} s${perDiagram}, ` +
            `browser start ${(s.startMs / 1000).toFixed(1)} s; ${s.cached} read from the cache; ${s.darkDerived} dark file(s) derived from the light one`,
        );
        const file = process.env.FLOWBOOK_MERMAID_STATS;
        if (file) writeFileSync(file, JSON.stringify({ ...s, buildMs: performance.now() - t0 }, null, 2));
      },
    },
  };
}

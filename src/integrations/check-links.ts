/**
 * Astro integration: after the build, every internal link and fragment in dist/ must resolve.
 * A broken link fails the build with the page and the link. (starlight-links-validator only reads
 * src/content/docs, while Flowbook's content lives in content/.)
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkLinks, formatProblems } from '../lib/links.ts';

export default function checkLinksIntegration(): AstroIntegration {
  return {
    name: 'flowbook:check-links',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const problems = await checkLinks(fileURLToPath(dir));
        if (problems.length) {
          throw new Error(`发现 ${problems.length} 个失效的站内链接 (broken internal links):\n${formatProblems(problems)}`);
        }
        logger.info('all internal links resolve');
      },
    },
  };
}

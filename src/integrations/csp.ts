/**
 * Astro integration: after the build, every HTML page in dist/ gets its Content-Security-Policy
 * <meta> tag with the hashes of its own inline scripts, and dist/_headers gets the site-wide
 * header (src/lib/csp.ts says what the policy allows and why).
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile, withCsp } from '../lib/csp.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
}

export default function cspIntegration(): AstroIntegration {
  return {
    name: 'flowbook:csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const all = new Set<string>();
        const files = htmlFiles(root);
        for (const file of files) {
          const { html, hashes } = withCsp(readFileSync(file, 'utf8'));
          hashes.forEach((h) => all.add(h));
          writeFileSync(file, html);
        }
        writeFileSync(join(root, '_headers'), headersFile(all));
        logger.info(`Content-Security-Policy on ${files.length} pages (${all.size} inline-script hashes)`);
      },
    },
  };
}

/**
 * Starlight's docs collection, read from content/docs/ (Starlight itself only looks in
 * src/content/docs), with each page's last-updated date taken from git.
 */
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { lastCommitDate } from '../lib/content/git-dates.ts';

export function contentDocsLoader(): Loader {
  const inner = glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' });
  return {
    name: 'flowbook-docs-loader',
    load: (context) =>
      inner.load({
        ...context,
        parseData: (props) => {
          const data = props.data as Record<string, unknown>;
          if (data.lastUpdated === undefined && props.filePath) {
            const date = lastCommitDate(props.filePath);
            if (date) return context.parseData({ ...props, data: { ...props.data, lastUpdated: date } });
          }
          return context.parseData(props);
        },
      }),
  };
}

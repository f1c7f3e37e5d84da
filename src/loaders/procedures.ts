/**
 * The procedures collection: content/procedures/*.yaml, read and checked by
 * src/lib/content/procedures-loader.ts (which the tests call too), handed to Astro's content store.
 */
import type { Loader } from 'astro/loaders';
import { join } from 'node:path';
import { PROCEDURES_DIR, readAllProcedures } from '../lib/content/procedures-loader.ts';

export function proceduresLoader(): Loader {
  return {
    name: 'flowbook-procedures-loader',
    load: async ({ store, logger, watcher }) => {
      const items = await readAllProcedures();
      store.clear();
      for (const { file, data } of items) {
        store.set({ id: data.slug, data: data as unknown as Record<string, unknown>, filePath: file });
      }
      logger.info(`${items.length} procedure data files checked`);
      watcher?.add(join(process.cwd(), PROCEDURES_DIR));
    },
  };
}

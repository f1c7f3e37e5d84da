import { defineCollection } from 'astro:content';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { contentDocsLoader } from './loaders/docs.ts';
import { proceduresLoader } from './loaders/procedures.ts';

export const collections = {
  docs: defineCollection({
    loader: contentDocsLoader(),
    schema: docsSchema({
      extend: z.object({
        /** Department that owns a procedure (流程制度 pages). */
        owner: z.string().optional(),
        /** Where the content comes from, e.g. "种子文档 002". */
        source: z.string().optional(),
      }),
    }),
  }),
  /** Structured data of each procedure (content/procedures/*.yaml), checked by the loader. */
  procedures: defineCollection({ loader: proceduresLoader() }),
};

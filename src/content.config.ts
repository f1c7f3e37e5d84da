import { defineCollection } from 'astro:content';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { i18nLoader } from '@astrojs/starlight/loaders';
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
        /** Where the content comes from, e.g. "《系统集成类项目管理流程》，二〇一三年十一月制定". */
        source: z.string().optional(),
      }),
    }),
  }),
  /** Interface strings Starlight lacks in Chinese: the search dialog's (src/content/i18n/zh-CN.json). */
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  /** Structured data of each procedure (content/procedures/*.yaml), checked by the loader. */
  procedures: defineCollection({ loader: proceduresLoader() }),
};

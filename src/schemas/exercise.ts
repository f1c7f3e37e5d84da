/**
 * An exercise as the site serves it at /exercises/<slug>.json (built from content/exercises/*.yaml)
 * and as the modeller's exercise mode reads it.
 */
import './zod-csp.ts';
import { z } from 'zod';
import type { DfdDocument } from './dfd.ts';
import type { BfcDocument } from './bfc.ts';

/** An exercise file, content/exercises/<slug>.yaml, as authors write it (the build checks it). */
const path = z.string().regex(/^content\/.+\.dfd\.json$/, { message: '应为 content/ 下的 .dfd.json 文件路径（从项目根目录算起）' });

export const exerciseFileSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: '应为小写英文单词和连字符，如 book-purchasing' }),
  title: z.string().min(1),
  /** Plain text; paragraphs separated by a blank line. */
  scenario: z.string().min(1),
  /** What the data flow diagram exercise asks for (shown under the scenario in the DFD's exercise mode). */
  task: z.string().min(1).optional(),
  /** What the business flow chart exercise asks for (shown in the chart's exercise mode instead of `task`). */
  chartTask: z.string().min(1).optional(),
  reference: path,
  start: path.optional(),
});
export type ExerciseFile = z.infer<typeof exerciseFileSchema>;

export interface Exercise {
  slug: string;
  title: string;
  /** Plain text; paragraphs separated by a blank line. */
  scenario: string;
  /** The DFD exercise's question; the chart's (`chartTask`) when drawing its business flow chart. */
  task?: string;
  chartTask?: string;
  reference: DfdDocument;
  /** What the student starts from (e.g. the context diagram); its content earns no points. */
  start?: DfdDocument;
  /** The reference business flow chart (content/bfc/exercises/<slug>.bfc.json), when there is one. */
  bfc?: BfcDocument;
}

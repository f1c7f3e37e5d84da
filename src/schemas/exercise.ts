/**
 * An exercise as the site serves it at /exercises/<slug>.json (built from content/exercises/*.yaml)
 * and as the modeller's exercise mode reads it.
 */
import type { DfdDocument } from './dfd.ts';

export interface Exercise {
  slug: string;
  title: string;
  /** Plain text; paragraphs separated by a blank line. */
  scenario: string;
  reference: DfdDocument;
  /** What the student starts from (e.g. the context diagram); its content earns no points. */
  start?: DfdDocument;
}

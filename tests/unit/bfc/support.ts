/** Test helpers for business flow charts: a document checked against the format's zod schema. */
import { bfcDocumentSchema, type BfcDocument } from '../../../src/schemas/bfc.ts';

export function bfcSchemaCheck(value: unknown): BfcDocument {
  return bfcDocumentSchema.parse(value);
}

export const EXERCISES = ['material-ordering', 'stocktaking', 'book-purchasing', 'book-selling', 'damage-write-off'] as const;

/**
 * The DFD document format, version 1 (../shared/spec/dfd-format.md). A contract: the modeller,
 * the command line and the site's reference solutions all read and write exactly this.
 * Unknown fields are tolerated (passthrough) and kept.
 */
import './zod-csp.ts';
import { z } from 'zod';

export const NODE_KINDS = ['entity', 'process', 'store'] as const;
export const DICTIONARY_KINDS = ['flow', 'store', 'structure', 'item', 'process', 'entity'] as const;

export const dfdNodeSchema = z.looseObject({
  id: z.string(),
  kind: z.enum(NODE_KINDS),
  label: z.string(),
  code: z.string().optional(),
  owner: z.string().optional(),
  x: z.number().optional(),
  y: z.number().optional(),
  /** Only in a reference solution: a correct answer may have it or leave it out (grading). */
  optional: z.boolean().optional(),
});

export const dfdFlowSchema = z.looseObject({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  label: z.string().optional(),
  code: z.string().optional(),
  /** Only in a reference solution: a correct answer may have it or leave it out (grading). */
  optional: z.boolean().optional(),
});

export const dfdDiagramSchema = z.looseObject({
  id: z.string(),
  title: z.string().optional(),
  level: z.enum(['context', 'level']).optional(),
  refines: z.looseObject({ diagram: z.string(), process: z.string() }).optional(),
  nodes: z.array(dfdNodeSchema),
  flows: z.array(dfdFlowSchema),
});

export const dfdEntrySchema = z.looseObject({
  name: z.string(),
  kind: z.enum(DICTIONARY_KINDS),
  composition: z.string().optional(),
  description: z.string().optional(),
  aliases: z.array(z.string()).optional(),
});

export const dfdCodesSchema = z.looseObject({
  entity: z.string().optional(),
  process: z.string().optional(),
  store: z.string().optional(),
  flow: z.string().optional(),
});

export const dfdDocumentSchema = z.looseObject({
  format: z.literal('flowbook-dfd'),
  version: z.literal(1),
  title: z.string().optional(),
  notation: z.enum(['gane-sarson', 'yourdon']).optional(),
  codes: dfdCodesSchema.optional(),
  diagrams: z.array(dfdDiagramSchema).min(1),
  dictionary: z.array(dfdEntrySchema).optional(),
});

export type DfdNode = z.infer<typeof dfdNodeSchema>;
export type DfdFlow = z.infer<typeof dfdFlowSchema>;
export type DfdDiagram = z.infer<typeof dfdDiagramSchema>;
export type DfdEntry = z.infer<typeof dfdEntrySchema>;
export type DfdDocument = z.infer<typeof dfdDocumentSchema>;
export type NodeKind = (typeof NODE_KINDS)[number];

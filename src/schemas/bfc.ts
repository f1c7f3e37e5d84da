/**
 * The business flow chart (业务流程图, TFD) document format, version 1. A contract like the DFD format
 * (src/schemas/dfd.ts): the modeller, the command line and the site's reference charts all read and
 * write exactly this; unknown fields are tolerated (passthrough) and kept. The reference page of the
 * site (content/docs/learn/bfc-format.mdx) describes it for readers.
 *
 * The textbook's six symbols map to the format as follows:
 * - 业务处理单位 (a department, post or outside party) → a lane; `external: true` for parties outside
 *   the organisation (供应商, 顾客), which become external entities in a derived DFD;
 * - 业务处理 → node `process`; 表格制作 (forms, reports, with copies) → node `form`;
 *   数据存储 (帐, 台帐, 档案) → node `store`; 收集资料 → node `collect`;
 * - 信息传递 → a flow, with an optional `label` (what is passed) and an optional `condition`
 *   (合格 / 不合格): the textbook draws no decision box, a branch is a condition written beside the line.
 */
import './zod-csp.ts';
import { z } from 'zod';

export const BFC_FORMAT = 'flowbook-bfc' as const;
export const BFC_NODE_KINDS = ['process', 'form', 'store', 'collect'] as const;

export const bfcLaneSchema = z.looseObject({
  id: z.string(),
  /** The unit's name: 采购部, 检验人员, 供应商. */
  label: z.string(),
  /** A party outside the organisation whose work is charted (供应商, 顾客, 用户). */
  external: z.boolean().optional(),
  /** Width of a column (or height of a row) in chart units; the modeller's default when absent. */
  size: z.number().optional(),
  /** Only in a reference solution: a correct answer may have it or leave it out (grading). */
  optional: z.boolean().optional(),
  /** Only in a reference solution: other names a correct answer may use (grading). */
  aliases: z.array(z.string()).optional(),
});

export const bfcNodeSchema = z.looseObject({
  id: z.string(),
  kind: z.enum(BFC_NODE_KINDS),
  label: z.string(),
  /** The lane (unit) the symbol belongs to: who does the work, produces the form, keeps the book. */
  lane: z.string().optional(),
  /** For a form: how many copies (联) it is made in; 1 when absent. */
  copies: z.number().int().min(1).optional(),
  x: z.number().optional(),
  y: z.number().optional(),
  optional: z.boolean().optional(),
  /** Only in a reference solution: other names a correct answer may use (grading). */
  aliases: z.array(z.string()).optional(),
});

export const bfcFlowSchema = z.looseObject({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  /** What is passed along the line, when the line says it. */
  label: z.string().optional(),
  /** A branch condition written beside the line: 合格, 不合格, 库存不足. */
  condition: z.string().optional(),
  optional: z.boolean().optional(),
  /** Only in a reference solution: other words a correct answer may write for the condition (or, without one, the label). */
  aliases: z.array(z.string()).optional(),
});

/** The title block (图题栏): 业务名称, 制图, 审核, 日期, 第 N 图 共 M 张. */
export const bfcTitleBlockSchema = z.looseObject({
  business: z.string().optional(),
  drawnBy: z.string().optional(),
  reviewedBy: z.string().optional(),
  date: z.string().optional(),
  sheet: z.number().int().min(1).optional(),
  sheets: z.number().int().min(1).optional(),
});

export const bfcDocumentSchema = z.looseObject({
  format: z.literal(BFC_FORMAT),
  version: z.literal(1),
  title: z.string().optional(),
  /** Lanes as columns side by side (the default) or as rows one above the other. */
  orientation: z.enum(['columns', 'rows']).optional(),
  titleBlock: bfcTitleBlockSchema.optional(),
  lanes: z.array(bfcLaneSchema),
  nodes: z.array(bfcNodeSchema),
  flows: z.array(bfcFlowSchema),
});

export type BfcLane = z.infer<typeof bfcLaneSchema>;
export type BfcNode = z.infer<typeof bfcNodeSchema>;
export type BfcFlow = z.infer<typeof bfcFlowSchema>;
export type BfcTitleBlock = z.infer<typeof bfcTitleBlockSchema>;
export type BfcDocument = z.infer<typeof bfcDocumentSchema>;
export type BfcNodeKind = (typeof BFC_NODE_KINDS)[number];

/**
 * The pure business flow chart core (业务流程图, format `flowbook-bfc`): reading and writing
 * documents, format detection, the linter, layout and SVG export, grading, and the derived DFD
 * draft. Imports no React, Astro or DOM: the modeller, the build and the command line all use it.
 */
export type { BfcDocument, BfcLane, BfcNode, BfcFlow, BfcTitleBlock, BfcNodeKind } from '../../schemas/bfc.ts';
export { BFC_FORMAT, BFC_NODE_KINDS } from '../../schemas/bfc.ts';
export { readBfc, restoreBfc, detectFormat, isBfcText, BFC_FORMAT_ID, BFC_FORMAT_VERSION, BFC_MIGRATIONS, type BfcReadResult, type BfcReadOptions } from './read.ts';
export { serializeBfc } from './write.ts';
export { describeBfcNode, describeBfcLane, describeBfcFlow, bfcKindName, BFC_KIND_NAMES } from './model.ts';
export { lintBfc, bfcRuleUrl, isBfcRuleId, indexBfc, countBfcFindings, BFC_RULE_LIST, BFC_RECOMMENDED, BFC_STRICT, BFC_PRESETS } from './lint/engine.ts';
export { BFC_RULE_IDS, type BfcRuleId, type BfcFinding, type BfcLintOptions, type Severity, type Locale } from './lint/types.ts';
export * from './layout.ts';
export * from './export/svg.ts';
export * from './grade.ts';
export * from './to-dfd.ts';
export * from './draft-steps.ts';

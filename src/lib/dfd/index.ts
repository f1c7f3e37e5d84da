/**
 * The pure DFD core: reading and writing documents, the linter, Mermaid export and import,
 * layout, codes and grading. Imports no React, Astro or DOM: the editor, the build and the
 * command line all use it.
 */
export type { DfdDocument, DfdDiagram, DfdNode, DfdFlow, DfdEntry, NodeKind } from '../../schemas/dfd.ts';
export { readDocument, formatPath, FORMAT_ID, FORMAT_VERSION, MIGRATIONS, type ReadResult, type ReadError, type ReadOptions, type Migrations } from './read.ts';
export { serializeDocument } from './write.ts';
export { normalizeLabel, toSimplified, gradeKey, isBlank } from './text.ts';
export { codePrefixes, codeOf, sameElementKey, kindLabelKey, describeNode, describeFlow, describeDiagram, kindName, DEFAULT_CODES, type CodeKind, type Locale } from './model.ts';
export { lint, RULES, ruleUrl, isRuleId, countFindings } from './lint/engine.ts';
export { SEVERITIES, SEVERITY_RANK, SEVERITY_NAMES, KIND_NAMES, worse, countBySeverity, type SeverityCounts, type ElementKind } from './vocabulary.ts';
export { PRESETS, recommended as RECOMMENDED_SEVERITIES, strict as STRICT_SEVERITIES, type PresetName } from './lint/presets.ts';
export { RULE_IDS, type RuleId, type Severity, type Finding, type LintOptions } from './lint/types.ts';
export { toMermaid, nodeText, flowText, SHAPES as MERMAID_SHAPES } from './mermaid/to-mermaid.ts';
export {
  layoutDiagram,
  layoutDiagramWithReport,
  layoutScore,
  LAYOUT_DIRECTIONS,
  type LayoutDirection,
  type LayoutReport,
  defaultNodeSize,
  estimateTextWidth,
  type LayoutOptions,
} from './layout.ts';
export { nextCode } from './codes.ts';
export { fromMermaid } from './mermaid/from-mermaid.ts';
export { boundaryNodes, repeatsBelow } from './levels.ts';
export { grade, type GradeHint, type DiagramGrade, type GradeResult, type GradeItem, type GradeMatch, type GradeOptions } from './grade.ts';

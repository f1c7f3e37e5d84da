/** Types of the linter: rule ids, findings, rule definitions (dfd-rules.md). */
import type { DfdDocument } from '../../../schemas/dfd.ts';
import type { Locale } from '../model.ts';
import type { DiagramIndex, DocIndex } from './doc-index.ts';

export const RULE_IDS = [
  'flow-endpoints',
  'flow-needs-process',
  'flow-no-self-loop',
  'process-needs-input',
  'process-needs-output',
  'label-required',
  'unique-code',
  'context-single-process',
  'refines-target',
  'balance',
  'flow-label-required',
  'store-read-and-written',
  'entity-connected',
  'duplicate-flow',
  'context-no-store',
  'process-count',
  'code-format',
  'io-name-differs',
  'dictionary-entry',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
export type { Severity } from '../vocabulary.ts';
import type { Severity } from '../vocabulary.ts';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The diagram id. */
  diagram: string;
  /** The node or flow id; absent for a finding about a whole diagram. */
  element?: string;
  /** One sentence in the reader's language naming the element by code and label. */
  message: string;
  /** The rule's documentation page. */
  url: string;
}

export interface LintOptions {
  preset?: 'recommended' | 'strict';
  rules?: Partial<Record<RuleId, Severity | 'off'>>;
  locale?: Locale;
}

/**
 * What a rule reports: the place, and the message in the reader's language (a function, so that
 * only the language asked for is written).
 */
export interface Report {
  diagram: string;
  element?: string;
  message: (locale: Locale) => string;
}

export interface RuleContext {
  doc: DfdDocument;
  index: DocIndex;
  report(r: Report): void;
}

/**
 * What a rule does during one lint (as ESLint's `create`): `diagram` is called for each diagram in
 * document order, once its slice of the index is ready, and `done` once at the end, for checks of
 * the whole document. Visiting diagram by diagram keeps each diagram in the memory cache while
 * every rule looks at it.
 */
export interface RuleVisitor {
  diagram?(di: DiagramIndex): void;
  done?(): void;
}

export interface RuleDefinition {
  id: RuleId;
  title: { 'zh-CN': string; en: string };
  create(ctx: RuleContext): RuleVisitor;
}

/** Types of the business flow chart linter: rule ids, findings, rule definitions. */
import type { BfcDocument, BfcFlow, BfcLane, BfcNode } from '../../../schemas/bfc.ts';
import type { Locale, Severity } from '../../dfd/vocabulary.ts';

/** Every rule, in the order the rule pages and findings list them (errors first). */
export const BFC_RULE_IDS = [
  'unique-id',
  'lane-exists',
  'process-in-lane',
  'label-required',
  'flow-endpoints',
  'flow-no-self-loop',
  'node-connected',
  'branch-pair',
  'no-program-flowchart',
  'form-produced',
  'form-used',
  'flow-label-required',
  'lane-used',
  'title-block',
] as const;

export type BfcRuleId = (typeof BFC_RULE_IDS)[number];
export type { Locale, Severity };

export interface BfcFinding {
  rule: BfcRuleId;
  severity: Severity;
  /** The node, flow or lane id; absent for a finding about the whole chart. */
  element?: string;
  /** One sentence in the reader's language naming the element by kind and label. */
  message: string;
  /** The rule's page: /learn/bfc-rules/<id>/. */
  url: string;
}

export interface BfcLintOptions {
  locale?: Locale;
  /** recommended (default): each rule's own severity; strict: warnings become errors and info warnings. */
  preset?: 'recommended' | 'strict';
  rules?: Partial<Record<BfcRuleId, Severity | 'off'>>;
}

/** The chart looked up once for every rule. */
export interface BfcIndex {
  doc: BfcDocument;
  nodes: ReadonlyMap<string, BfcNode>;
  lanes: ReadonlyMap<string, BfcLane>;
  /** Flows leaving / entering each node id (in document order), whether or not the other end exists. */
  out: ReadonlyMap<string, readonly BfcFlow[]>;
  in: ReadonlyMap<string, readonly BfcFlow[]>;
}

export interface BfcReport {
  element?: string;
  message: (locale: Locale) => string;
}

export interface BfcRuleContext {
  doc: BfcDocument;
  index: BfcIndex;
  report(r: BfcReport): void;
}

export interface BfcRuleDefinition {
  id: BfcRuleId;
  /** The severity of the recommended setting. */
  severity: Severity;
  title: Readonly<Record<Locale, string>>;
  /** Why the rule holds, in one paragraph, after the conventions of the learn page. */
  why: Readonly<Record<Locale, string>>;
  check(ctx: BfcRuleContext): void;
}

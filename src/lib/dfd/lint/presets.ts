/** Severities live in presets, not in rules (dfd-rules.md, "Presets"). */
import { RULE_IDS, type RuleId, type Severity } from './types.ts';

export const recommended: Readonly<Record<RuleId, Severity>> = {
  'flow-endpoints': 'error',
  'flow-needs-process': 'error',
  'flow-no-self-loop': 'error',
  'process-needs-input': 'error',
  'process-needs-output': 'error',
  'label-required': 'error',
  'unique-code': 'error',
  'context-single-process': 'error',
  'refines-target': 'error',
  balance: 'error',
  'flow-label-required': 'warning',
  'store-read-and-written': 'warning',
  'entity-connected': 'warning',
  'duplicate-flow': 'warning',
  'context-no-store': 'warning',
  'process-count': 'warning',
  'code-format': 'warning',
  'io-name-differs': 'info',
  'dictionary-entry': 'info',
};

/** Every warning becomes an error and info becomes a warning. */
export const strict: Readonly<Record<RuleId, Severity>> = Object.fromEntries(RULE_IDS.map((id) => [id, recommended[id] === 'info' ? 'warning' : 'error'])) as Record<
  RuleId,
  Severity
>;

export const PRESETS = { recommended, strict } as const;
export type PresetName = keyof typeof PRESETS;

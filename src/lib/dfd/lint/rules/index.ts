/** Every rule, in the order of dfd-rules.md. One rule a file, named by its id. */
import type { RuleDefinition } from '../types.ts';
import flowEndpoints from './flow-endpoints.ts';
import flowNeedsProcess from './flow-needs-process.ts';
import flowNoSelfLoop from './flow-no-self-loop.ts';
import processNeedsInput from './process-needs-input.ts';
import processNeedsOutput from './process-needs-output.ts';
import labelRequired from './label-required.ts';
import uniqueCode from './unique-code.ts';
import contextSingleProcess from './context-single-process.ts';
import refinesTarget from './refines-target.ts';
import balance from './balance.ts';
import flowLabelRequired from './flow-label-required.ts';
import storeReadAndWritten from './store-read-and-written.ts';
import entityConnected from './entity-connected.ts';
import duplicateFlow from './duplicate-flow.ts';
import contextNoStore from './context-no-store.ts';
import processCount from './process-count.ts';
import codeFormat from './code-format.ts';
import ioNameDiffers from './io-name-differs.ts';
import dictionaryEntry from './dictionary-entry.ts';

export const ALL_RULES: readonly RuleDefinition[] = [
  flowEndpoints,
  flowNeedsProcess,
  flowNoSelfLoop,
  processNeedsInput,
  processNeedsOutput,
  labelRequired,
  uniqueCode,
  contextSingleProcess,
  refinesTarget,
  balance,
  flowLabelRequired,
  storeReadAndWritten,
  entityConnected,
  duplicateFlow,
  contextNoStore,
  processCount,
  codeFormat,
  ioNameDiffers,
  dictionaryEntry,
];

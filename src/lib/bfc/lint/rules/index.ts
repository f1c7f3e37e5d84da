/** Every business flow chart rule, in the order of BFC_RULE_IDS. One rule a file, named by its id. */
import type { BfcRuleDefinition } from '../types.ts';
import uniqueId from './unique-id.ts';
import laneExists from './lane-exists.ts';
import processInLane from './process-in-lane.ts';
import labelRequired from './label-required.ts';
import flowEndpoints from './flow-endpoints.ts';
import flowNoSelfLoop from './flow-no-self-loop.ts';
import nodeConnected from './node-connected.ts';
import branchPair from './branch-pair.ts';
import noProgramFlowchart from './no-program-flowchart.ts';
import formProduced from './form-produced.ts';
import formUsed from './form-used.ts';
import flowLabelRequired from './flow-label-required.ts';
import laneUsed from './lane-used.ts';
import titleBlock from './title-block.ts';

export const BFC_RULES: readonly BfcRuleDefinition[] = [
  uniqueId,
  laneExists,
  processInLane,
  labelRequired,
  flowEndpoints,
  flowNoSelfLoop,
  nodeConnected,
  branchPair,
  noProgramFlowchart,
  formProduced,
  formUsed,
  flowLabelRequired,
  laneUsed,
  titleBlock,
];

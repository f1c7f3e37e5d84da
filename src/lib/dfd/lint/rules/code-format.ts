import type { DfdDiagram, DfdFlow, DfdNode } from '../../../../schemas/dfd.ts';
import type { RuleContext, RuleDefinition } from '../types.ts';
import type { DiagramIndex, DocIndex } from '../doc-index.ts';
import { codeOf, describeFlow, describeNode } from '../../model.ts';

/**
 * True when `code` is `prefix` followed by a number (`P12`), or, when `dotted`, by numbers joined
 * with dots (`F3.1.2`). Digits are ASCII only, as `\d` in a pattern without the u flag.
 */
export function isNumbered(code: string, prefix: string, dotted: boolean): boolean {
  if (!code.startsWith(prefix)) return false;
  let digits = 0;
  for (let i = prefix.length; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (dotted && c === 46 && digits > 0) digits = 0;
    else return false;
  }
  return digits > 0;
}

/**
 * What a process code must look like in a diagram, by level: `P0` alone in a context diagram;
 * `P1`, `P2` at the top and in the child of `P0`; `P3.1`, `P3.2` in the child of `P3`; any
 * hierarchical code in a child whose parent process has no code. For 'child', `prefix` is the
 * parent's code and a dot (`P3.`).
 */
export type ProcessCodeRule = { kind: 'context' | 'top' | 'any'; prefix: string } | { kind: 'child'; prefix: string; parent: string };

export function processCodeRule(index: DocIndex, di: DiagramIndex): ProcessCodeRule {
  const prefix = index.prefixes.process;
  const d = di.diagram;
  if (!d.refines) return { kind: d.level === 'context' ? 'context' : 'top', prefix };
  const link = di.parentLink();
  const parent = link ? codeOf(link.process) : undefined;
  if (parent === undefined) return { kind: 'any', prefix };
  if (parent === `${prefix}0`) return { kind: 'top', prefix };
  return { kind: 'child', prefix: `${parent}.`, parent };
}

export function fitsProcessCode(rule: ProcessCodeRule, code: string): boolean {
  switch (rule.kind) {
    case 'context':
      return code === `${rule.prefix}0`;
    case 'top':
    case 'child':
      return isNumbered(code, rule.prefix, false);
    case 'any':
      return isNumbered(code, rule.prefix, true);
  }
}

/** Two example codes for the message: `P1、P2`. */
export function processCodeExample(rule: ProcessCodeRule): string {
  switch (rule.kind) {
    case 'context':
      return `${rule.prefix}0`;
    case 'top':
      return `${rule.prefix}1、${rule.prefix}2`;
    case 'any':
      return `${rule.prefix}1、${rule.prefix}3.1`;
    case 'child':
      return `${rule.parent}.1、${rule.parent}.2`;
  }
}

/**
 * A code that does not fit the document's convention: entity E1, store D1 (or the prefixes in
 * `codes`), flow F1 or F3.1; processes numbered by level: P1 at the top, P0 alone in a context
 * diagram, P3.1, P3.2 in the child of P3, P1, P2 in the child of P0. Nodes without codes are skipped.
 */
/** The finding for node n; a function of its own, so the loops capture nothing per element. */
function reportNode(report: RuleContext['report'], d: DfdDiagram, n: DfdNode, example: string): void {
  report({
    diagram: d.id,
    element: n.id,
    message: (l) =>
      l === 'en'
        ? `${describeNode(n, 'en')} has a code that does not fit the convention: expected codes like ${example.replace('、', ', ')} here`
        : `${describeNode(n, 'zh-CN')}的编号不符合约定：这里应为 ${example} 这样的编号`,
  });
}

function reportFlow(report: RuleContext['report'], di: DiagramIndex, f: DfdFlow, F: string): void {
  report({
    diagram: di.diagram.id,
    element: f.id,
    message: (l) =>
      l === 'en'
        ? `${describeFlow(f, di, 'en')} has a code that does not fit the convention: expected codes like ${F}1 or ${F}3.1`
        : `${describeFlow(f, di, 'zh-CN')}的编号不符合约定：应为 ${F}1 或 ${F}3.1 这样的编号`,
  });
}

const rule: RuleDefinition = {
  id: 'code-format',
  title: { 'zh-CN': '编号符合约定（分层编号）', en: 'Codes follow the convention (hierarchical numbering)' },
  create({ index, report }) {
    const { entity: E, store: D, flow: F } = index.prefixes;
    return {
      diagram(di) {
        const d = di.diagram;
        let proc: ProcessCodeRule | undefined; // worked out for the first process with a code
        for (let g = di.nodeStart; g < di.nodeEnd; g++) {
          const n = index.nodes[g]!;
          const c = codeOf(n);
          if (c === undefined) continue;
          if (n.kind === 'entity') {
            if (!isNumbered(c, E, false)) reportNode(report, d, n, `${E}1、${E}2`);
          } else if (n.kind === 'store') {
            if (!isNumbered(c, D, false)) reportNode(report, d, n, `${D}1、${D}2`);
          } else if (index.isOwnProcess(di, g)) {
            // A sibling process repeated as a child's boundary keeps its parent code.
            proc ??= processCodeRule(index, di);
            if (!fitsProcessCode(proc, c)) reportNode(report, d, n, processCodeExample(proc));
          }
        }
        for (const f of d.flows) {
          const c = codeOf(f);
          if (c !== undefined && !isNumbered(c, F, true)) reportFlow(report, di, f, F);
        }
      },
    };
  },
};
export default rule;

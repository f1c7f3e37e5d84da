/**
 * The editor's one door to the DFD core (src/lib/dfd): everything that is not drawing (reading,
 * checking, codes, layout, grading, Mermaid) is the core's. The core loads elkjs itself on first
 * layout, so none of this weighs on the page's initial JavaScript more than it must.
 */
import type { DfdDocument } from '@schemas/dfd.ts';
import { layoutDiagram as coreLayout, type LayoutDirection } from '../lib/dfd/index.ts';
import { nodeBox, type Notation } from '../lib/dfd/export/geometry.ts';

export {
  readDocument,
  serializeDocument,
  lint,
  ruleUrl,
  toMermaid,
  fromMermaid,
  nextCode,
  grade,
  boundaryNodes,
  repeatsBelow,
  countBySeverity,
  worse,
  SEVERITIES,
} from '../lib/dfd/index.ts';
export { LAYOUT_DIRECTIONS, type LayoutDirection } from '../lib/dfd/index.ts';
export { readBfc, restoreBfc, serializeBfc, detectFormat, lintBfc, countBfcFindings } from '../lib/bfc/index.ts';
export type { BfcFinding, BfcRuleId } from '../lib/bfc/index.ts';
export type { Finding, GradeResult, GradeItem, GradeHint, DiagramGrade, SeverityCounts, Severity } from '../lib/dfd/index.ts';

/**
 * The core's elkjs layout with the editor's symbol sizes: `all` re-lays every node (自动布局);
 * otherwise only nodes without a position are placed (documents read from outside).
 */
export function layoutDiagram(doc: DfdDocument, diagramId: string, all = false, direction: LayoutDirection = 'auto'): Promise<DfdDocument> {
  const notation: Notation = doc.notation ?? 'gane-sarson';
  return coreLayout(doc, diagramId, { relayout: all, direction, notation, nodeSize: (n) => nodeBox(n, notation) });
}

/** Lays out every diagram that has nodes without positions. */
export async function layoutMissing(doc: DfdDocument): Promise<DfdDocument> {
  let out = doc;
  for (const d of doc.diagrams) {
    if (d.nodes.some((n) => n.x === undefined || n.y === undefined)) out = await layoutDiagram(out, d.id);
  }
  return out;
}

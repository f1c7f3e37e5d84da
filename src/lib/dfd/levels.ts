/**
 * Levels of a levelled DFD, as the modeller needs them: which nodes of a child diagram are its
 * boundary (dfd-format.md, "Diagram"; dfd-rules.md, "Balancing"), and where a node of a parent is
 * repeated below it. Both answer exactly as the linter does: they ask its index (`DocIndex.bound`).
 */
import type { DfdDocument } from '../../schemas/dfd.ts';
import { DocIndex, NOT_BOUNDARY, type DiagramIndex } from './lint/doc-index.ts';

/**
 * The boundary nodes of a diagram: node id → the id of the node of the parent diagram that it
 * repeats (an entity, a store, or a sibling process of the refined process), or null for an
 * entity the parent does not have. Empty for a diagram that refines nothing (or whose `refines`
 * is broken).
 */
export function boundaryNodes(doc: DfdDocument, diagramId: string): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const index = new DocIndex(doc);
  const di = index.diagrams.get(diagramId);
  if (!di) return out;
  const link = di.parentLink();
  if (!link) return out;
  index.bound(di);
  for (let g = di.nodeStart; g < di.nodeEnd; g++) {
    const c = index.counterpart[g]!;
    if (c === NOT_BOUNDARY) continue;
    out.set(index.nodes[g]!.id, c >= 0 ? index.nodes[c]!.id : null);
  }
  return out;
}

/**
 * Where node `nodeId` of diagram `diagramId` is repeated as a boundary node in the diagrams below
 * it (its children, their children, …), in document order. The modeller renames these with it.
 */
export function repeatsBelow(doc: DfdDocument, diagramId: string, nodeId: string): Array<{ diagram: string; id: string }> {
  const index = new DocIndex(doc);
  const top = index.diagrams.get(diagramId);
  if (!top) return [];
  const at = top.position(nodeId);
  if (at < 0) return [];
  const children = new Map<DiagramIndex, DiagramIndex[]>();
  for (const di of index.list) {
    const parent = di.refinesDiagram;
    if (!parent || parent === di) continue;
    const list = children.get(parent);
    if (list) list.push(di);
    else children.set(parent, [di]);
  }
  const out: Array<{ diagram: string; id: string }> = [];
  const seen = new Set<DiagramIndex>([top]);
  // Breadth first over (diagram, positions of the node's copies in it).
  let frontier: Array<{ di: DiagramIndex; at: Set<number> }> = [{ di: top, at: new Set([at]) }];
  while (frontier.length) {
    const next: typeof frontier = [];
    for (const { di, at: positions } of frontier) {
      for (const child of children.get(di) ?? []) {
        if (seen.has(child) || !child.parentLink()) continue;
        seen.add(child);
        index.bound(child);
        const found = new Set<number>();
        for (let g = child.nodeStart; g < child.nodeEnd; g++) {
          if (positions.has(index.counterpart[g]!)) {
            found.add(g);
            out.push({ diagram: child.diagram.id, id: index.nodes[g]!.id });
          }
        }
        if (found.size) next.push({ di: child, at: found });
      }
    }
    frontier = next;
  }
  return out;
}

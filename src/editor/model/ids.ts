/** Fresh ids for new elements and diagrams: short, readable, unique where the format needs it. */
import type { DfdDiagram, DfdDocument } from '@schemas/dfd.ts';

const PREFIX = { entity: 'e', process: 'p', store: 's', flow: 'f' } as const;

/** Returns a generator of ids not used in `taken`, of the form `<prefix><n>`. */
export function idSource(taken: Iterable<string>) {
  const used = new Set(taken);
  return (prefix: string): string => {
    let n = 1;
    while (used.has(`${prefix}${n}`)) n++;
    const id = `${prefix}${n}`;
    used.add(id);
    return id;
  };
}

/** Id generator for elements of one diagram (nodes and flows in one namespace, to keep them apart). */
export function elementIds(diagram: DfdDiagram) {
  const next = idSource([...diagram.nodes.map((n) => n.id), ...diagram.flows.map((f) => f.id)]);
  return (kind: keyof typeof PREFIX) => next(PREFIX[kind]);
}

export function diagramId(doc: DfdDocument, prefix = 'd'): string {
  return idSource(doc.diagrams.map((d) => d.id))(prefix);
}

/**
 * Writing a document: pure and stable. Known fields come in the order of dfd-format.md, unknown
 * fields after them in sorted order; undefined values are left out; 2-space JSON and a newline.
 */
import type { DfdDocument } from '../../schemas/dfd.ts';

const ORDER = {
  document: ['format', 'version', 'title', 'notation', 'codes', 'diagrams', 'dictionary'],
  codes: ['entity', 'process', 'store', 'flow'],
  diagram: ['id', 'title', 'level', 'refines', 'nodes', 'flows'],
  refines: ['diagram', 'process'],
  node: ['id', 'kind', 'code', 'label', 'owner', 'x', 'y', 'optional'],
  flow: ['id', 'from', 'to', 'code', 'label', 'optional'],
  entry: ['name', 'kind', 'composition', 'description', 'aliases'],
} as const;

type Obj = Record<string, unknown>;

function ordered(o: Obj, known: readonly string[], nested?: (key: string, value: unknown) => unknown): Obj {
  const out: Obj = {};
  for (const k of known) {
    if (o[k] !== undefined) out[k] = nested ? nested(k, o[k]) : o[k];
  }
  const rest = Object.keys(o)
    .filter((k) => !known.includes(k) && o[k] !== undefined)
    .sort();
  for (const k of rest) out[k] = o[k];
  return out;
}

function canonical(doc: DfdDocument): Obj {
  return ordered(doc as Obj, ORDER.document, (k, v) => {
    if (k === 'codes') return ordered(v as Obj, ORDER.codes);
    if (k === 'dictionary') return (v as Obj[]).map((e) => ordered(e, ORDER.entry));
    if (k === 'diagrams') {
      return (v as Obj[]).map((d) =>
        ordered(d, ORDER.diagram, (dk, dv) => {
          if (dk === 'refines') return ordered(dv as Obj, ORDER.refines);
          if (dk === 'nodes') return (dv as Obj[]).map((n) => ordered(n, ORDER.node));
          if (dk === 'flows') return (dv as Obj[]).map((f) => ordered(f, ORDER.flow));
          return dv;
        }),
      );
    }
    return v;
  });
}

/** The document as `.dfd.json` text. Same document → same bytes. */
export function serializeDocument(doc: DfdDocument): string {
  return JSON.stringify(canonical(doc), null, 2) + '\n';
}

/**
 * Writing a business flow chart: pure and stable, as src/lib/dfd/write.ts. Known fields in the
 * order of the format page, unknown fields after them in sorted order; undefined values left out;
 * 2-space JSON and a newline.
 */
import type { BfcDocument } from '../../schemas/bfc.ts';

const ORDER = {
  document: ['format', 'version', 'title', 'orientation', 'titleBlock', 'lanes', 'nodes', 'flows'],
  titleBlock: ['business', 'drawnBy', 'reviewedBy', 'date', 'sheet', 'sheets'],
  lane: ['id', 'label', 'external', 'size', 'optional', 'aliases'],
  node: ['id', 'kind', 'label', 'lane', 'copies', 'x', 'y', 'optional', 'aliases'],
  flow: ['id', 'from', 'to', 'label', 'condition', 'optional', 'aliases'],
} as const;

type Obj = Record<string, unknown>;

function ordered(o: Obj, known: readonly string[], nested?: (key: string, value: unknown) => unknown): Obj {
  const out: Obj = {};
  for (const k of known) if (o[k] !== undefined) out[k] = nested ? nested(k, o[k]) : o[k];
  const rest = Object.keys(o)
    .filter((k) => !known.includes(k) && o[k] !== undefined)
    .sort();
  for (const k of rest) out[k] = o[k];
  return out;
}

/** The chart as `.bfc.json` text. Same document → same bytes. */
export function serializeBfc(doc: BfcDocument): string {
  const canonical = ordered(doc as Obj, ORDER.document, (k, v) => {
    if (k === 'titleBlock') return ordered(v as Obj, ORDER.titleBlock);
    if (k === 'lanes') return (v as Obj[]).map((l) => ordered(l, ORDER.lane));
    if (k === 'nodes') return (v as Obj[]).map((n) => ordered(n, ORDER.node));
    if (k === 'flows') return (v as Obj[]).map((f) => ordered(f, ORDER.flow));
    return v;
  });
  return JSON.stringify(canonical, null, 2) + '\n';
}

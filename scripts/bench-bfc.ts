/**
 * Business flow chart figures, printed (nothing asserted): layout and SVG time of generated charts
 * by size, then, per exercise, how the DFD draft derived from the chart (bfcToDfd) matches the DFD
 * reference answer, as derived and after the student's steps of the learn page
 * (src/lib/bfc/draft-steps.ts). `npx tsx scripts/bench-bfc.ts`; npm run bench runs it too.
 */
import { readFileSync } from 'node:fs';
import { applyDraftSteps, bfcSvg, bfcToDfd, DRAFT_EXERCISES, DRAFT_STEPS, layoutBfc } from '../src/lib/bfc/index.ts';
import { bfcDocumentSchema, type BfcDocument } from '../src/schemas/bfc.ts';
import { grade, lint, type DfdDocument } from '../src/lib/dfd/index.ts';

/** A chart of n symbols in about √n/2 lanes, each symbol flowing to one of the next three. */
function generated(n: number): BfcDocument {
  const lanes = Array.from({ length: Math.max(2, Math.round(Math.sqrt(n) / 2)) }, (_, i) => ({ id: `l${i}`, label: `单位${i}` }));
  const kinds = ['process', 'form', 'process', 'store', 'collect'] as const;
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: kinds[i % 5]!, label: `符号${i}`, lane: lanes[(i * 7) % lanes.length]!.id }));
  const flows = Array.from({ length: n }, (_, i) => ({ id: `f${i}`, from: `n${i}`, to: `n${(i + 1 + (i % 3)) % n}`, ...(i % 4 === 0 ? { condition: '合格' } : {}) }));
  return { format: 'flowbook-bfc', version: 1, lanes, nodes, flows };
}

const median = (f: () => void, runs = 5) => {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)]!.toFixed(1);
};
console.log('| symbols | layoutBfc (median of 5) | bfcSvg with layout |');
console.log('|---|---|---|');
for (const n of [30, 200, 1000]) {
  const d = generated(n);
  console.log(`| ${n} | ${median(() => layoutBfc(d))} ms | ${median(() => bfcSvg(d))} ms |`);
}
console.log('');
console.log('| exercise | reference diagram | as derived | after the steps | steps | errors after |');
console.log('|---|---|---|---|---|---|');
for (const name of DRAFT_EXERCISES) {
  const chart = bfcDocumentSchema.parse(JSON.parse(readFileSync(`content/bfc/exercises/${name}.bfc.json`, 'utf8')));
  const reference = JSON.parse(readFileSync(`content/dfd/exercises/${name}.dfd.json`, 'utf8')) as DfdDocument;
  const pair = (doc: DfdDocument) => grade(doc, reference).diagrams.find((d) => d.student === 'level0')!;
  const before = pair(bfcToDfd(chart).doc);
  const edited = applyDraftSteps(name, chart);
  const after = pair(edited);
  const errors = lint(edited).filter((f) => f.severity === 'error').length;
  console.log(`| ${name} | ${after.reference} | ${before.score} | ${after.score} | ${DRAFT_STEPS[name].length} | ${errors} |`);
}

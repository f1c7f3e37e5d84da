/**
 * Prints, per exercise, how the DFD draft derived from the business flow chart (bfcToDfd) matches
 * the DFD reference answer, as derived and after the student's steps of the learn page
 * (src/lib/bfc/draft-steps.ts). `npx tsx scripts/bfc-draft-match.ts`; npm run bench runs it too.
 */
import { readFileSync } from 'node:fs';
import { applyDraftSteps, bfcToDfd, DRAFT_EXERCISES, DRAFT_STEPS } from '../src/lib/bfc/index.ts';
import { bfcDocumentSchema } from '../src/schemas/bfc.ts';
import { grade, lint, type DfdDocument } from '../src/lib/dfd/index.ts';

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

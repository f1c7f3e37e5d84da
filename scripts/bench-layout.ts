/**
 * Bench of automatic layout's drawing quality (run: `npx tsx scripts/bench-layout.ts`; `npm run bench`
 * calls it, `npm run bench -- --only layout` runs it alone). For every diagram of every reference
 * solution (content/dfd/exercises, all levels; the hospital level 0 has 15 symbols and 24 flows) it
 * prints, before and after: flow pairs that cross, labels over a symbol, flows through a symbol,
 * overlapping symbols, and the scale at which the diagram fits the modeller's canvas in a 1366×800
 * window (876×508 px), with the size symbol names then show at (14 px × scale).
 *
 * "Before" is the layout this replaced (elkjs layered left to right, 40/90 px spacing), its
 * positions kept in tests/fixtures/dfd/layout/before-positions.json, drawn as it was then: labels
 * at the middle of their flows, flows of one pair 18 px apart. "After" is layoutDiagram now, labels
 * placed by flowLabelSpots. The measures are src/lib/dfd/export/quality.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { layoutDiagramWithReport, readDocument } from '../src/lib/dfd/index.ts';
import { nodeBox } from '../src/lib/dfd/export/geometry.ts';
import { diagramScene } from '../src/lib/dfd/export/scene.ts';
import { SCREEN, sceneQuality, type Quality } from '../src/lib/dfd/export/quality.ts';

const DIR = 'content/dfd/exercises';

const cells = (q: Quality) => `${q.crossings} | ${q.labelsOverNodes} | ${q.edgesThroughNodes} | ${q.overlaps} | ${q.fitScale.toFixed(2)} (${(14 * q.fitScale).toFixed(1)} px)`;

export async function main(): Promise<void> {
  const before = JSON.parse(readFileSync('tests/fixtures/dfd/layout/before-positions.json', 'utf8')) as Record<string, Record<string, Record<string, [number, number]>>>;
  console.log(`Layout quality on the reference diagrams (fit: modeller canvas ${SCREEN.width}×${SCREEN.height} px in a 1366×800 window)\n`);
  console.log(
    '| diagram | symbols/flows | before: crossings | labels over symbols | flows through symbols | overlaps | fit (name size) | after: crossings | labels over symbols | flows through symbols | overlaps | fit (name size) | direction | time |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  const sum = { before: { crossings: 0, labels: 0, through: 0, overlaps: 0 }, after: { crossings: 0, labels: 0, through: 0, overlaps: 0 } };
  const add = (k: 'before' | 'after', q: Quality) => {
    sum[k].crossings += q.crossings;
    sum[k].labels += q.labelsOverNodes;
    sum[k].through += q.edgesThroughNodes;
    sum[k].overlaps += q.overlaps;
  };
  for (const f of readdirSync(DIR).filter((x) => x.endsWith('.dfd.json') && !x.includes('.start.'))) {
    const r = readDocument(readFileSync(`${DIR}/${f}`, 'utf8'));
    if (!r.ok) throw new Error(`${f}: ${r.error.en}`);
    const size = (n: Parameters<typeof nodeBox>[0]) => nodeBox(n, 'gane-sarson');
    for (const d of r.doc.diagrams) {
      const old = before[f]?.[d.id];
      const positions = new Map(Object.entries(old ?? {}).map(([id, [x, y]]) => [id, { x, y }]));
      const q0 = sceneQuality(diagramScene(d, 'gane-sarson', { positions, labels: 'middle', flowGap: 18 }));
      const t = performance.now();
      const { report } = await layoutDiagramWithReport(r.doc, d.id, { relayout: true, nodeSize: size });
      const ms = performance.now() - t;
      const q1 = report!.quality!;
      add('before', q0);
      add('after', q1);
      console.log(`| ${f.replace('.dfd.json', '')} ${d.id} | ${d.nodes.length}/${d.flows.length} | ${cells(q0)} | ${cells(q1)} | ${report!.direction} | ${Math.round(ms)} ms |`);
    }
  }
  const s = (x: (typeof sum)['before']) => `${x.crossings} crossings, ${x.labels} labels over symbols, ${x.through} flows through symbols, ${x.overlaps} overlaps`;
  console.log(`\nIn all, before: ${s(sum.before)}; after: ${s(sum.after)}.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}

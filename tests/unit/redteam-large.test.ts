/**
 * Large and deep documents (issue 17, point 1): the read behind every import (io/read-job.ts, run
 * in a worker by io/reader.ts) reports progress level by level and stops when cancelled; past the
 * modeller's limits a document is refused with a message naming the limit, the value and the
 * command line, and a file too large for them is refused before its text is read. A `refines`
 * chain of any depth opens or gets a message.
 */
import { describe, expect, it } from 'vitest';
import type { DfdDocument } from '../../src/schemas/dfd.ts';
import { isBfc } from '../../src/editor/model/bfc.ts';
import { generateDocument } from '../../src/lib/dfd/generate.ts';
import { serializeDocument } from '../../src/lib/dfd/index.ts';
import { LIMITS, restoreDocument } from '../../src/editor/io/restore.ts';
import { MAX_FILE_BYTES, readJob, type ReadProgress } from '../../src/editor/io/read-job.ts';

/** A generated document with every position taken away (as a hand-written or converted file has). */
function unplaced(n: number): string {
  const doc = generateDocument(n);
  for (const d of doc.diagrams)
    for (const node of d.nodes) {
      delete (node as { x?: number }).x;
      delete (node as { y?: number }).y;
    }
  return serializeDocument(doc);
}

/** A chain of `depth` diagrams, each refining the one process of the one above. */
function chain(depth: number): object {
  return {
    format: 'flowbook-dfd',
    version: 1,
    diagrams: Array.from({ length: depth }, (_, i) => ({
      id: `d${i}`,
      ...(i > 0 ? { refines: { diagram: `d${i - 1}`, process: `p${i - 1}` } } : {}),
      nodes: [{ id: `p${i}`, kind: 'process', code: `P${i}`, label: `处理${i}`, x: 0, y: 0 }],
      flows: [],
    })),
  };
}

describe('reading a large document', () => {
  it('reports progress level by level and lays out every level without positions', async () => {
    const text = unplaced(150);
    const levels = (JSON.parse(text) as DfdDocument).diagrams.length;
    const seen: ReadProgress[] = [];
    const r = await readJob(
      { text },
      'file',
      (p) => seen.push(p),
      () => false,
    );
    expect(r?.ok).toBe(true);
    if (!r?.ok || isBfc(r.value)) throw new Error('expected a data flow diagram');
    for (const d of r.value.diagrams) for (const n of d.nodes) expect([n.x, n.y].every((v) => typeof v === 'number')).toBe(true);
    const layout = seen.filter((p) => p.stage === 'layout');
    expect(seen[0]!.stage).toBe('read');
    expect(layout.map((p) => p.done)).toEqual(Array.from({ length: levels }, (_, i) => i));
    expect(layout.every((p) => p.total === levels)).toBe(true);
  }, 60_000);

  it('stops when cancelled, between levels, and gives nothing back', async () => {
    const text = unplaced(150);
    let steps = 0;
    let total = 0;
    const r = await readJob(
      { text },
      'file',
      (p) => {
        if (p.stage !== 'layout') return;
        steps++;
        total = p.total;
      },
      () => steps >= 3,
    );
    expect(r).toBeNull();
    expect(steps).toBe(3);
    expect(total).toBeGreaterThan(3);
  }, 60_000);

  it('a file too large for the limits is refused before its text is read, naming its size, the limit and the command line', async () => {
    const file = {
      size: MAX_FILE_BYTES + 1,
      text: () => {
        throw new Error('the text of a file over the limit was read');
      },
    } as unknown as Blob;
    const r = await readJob(
      { file },
      'file',
      () => {},
      () => false,
    );
    expect(r?.ok).toBe(false);
    if (r && !r.ok) {
      expect(r.error.zh).toContain(`${((MAX_FILE_BYTES + 1) / 1024 / 1024).toFixed(1)} MB`);
      expect(r.error.zh).toContain(`上限 ${(MAX_FILE_BYTES / 1024 / 1024).toFixed(1)} MB`);
      expect(r.error.zh).toContain('npm run --silent flowbook -- check');
      expect(r.error.en).toContain('command line');
    }
  });

  it('a file within the size limit is read from the file', async () => {
    const text = serializeDocument(generateDocument(20));
    const r = await readJob(
      { file: new Blob([text]) },
      'file',
      () => {},
      () => false,
    );
    expect(r?.ok).toBe(true);
  });

  it('past a limit, the message names the limit, the value and the command line', () => {
    const big = serializeDocument(generateDocument(LIMITS.nodes)); // 5,001 symbols
    const r = restoreDocument(big);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.zh).toMatch(/有 5001 个符号，超过建模器的上限 5000/);
      expect(r.error.zh).toContain('npm run --silent flowbook -- check');
    }
    const long = restoreDocument(' '.repeat(LIMITS.text + 1));
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error.zh).toContain(`${LIMITS.text + 1} 个字符，超过建模器的上限 ${LIMITS.text}`);
  });
});

describe('a refines chain of any depth opens or gets a message', () => {
  it.each([2, 10, LIMITS.depth])('%i levels open', (depth) => {
    const r = restoreDocument(chain(depth));
    expect(r.ok, r.ok ? '' : r.error.en).toBe(true);
  });

  it.each([LIMITS.depth + 1, 200, LIMITS.diagrams])('%i levels are refused, naming the limit of 50 levels', (depth) => {
    const r = restoreDocument(chain(depth));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.zh).toContain(`层以上的分解，超过建模器的上限 ${LIMITS.depth}`);
  });

  it('a chain longer than the diagram limit is refused for its diagrams', () => {
    const r = restoreDocument(chain(LIMITS.diagrams + 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.zh).toContain(`${LIMITS.diagrams + 1} 张图`);
  });

  it('a chain that loops back on itself opens or gets a message, and does not hang', () => {
    const doc = chain(30) as { diagrams: { refines?: object }[] };
    doc.diagrams[0]!.refines = { diagram: 'd29', process: 'p29' };
    const r = restoreDocument(doc);
    expect(typeof r.ok).toBe('boolean');
    if (!r.ok) expect(r.error.zh.length).toBeGreaterThan(0);
  });
});

/**
 * Exercise data: every content/exercises/*.yaml is valid and names existing .dfd.json files; every
 * reference solution (and every starting document) reads cleanly and lints with no error and no
 * warning; a starting document is a part of its reference that the student completes.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { lint, countFindings, sameElementKey } from '../../../src/lib/dfd/index.ts';
import { exerciseFiles, loadExercise, readExerciseFile, readDfd } from '../../../src/pages/exercises/_exercises.ts';

const files = exerciseFiles();

describe('exercise files', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of files) {
    describe(file, () => {
      const data = readExerciseFile(file);

      it('names existing files', () => {
        expect(existsSync(data.reference), data.reference).toBe(true);
        if (data.start) expect(existsSync(data.start), data.start).toBe(true);
      });

      it('has a learn page with the same slug', () => {
        expect(existsSync(`content/docs/learn/exercises/${data.slug}.mdx`)).toBe(true);
      });

      it('asks each kind of drawing its own question: the chart mode never shows the DFD task', () => {
        const ex = loadExercise(file);
        if (ex.task) expect(ex.task).toMatch(/数据流程图|子图/);
        if (ex.bfc) {
          // An exercise with a reference chart states what the chart must show, apart from the DFD question.
          expect(ex.chartTask, `${file}: chartTask`).toMatch(/业务流程图/);
          expect(ex.chartTask).not.toMatch(/顶层图|0 层图/);
          expect(ex.scenario).not.toMatch(/请画出/);
        }
      });

      it('loads (reference and start read without errors)', () => {
        const ex = loadExercise(file);
        expect(ex.slug).toBe(data.slug);
        expect(ex.scenario.length).toBeGreaterThan(20);
      });

      for (const [what, path] of [
        ['reference', data.reference],
        ['start', data.start],
      ] as const) {
        if (!path) continue;
        it(`${what} lints with no error and no warning`, () => {
          const findings = lint(readDfd(path, file));
          const bad = findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.diagram}/${f.element ?? ''}: ${f.message}`);
          expect(bad).toEqual([]);
          expect(countFindings(findings).errors).toBe(0);
        });
      }

      if (data.start) {
        it('start diagrams appear unchanged in the reference (which may add optional elements)', () => {
          const ref = readDfd(data.reference, file);
          const start = readDfd(data.start!, file);
          for (const d of start.diagrams) {
            const r = ref.diagrams.find((x) => x.id === d.id);
            expect(r, `diagram ${d.id}`).toBeDefined();
            const keys = (xs: typeof d.nodes) => xs.map((n) => sameElementKey(n)).sort();
            const flows = (xs: typeof d.flows) => xs.map((f) => `${f.from}>${f.to}:${f.label ?? ''}`).sort();
            // Everything handed out is in the reference, and the reference's required elements of
            // that level are all handed out: the reference may add only optional ones.
            expect(keys(d.nodes)).toEqual(expect.arrayContaining(keys(r!.nodes.filter((n) => !n.optional))));
            expect(keys(r!.nodes)).toEqual(expect.arrayContaining(keys(d.nodes)));
            expect(flows(d.flows)).toEqual(expect.arrayContaining(flows(r!.flows.filter((f) => !f.optional))));
            expect(flows(r!.flows)).toEqual(expect.arrayContaining(flows(d.flows)));
            expect(d.nodes.some((n) => n.optional) || d.flows.some((f) => f.optional)).toBe(false);
          }
          expect(start.diagrams.length).toBeLessThan(ref.diagrams.length);
        });
      }
    });
  }
});

describe('reference solutions', () => {
  it('every .dfd.json under content/dfd/exercises is used by an exercise', () => {
    const used = new Set(
      files.flatMap((f) => {
        const d = readExerciseFile(f);
        return [d.reference, d.start].filter(Boolean);
      }),
    );
    const all = readdirSync('content/dfd/exercises')
      .filter((f) => f.endsWith('.dfd.json'))
      .map((f) => `content/dfd/exercises/${f}`);
    expect(all.filter((f) => !used.has(f))).toEqual([]);
  });

  it('every reference has a data dictionary', () => {
    for (const f of files) {
      const ref = readDfd(readExerciseFile(f).reference, f);
      expect(ref.dictionary?.length ?? 0, f).toBeGreaterThan(0);
    }
  });
});

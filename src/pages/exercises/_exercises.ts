/**
 * Exercise data for the modeller's exercise mode: content/exercises/<slug>.yaml names a scenario,
 * a reference solution and an optional starting document (.dfd.json files under content/).
 * Used by the /exercises/<slug>.json endpoint and by tests/unit/exercises.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { readDocument, type DfdDocument } from '../../lib/dfd/index.ts';
import { readBfc } from '../../lib/bfc/index.ts';

export const EXERCISES_DIR = 'content/exercises';

export { exerciseFileSchema, type ExerciseFile } from '../../schemas/exercise.ts';
import { exerciseFileSchema, type ExerciseFile } from '../../schemas/exercise.ts';
import { formatIssues } from '../../schemas/issues.ts';

export type { Exercise } from '../../schemas/exercise.ts';
import type { Exercise } from '../../schemas/exercise.ts';

function root(): string {
  return process.cwd();
}

/** The exercise files (paths from the project root), sorted by name. */
export function exerciseFiles(dir = EXERCISES_DIR): string[] {
  const abs = resolve(root(), dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
    .sort()
    .map((f) => join(dir, f));
}

/** Reads and checks one exercise file; throws one message that names the file and the field. */
export function readExerciseFile(file: string): ExerciseFile {
  let data: unknown;
  try {
    data = parse(readFileSync(resolve(root(), file), 'utf8'));
  } catch (e) {
    throw new Error(`${file}: 不是有效的 YAML：${(e as Error).message}`);
  }
  const r = exerciseFileSchema.safeParse(data);
  if (!r.success) {
    throw new Error(formatIssues(file, r.error, '(文件)'));
  }
  const expected = file.replace(/^.*\//, '').replace(/\.yaml$/, '');
  if (r.data.slug !== expected) throw new Error(`${file}: slug「${r.data.slug}」应与文件名「${expected}」一致`);
  return r.data;
}

/** Reads a .dfd.json named by an exercise; throws with the file and the reader's message. */
export function readDfd(file: string, from: string): DfdDocument {
  const abs = resolve(root(), file);
  if (!existsSync(abs)) throw new Error(`${from}: 找不到文件 ${file}`);
  const r = readDocument(readFileSync(abs, 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${r.error.zh}`);
  return r.doc;
}

export function loadExercise(file: string): Exercise {
  const f = readExerciseFile(file);
  const out: Exercise = { slug: f.slug, title: f.title, scenario: f.scenario.trim(), reference: readDfd(f.reference, file) };
  if (f.task) out.task = f.task.trim();
  if (f.chartTask) out.chartTask = f.chartTask.trim();
  if (f.start) out.start = readDfd(f.start, file);
  const chart = `content/bfc/exercises/${f.slug}.bfc.json`;
  if (existsSync(resolve(root(), chart))) {
    const r = readBfc(readFileSync(resolve(root(), chart), 'utf8'));
    if (!r.ok) throw new Error(`${chart}: ${r.error.zh}`);
    out.bfc = r.doc;
  }
  return out;
}

export function loadExercises(dir = EXERCISES_DIR): Exercise[] {
  return exerciseFiles(dir).map((f) => loadExercise(f));
}

/**
 * Loads content/procedures/*.yaml, validates each with the procedure schema, and fails the build
 * with one line per problem naming the file, the activity and the role. Framework-free: the Astro
 * collection that uses it is src/loaders/procedures.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { procedureSchema, formatProcedureIssues, type Procedure } from '../../schemas/procedure.ts';

export const PROCEDURES_DIR = 'content/procedures';

export class ProcedureDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProcedureDataError';
  }
}

/** Parses and checks one procedure file's text; throws ProcedureDataError naming the problems. */
export function readProcedure(file: string, text: string): Procedure {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ProcedureDataError(`${file}: 不是合法的 YAML：${(e as Error).message}`);
  }
  const parsed = procedureSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ProcedureDataError(`流程数据有误（${file}）：\n${formatProcedureIssues(file, parsed.error)}`);
  }
  return parsed.data;
}

/** Cross-file checks: unique slugs, one name per role id. */
export function checkProcedureSet(items: Array<{ file: string; data: Procedure }>): void {
  const problems: string[] = [];
  const slugs = new Map<string, string>();
  const roleNames = new Map<string, { name: string; file: string }>();
  const roleIds = new Map<string, { id: string; file: string }>();
  for (const { file, data } of items) {
    const other = slugs.get(data.slug);
    if (other) problems.push(`${file}: slug「${data.slug}」与 ${other} 重复`);
    slugs.set(data.slug, file);
    for (const r of data.roles) {
      const seen = roleNames.get(r.id);
      if (seen && seen.name !== r.name) {
        problems.push(`${file}: 角色 id「${r.id}」在 ${seen.file} 中叫「${seen.name}」，这里叫「${r.name}」；同一 id 必须同名`);
      } else if (!seen) roleNames.set(r.id, { name: r.name, file });
      const sameName = roleIds.get(r.name);
      if (sameName && sameName.id !== r.id) {
        problems.push(`${file}: 角色「${r.name}」的 id 是「${r.id}」，而 ${sameName.file} 中同名角色的 id 是「${sameName.id}」；同一角色只能有一个 id`);
      } else if (!sameName) roleIds.set(r.name, { id: r.id, file });
    }
  }
  if (problems.length) throw new ProcedureDataError(`流程数据有误：\n${problems.join('\n')}`);
}

export async function readAllProcedures(root = process.cwd()): Promise<Array<{ file: string; data: Procedure }>> {
  const dir = join(root, PROCEDURES_DIR);
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n) && !n.startsWith('_')).sort();
  const items = await Promise.all(
    names.map(async (n) => {
      const file = relative(root, join(dir, n));
      return { file, data: readProcedure(file, await readFile(join(dir, n), 'utf8')) };
    }),
  );
  checkProcedureSet(items);
  return items;
}

import { getEntry, getCollection } from 'astro:content';
import type { Procedure } from '../../schemas/procedure.ts';

export async function procedure(slug: string): Promise<Procedure> {
  const entry = await getEntry('procedures', slug);
  if (!entry) throw new Error(`没有流程数据 content/procedures/${slug}.yaml（组件参数 procedure="${slug}"）`);
  return entry.data as unknown as Procedure;
}

export async function allProcedures(): Promise<Procedure[]> {
  return (await getCollection('procedures')).map((e) => e.data as unknown as Procedure);
}

/**
 * /procedures/<slug>.raci.csv: a procedure's responsibility matrix as CSV (UTF-8 with BOM), the file
 * the matrix's 下载责任矩阵 CSV link downloads. A file of its own rather than a data: URI in the
 * page, which weighed about 9 KB of HTML on the widest matrix.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allProcedures } from '../../components/procedure/load.ts';
import { matrixCsv } from '../../lib/procedures/views.ts';
import type { Procedure } from '../../schemas/procedure.ts';

export const getStaticPaths = (async () => (await allProcedures()).map((procedure) => ({ params: { slug: procedure.slug }, props: { procedure } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { procedure } = props as { procedure: Procedure };
  return new Response(matrixCsv(procedure), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};

/**
 * /exercises/<slug>.json: an exercise for the modeller's exercise mode —
 * `{ slug, title, scenario, reference: DfdDocument, start?: DfdDocument }`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadExercises, type Exercise } from './_exercises.ts';

export const getStaticPaths = (() => loadExercises().map((exercise) => ({ params: { slug: exercise.slug }, props: { exercise } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { exercise } = props as { exercise: Exercise };
  return new Response(JSON.stringify(exercise), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

/** zod problems as the build reports them: one line per problem, `file: path: message`, the path as `roles[2].id`. */
import type { z } from 'zod';

export function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

export function formatIssues(file: string, error: z.ZodError, root = '(root)'): string {
  return error.issues.map((i) => `${file}: ${issuePath(i.path) || root}: ${i.message}`).join('\n');
}

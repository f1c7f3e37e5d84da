/**
 * A procedure's structured data (content/procedures/<slug>.yaml): roles, activities with their
 * RACI assignments, forms and glossary terms. The procedure page, the role pages, the forms index
 * and the glossary are all generated from it. The build refuses a file that breaks the rules
 * below, naming the file, the activity and the role.
 */
import { z } from 'zod';
import { formatIssues } from './issues.ts';

export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能用小写英文字母、数字和连字符（kebab-case），例如 project-manager');

/** One cell of the matrix: R, A, C, I, or a combination such as "A/R". */
export const raciValueSchema = z.string().regex(/^[RACI](?:\/[RACI])*$/, '只能是 R、A、C、I 之一，或用 “/” 连接的组合（如 A/R）');

export const roleSchema = z.object({
  id: slugSchema,
  name: z.string().min(1),
  /** Who this is, in one sentence (optional). */
  description: z.string().optional(),
  /** Duties of this role in this procedure, as the source lists them. */
  duties: z.array(z.string().min(1)).default([]),
});

export const activitySchema = z.object({
  id: slugSchema,
  /** The step number shown on the page, e.g. "3" or "3.2". */
  step: z.string().min(1),
  name: z.string().min(1),
  raci: z.record(z.string(), raciValueSchema),
  /** Forms/deliverables (ids from `forms`) this activity produces. */
  produces: z.array(slugSchema).default([]),
  /** Forms/deliverables (ids from `forms`) this activity uses. */
  uses: z.array(slugSchema).default([]),
  /** Deadline as the source states it, e.g. "收到申请后三个工作日内". */
  deadline: z.string().optional(),
  /**
   * Roles whose letter in this row is the page's own inference: the source names no one for the
   * step. The matrix marks these cells and its legend says what the mark means.
   */
  inferred: z.array(slugSchema).default([]),
});

export const formSchema = z.object({
  id: slugSchema,
  name: z.string().min(1),
  /** 表单, 文档, 报告, 计划, 合同, 清单 … */
  kind: z.string().default('表单'),
  description: z.string().optional(),
  fields: z.array(z.string()).default([]),
  /** Copies and who keeps each, as the source says. */
  copies: z.string().optional(),
});

export const glossarySchema = z.object({
  term: z.string().min(1),
  definition: z.string().min(1),
});

/**
 * A phase of a long procedure: its name and the activity it starts with; it runs to the next
 * phase's first activity. The page draws one overview box per phase and one chart per phase.
 */
export const phaseSchema = z.object({
  name: z.string().min(1),
  from: slugSchema,
  /** The source sets no order between this phase and the one before: the overview draws no arrow between them. */
  parallel: z.boolean().default(false),
});

export const procedureSchema = z
  .object({
    /** Same as the page: /procedures/<slug>/ */
    slug: slugSchema,
    title: z.string().min(1),
    owner: z.string().min(1),
    source: z.string().min(1),
    roles: z.array(roleSchema).min(1),
    activities: z.array(activitySchema).min(1),
    forms: z.array(formSchema).default([]),
    glossary: z.array(glossarySchema).default([]),
    phases: z.array(phaseSchema).default([]),
  })
  .superRefine((p, ctx) => {
    const roleIds = new Set<string>();
    p.roles.forEach((r, i) => {
      if (roleIds.has(r.id)) ctx.addIssue({ code: 'custom', path: ['roles', i, 'id'], message: `角色 id「${r.id}」重复` });
      roleIds.add(r.id);
    });
    const formIds = new Set(p.forms.map((f) => f.id));
    const activityIds = new Set<string>();
    p.activities.forEach((a, i) => {
      const here = `活动「${a.step} ${a.name}」(${a.id})`;
      if (activityIds.has(a.id)) ctx.addIssue({ code: 'custom', path: ['activities', i, 'id'], message: `${here}：活动 id 重复` });
      activityIds.add(a.id);
      const entries = Object.entries(a.raci);
      for (const [role] of entries) {
        if (!roleIds.has(role)) {
          ctx.addIssue({
            code: 'custom',
            path: ['activities', i, 'raci', role],
            message: `${here}：角色「${role}」不在本流程的 roles 中`,
          });
        }
      }
      a.inferred.forEach((role, j) => {
        if (!a.raci[role]) {
          ctx.addIssue({
            code: 'custom',
            path: ['activities', i, 'inferred', j],
            message: `${here}：inferred 中的角色「${role}」在本行没有字母`,
          });
        }
      });
      const accountable = entries.filter(([, v]) => v.split('/').includes('A')).map(([r]) => r);
      if (accountable.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['activities', i, 'raci'],
          message:
            accountable.length === 0
              ? `${here}：没有 A（批准/最终负责）角色，每个活动必须恰好有一个 A`
              : `${here}：有 ${accountable.length} 个 A（${accountable.join('、')}），每个活动必须恰好有一个 A`,
        });
      }
      if (!entries.some(([, v]) => v.split('/').includes('R'))) {
        ctx.addIssue({
          code: 'custom',
          path: ['activities', i, 'raci'],
          message: `${here}：没有 R（执行）角色，每个活动至少要有一个 R`,
        });
      }
      for (const key of ['produces', 'uses'] as const) {
        a[key].forEach((f, j) => {
          if (!formIds.has(f)) {
            ctx.addIssue({
              code: 'custom',
              path: ['activities', i, key, j],
              message: `${here}：表单「${f}」不在本流程的 forms 中`,
            });
          }
        });
      }
    });
    const order = new Map(p.activities.map((a, i) => [a.id, i]));
    p.phases.forEach((ph, i) => {
      const at = order.get(ph.from);
      if (at === undefined) {
        ctx.addIssue({ code: 'custom', path: ['phases', i, 'from'], message: `阶段「${ph.name}」：from 的活动「${ph.from}」不在本流程的 activities 中` });
      } else if (i === 0 && at !== 0) {
        ctx.addIssue({ code: 'custom', path: ['phases', i, 'from'], message: `阶段「${ph.name}」：第一个阶段必须从第一个活动（${p.activities[0]!.id}）开始` });
      } else if (i > 0 && at <= (order.get(p.phases[i - 1]!.from) ?? -1)) {
        ctx.addIssue({ code: 'custom', path: ['phases', i, 'from'], message: `阶段「${ph.name}」：必须在上一个阶段「${p.phases[i - 1]!.name}」之后开始` });
      }
    });
  });

export type Procedure = z.infer<typeof procedureSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type Form = z.infer<typeof formSchema>;
export type Phase = z.infer<typeof phaseSchema>;

/** One readable line per problem: `file: path: message`. */
export function formatProcedureIssues(file: string, error: z.ZodError): string {
  return formatIssues(file, error);
}

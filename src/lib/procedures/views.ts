/** Views generated from procedure data: matrix rows, CSV, role index, forms index, glossary. Pure. */
import type { Procedure } from '../../schemas/procedure.ts';

export const RACI_LEGEND: Record<string, string> = {
  R: '执行（Responsible）',
  A: '批准/最终负责（Accountable）',
  C: '咨询（Consulted）',
  I: '知会（Informed）',
};

/** The mark of a matrix letter that is the page's own inference, and what it means. */
export const INFERRED_MARK = '*';
export const INFERRED_LEGEND = '本页推断：原文没有写明这一步由谁负责，字母是本页根据上下文所作的安排';

/** The letter of a cell as shown and exported: with the inference mark when it is one. */
export function cellText(a: { raci: Record<string, string>; inferred?: string[] }, role: string): string {
  const v = a.raci[role];
  if (!v) return '';
  return a.inferred?.includes(role) ? v + INFERRED_MARK : v;
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The matrix as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese correctly). */
export function matrixCsv(p: Procedure): string {
  const header = ['步骤', '活动', ...p.roles.map((r) => r.name)];
  const rows = p.activities.map((a) => [a.step, a.name, ...p.roles.map((r) => cellText(a, r.id))]);
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export interface RoleDuty {
  procedure: { slug: string; title: string };
  /** What the role is in this procedure, if the data says. */
  description?: string;
  duties: string[];
  /** The steps the role has a letter in: each links to `/procedures/<slug>/#step-<id>` (stepAnchor). */
  activities: Array<{
    id: string;
    step: string;
    name: string;
    value: string;
    inferred: boolean;
    deadline?: string;
    /** Names of the forms the step produces and uses. */
    produces: string[];
    uses: string[];
  }>;
}

/** The anchor of a step on its procedure page (a row of the responsibility matrix). */
export function stepAnchor(slug: string, activityId: string, prefix = ''): string {
  return `${prefix}/procedures/${slug}/#step-${activityId}`;
}

export interface RoleView {
  id: string;
  name: string;
  procedures: RoleDuty[];
}

export function roleViews(procedures: Procedure[]): RoleView[] {
  const map = new Map<string, RoleView>();
  for (const p of procedures) {
    const formName = new Map(p.forms.map((f) => [f.id, f.name]));
    for (const r of p.roles) {
      const view = map.get(r.id) ?? { id: r.id, name: r.name, procedures: [] };
      view.procedures.push({
        procedure: { slug: p.slug, title: p.title },
        description: r.description,
        duties: r.duties,
        activities: p.activities
          .filter((a) => a.raci[r.id])
          .map((a) => ({
            id: a.id,
            step: a.step,
            name: a.name,
            value: a.raci[r.id]!,
            inferred: a.inferred.includes(r.id),
            deadline: a.deadline,
            produces: a.produces.map((f) => formName.get(f) ?? f),
            uses: a.uses.map((f) => formName.get(f) ?? f),
          })),
      });
      map.set(r.id, view);
    }
  }
  return [...map.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export interface FormView {
  id: string;
  name: string;
  kind: string;
  description?: string;
  fields: string[];
  copies?: string;
  procedure: { slug: string; title: string };
  producedBy: Array<{ step: string; name: string }>;
  usedBy: Array<{ step: string; name: string }>;
}

export function formViews(procedures: Procedure[]): FormView[] {
  const out: FormView[] = [];
  for (const p of procedures) {
    for (const f of p.forms) {
      out.push({
        ...f,
        procedure: { slug: p.slug, title: p.title },
        producedBy: p.activities.filter((a) => a.produces.includes(f.id)).map((a) => ({ step: a.step, name: a.name })),
        usedBy: p.activities.filter((a) => a.uses.includes(f.id)).map((a) => ({ step: a.step, name: a.name })),
      });
    }
  }
  return out;
}

export interface GlossaryView {
  term: string;
  definitions: Array<{ definition: string; procedure: { slug: string; title: string } }>;
}

export function glossaryViews(procedures: Procedure[]): GlossaryView[] {
  const map = new Map<string, GlossaryView>();
  for (const p of procedures) {
    for (const g of p.glossary) {
      const v = map.get(g.term) ?? { term: g.term, definitions: [] };
      v.definitions.push({ definition: g.definition, procedure: { slug: p.slug, title: p.title } });
      map.set(g.term, v);
    }
  }
  return [...map.values()].sort((a, b) => a.term.localeCompare(b.term, 'zh-CN'));
}

/**
 * The role columns split into groups of at most `max`, as even as possible, for printing a wide
 * matrix on A4: each group is printed as its own table that repeats the step column.
 */
export function columnGroups<T>(items: T[], max = 8): T[][] {
  if (items.length === 0) return [];
  const count = Math.ceil(items.length / max);
  const size = Math.ceil(items.length / count);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface StepCard {
  /** The activity's id: its anchor on the procedure page is `#step-<id>`. */
  id: string;
  step: string;
  name: string;
  deadline?: string;
  /** Roles with a letter in this step, grouped A, R, C, I (a role with "A/R" is listed once, under A). */
  entries: Array<{ letter: string; roles: Array<{ id: string; name: string; value: string; inferred: boolean }> }>;
}

/** What stepCards reads of a procedure (the page's script rebuilds it from the matrix table). */
export interface MatrixData {
  roles: Array<{ id: string; name: string }>;
  activities: Array<{ id: string; step: string; name: string; deadline?: string | undefined; raci: Record<string, string>; inferred: string[] }>;
}

/** The matrix read row by row: for each step, which roles are R, A, C, I (the phone card view). */
export function stepCards(p: MatrixData): StepCard[] {
  const order = ['A', 'R', 'C', 'I'];
  return p.activities.map((a) => {
    const entries = order
      .map((letter) => ({
        letter,
        roles: p.roles
          .filter((r) => {
            const v = a.raci[r.id];
            if (!v) return false;
            // A role's strongest letter decides its group: A before R before C before I.
            const strongest = order.find((l) => v.split('/').includes(l));
            return strongest === letter;
          })
          .map((r) => ({ id: r.id, name: r.name, value: a.raci[r.id]!, inferred: a.inferred.includes(r.id) })),
      }))
      .filter((e) => e.roles.length > 0);
    return { id: a.id, step: a.step, name: a.name, deadline: a.deadline, entries };
  });
}

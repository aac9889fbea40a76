/**
 * The publication plan file's schema and its checks against a catalog. Kept apart from `plan.ts` so
 * the browser, which reads plans the server has already checked, does not load zod for them.
 */
import { z } from 'zod';
import type { Catalog } from './catalog';
import { periodKinds } from './periods';
import { type PublicationPlan, planGeographies, planTableCode, resolvePlanTable } from './plan';

const code = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_]*$/, 'codes use lower-case letters, digits and underscores')
  .max(48);

const grainsSchema = z
  .array(z.enum(periodKinds, { message: `a period grain is one of ${periodKinds.join(', ')}` }))
  .min(1, 'name at least one period grain');

const reachSchema = z
  .strictObject(
    { coalition: grainsSchema.optional(), county: grainsSchema.optional() },
    { error: 'a geography is "coalition" or "county"' },
  )
  .refine((r) => planGeographies.some((g) => r[g] !== undefined), 'name "coalition", "county" or both');

const tableSchema = z
  .object({
    element: code,
    breakdown: code.optional(),
    by: code.optional(),
    grouping: code.optional(),
    note: z.string().trim().min(1).optional(),
    members: reachSchema.optional(),
    public: reachSchema.optional(),
  })
  .strict();

export const planSchema = z
  .object({
    version: z.number().int().positive(),
    label: z.string().trim().min(1),
    tables: z.array(tableSchema).min(1),
  })
  .strict();

/**
 * Everything the schema cannot say about a plan: every table resolves in the catalog, no table is
 * listed twice, each table reaches an audience, and an element's category is published in at most
 * one grouping (two overlapping groupings would add sums the engine does not model). Plain words;
 * an empty list means the plan is coherent.
 */
export function planProblems(plan: PublicationPlan, catalog: Catalog): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const groupingOf = new Map<string, string>();
  for (const entry of plan.tables) {
    const resolved = resolvePlanTable(catalog, entry);
    if (typeof resolved === 'string') {
      problems.push(resolved);
      continue;
    }
    const key = `${planTableCode(entry)} ${entry.by ?? ''}`;
    if (seen.has(key))
      problems.push(`Table "${planTableCode(entry)}"${entry.by ? ` by ${entry.by}` : ''} is listed twice.`);
    seen.add(key);
    if (!entry.members && !entry.public)
      problems.push(`Table "${planTableCode(entry)}" names no audience: add "members" or "public".`);
    if (entry.public?.county)
      problems.push(
        `Table "${planTableCode(entry)}" is published to the public by county: the public sees coalition-wide figures only.`,
      );
    if (resolved.grouping) {
      const category = `${entry.element} ${resolved.grouping.category}`;
      const other = groupingOf.get(category);
      if (other !== undefined && other !== resolved.grouping.code)
        problems.push(
          `"${entry.element}" groups "${resolved.grouping.category}" two ways ("${other}" and "${resolved.grouping.code}"): publish one grouping of a category.`,
        );
      groupingOf.set(category, resolved.grouping.code);
    }
  }
  return problems;
}

/** Parses and checks a plan against its catalog, throwing one readable error listing every problem. */
export function parsePlan(input: unknown, catalog: Catalog): PublicationPlan {
  const parsed = planSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || 'plan'}: ${i.message}`);
    throw new Error(`The publication plan is not valid:\n  ${lines.join('\n  ')}`);
  }
  const problems = planProblems(parsed.data, catalog);
  if (problems.length > 0)
    throw new Error(`The publication plan does not fit the catalog:\n  ${problems.join('\n  ')}`);
  return parsed.data;
}

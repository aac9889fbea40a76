/**
 * The report template file's schema and its checks against the catalog and the publication plan,
 * in the manner of `planSchema.ts`: the schema says what a template file looks like; `templateProblems`
 * says, in plain words naming the section, everything else that would make a report wrong.
 */
import { z } from 'zod';
import type { Catalog } from './catalog';
import { type PeriodKind, periodKinds } from './periods';
import { type PlanAudience, type PublicationPlan, planTableCode, resolvePlanTable } from './plan';
import {
  chartKinds,
  periodKindWords,
  planEntryOf,
  type ReportSection,
  type ReportTableRef,
  type ReportTemplate,
  reportAreas,
  reportAudiences,
  reportKinds,
  tablesOf,
} from './reportTemplate';
import { listWords } from './words';

const code = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_]*$/, 'codes use lower-case letters, digits and underscores')
  .max(48);
const text = z.string().trim().min(1);
const kindsOfPeriod = z
  .array(z.enum(periodKinds, { message: `a period kind is one of ${periodKinds.join(', ')}` }))
  .min(1, 'name at least one period kind');

const tableRef = z.strictObject({
  element: code,
  breakdown: code.optional(),
  by: code.optional(),
  grouping: code.optional(),
});

const titled = { code, title: text };
const trendPeriods = z.strictObject({
  kind: z.enum(periodKinds, { message: `a period kind is one of ${periodKinds.join(', ')}` }),
  count: z.number().int().min(2, 'a trend spans at least 2 periods').max(40),
});
const tableFields = {
  ...titled,
  table: tableRef,
  periodKinds: kindsOfPeriod.optional(),
  rowOrder: z.array(code).min(1).optional(),
  note: text.optional(),
};

const sectionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('table'), ...tableFields }),
    z.strictObject({
      kind: z.literal('chart'),
      ...tableFields,
      chart: z.enum(chartKinds, { message: `a chart is one of ${chartKinds.join(', ')}` }),
    }),
    z.strictObject({
      kind: z.literal('trend'),
      ...titled,
      elements: z.array(code).min(1, 'name at least one element'),
      periods: trendPeriods,
      countyPeriods: trendPeriods.optional(),
      previousYear: z.boolean().optional(),
      note: text.optional(),
    }),
    z.strictObject({ kind: z.literal('completeness'), ...titled }),
    z.strictObject({ kind: z.literal('definitions'), ...titled }),
    z.strictObject({
      kind: z.literal('narrative'),
      ...titled,
      prompt: text,
      maxLength: z
        .number({ message: 'a narrative needs a maxLength: the most characters the lead may write' })
        .int()
        .min(100, 'give a narrative room for at least 100 characters')
        .max(20_000),
    }),
    z.strictObject({ kind: z.literal('disclaimer'), ...titled, text }),
  ],
  { error: 'a section kind is one of table, chart, trend, completeness, definitions, narrative, disclaimer' },
);

export const reportTemplateSchema = z.strictObject({
  code,
  name: text,
  version: z.number().int().positive(),
  description: text,
  audience: z.enum(reportAudiences, { message: `the audience is one of ${reportAudiences.join(', ')}` }),
  periodKinds: kindsOfPeriod,
  areas: z
    .array(z.enum(reportAreas, { message: 'an area is "coalition" or "county"' }))
    .min(1, 'name "coalition", "county" or both'),
  kinds: z
    .array(z.enum(reportKinds, { message: 'a report kind is "protected" or "confidential"' }))
    .min(1, 'name "protected", "confidential" or both'),
  sections: z.array(sectionSchema).min(1, 'a template has at least one section'),
});

/** The period kinds a trend's periods tile exactly, so a trend ends where the report's period ends. */
const tiles: Record<PeriodKind, readonly PeriodKind[]> = {
  quarter: periodKinds,
  half: ['half', 'year', 'sfy'],
  year: ['year'],
  fy: ['fy'],
  sfy: ['sfy'],
};

// Edit distance, to suggest the code a typo meant.
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
        (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return row[b.length] ?? 0;
}

/**
 * "it has age_minor_adult": the one code a typo was near, else every code there is to choose from;
 * "it has no groupings" when there is none.
 */
function itHas(wrong: string, candidates: readonly string[], noun: string): string {
  if (candidates.length === 0) return `it has no ${noun}`;
  const near = candidates.filter((c) => distance(wrong, c) <= 2);
  return `it has ${(near.length === 1 ? near : candidates).join(', ')}`;
}

const elementsOf = (catalog: Catalog) => catalog.sections.flatMap((s) => s.elements);

/** Checks one table reference against the catalog, in words that name what to change. */
function tableRefProblem(where: string, ref: ReportTableRef, catalog: Catalog): string | null {
  const elements = elementsOf(catalog);
  const element = elements.find((e) => e.code === ref.element);
  if (!element)
    return `${where} names element ${ref.element}, which the catalog does not have; ${itHas(
      ref.element,
      elements.map((e) => e.code),
      'elements',
    )}.`;
  if (ref.breakdown !== undefined && !element.disaggregations.includes(ref.breakdown))
    return `${where} names breakdown ${ref.breakdown}, which ${element.code} is not reported by; ${element.disaggregations.length ? `it is reported by ${element.disaggregations.join(', ')}` : 'it has its total only'}.`;
  const combo = catalog.categoryCombos.find((c) => c.code === ref.breakdown);
  if (ref.by !== undefined && combo && !combo.categories.includes(ref.by))
    return `${where} names category ${ref.by}, which breakdown ${combo.code} does not have; ${itHas(ref.by, combo.categories, 'categories')}.`;
  if (ref.grouping !== undefined) {
    const groupings = catalog.groupings ?? [];
    if (!groupings.some((g) => g.code === ref.grouping)) {
      const category = ref.by ?? (combo?.categories.length === 1 ? combo.categories[0] : undefined);
      const fitting = groupings.filter((g) => category === undefined || g.category === category);
      return `${where} names grouping ${ref.grouping}, which the catalog does not have; ${itHas(
        ref.grouping,
        (fitting.length ? fitting : groupings).map((g) => g.code),
        'groupings',
      )}.`;
    }
  }
  const resolved = resolvePlanTable(catalog, ref);
  // The plan's words start `Table "code":`; the section says which table it is.
  if (typeof resolved === 'string') return `${where}: ${resolved.replace(/^Table "[^"]*"( by \S+)?: /, '')}`;
  return null;
}

/** "; it publishes them for a county by calendar years, …": the period kinds all of them have there. */
function countyKindsNote(plan: PublicationPlan, reader: PlanAudience, elements: string[]): string {
  const kinds = periodKinds.filter((kind) =>
    elements.every((element) => planEntryOf(plan, { element })?.[reader]?.county?.includes(kind)),
  );
  return kinds.length
    ? `; it publishes ${elements.length === 1 ? 'it' : 'them'} for a county by ${periodKindWords(kinds)}`
    : `; it publishes ${elements.length === 1 ? 'it' : 'them'} for no county period`;
}

const sectionName = (index: number, section: ReportSection) => `Section ${index + 1} (“${section.title}”)`;
const tableName = (ref: ReportTableRef) => `${planTableCode(ref)}${ref.by ? ` by ${ref.by}` : ''}`;

/**
 * Everything the schema cannot say about a template: every table resolves in the catalog and, where
 * the report may be protected, is published by the plan (to the public, for a public report); section
 * codes are unique; a section's period kinds are ones the template accepts; a trend's periods end where
 * the report's period ends; a report read by members or the public is protected only (exact figures go
 * only to a funder). Plain words, each naming the section; an empty list means the template is sound.
 */
export function templateProblems(
  template: ReportTemplate,
  catalog: Catalog,
  plan: PublicationPlan,
): string[] {
  const problems: string[] = [];
  const elementCodes = elementsOf(catalog).map((e) => e.code);
  const mayBeProtected = template.kinds.includes('protected');
  if (template.kinds.includes('confidential') && template.audience !== 'funder')
    problems.push(
      `The template is read by ${template.audience === 'public' ? 'the public' : 'coalition members'}, so its figures must be protected: remove "confidential" from kinds (exact figures go only to a funder).`,
    );
  const seen = new Set<string>();
  template.sections.forEach((section, index) => {
    const where = sectionName(index, section);
    if (seen.has(section.code))
      problems.push(
        `${where} has code ${section.code}, which an earlier section has: give each section its own code.`,
      );
    seen.add(section.code);

    if (section.kind === 'table' || section.kind === 'chart') {
      const refProblem = tableRefProblem(where, section.table, catalog);
      if (refProblem) {
        problems.push(refProblem);
        return;
      }
      const outside = (section.periodKinds ?? []).filter((k) => !template.periodKinds.includes(k));
      if (outside.length)
        problems.push(
          `${where} is shown for ${periodKindWords(outside)}, which the template does not accept; it accepts ${periodKindWords(template.periodKinds)}.`,
        );
      const resolved = resolvePlanTable(catalog, section.table);
      if (section.rowOrder && typeof resolved !== 'string') {
        const rows = resolved.grouping
          ? resolved.grouping.groups.map((g) => g.code)
          : resolved.shown.length === 1
            ? (resolved.shown[0]?.options.map((o) => o.code) ?? [])
            : [];
        for (const row of section.rowOrder.filter((r) => !rows.includes(r)))
          problems.push(
            `${where} orders row ${row}, which the table does not have; ${itHas(row, rows, 'rows to order')}.`,
          );
      }
    }

    if (section.kind === 'trend') {
      for (const element of section.elements.filter((e) => !elementCodes.includes(e)))
        problems.push(
          `${where} names element ${element}, which the catalog does not have; ${itHas(element, elementCodes, 'elements')}.`,
        );
      const untiled = template.periodKinds.filter((k) => !tiles[section.periods.kind].includes(k));
      if (untiled.length)
        problems.push(
          `${where} follows ${periodKindWords([section.periods.kind])}, which do not end where ${periodKindWords(untiled)} end: follow quarters, or periods of the report's own kind.`,
        );
      // A county's periods may end before the report's (a quarter's brief shows the fiscal years up
      // to it), so they need not tile the report's periods; only a county report uses them.
      if (section.countyPeriods && !template.areas.includes('county'))
        problems.push(
          `${where} has countyPeriods, but the template is not made for a county: remove countyPeriods, or add "county" to areas.`,
        );
    }

    if (!mayBeProtected) return;
    if (section.kind === 'trend' && section.countyPeriods && template.areas.includes('county')) {
      const countyKind = section.countyPeriods.kind;
      const reader = template.audience === 'public' ? 'public' : 'members';
      const unpublished = section.elements.filter((element) => {
        const entry = planEntryOf(plan, { element });
        return entry && !entry[reader]?.county?.includes(countyKind);
      });
      if (unpublished.length)
        problems.push(
          `${where} follows ${periodKindWords([countyKind])} for a county, but the publication plan does not publish ${listWords(unpublished)} ${reader === 'public' ? 'to the public' : 'to members'} for a county by ${periodKindWords([countyKind])}${countyKindsNote(plan, reader, unpublished)}: choose period kinds the plan publishes for counties, or publish them in plan.json.`,
        );
    }
    for (const ref of tablesOf(section)) {
      if (!elementCodes.includes(ref.element)) continue;
      const entry = planEntryOf(plan, ref);
      if (!entry)
        problems.push(
          `${where} needs table ${tableName(ref)}, which the publication plan does not publish: a protected report shows only published tables. Publish it in plan.json, or make the template confidential only.`,
        );
      else if (template.audience === 'public' && !entry.public)
        problems.push(
          `${where} needs table ${tableName(ref)}, which the plan publishes to members only: a report for the public cannot show it.`,
        );
    }
  });
  return problems;
}

/** Parses and checks a template, throwing one readable error listing every problem. */
export function parseReportTemplate(input: unknown, catalog: Catalog, plan: PublicationPlan): ReportTemplate {
  const parsed = reportTemplateSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || 'template'}: ${i.message}`);
    throw new Error(`it is not a valid report template:\n  ${lines.join('\n  ')}`);
  }
  const template: ReportTemplate = parsed.data;
  const problems = templateProblems(template, catalog, plan);
  if (problems.length > 0)
    throw new Error(`it does not fit the catalog and plan:\n  ${problems.join('\n  ')}`);
  return template;
}

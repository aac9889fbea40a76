/**
 * The catalog file's schema and its coherence checks. Kept apart from `catalog.ts` so the browser,
 * which only reads catalogs the server has already checked, does not load zod for them.
 */
import { z } from 'zod';
import { agencyTypes } from './agencyTypes';
import { type Catalog, ruleOperators } from './catalog';
import { parseExpression, referencesOf } from './rules';

const code = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_]*$/, 'codes use lower-case letters, digits and underscores')
  .max(48);
const text = z.string().trim().min(1);

const optionSchema = z.object({ code, name: text, description: text.optional() });

const categorySchema = z.object({
  code,
  name: text,
  description: text.optional(),
  multiSelect: z.boolean().default(false),
  options: z.array(optionSchema).min(2),
});

const comboSchema = z.object({
  code,
  name: text,
  categories: z.array(code).min(1).max(2),
});

const elementSchema = z.object({
  code,
  name: text,
  description: text,
  kind: z.enum(['people', 'activity']),
  periodAggregation: z.enum(['sum', 'first_plus_new']),
  newElement: code.optional(),
  agencyAggregation: z.literal('sum').default('sum'),
  disaggregations: z.array(code).default([]),
});

const sectionSchema = z.object({
  code,
  name: text,
  description: text,
  agencyTypes: z.array(z.enum(agencyTypes)).min(1),
  elements: z.array(elementSchema).min(1),
});

/**
 * A coarser way to publish a category: each group is made of some of its options (minors under 18 /
 * adults / unknown). Every option belongs to exactly one group, so the groups add up as the options do.
 */
const groupingSchema = z.object({
  code,
  name: text,
  description: text.optional(),
  category: code,
  groups: z.array(z.object({ code, name: text, options: z.array(code).min(1) })).min(2),
});

const ruleSchema = z.object({
  code,
  description: text,
  left: text,
  operator: z.enum(ruleOperators),
  right: text,
  severity: z.enum(['error', 'warning']),
  message: text,
});

export const catalogSchema = z.object({
  version: z.number().int().positive(),
  label: text,
  categories: z.array(categorySchema).min(1),
  categoryCombos: z.array(comboSchema).min(1),
  sections: z.array(sectionSchema).min(1),
  validationRules: z.array(ruleSchema).default([]),
  groupings: z.array(groupingSchema).default([]),
});

function duplicates(codes: string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const c of codes) (seen.has(c) ? repeated : seen).add(c);
  return [...repeated];
}

/**
 * Everything a schema cannot say about a catalog: codes unique, references resolvable, multi-select
 * categories alone in their combination, rules parseable and naming real elements and cells.
 * Returns the problems in plain words; an empty list means the catalog is coherent.
 */
export function catalogProblems(catalog: Catalog): string[] {
  const problems: string[] = [];
  const categories = new Map(catalog.categories.map((c) => [c.code, c]));
  const combos = new Map(catalog.categoryCombos.map((c) => [c.code, c]));
  const elements = new Map(catalog.sections.flatMap((s) => s.elements).map((e) => [e.code, e]));

  for (const c of duplicates(catalog.categories.map((c) => c.code)))
    problems.push(`category "${c}" is defined twice`);
  for (const c of duplicates(catalog.categoryCombos.map((c) => c.code)))
    problems.push(`category combination "${c}" is defined twice`);
  for (const c of duplicates(catalog.sections.map((s) => s.code)))
    problems.push(`section "${c}" is defined twice`);
  for (const c of duplicates(catalog.sections.flatMap((s) => s.elements.map((e) => e.code))))
    problems.push(`data element "${c}" is defined twice`);
  for (const c of duplicates(catalog.validationRules.map((r) => r.code)))
    problems.push(`validation rule "${c}" is defined twice`);
  for (const category of catalog.categories) {
    for (const o of duplicates(category.options.map((o) => o.code)))
      problems.push(`category "${category.code}" lists option "${o}" twice`);
  }

  for (const combo of catalog.categoryCombos) {
    for (const c of duplicates(combo.categories))
      problems.push(`category combination "${combo.code}" names category "${c}" twice`);
    for (const categoryCode of combo.categories) {
      const category = categories.get(categoryCode);
      if (!category)
        problems.push(`category combination "${combo.code}" names unknown category "${categoryCode}"`);
      else if (category.multiSelect && combo.categories.length > 1)
        problems.push(
          `category combination "${combo.code}" crosses multi-select category "${categoryCode}" with another category`,
        );
    }
  }

  for (const c of duplicates(catalog.groupings.map((g) => g.code)))
    problems.push(`grouping "${c}" is defined twice`);
  for (const grouping of catalog.groupings) {
    const category = categories.get(grouping.category);
    if (!category) {
      problems.push(`grouping "${grouping.code}" names unknown category "${grouping.category}"`);
      continue;
    }
    if (category.multiSelect)
      problems.push(
        `grouping "${grouping.code}" groups multi-select category "${category.code}", whose options don't add up`,
      );
    for (const g of duplicates(grouping.groups.map((g) => g.code)))
      problems.push(`grouping "${grouping.code}" lists group "${g}" twice`);
    const placed = grouping.groups.flatMap((g) => g.options);
    for (const o of duplicates(placed))
      problems.push(`grouping "${grouping.code}" puts option "${o}" in more than one group`);
    for (const o of placed)
      if (!category.options.some((option) => option.code === o))
        problems.push(`grouping "${grouping.code}" names unknown option "${o}" of "${category.code}"`);
    for (const option of category.options)
      if (!placed.includes(option.code))
        problems.push(`grouping "${grouping.code}" leaves option "${option.code}" of "${category.code}" out`);
  }

  for (const element of elements.values()) {
    for (const d of duplicates(element.disaggregations))
      problems.push(`data element "${element.code}" lists disaggregation "${d}" twice`);
    for (const comboCode of element.disaggregations) {
      if (!combos.has(comboCode))
        problems.push(`data element "${element.code}" names unknown category combination "${comboCode}"`);
    }
    if (element.periodAggregation === 'first_plus_new') {
      const newElement = element.newElement ? elements.get(element.newElement) : undefined;
      if (!newElement)
        problems.push(
          `data element "${element.code}" rolls up by first_plus_new but names no known new element`,
        );
      else if (newElement.disaggregations.join() !== element.disaggregations.join())
        problems.push(
          `data element "${element.code}" and its new element "${newElement.code}" must have the same disaggregations`,
        );
    } else if (element.newElement) {
      problems.push(
        `data element "${element.code}" names a new element but does not roll up by first_plus_new`,
      );
    }
  }

  for (const rule of catalog.validationRules) {
    for (const side of [rule.left, rule.right]) {
      let refs: ReturnType<typeof referencesOf>;
      try {
        refs = referencesOf(parseExpression(side));
      } catch (error) {
        problems.push(`validation rule "${rule.code}": ${(error as Error).message}`);
        continue;
      }
      for (const ref of refs) {
        const element = elements.get(ref.element);
        if (!element) {
          problems.push(`validation rule "${rule.code}" names unknown data element "${ref.element}"`);
          continue;
        }
        if (ref.combo === undefined) continue;
        if (!element.disaggregations.includes(ref.combo)) {
          problems.push(
            `validation rule "${rule.code}" names disaggregation "${ref.combo}", which "${ref.element}" does not have`,
          );
          continue;
        }
        const combo = combos.get(ref.combo);
        for (const filter of ref.filters) {
          const category = categories.get(filter.category);
          if (!category || !combo?.categories.includes(filter.category)) {
            problems.push(
              `validation rule "${rule.code}" filters on "${filter.category}", not in "${ref.combo}"`,
            );
            continue;
          }
          for (const option of filter.options) {
            if (!category.options.some((o) => o.code === option))
              problems.push(
                `validation rule "${rule.code}" names unknown option "${option}" of "${filter.category}"`,
              );
          }
        }
      }
    }
  }
  return problems;
}

/** Parses and checks a catalog, throwing one readable error listing every problem. */
export function parseCatalog(input: unknown): Catalog {
  const parsed = catalogSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`The catalog is not valid:\n  ${lines.join('\n  ')}`);
  }
  const problems = catalogProblems(parsed.data);
  if (problems.length > 0) throw new Error(`The catalog is not coherent:\n  ${problems.join('\n  ')}`);
  return parsed.data;
}

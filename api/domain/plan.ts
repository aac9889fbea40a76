/**
 * The publication plan: which tables the coalition publishes, to which audience, at which period
 * grains, geographies and groupings. Data beside the catalog (`data/catalog/plan.json`), stored with
 * each catalog version. A table the plan leaves out is not published at all — not hidden, absent —
 * so protection has less to hide and what is published can be shown (DISCLOSURE.md, "What is
 * published"). Types and pure helpers shared by the server and the browser; the file's schema is in
 * `planSchema.ts`.
 */
import type { Catalog, Category, CategoryCombo, DataElement } from './catalog';
import type { PeriodKind } from './periods';

/** The geographies a table can be published at: coalition-wide, and each county. */
export const planGeographies = ['coalition', 'county'] as const;
export type PlanGeography = (typeof planGeographies)[number];

/** Where and when one audience sees a table: the period grains coalition-wide and for each county. */
export type PlanReach = Partial<Record<PlanGeography, PeriodKind[]>>;

/** The period grains a reach publishes anything at. */
export function reachGrains(reach: PlanReach | undefined): PeriodKind[] {
  return [...new Set([...(reach?.coalition ?? []), ...(reach?.county ?? [])])];
}

/** The plan's audiences: signed-in members and the public (the engine's `coalition` and `public`). */
export const planAudiences = ['members', 'public'] as const;
export type PlanAudience = (typeof planAudiences)[number];

/**
 * One published table: an element's total, a breakdown of it (`breakdown`, a category combination
 * the element is reported by), one category of a two-way breakdown (`by`), or a grouping of a
 * category's options (`grouping`, catalog data: minors / adults / unknown).
 */
export type PlanTable = {
  element: string;
  breakdown?: string;
  by?: string;
  grouping?: string;
  note?: string;
  members?: PlanReach;
  public?: PlanReach;
};

export type PublicationPlan = {
  version: number;
  label: string;
  tables: PlanTable[];
};

/** The part of a table code after the element: `.<combo>` and, for a grouping, `:<grouping>`. */
export function planTableCode(table: Pick<PlanTable, 'element' | 'breakdown' | 'grouping'>): string {
  if (table.breakdown === undefined) return table.element;
  return table.grouping === undefined
    ? `${table.element}.${table.breakdown}`
    : `${table.element}.${table.breakdown}:${table.grouping}`;
}

/** Splits a published table code: `survivors_served.type_age:age_minor_adult`. */
export function parseTableCode(code: string): { element: string; combo?: string; grouping?: string } {
  const [head = '', grouping] = code.split(':');
  const [element = '', combo] = head.split('.');
  return {
    element,
    ...(combo === undefined ? {} : { combo }),
    ...(grouping === undefined ? {} : { grouping }),
  };
}

export type Grouping = NonNullable<Catalog['groupings']>[number];

/** What a plan table resolves to in a catalog: its element, breakdown, categories and grouping. */
export type ResolvedPlanTable = {
  entry: PlanTable;
  /** The published table's code: cells of a one-category view of a two-way table share its code. */
  code: string;
  element: DataElement;
  combo: CategoryCombo | null;
  /** The combination's categories, in order (none for an element's total). */
  categories: Category[];
  /** The categories whose options (or groups) are published; the others are summed over. */
  shown: Category[];
  grouping: Grouping | null;
};

const elementsOf = (catalog: Catalog) => catalog.sections.flatMap((s) => s.elements);

/**
 * Resolves a plan table in a catalog, or explains in plain words why it can't be: an unknown
 * element, breakdown, category or grouping, or one that doesn't fit the breakdown.
 */
export function resolvePlanTable(catalog: Catalog, entry: PlanTable): ResolvedPlanTable | string {
  const where = `Table "${planTableCode(entry)}"${entry.by ? ` by ${entry.by}` : ''}`;
  const element = elementsOf(catalog).find((e) => e.code === entry.element);
  if (!element) return `${where}: the catalog has no data element "${entry.element}".`;
  if (entry.breakdown === undefined) {
    if (entry.by !== undefined || entry.grouping !== undefined)
      return `${where}: "by" and "grouping" need a breakdown.`;
    return { entry, code: element.code, element, combo: null, categories: [], shown: [], grouping: null };
  }
  if (!element.disaggregations.includes(entry.breakdown))
    return `${where}: "${element.code}" is not reported by "${entry.breakdown}" (it is reported by ${element.disaggregations.join(', ') || 'its total only'}).`;
  const combo = catalog.categoryCombos.find((c) => c.code === entry.breakdown);
  if (!combo) return `${where}: the catalog has no breakdown "${entry.breakdown}".`;
  const categories = combo.categories.map((code) => catalog.categories.find((c) => c.code === code));
  if (categories.some((c) => c === undefined)) return `${where}: the breakdown names an unknown category.`;
  const known = categories as Category[];
  let shown = known;
  if (entry.by !== undefined) {
    const by = known.find((c) => c.code === entry.by);
    if (!by)
      return `${where}: "${entry.by}" is not a category of "${combo.code}" (${combo.categories.join(', ')}).`;
    if (known.length < 2)
      return `${where}: "by" picks one category of a two-way breakdown; "${combo.code}" has one.`;
    shown = [by];
  }
  let grouping: Grouping | null = null;
  if (entry.grouping !== undefined) {
    grouping = (catalog.groupings ?? []).find((g) => g.code === entry.grouping) ?? null;
    if (!grouping) return `${where}: the catalog has no grouping "${entry.grouping}".`;
    if (shown.length !== 1) return `${where}: a grouping applies to one category; pick it with "by".`;
    if (grouping.category !== shown[0]?.code)
      return `${where}: grouping "${grouping.code}" groups "${grouping.category}", not "${shown[0]?.code}".`;
  }
  return { entry, code: planTableCode(entry), element, combo, categories: known, shown, grouping };
}

/** The plan's tables an audience reads. */
export function tablesFor(plan: PublicationPlan, audience: PlanAudience): PlanTable[] {
  return plan.tables.filter((t) => t[audience] !== undefined);
}

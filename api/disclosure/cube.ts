/**
 * A release's cube: every number the release could publish, with each agency's part, everything
 * earlier releases already published to the audience, and the additivity relations among them. Pure:
 * no database, no HTTP. The releases service loads the approved values, the publication plan and the
 * frozen statuses of earlier releases; `protect()` decides what is hidden.
 *
 * What is in the cube is what the publication plan publishes to the audience (members read the
 * public's tables too): each table at its period grains and geographies. A release owns its quarter
 * and the half-year, years and fiscal years that end with it; every period published before comes
 * into the cube too, frozen, because a reader knows all of it (DISCLOSURE.md, "What an attacker
 * knows"): calendar and fiscal years overlap, and a new release must not pin an old hidden cell.
 */
import type { AgencyType, Catalog, Category, CategoryCombo, DataElement } from '../domain/catalog';
import { type PeriodKind, parsePeriod, periodKindOf, periodsContaining, quartersOf } from '../domain/periods';
import {
  type PlanAudience,
  type PlanReach,
  type PublicationPlan,
  planGeographies,
  reachGrains,
  resolvePlanTable,
} from '../domain/plan';
import type { Audience, CubeCell, Relation } from './types';

/** The coordinate of a table's total along one category. */
export const totalOption = '_total';
/** The geography of every coalition-wide cell. */
export const coalitionGeo = 'coalition';

export type CubeAgency = {
  code: string;
  /** Home county code. */
  county: string;
  type: AgencyType;
  /** A former member (false) still counts in the figures it reported, not among reporting agencies. */
  active?: boolean;
};

/** What an earlier release published for a cell: hidden (value unknown) or its value. */
export type FrozenCell = { suppressed: boolean; value: number | null };

export type ReleaseCell = CubeCell & {
  /** `<element>`, `<element>.<combo>` or, for a grouping, `<element>.<combo>:<grouping>`. */
  table: string;
  element: string;
  period: string;
  geo: string;
  /** The table's coordinates in category order, joined by `|`, with `_total` for a total coordinate. */
  optionKey: string;
  coords: Record<string, string>;
  /** Belongs to one of this release's own periods: stored when the release is published. */
  owned: boolean;
};

export type Cube = { cells: ReleaseCell[]; relations: Relation[] };

/** Approved values: quarter → agency code → cell key (as `cellKey` writes it) → value. Blank is 0. */
export type ApprovedValues = ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, number>>>;

/** County breakdowns are published only where every county has at least this many reporting agencies. */
export const defaultCountyBreakdownAgencies = 3;

export type CubeInput = {
  catalog: Catalog;
  plan: PublicationPlan;
  /** Whose cube: the public's tables, or the members' (theirs and the public's). */
  audience: Audience;
  agencies: readonly CubeAgency[];
  /** County codes, the geographies below the coalition, in display order. */
  counties: readonly string[];
  values: ApprovedValues;
  /** The periods this release publishes: its quarter and the aggregates that end with it. */
  owned: readonly string[];
  /** Every period published before (by this or other releases): in the cube, frozen. */
  published?: readonly string[];
  /** What earlier releases published to this audience (and, for members, to the public), by cell id. */
  frozen?: ReadonlyMap<string, FrozenCell>;
  /** The least number of reporting agencies in every county for county breakdowns. */
  countyBreakdownAgencies?: number;
  /**
   * Cells of this release already published to another audience (members' cells the public sees):
   * hidden only when nothing else protects a cell, at a cost far above any other.
   */
  preferred?: ReadonlySet<string>;
};

// ---- Periods -------------------------------------------------------------------------------------

/** The kinds of period a release publishes with its quarter, each when its last quarter is released. */
export const aggregateKinds = ['half', 'year', 'fy', 'sfy'] as const satisfies readonly PeriodKind[];

/** The half-year, years and fiscal years a quarter rolls into. */
export function aggregatesContaining(quarterCode: string): string[] {
  return periodsContaining(quarterCode, aggregateKinds);
}

/** The aggregates a release of this quarter publishes with it: those of these kinds ending with it. */
export function releaseAggregates(
  quarterCode: string,
  kinds: readonly PeriodKind[] = aggregateKinds,
): string[] {
  return aggregatesContaining(quarterCode).filter(
    (p) => kinds.includes(periodKindOf(p) as PeriodKind) && quartersOf(p).at(-1)?.code === quarterCode,
  );
}

/** The period grains a plan publishes anything at. */
export function planGrains(plan: PublicationPlan): Set<PeriodKind> {
  return new Set(plan.tables.flatMap((t) => [...reachGrains(t.members), ...reachGrains(t.public)]));
}

/** The two half-years a calendar or state fiscal year is made of, if it is one. */
function halvesOf(code: string): string[] | undefined {
  const period = parsePeriod(code);
  if (!period || (period.kind !== 'year' && period.kind !== 'sfy')) return undefined;
  const quarters = quartersOf(code).map((q) => q.code);
  return [quarters[1], quarters[3]].map((q) => periodsContaining(q as string, ['half'])[0] as string);
}

// ---- Tables --------------------------------------------------------------------------------------

/** A cell's id: `<period>/<geo>/<table>/<optionKey>`. */
export const cellId = (period: string, geo: string, table: string, optionKey: string) =>
  `${period}/${geo}/${table}/${optionKey}`;

/**
 * The categories of a table code, in the order of its option keys: a breakdown's
 * (`survivors_served.type_age` → `['trafficking_type', 'age_group']`), a grouping's one
 * (`survivors_served.type_age:age_minor_adult` → `['age_group']`).
 */
export function tableCategories(catalog: Catalog, table: string): string[] {
  const [head = '', groupingCode] = table.split(':');
  if (groupingCode !== undefined) {
    const grouping = catalog.groupings.find((g) => g.code === groupingCode);
    return grouping ? [grouping.category] : [];
  }
  const comboCode = head.split('.')[1];
  if (comboCode === undefined) return [];
  return catalog.categoryCombos.find((c) => c.code === comboCode)?.categories ?? [];
}

/** A stored cell's coordinates by category; the grand total has `_total` along every category of the table shown. */
export function coordsOf(categories: readonly string[], optionKey: string): Record<string, string> {
  const parts = optionKey.split('|');
  return Object.fromEntries(categories.map((c, i) => [c, parts[i] ?? totalOption]));
}

// ---- The layout: every table position any plan could publish -----------------------------------

/** One position of a table, the same in every period and geography. */
type Slot = {
  element: DataElement;
  table: string;
  optionKey: string;
  coords: Record<string, string>;
  /** The reported cell keys whose values add up to this slot. */
  sources: string[];
  /** The element's grand total: published for counties wherever the plan says. */
  headline: boolean;
  /** Has a `_total` coordinate (a marginal of a breakdown). */
  marginal: boolean;
};

type LocalRelation =
  | { kind: 'sum'; total: number; parts: number[]; axis?: string }
  | { kind: 'atMost'; cell: number; bound: number };

type Layout = {
  slots: Slot[];
  /** Slot index by `<table>/<optionKey>`. */
  index: Map<string, number>;
  /** Relations within one period and geography, as slot indices. */
  local: LocalRelation[];
};

const elementsOf = (catalog: Catalog) => catalog.sections.flatMap((s) => s.elements);

/**
 * Every position of every table the catalog could publish: each element's total; each breakdown's
 * cells and marginals; each grouping of a breakdown's category. The plan chooses among them; the
 * relations among them are the same whatever it chooses.
 */
function layoutOf(catalog: Catalog): Layout {
  const categories = new Map(catalog.categories.map((c) => [c.code, c]));
  const combos = new Map(catalog.categoryCombos.map((c) => [c.code, c]));
  const slots: Slot[] = [];
  const index = new Map<string, number>();
  const local: LocalRelation[] = [];
  const add = (slot: Omit<Slot, 'marginal'>) => {
    index.set(`${slot.table}/${slot.optionKey}`, slots.length);
    slots.push({ ...slot, marginal: slot.optionKey.includes(totalOption) });
    return slots.length - 1;
  };
  const categoryOf = (code: string) => {
    const category = categories.get(code);
    if (!category) throw new Error(`unknown category "${code}"`);
    return category;
  };
  for (const element of elementsOf(catalog)) {
    const total = add({
      element,
      table: element.code,
      optionKey: totalOption,
      coords: {},
      sources: [element.code],
      headline: true,
    });
    for (const comboCode of element.disaggregations) {
      const combo = combos.get(comboCode);
      if (!combo) throw new Error(`unknown category combination "${comboCode}"`);
      const table = `${element.code}.${combo.code}`;
      const axes = combo.categories.map(categoryOf);
      const keys = innerKeys(axes);
      const source = (key: string) => `${table}.${key}`;
      // One line of a category (a one-way table, or a two-way table's marginals along one category):
      // its options, and any grouping of them.
      const line = (k: number) => {
        const category = axes[k] as Category;
        const keyOf = (code: string) => axes.map((_, i) => (i === k ? code : totalOption)).join('|');
        const coordsOf_ = (code: string) =>
          Object.fromEntries(axes.map((c, i) => [c.code, i === k ? code : totalOption]));
        const fine = category.options.map((o) =>
          add({
            element,
            table,
            optionKey: keyOf(o.code),
            coords: coordsOf_(o.code),
            sources: keys.filter((key) => key.split('|')[k] === o.code).map(source),
            headline: false,
          }),
        );
        if (category.multiSelect) {
          // A survivor may count under several options: each is at most the total, and they need
          // not add up to it.
          for (const p of fine) local.push({ kind: 'atMost', cell: p, bound: total });
          return fine;
        }
        local.push({ kind: 'sum', total, parts: fine, axis: `${combo.code}|${category.code}` });
        for (const grouping of catalog.groupings.filter((g) => g.category === category.code)) {
          const grouped = `${table}:${grouping.code}`;
          const groups = grouping.groups.map((g) => {
            const members = g.options.map(
              (o) => fine[category.options.findIndex((x) => x.code === o)] as number,
            );
            // A grouped table shows one category: its key is the group alone.
            const slot = add({
              element,
              table: grouped,
              optionKey: g.code,
              coords: { [category.code]: g.code },
              sources: members.flatMap((m) => (slots[m] as Slot).sources),
              headline: false,
            });
            // A group of one option is that option under another name: the same number.
            local.push({ kind: 'sum', total: slot, parts: members });
            return slot;
          });
          local.push({
            kind: 'sum',
            total,
            parts: groups,
            axis: `${combo.code}|${category.code}:${grouping.code}`,
          });
        }
        return fine;
      };
      if (axes.length === 1) {
        line(0);
        continue;
      }
      const [rowCategory, columnCategory] = axes as [Category, Category];
      const inner = new Map(
        keys.map((key) => {
          const [r, c] = key.split('|') as [string, string];
          return [
            key,
            add({
              element,
              table,
              optionKey: key,
              coords: { [rowCategory.code]: r, [columnCategory.code]: c },
              sources: [source(key)],
              headline: false,
            }),
          ];
        }),
      );
      const rows = line(0);
      const columns = line(1);
      rowCategory.options.forEach((r, i) => {
        local.push({
          kind: 'sum',
          total: rows[i] as number,
          parts: columnCategory.options.map((c) => inner.get(`${r.code}|${c.code}`) as number),
          axis: `${combo.code}|${columnCategory.code}`,
        });
      });
      columnCategory.options.forEach((c, i) => {
        local.push({
          kind: 'sum',
          total: columns[i] as number,
          parts: rowCategory.options.map((r) => inner.get(`${r.code}|${c.code}`) as number),
          axis: `${combo.code}|${rowCategory.code}`,
        });
      });
    }
  }
  return { slots, index, local };
}

/** Every inner cell's option key of a combination: options in category order, joined by `|`. */
function innerKeys(axes: readonly Category[]): string[] {
  let keys: string[][] = [[]];
  for (const category of axes)
    keys = keys.flatMap((prefix) => category.options.map((o) => [...prefix, o.code]));
  return keys.map((parts) => parts.join('|'));
}

const layouts = new WeakMap<Catalog, Layout>();
function layout(catalog: Catalog): Layout {
  let found = layouts.get(catalog);
  if (!found) {
    found = layoutOf(catalog);
    layouts.set(catalog, found);
  }
  return found;
}

/**
 * The display order of every cell position of the catalog's tables, by `<table>/<optionKey>`: each
 * element's grand total, then each breakdown's options and groupings, then its inner cells.
 */
export function cellOrder(catalog: Catalog): ReadonlyMap<string, number> {
  return layout(catalog).index;
}

// ---- What the plan publishes ---------------------------------------------------------------------

/** The plan's audiences whose tables an engine audience reads: members read the public's too. */
export const planAudiencesOf: Readonly<Record<Audience, readonly PlanAudience[]>> = {
  coalition: ['members', 'public'],
  public: ['public'],
};

/** Where a plan table is published: `<period kind>|coalition` or `<period kind>|county`. */
function reachKeys(reach: PlanReach): string[] {
  return planGeographies.flatMap((geo) => (reach[geo] ?? []).map((kind) => `${kind}|${geo}`));
}

/**
 * For each slot, where the plan publishes it to the audience: the slots of each plan table (an
 * element's total wherever any of its tables is published — a breakdown gives its total away).
 */
function planReach(catalog: Catalog, plan: PublicationPlan, audience: Audience): Map<number, Set<string>> {
  const { slots, index } = layout(catalog);
  const reach = new Map<number, Set<string>>();
  const grant = (slot: number, keys: readonly string[]) => {
    const set = reach.get(slot) ?? new Set<string>();
    for (const k of keys) set.add(k);
    reach.set(slot, set);
  };
  for (const entry of plan.tables) {
    const resolved = resolvePlanTable(catalog, entry);
    if (typeof resolved === 'string') throw new Error(resolved);
    const keys = planAudiencesOf[audience].flatMap((a) => (entry[a] ? reachKeys(entry[a]) : []));
    if (keys.length === 0) continue;
    grant(index.get(`${resolved.element.code}/${totalOption}`) as number, keys);
    if (!resolved.combo) continue;
    const tableCode = resolved.code;
    const shown = new Set(resolved.shown.map((c) => c.code));
    slots.forEach((slot, i) => {
      if (slot.table !== tableCode) return;
      // A one-category view of a two-way table publishes that category's marginals only.
      const published = resolved.categories.every((c) =>
        shown.has(c.code)
          ? slot.coords[c.code] !== totalOption
          : (slot.coords[c.code] ?? totalOption) === totalOption,
      );
      if (published || (shown.size === resolved.categories.length && slot.table === tableCode))
        grant(i, keys);
    });
  }
  return reach;
}

/**
 * Why a county's breakdowns of a section are not published, per section: the counties with fewer
 * reporting agencies than the minimum. Sections whose breakdowns are published are left out.
 */
export function countyBreakdownGaps(
  catalog: Catalog,
  agencies: readonly CubeAgency[],
  counties: readonly string[],
  minimum: number,
): Map<string, Array<{ county: string; agencies: number }>> {
  const gaps = new Map<string, Array<{ county: string; agencies: number }>>();
  for (const section of catalog.sections) {
    const short = counties
      .map((county) => ({
        county,
        agencies: agencies.filter(
          (a) => a.active !== false && a.county === county && section.agencyTypes.includes(a.type),
        ).length,
      }))
      .filter((c) => c.agencies < minimum);
    if (short.length > 0) gaps.set(section.code, short);
  }
  return gaps;
}

// ---- Building the cube ---------------------------------------------------------------------------

/** Each agency's sums of every slot's sources in one quarter, as the element or as its new element. */
function quarterVectors(
  slots: readonly Slot[],
  values: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined,
): Map<string, Float64Array> {
  const vectors = new Map<string, Float64Array>();
  for (const [agency, cells] of values ?? []) {
    const vector = new Float64Array(slots.length);
    slots.forEach((slot, i) => {
      let sum = 0;
      for (const key of slot.sources) sum += cells.get(key) ?? 0;
      vector[i] = sum;
    });
    vectors.set(agency, vector);
  }
  return vectors;
}

/**
 * The same vectors read as a later part of a period: a `first_plus_new` element's slot takes its new
 * element's same slot (survivors served after the first part are the new survivors).
 */
function asLaterPart(
  vectors: ReadonlyMap<string, Float64Array>,
  newSlot: readonly (number | undefined)[],
): Map<string, Float64Array> {
  const later = new Map<string, Float64Array>();
  for (const [agency, vector] of vectors) {
    const copy = Float64Array.from(vector);
    newSlot.forEach((j, i) => {
      if (j !== undefined) copy[i] = vector[j] as number;
    });
    later.set(agency, copy);
  }
  return later;
}

/** A `first_plus_new` slot's new element's same slot. */
function newSlotOf(catalog: Catalog, slot: Slot): number | undefined {
  const newElement = slot.element.newElement;
  if (slot.element.periodAggregation !== 'first_plus_new' || !newElement) return undefined;
  return layout(catalog).index.get(
    `${newElement}${slot.table.slice(slot.element.code.length)}/${slot.optionKey}`,
  );
}

/** Each quarter's agency vectors, read as a period's first part (`plain`) and as a later part (`asNew`). */
type QuarterParts = {
  plain: Map<string, Map<string, Float64Array>>;
  asNew: Map<string, Map<string, Float64Array>>;
};

function quarterParts(catalog: Catalog, values: ApprovedValues, quarters: readonly string[]): QuarterParts {
  const { slots } = layout(catalog);
  const newSlot = slots.map((slot) => newSlotOf(catalog, slot));
  const plain = new Map<string, Map<string, Float64Array>>();
  const asNew = new Map<string, Map<string, Float64Array>>();
  for (const q of quarters) {
    const vectors = quarterVectors(slots, values.get(q));
    plain.set(q, vectors);
    asNew.set(q, asLaterPart(vectors, newSlot));
  }
  return { plain, asNew };
}

/**
 * Each agency's vector for a period: a quarter's own; a longer period's, the first quarter's plus
 * the later quarters read as later parts (survivors served then are the new survivors), so a survivor
 * an agency serves all year counts once in its year.
 */
function periodVectors(
  { plain, asNew }: QuarterParts,
  period: string,
  size: number,
): Map<string, Float64Array> {
  if (periodKindOf(period) === 'quarter') return plain.get(period) ?? new Map();
  const parts = quartersOf(period).map((q, k) => (k === 0 ? plain : asNew).get(q.code) ?? new Map());
  const sum = new Map<string, Float64Array>();
  for (const part of parts)
    for (const [agency, vector] of part as Map<string, Float64Array>) {
      const into = sum.get(agency) ?? new Float64Array(size);
      for (let i = 0; i < into.length; i++) into[i] = (into[i] as number) + (vector[i] as number);
      sum.set(agency, into);
    }
  return sum;
}

/**
 * The exact figures of a period over some agencies, by `<table>/<optionKey>` (the cube's cell
 * positions): sums of their approved values, a longer period aggregated exactly as a release's cube
 * does, before any protection. For a confidential report, which an admin makes for a funder; never
 * for publishing.
 */
export function exactFigures(
  catalog: Catalog,
  values: ApprovedValues,
  period: string,
  agencies: ReadonlySet<string>,
): Map<string, number> {
  const { slots } = layout(catalog);
  const quarters = quartersOf(period).map((q) => q.code);
  const sum = new Float64Array(slots.length);
  for (const [agency, vector] of periodVectors(quarterParts(catalog, values, quarters), period, slots.length))
    if (agencies.has(agency))
      for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (vector[i] as number);
  return new Map(slots.map((slot, i) => [`${slot.table}/${slot.optionKey}`, sum[i] as number]));
}

/** How much more hiding a cell another audience sees costs: only when nothing else will do. */
const preferredCost = 10_000;

/** The cost of hiding a cell, relative to its value: headline totals most, then coalition cells, then years. */
function costFactorOf(slot: Slot, geo: string, kind: PeriodKind): number {
  const coalition = geo === coalitionGeo;
  if (slot.headline) return coalition ? 1000 : 100;
  // Equal within a table, so a total (never less than a part) never costs less than its part.
  return (coalition ? 10 : 1) * (kind === 'quarter' ? 1 : 2);
}

/**
 * Builds a release's cube for one audience: every cell the plan publishes to it in every period of
 * the release and of the history published before, with each agency's contribution, and the
 * relations among them — breakdowns add up to their totals (multi-select options are at most the
 * total), groupings to their options, counties to the coalition, quarters to half-years, years and
 * fiscal years (half-years to years and state fiscal years), survivors served in a period to the
 * first part's plus new survivors in the later parts; new survivors are at most survivors served,
 * and survivors served in a part of a period at most those of the period. Deterministic: the same
 * input gives the same cells in the same order.
 */
export function buildCube(input: CubeInput): Cube {
  const { catalog } = input;
  const { slots, local } = layout(catalog);
  const reach = planReach(catalog, input.plan, input.audience);
  const owned = new Set(input.owned);
  const listed = [...new Set([...input.owned, ...(input.published ?? [])])];
  const quarters = [
    ...new Set([...listed, ...listed.flatMap((p) => quartersOf(p).map((q) => q.code))]),
  ].filter((p) => periodKindOf(p) === 'quarter');
  const periods = [...new Set([...quarters, ...listed])].sort();
  const geos = [coalitionGeo, ...input.counties];
  const counties = new Set(input.counties);
  const agencyCounty = new Map(input.agencies.map((a) => [a.code, a.county]));
  for (const a of input.agencies)
    if (!counties.has(a.county)) throw new Error(`agency ${a.code}'s county ${a.county} is not in the cube`);
  for (const byAgency of input.values.values())
    for (const agency of byAgency.keys())
      if (!agencyCounty.has(agency)) throw new Error(`values of agency ${agency}, which is not in the cube`);
  const sectionOf = new Map(catalog.sections.flatMap((s) => s.elements.map((e) => [e.code, s.code])));
  const short = countyBreakdownGaps(
    catalog,
    input.agencies,
    input.counties,
    input.countyBreakdownAgencies ?? defaultCountyBreakdownAgencies,
  );
  // The sections whose breakdowns every county has enough reporting agencies to publish.
  const countyBreakdowns = new Set(catalog.sections.map((s) => s.code).filter((code) => !short.has(code)));

  const slotOfNew = (slot: Slot) => newSlotOf(catalog, slot);

  /** Whether the plan publishes a slot in a period and geography. */
  const planned = (slot: number, period: string, geo: string) => {
    const where = reach.get(slot);
    if (!where) return false;
    const level = geo === coalitionGeo ? 'coalition' : 'county';
    if (!where.has(`${periodKindOf(period)}|${level}`)) return false;
    const s = slots[slot] as Slot;
    return geo === coalitionGeo || s.headline || countyBreakdowns.has(sectionOf.get(s.element.code) ?? '');
  };

  // Every agency's vector per period: quarters from the values, aggregates from their quarters.
  const parts = quarterParts(catalog, input.values, quarters);
  const vectors = new Map(periods.map((period) => [period, periodVectors(parts, period, slots.length)]));

  const cells: ReleaseCell[] = [];
  const present = new Set<string>();
  const id = (period: string, geo: string, slot: number) => {
    const s = slots[slot] as Slot;
    return cellId(period, geo, s.table, s.optionKey);
  };
  for (const period of periods) {
    const kind = periodKindOf(period) as PeriodKind;
    const byAgency = [...(vectors.get(period) ?? new Map<string, Float64Array>())].sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    for (const geo of geos) {
      const members = byAgency.filter(([agency]) => geo === coalitionGeo || agencyCounty.get(agency) === geo);
      slots.forEach((slot, i) => {
        const cellCode = id(period, geo, i);
        const frozen = input.frozen?.get(cellCode);
        // In the cube: what the plan publishes, and whatever was published before (a reader knows it).
        if (!planned(i, period, geo) && !frozen) return;
        const contributions = new Map<string, number>();
        let value = 0;
        for (const [agency, vector] of members) {
          const part = vector[i] as number;
          if (part !== 0) {
            contributions.set(agency, part);
            value += part;
          }
        }
        const cell: ReleaseCell = {
          id: cellCode,
          kind: slot.element.kind,
          value,
          contributions,
          marginal: slot.marginal || geo === coalitionGeo || kind !== 'quarter',
          costFactor: costFactorOf(slot, geo, kind) * (input.preferred?.has(cellCode) ? preferredCost : 1),
          group: geo,
          block: `${period}/${geo}/${slot.element.code}`,
          table: slot.table,
          element: slot.element.code,
          period,
          geo,
          optionKey: slot.optionKey,
          coords: slot.coords,
          owned: owned.has(period) && planned(i, period, geo),
        };
        if (cell.owned) {
          // Hidden stays hidden; a published value stays published only while it is still true.
          if (frozen?.suppressed) cell.frozen = { suppressed: true };
          else if (frozen && frozen.value === value) cell.frozen = { suppressed: false };
        } else {
          // A period this release doesn't publish: known where it was published and is still true;
          // otherwise unknown to a reader, and never published now.
          cell.frozen = { suppressed: !(frozen && !frozen.suppressed && frozen.value === value) };
          if (frozen && !frozen.suppressed && frozen.value !== value) cell.stale = true;
        }
        cells.push(cell);
        present.add(cellCode);
      });
    }
  }

  const relations: Relation[] = [];
  const seen = new Set<string>();
  const has = (ids: readonly string[]) => ids.every((c) => present.has(c));
  const sum = (total: string, parts: string[], axis?: string) => {
    if (!has([total, ...parts])) return false;
    const key = `${total}=${parts.join('+')}`;
    if (seen.has(key)) return true;
    seen.add(key);
    relations.push(axis === undefined ? { kind: 'sum', total, parts } : { kind: 'sum', total, parts, axis });
    return true;
  };
  const atMost = (cell: string, bound: string) => {
    if (has([cell, bound])) relations.push({ kind: 'atMost', cell, bound });
  };

  for (const period of periods)
    for (const geo of geos) {
      for (const r of local)
        if (!present.has(id(period, geo, r.kind === 'sum' ? r.total : r.bound))) continue;
        else if (r.kind === 'sum')
          sum(
            id(period, geo, r.total),
            r.parts.map((p) => id(period, geo, p)),
            r.axis,
          );
        else atMost(id(period, geo, r.cell), id(period, geo, r.bound));
      // New survivors are among the survivors served, cell by cell.
      slots.forEach((slot, i) => {
        const fresh = slotOfNew(slot);
        if (fresh !== undefined) atMost(id(period, geo, fresh), id(period, geo, i));
      });
    }
  if (geos.length > 1)
    for (const period of periods)
      slots.forEach((_, i) => {
        const total = id(period, coalitionGeo, i);
        if (!present.has(total)) return;
        const parts = input.counties.map((county) => id(period, county, i));
        if (!sum(total, parts, 'geo')) for (const part of parts) atMost(part, total);
      });
  for (const period of periods) {
    if (periodKindOf(period) === 'quarter') continue;
    const tilings = [quartersOf(period).map((q) => q.code), halvesOf(period)].filter(
      (t): t is string[] => t !== undefined,
    );
    for (const geo of geos)
      slots.forEach((slot, i) => {
        const total = id(period, geo, i);
        if (!present.has(total)) return;
        const fresh = slotOfNew(slot);
        let tiled = false;
        for (const tiling of tilings) {
          // Survivors served: the first part's, then new survivors in the later ones.
          const parts = tiling.map((p, k) => id(p, geo, k > 0 && fresh !== undefined ? fresh : i));
          if (fresh !== undefined || slot.element.periodAggregation === 'sum')
            tiled = sum(total, parts, `${period}|${tiling.length}|${slot.element.code}`) || tiled;
        }
        // A part of a period never holds more than the period, whether or not the parts add up.
        if (fresh !== undefined || !tiled)
          for (const tiling of tilings) for (const p of tiling) atMost(id(p, geo, i), total);
      });
  }
  return { cells, relations };
}

// ---- The published tables -------------------------------------------------------------------------

/** A table the plan publishes to an audience, as the statistics API lists it. */
export type PublishedTable = {
  /** `<element>`, `<element>.<combo>` or `<element>.<combo>:<grouping>`. */
  code: string;
  element: DataElement;
  combo: CategoryCombo | null;
  /** The combination's categories, in the order of a cell's option key. */
  categories: string[];
  /** The categories whose options (or groups) the table shows; the others are always `_total`. */
  shown: string[];
  grouping: NonNullable<Catalog['groupings']>[number] | null;
  /** The plan's notes on the table, if any. */
  notes: string[];
};

/**
 * The tables a plan publishes to an audience (members read the public's too), in plan order, one
 * per code: the one-category views of a two-way breakdown are one table of its marginals.
 */
export function publishedTables(
  catalog: Catalog,
  plan: PublicationPlan,
  audience: Audience,
): PublishedTable[] {
  const tables = new Map<string, PublishedTable>();
  const add = (code: string, make: () => PublishedTable) => {
    if (!tables.has(code)) tables.set(code, make());
    return tables.get(code) as PublishedTable;
  };
  for (const entry of plan.tables) {
    if (!planAudiencesOf[audience].some((a) => entry[a] !== undefined)) continue;
    const resolved = resolvePlanTable(catalog, entry);
    if (typeof resolved === 'string') throw new Error(resolved);
    const { element } = resolved;
    add(element.code, () => ({
      code: element.code,
      element,
      combo: null,
      categories: [],
      shown: [],
      grouping: null,
      notes: [],
    }));
    const table = add(resolved.code, () => ({
      code: resolved.code,
      element,
      combo: resolved.combo,
      categories: tableCategories(catalog, resolved.code),
      shown: [],
      grouping: resolved.grouping,
      notes: [],
    }));
    for (const c of resolved.shown) if (!table.shown.includes(c.code)) table.shown.push(c.code);
    table.shown.sort((a, b) => table.categories.indexOf(a) - table.categories.indexOf(b));
    if (entry.note && !table.notes.includes(entry.note)) table.notes.push(entry.note);
  }
  return [...tables.values()];
}

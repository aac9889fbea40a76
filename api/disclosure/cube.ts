/**
 * A release's cube: every number the release could publish, with each agency's part, and the
 * additivity relations among them. Pure: no database, no HTTP. The releases service loads the approved
 * values and the frozen statuses of earlier releases; `protect()` decides what is hidden.
 *
 * A release publishes one quarter Q, plus the calendar year when Q is Q4 and the federal fiscal year
 * when Q is Q3. Year cells need the year's other quarters, which come into the cube without being
 * owned by the release (they were, or will be, published by their own releases).
 */
import type { AgencyType, Catalog, CategoryCombo, DataElement } from '../domain/catalog';
import { parseQuarter, periodsContaining, quartersOf } from '../domain/periods';
import type { CubeCell, Relation } from './types';

/** The coordinate of a table's total along one category. */
export const totalOption = '_total';
/** The geography of every coalition-wide cell. */
export const coalitionGeo = 'coalition';

export type CubeAgency = { code: string /** Home county code. */; county: string; type: AgencyType };

/** What an earlier release published for a cell: hidden (value unknown) or its value. */
export type FrozenCell = { suppressed: boolean; value: number | null };

/**
 * `full`: the coalition and every county, every table. `coarse` (the public audience): coalition-wide
 * only, and only element totals and one-way breakdowns.
 */
export type CubeScope = 'full' | 'coarse';

export type ReleaseCell = CubeCell & {
  /** `<element>` for an element's grand total (and for an element without breakdowns), else `<element>.<combo>`. */
  table: string;
  element: string;
  period: string;
  geo: string;
  /** The table's options in category order, joined by `|`, with `_total` for a total coordinate. */
  optionKey: string;
  coords: Record<string, string>;
  /** Belongs to one of this release's own periods: stored when the release is published. */
  owned: boolean;
};

export type Cube = { cells: ReleaseCell[]; relations: Relation[] };

/** Approved values: quarter → agency code → cell key (as `cellKey` writes it) → value. Blank is 0. */
export type ApprovedValues = ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, number>>>;

export type CubeInput = {
  catalog: Catalog;
  agencies: readonly CubeAgency[];
  /** County codes, the geographies below the coalition, in display order. */
  counties: readonly string[];
  values: ApprovedValues;
  /** The release quarter, `2026Q4`. */
  quarter: string;
  /**
   * The years and fiscal years this release publishes with its quarter. Defaults to
   * `releaseAggregates(quarter)`; the service leaves out a year whose quarters are not all periods.
   */
  aggregates?: readonly string[];
  /**
   * Years already published (by other releases) that contain this quarter: audited with it so a
   * correction can't be subtracted from them, but not stored again.
   */
  publishedAggregates?: readonly string[];
  /** What earlier releases published for this audience, by cell id. */
  frozen?: ReadonlyMap<string, FrozenCell>;
  scope?: CubeScope;
};

// ---- Periods -------------------------------------------------------------------------------------

/** The kinds of year a release publishes with a quarter; half-years and state fiscal years are not published yet. */
const aggregateKinds = ['year', 'fy'] as const;

/** The years a quarter rolls into: its calendar year and its federal fiscal year. */
export function aggregatesContaining(quarterCode: string): string[] {
  return periodsContaining(quarterCode, aggregateKinds);
}

/** The years a release of this quarter publishes with it: the calendar year after Q4, the federal fiscal year after Q3. */
export function releaseAggregates(quarterCode: string): string[] {
  return aggregatesContaining(quarterCode).filter((year) => quartersOf(year).at(-1)?.code === quarterCode);
}

// ---- Tables --------------------------------------------------------------------------------------

export type CubeTable = {
  /** `<element>` or `<element>.<combo>`. */
  code: string;
  element: DataElement;
  combo: CategoryCombo | null;
  /** The table's categories, in order (none for an element total). */
  categories: string[];
};

const elementsOf = (catalog: Catalog) => catalog.sections.flatMap((s) => s.elements);

/**
 * The published tables, in catalog order: `<element>` for an element with no breakdown, and
 * `<element>.<combo>` for each breakdown (one-way only in the coarse scope).
 */
export function cubeTables(catalog: Catalog, scope: CubeScope = 'full'): CubeTable[] {
  const combos = new Map(catalog.categoryCombos.map((c) => [c.code, c]));
  return elementsOf(catalog).flatMap((element): CubeTable[] => {
    if (element.disaggregations.length === 0)
      return [{ code: element.code, element, combo: null, categories: [] }];
    return element.disaggregations.flatMap((code) => {
      const combo = combos.get(code);
      if (!combo) throw new Error(`unknown category combination "${code}"`);
      if (scope === 'coarse' && combo.categories.length > 1) return [];
      return [{ code: `${element.code}.${combo.code}`, element, combo, categories: [...combo.categories] }];
    });
  });
}

/** A cell's id: `<period>/<geo>/<table>/<optionKey>`. */
export const cellId = (period: string, geo: string, table: string, optionKey: string) =>
  `${period}/${geo}/${table}/${optionKey}`;

/** The categories of a table code (`survivors_served.gender` → `['gender']`; an element → none). */
export function tableCategories(catalog: Catalog, table: string): string[] {
  const [, comboCode] = table.split('.');
  if (comboCode === undefined) return [];
  return catalog.categoryCombos.find((c) => c.code === comboCode)?.categories ?? [];
}

/** A stored cell's coordinates by category; the grand total has `_total` along every category of the table shown. */
export function coordsOf(categories: readonly string[], optionKey: string): Record<string, string> {
  const parts = optionKey.split('|');
  return Object.fromEntries(categories.map((c, i) => [c, parts[i] ?? totalOption]));
}

// ---- Building the cube ---------------------------------------------------------------------------

/** One position of a table, the same in every period and geography. */
type Slot = {
  element: DataElement;
  table: string;
  optionKey: string;
  coords: Record<string, string>;
  /** The reported cell keys whose values add up to this slot (one for a reported cell; several for a 2-D marginal). */
  sources: string[];
};

type Layout = {
  slots: Slot[];
  /** Slot index by `<table>/<optionKey>`. */
  index: Map<string, number>;
  /** Relations within one period and geography, as slot indices. */
  local: Array<
    | { kind: 'sum'; total: number; parts: number[]; axis: string }
    | { kind: 'atMost'; cell: number; bound: number }
  >;
};

function layoutOf(catalog: Catalog, scope: CubeScope): Layout {
  const categories = new Map(catalog.categories.map((c) => [c.code, c]));
  const combos = new Map(catalog.categoryCombos.map((c) => [c.code, c]));
  const slots: Slot[] = [];
  const index = new Map<string, number>();
  const local: Layout['local'] = [];
  const add = (slot: Slot) => {
    index.set(`${slot.table}/${slot.optionKey}`, slots.length);
    slots.push(slot);
    return slots.length - 1;
  };
  const optionsOf = (code: string) => {
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
    });
    for (const comboCode of element.disaggregations) {
      const combo = combos.get(comboCode);
      if (!combo) throw new Error(`unknown category combination "${comboCode}"`);
      const table = `${element.code}.${combo.code}`;
      const key = (optionKey: string) => `${table}.${optionKey}`;
      if (combo.categories.length === 1) {
        const category = optionsOf(combo.categories[0] as string);
        const parts = category.options.map((o) =>
          add({
            element,
            table,
            optionKey: o.code,
            coords: { [category.code]: o.code },
            sources: [key(o.code)],
          }),
        );
        // A survivor may count under several options of a multi-select category: each option is at
        // most the total, and the options need not add up to it.
        if (category.multiSelect)
          for (const p of parts) local.push({ kind: 'atMost', cell: p, bound: total });
        else local.push({ kind: 'sum', total, parts, axis: combo.code });
        continue;
      }
      if (scope === 'coarse') continue;
      const [rowCategory, columnCategory] = combo.categories.map(optionsOf) as [
        ReturnType<typeof optionsOf>,
        ReturnType<typeof optionsOf>,
      ];
      const inner = new Map<string, number>();
      for (const r of rowCategory.options)
        for (const c of columnCategory.options) {
          const optionKey = `${r.code}|${c.code}`;
          inner.set(
            optionKey,
            add({
              element,
              table,
              optionKey,
              coords: { [rowCategory.code]: r.code, [columnCategory.code]: c.code },
              sources: [key(optionKey)],
            }),
          );
        }
      const rows = rowCategory.options.map((r) => {
        const parts = columnCategory.options.map((c) => inner.get(`${r.code}|${c.code}`) as number);
        const marginal = add({
          element,
          table,
          optionKey: `${r.code}|${totalOption}`,
          coords: { [rowCategory.code]: r.code, [columnCategory.code]: totalOption },
          sources: columnCategory.options.map((c) => key(`${r.code}|${c.code}`)),
        });
        local.push({ kind: 'sum', total: marginal, parts, axis: `${combo.code}|${columnCategory.code}` });
        return marginal;
      });
      const columns = columnCategory.options.map((c) => {
        const parts = rowCategory.options.map((r) => inner.get(`${r.code}|${c.code}`) as number);
        const marginal = add({
          element,
          table,
          optionKey: `${totalOption}|${c.code}`,
          coords: { [rowCategory.code]: totalOption, [columnCategory.code]: c.code },
          sources: rowCategory.options.map((r) => key(`${r.code}|${c.code}`)),
        });
        local.push({ kind: 'sum', total: marginal, parts, axis: `${combo.code}|${rowCategory.code}` });
        return marginal;
      });
      local.push({ kind: 'sum', total, parts: rows, axis: `${combo.code}|${rowCategory.code}` });
      local.push({ kind: 'sum', total, parts: columns, axis: `${combo.code}|${columnCategory.code}` });
    }
  }
  return { slots, index, local };
}

/** Each agency's values of every slot in one quarter (reported cells as given, marginals summed). */
function quarterVectors(
  layout: Layout,
  values: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined,
): Map<string, Float64Array> {
  const vectors = new Map<string, Float64Array>();
  for (const [agency, cells] of values ?? []) {
    const vector = new Float64Array(layout.slots.length);
    layout.slots.forEach((slot, i) => {
      let sum = 0;
      for (const key of slot.sources) sum += cells.get(key) ?? 0;
      vector[i] = sum;
    });
    vectors.set(agency, vector);
  }
  return vectors;
}

/**
 * For each slot of a year, the slots of each of its quarters that add up to it: the same slot for a
 * `sum` element; for `first_plus_new`, the element's own slot in the first quarter and its new
 * element's same slot in the later ones.
 */
function yearSources(layout: Layout, quarterIndex: number): number[] {
  return layout.slots.map((slot, i) => {
    const { element } = slot;
    if (element.periodAggregation !== 'first_plus_new' || quarterIndex === 0) return i;
    const table = `${element.newElement}${slot.table.slice(element.code.length)}`;
    const j = layout.index.get(`${table}/${slot.optionKey}`);
    if (j === undefined)
      throw new Error(
        `"${element.code}" rolls up with "${element.newElement}", which the cube does not hold`,
      );
    return j;
  });
}

/**
 * The display order of every cell position of the catalog's tables, by `<table>/<optionKey>`: each
 * element's grand total, then each table's cells, row marginals and column marginals.
 */
export function cellOrder(catalog: Catalog): ReadonlyMap<string, number> {
  let order = cellOrders.get(catalog);
  if (!order) {
    order = layoutOf(catalog, 'full').index;
    cellOrders.set(catalog, order);
  }
  return order;
}
const cellOrders = new WeakMap<Catalog, Map<string, number>>();

/**
 * Builds a release's cube for one audience's scope: every cell of every table, period and geography
 * with each agency's contribution, and the relations among them — each one-way additive breakdown
 * adds up to its total; each row and column of a two-way table adds up to its marginal, and the
 * marginals to the total; each multi-select option is at most its total; each coalition cell is the
 * sum of its county cells; each year cell is the sum of its quarters (or the first quarter plus new
 * survivors in the later ones). Deterministic: the same input gives the same cells in the same order.
 */
export function buildCube(input: CubeInput): Cube {
  const scope = input.scope ?? 'full';
  const layout = layoutOf(input.catalog, scope);
  const aggregates = [...(input.aggregates ?? releaseAggregates(input.quarter))];
  const context = (input.publishedAggregates ?? []).filter((a) => !aggregates.includes(a));
  const owned = new Set([input.quarter, ...aggregates]);
  const allAggregates = [...aggregates, ...context];
  const quarters = [
    ...new Set([input.quarter, ...allAggregates.flatMap((a) => quartersOf(a).map((q) => q.code))]),
  ].sort();

  const geos = scope === 'coarse' ? [coalitionGeo] : [coalitionGeo, ...input.counties];
  const counties = new Set(input.counties);
  const agencyCounty = new Map(input.agencies.map((a) => [a.code, a.county]));
  if (scope === 'full')
    for (const a of input.agencies)
      if (!counties.has(a.county))
        throw new Error(`agency ${a.code}'s county ${a.county} is not in the cube`);
  for (const byAgency of input.values.values())
    for (const agency of byAgency.keys())
      if (!agencyCounty.has(agency)) throw new Error(`values of agency ${agency}, which is not in the cube`);
  const inGeo = (geo: string, agency: string) => geo === coalitionGeo || agencyCounty.get(agency) === geo;

  // Every agency's vector per period: quarters from the values, years from their quarters.
  const vectors = new Map<string, Map<string, Float64Array>>();
  for (const q of quarters) vectors.set(q, quarterVectors(layout, input.values.get(q)));
  for (const aggregate of allAggregates) {
    const parts = quartersOf(aggregate).map((q) => vectors.get(q.code) as Map<string, Float64Array>);
    const sources = parts.map((_, k) => yearSources(layout, k));
    const agencies = [...new Set(parts.flatMap((p) => [...p.keys()]))];
    const year = new Map<string, Float64Array>();
    for (const agency of agencies) {
      const vector = new Float64Array(layout.slots.length);
      parts.forEach((part, k) => {
        const quarter = part.get(agency);
        if (!quarter) return;
        const from = sources[k] as number[];
        for (let i = 0; i < vector.length; i++)
          vector[i] = (vector[i] as number) + (quarter[from[i] as number] as number);
      });
      year.set(agency, vector);
    }
    vectors.set(aggregate, year);
  }

  const cells: ReleaseCell[] = [];
  const periods = [...quarters, ...allAggregates];
  for (const period of periods) {
    const byAgency = [...(vectors.get(period) ?? new Map<string, Float64Array>())].sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    const aggregate = !parseQuarter(period);
    for (const geo of geos) {
      const members = byAgency.filter(([agency]) => inGeo(geo, agency));
      layout.slots.forEach((slot, i) => {
        const contributions = new Map<string, number>();
        let value = 0;
        for (const [agency, vector] of members) {
          const part = vector[i] as number;
          if (part !== 0) {
            contributions.set(agency, part);
            value += part;
          }
        }
        const id = cellId(period, geo, slot.table, slot.optionKey);
        const cell: ReleaseCell = {
          id,
          kind: slot.element.kind,
          value,
          contributions,
          marginal: slot.optionKey.includes(totalOption) || geo === coalitionGeo || aggregate,
          ...(slot.table === slot.element.code && slot.optionKey === totalOption
            ? { costFactor: geo === coalitionGeo ? 1000 : 100 }
            : {}),
          group: geo,
          block: `${period}/${geo}/${slot.element.code}`,
          table: slot.table,
          element: slot.element.code,
          period,
          geo,
          optionKey: slot.optionKey,
          coords: slot.coords,
          owned: owned.has(period),
        };
        const frozen = input.frozen?.get(id);
        // Hidden stays hidden; a published value stays published only while it is still true.
        if (frozen?.suppressed) cell.frozen = { suppressed: true };
        else if (frozen && frozen.value === value) cell.frozen = { suppressed: false };
        cells.push(cell);
      });
    }
  }

  const relations: Relation[] = [];
  const id = (period: string, geo: string, slot: number) => {
    const s = layout.slots[slot] as Slot;
    return cellId(period, geo, s.table, s.optionKey);
  };
  for (const period of periods)
    for (const geo of geos)
      for (const r of layout.local)
        relations.push(
          r.kind === 'sum'
            ? {
                kind: 'sum',
                total: id(period, geo, r.total),
                parts: r.parts.map((p) => id(period, geo, p)),
                axis: r.axis,
              }
            : { kind: 'atMost', cell: id(period, geo, r.cell), bound: id(period, geo, r.bound) },
        );
  if (geos.length > 1)
    for (const period of periods)
      for (let i = 0; i < layout.slots.length; i++)
        relations.push({
          kind: 'sum',
          total: id(period, coalitionGeo, i),
          parts: input.counties.map((county) => id(period, county, i)),
          axis: 'geo',
        });
  for (const aggregate of allAggregates) {
    const parts = quartersOf(aggregate);
    const sources = parts.map((_, k) => yearSources(layout, k));
    for (const geo of geos)
      for (let i = 0; i < layout.slots.length; i++)
        relations.push({
          kind: 'sum',
          total: id(aggregate, geo, i),
          parts: parts.map((q, k) => id(q.code, geo, (sources[k] as number[])[i] as number)),
          // A year of survivors served adds new survivors' later quarters, which their own year adds
          // too: one axis per year and element, so each cell has one line along each.
          axis: `${aggregate}|${(layout.slots[i] as Slot).element.code}`,
        });
  }
  return { cells, relations };
}

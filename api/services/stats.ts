/**
 * Published figures: a release's protected cells, and the statistics tables served from them. Only
 * stored cells of published releases are ever read here — nothing is computed from reported values —
 * so every number served is one the release's protection audited. No HTTP here.
 */
import type { Db } from '../db';
import {
  cellOrder,
  coalitionGeo,
  coordsOf,
  countyBreakdownGaps,
  type PublishedTable,
  planAudiencesOf,
  publishedTables,
  tableCategories,
  totalOption,
} from '../disclosure/cube';
import type { Audience } from '../disclosure/types';
import type { Catalog } from '../domain/catalog';
import { formatCsv } from '../domain/csv';
import { comparePeriods, type Interval, periodKindOf } from '../domain/periods';
import type { PublicationPlan } from '../domain/plan';
import { listWords } from '../domain/words';
import { badRequest, notFound, notSignedIn } from '../errors';
import { canViewAudience } from '../permissions';
import {
  getTableCells,
  listPublishedCells,
  listReleaseTableCoverage,
  listReleaseTwoWayKeys,
  type PublishedCellRow,
} from '../queries/publishedCells';
import {
  getPublishedReleaseIdOfPeriod,
  getRelease,
  getReleaseCoverage,
  getReleasePeriodCompleteness,
  listAgenciesWithCounty,
  listCountyCodes,
  listCountyNames,
  listPublishedPeriodCompleteness,
  listPublishedPeriods,
  listPublishedReleaseIds,
  type ReleaseRow,
} from '../queries/releases';
import type { User } from '../queries/users';
import { catalogVersion, currentCatalogVersionIdOrFail } from './catalog';
import { publicationSettings } from './releases/policy';

/** Signed out: the public figures; signed in: the coalition's. Anyone may ask for the public ones. */
export function audienceFor(user: User | null, requested: Audience | undefined): Audience {
  const audience = requested ?? (user ? 'coalition' : 'public');
  if (!canViewAudience(user, audience)) throw notSignedIn();
  return audience;
}

const byPosition = (catalog: Catalog, geos: readonly string[]) => {
  const order = cellOrder(catalog);
  const geoIndex = new Map(geos.map((g, i) => [g, i]));
  return (a: PublishedCellRow, b: PublishedCellRow) =>
    comparePeriods(a.period, b.period) ||
    (geoIndex.get(a.geo) ?? 0) - (geoIndex.get(b.geo) ?? 0) ||
    (order.get(`${a.table}/${a.optionKey}`) ?? 0) - (order.get(`${b.table}/${b.optionKey}`) ?? 0);
};

const elementOfTable = (table: string) => table.split('.', 1)[0] as string;

// ---- A release's cells ---------------------------------------------------------------------------

export type ReleaseCellRow = {
  table: string;
  element: string;
  period: string;
  geo: string;
  value: number | null;
  suppressed: boolean;
  [category: string]: string | number | boolean | null;
};

function publishedRelease(db: Db, id: number): ReleaseRow {
  const release = getRelease(db, id);
  if (!release || (release.status !== 'published' && release.status !== 'superseded'))
    throw notFound(`There is no published release ${id}.`);
  return release;
}

/**
 * Every cell a published (or since superseded) release stored for an audience, in display order: an
 * element's grand total is its own row (`table` = the element), with no category columns.
 */
export function releaseCells(db: Db, user: User | null, id: number, requested: Audience | undefined) {
  const audience = audienceFor(user, requested);
  const release = publishedRelease(db, id);
  const { catalog } = catalogVersion(db, release.catalogVersionId);
  const rows = listPublishedCells(db, release.id, audience).sort(
    byPosition(catalog, [coalitionGeo, ...listCountyCodes(db)]),
  );
  const categories = catalog.categories
    .map((c) => c.code)
    .filter((code) => rows.some((r) => tableCategories(catalog, r.table).includes(code)));
  const cells: ReleaseCellRow[] = rows.map((r) => ({
    table: r.table,
    element: elementOfTable(r.table),
    period: r.period,
    geo: r.geo,
    ...coordsOf(tableCategories(catalog, r.table), r.optionKey),
    value: r.suppressed ? null : r.value,
    suppressed: r.suppressed,
  }));
  return {
    release: {
      id: release.id,
      period: release.period,
      sequence: release.sequence,
      provisionalPeriods: release.completeness.filter((p) => p.provisional).map((p) => p.period),
    },
    audience,
    categories,
    cells,
  };
}

/** The same cells as CSV: a hidden cell's value is blank and `suppressed` is `true`. */
export function releaseCellsCsv(db: Db, user: User | null, id: number, requested: Audience | undefined) {
  const { release, audience, categories, cells } = releaseCells(db, user, id, requested);
  const header = ['table', 'element', 'period', 'geo', ...categories, 'value', 'suppressed'];
  const lines = cells.map((c) => [
    c.table,
    c.element,
    c.period,
    c.geo,
    ...categories.map((category) => String(c[category] ?? '')),
    c.suppressed || c.value === null ? '' : c.value,
    c.suppressed ? 'true' : 'false',
  ]);
  return {
    // A provisional release's file says so wherever it is opened.
    filename: `scope-release-${release.period}-${release.sequence}${release.provisionalPeriods.length > 0 ? '-provisional' : ''}-${audience}.csv`,
    csv: formatCsv([header, ...lines]),
  };
}

// ---- Statistics tables ---------------------------------------------------------------------------

/** A table's dimensions: the categories it shows, with their options or their grouping's groups. */
function dimensionsOf(catalog: Catalog, table: PublishedTable) {
  return table.shown.map((code) => {
    const category = catalog.categories.find((c) => c.code === code);
    const options = table.grouping?.category === code ? table.grouping.groups : (category?.options ?? []);
    return {
      category: code,
      name: table.grouping?.category === code ? table.grouping.name : (category?.name ?? code),
      additive: !category?.multiSelect,
      options: options.map((o) => ({ code: o.code, name: o.name })),
    };
  });
}

function tableName(table: PublishedTable): string {
  if (!table.combo) return table.element.name;
  if (table.grouping) return `${table.element.name} · ${table.grouping.name}`;
  return `${table.element.name} · ${table.combo.name}`;
}

type AudienceTables = { list: readonly PublishedTable[]; byCode: ReadonlyMap<string, PublishedTable> };
const tablesByPlan = new WeakMap<PublicationPlan, Map<Audience, AudienceTables>>();

/**
 * The tables a catalog version's plan publishes to an audience, in order and by code. A version
 * never changes (and `catalogVersion` gives the same objects for it every time), so they are worked
 * out once.
 */
function tablesOf(versionId: number, db: Db, audience: Audience): AudienceTables {
  const { catalog, plan } = catalogVersion(db, versionId);
  let byAudience = tablesByPlan.get(plan);
  if (!byAudience) {
    byAudience = new Map();
    tablesByPlan.set(plan, byAudience);
  }
  let tables = byAudience.get(audience);
  if (!tables) {
    const list = publishedTables(catalog, plan, audience);
    tables = { list, byCode: new Map(list.map((t) => [t.code, t])) };
    byAudience.set(audience, tables);
  }
  return tables;
}

// ---- What was read from published releases ------------------------------------------------------
//
// A published release never changes: the database refuses new cells, updates and deletes once it is
// published. So what is read from one is kept, per connection, keyed by the release (and always by
// the audience). Which release publishes what is asked afresh on every request, so a new release is
// served at once and a superseded one drops out.

/** A map per connection that forgets its oldest entries past `limit`. */
function memo<T>(limit: number) {
  const byDb = new WeakMap<Db, Map<string, T>>();
  return (db: Db, key: string, read: () => T): T => {
    let entries = byDb.get(db);
    if (!entries) {
      entries = new Map();
      byDb.set(db, entries);
    }
    if (entries.has(key)) return entries.get(key) as T;
    const value = read();
    if (entries.size >= limit) entries.delete(entries.keys().next().value as string);
    entries.set(key, value);
    return value;
  };
}

/** What a statistics table says about the release it comes from: fixed once the release is published. */
type PublishedRelease = Pick<
  ReleaseRow,
  'id' | 'sequence' | 'publishedAt' | 'catalogVersion' | 'catalogVersionId'
>;
const releaseMemo = memo<PublishedRelease>(1000);

/** A published release's details, by the id a query for what is published gave. */
function publishedReleaseDetails(db: Db, id: number): PublishedRelease {
  return releaseMemo(db, String(id), () => {
    const release = getRelease(db, id);
    if (!release) throw new Error(`no release ${id}`);
    const { sequence, publishedAt, catalogVersion, catalogVersionId } = release;
    return { id, sequence, publishedAt, catalogVersion, catalogVersionId };
  });
}

/**
 * The periods and geographies a table has cells in and, for a table of more than one category, the
 * periods with cells along each (by its position in the option key): a two-way breakdown can
 * publish one category at more kinds of period than the other.
 */
type CoverageEntry = { periods: Set<string>; geos: Set<string>; periodsAlong: Map<number, Set<string>> };
/** table → what it has cells of; kept, so never changed once made. */
type TableCoverage = ReadonlyMap<string, Readonly<CoverageEntry>>;
const coverageMemo = memo<TableCoverage>(1000);

const coverageEntry = (tables: Map<string, CoverageEntry>, table: string): CoverageEntry => {
  let entry = tables.get(table);
  if (!entry) {
    entry = { periods: new Set(), geos: new Set(), periodsAlong: new Map() };
    tables.set(table, entry);
  }
  return entry;
};

const periodsAt = (entry: CoverageEntry, position: number): Set<string> => {
  let periods = entry.periodsAlong.get(position);
  if (!periods) {
    periods = new Set();
    entry.periodsAlong.set(position, periods);
  }
  return periods;
};

/** What one published release stored cells of for an audience. */
function releaseCoverage(db: Db, releaseId: number, audience: Audience): TableCoverage {
  return coverageMemo(db, `${releaseId}/${audience}`, () => {
    const tables = new Map<string, CoverageEntry>();
    for (const row of listReleaseTableCoverage(db, releaseId, audience)) {
      const entry = coverageEntry(tables, row.table);
      entry.periods.add(row.period);
      entry.geos.add(row.geo);
    }
    for (const row of listReleaseTwoWayKeys(db, releaseId, audience)) {
      const entry = coverageEntry(tables, row.table);
      for (const [position, option] of row.optionKey.split('|').entries())
        if (option !== totalOption) periodsAt(entry, position).add(row.period);
    }
    return tables;
  });
}

/** Which tables, periods and geographies have cells in these releases, for one audience. */
function publishedCoverage(db: Db, releaseIds: readonly number[], audience: Audience): TableCoverage {
  const releases = releaseIds.map((id) => releaseCoverage(db, id, audience));
  if (releases.length === 1) return releases[0] as TableCoverage;
  const merged = new Map<string, CoverageEntry>();
  for (const coverage of releases)
    for (const [table, { periods, geos, periodsAlong }] of coverage) {
      const entry = coverageEntry(merged, table);
      for (const period of periods) entry.periods.add(period);
      for (const geo of geos) entry.geos.add(geo);
      for (const [position, along] of periodsAlong)
        for (const period of along) periodsAt(entry, position).add(period);
    }
  return merged;
}

type StatsTable = {
  code: string;
  element: string;
  name: string;
  kind: 'people' | 'activity';
  dimensions: Array<ReturnType<typeof dimensionsOf>[number] & { periods: string[] }>;
  periods: string[];
  geographies: string[];
  notes: string[];
};
const tablesMemo = memo<StatsTable[]>(16);

/** The tables an audience can read, each with the periods and geographies that have published cells. */
export function statsTables(db: Db, user: User | null, requested: Audience | undefined) {
  const audience = audienceFor(user, requested);
  const versionId = currentCatalogVersionIdOrFail(db);
  const counties = listCountyCodes(db);
  const releaseIds = listPublishedReleaseIds(db);
  // Everything the list depends on is in the key, so a new release, catalog or county makes a new one.
  const key = `${audience}/${versionId}/${releaseIds.join(',')}/${counties.join(',')}`;
  const tables = tablesMemo(db, key, () => listTables(db, versionId, audience, releaseIds, counties));
  return {
    audience,
    tables,
    countyBreakdowns: countyBreakdownNotes(db, versionId, audience, counties),
    provisionalPeriods: provisionalPeriods(db, releaseIds),
  };
}

/**
 * Why some breakdowns are not published by county, per catalog section, in words a reader can act
 * on: a county with fewer reporting agencies than the coalition's minimum would give an agency's
 * figures away. Empty for the public, who see coalition-wide figures only, and when every county
 * has enough agencies.
 */
function countyBreakdownNotes(db: Db, versionId: number, audience: Audience, counties: readonly string[]) {
  const { catalog, plan } = catalogVersion(db, versionId);
  const countyTables = plan.tables.some(
    (t) => t.breakdown !== undefined && planAudiencesOf[audience].some((a) => t[a]?.county !== undefined),
  );
  if (!countyTables || counties.length === 0) return [];
  const minimum = publicationSettings(db).countyBreakdownAgencies;
  const names = new Map(listCountyNames(db).map((c) => [c.code, c.name]));
  return [...countyBreakdownGaps(catalog, listAgenciesWithCounty(db), counties, minimum)].map(
    ([section, short]) => ({
      section,
      minimumAgencies: minimum,
      counties: short.map((c) => ({
        code: c.county,
        name: names.get(c.county) ?? c.county,
        agencies: c.agencies,
      })),
      explanation: `${listWords(
        short.map(
          (c) =>
            `${names.get(c.county) ?? c.county} has ${c.agencies === 0 ? 'no' : c.agencies} reporting ${c.agencies === 1 ? 'agency' : 'agencies'}`,
        ),
      )}. Breakdowns by county are published only where every county has at least ${minimum}: with fewer, a county's figures could point to one agency's clients. The county totals and the coalition's breakdowns are published.`,
    }),
  );
}

const provisionalMemo = memo<Array<{ period: string; reported: number; expected: number }>>(16);

/** The published periods that are provisional, oldest first; fixed while the same releases are published. */
function provisionalPeriods(db: Db, releaseIds: readonly number[]) {
  return provisionalMemo(db, releaseIds.join(','), () =>
    listPublishedPeriodCompleteness(db)
      .filter((p) => p.provisional)
      .sort((a, b) => comparePeriods(a.period, b.period))
      .map(({ period, reported, expected }) => ({
        period,
        reported: reported ?? 0,
        expected: expected ?? 0,
      })),
  );
}

/** The tables of a catalog an audience can read that these releases stored cells of. */
function listTables(
  db: Db,
  versionId: number,
  audience: Audience,
  releaseIds: readonly number[],
  counties: readonly string[],
): StatsTable[] {
  const geoOrder = [coalitionGeo, ...counties];
  const coverage = publishedCoverage(db, releaseIds, audience);
  const { catalog } = catalogVersion(db, versionId);
  return tablesOf(versionId, db, audience).list.flatMap((table) => {
    const entry = coverage.get(table.code);
    if (!entry) return [];
    // A table of one category has cells along it in every period it has cells in.
    const periodsAlong = (category: string) =>
      table.categories.length > 1
        ? (entry.periodsAlong.get(table.categories.indexOf(category)) ?? new Set<string>())
        : entry.periods;
    return [
      {
        code: table.code,
        element: table.element.code,
        name: tableName(table),
        kind: table.element.kind,
        dimensions: dimensionsOf(catalog, table).map((d) => ({
          ...d,
          periods: [...periodsAlong(d.category)].sort(comparePeriods),
        })),
        periods: [...entry.periods].sort(comparePeriods),
        geographies: geoOrder.filter((g) => entry.geos.has(g)),
        notes: table.notes,
      },
    ];
  });
}

export type StatsQuery = { period?: string; geo?: string; audience?: Audience };

/**
 * The default period of a table: the newest published quarter that is not provisional (the newest
 * provisional one only when every published quarter is).
 */
function latestPublishedQuarter(db: Db, audience: Audience): string | undefined {
  const releaseIds = listPublishedReleaseIds(db);
  const periods = new Set<string>();
  for (const entry of publishedCoverage(db, releaseIds, audience).values())
    for (const period of entry.periods) periods.add(period);
  const quarters = [...periods].filter((p) => periodKindOf(p) === 'quarter').sort(comparePeriods);
  const provisional = new Set(provisionalPeriods(db, releaseIds).map((p) => p.period));
  return quarters.filter((q) => !provisional.has(q)).at(-1) ?? quarters.at(-1);
}

/** The audience of a request for a table, refusing a table that isn't in the catalog or not published for it. */
function tableAudience(db: Db, user: User | null, tableCode: string, requested: Audience | undefined) {
  const audience = audienceFor(user, requested);
  const versionId = currentCatalogVersionIdOrFail(db);
  const { catalog } = catalogVersion(db, versionId);
  const known = tablesOf(versionId, db, audience).byCode.get(tableCode);
  if (!known) {
    if (audience === 'public' && tablesOf(versionId, db, 'coalition').byCode.has(tableCode))
      throw badRequest(`"${tableCode}" is published to signed-in members only, not to the public.`);
    throw badRequest(`There is no table "${tableCode}". GET /api/stats/tables lists the published tables.`);
  }
  return { audience, catalog, known };
}

/** A geography of the cube for the audience: the coalition, or (signed in) one county. */
function cubeGeo(db: Db, audience: Audience, requested: string | undefined): string {
  const geo = requested ?? coalitionGeo;
  if (geo !== coalitionGeo && !listCountyCodes(db).includes(geo))
    throw badRequest(`There is no geography "${geo}": use "coalition" or a county code.`);
  if (audience === 'public' && geo !== coalitionGeo)
    throw badRequest('Public figures are coalition-wide only; sign in to see county figures.');
  return geo;
}

/**
 * One table of one period and geography exactly as `release` stored it for the audience: its cells
 * (the element's grand total as the all-`_total` cell), completeness and, for survivors served, the
 * unduplicated range. Undefined when the release stored no cells of the table there. Read once per
 * release, audience, table, period and geography (see `memo`): callers must not change it.
 */
function storedTable(db: Db, q: StoredTableQuery) {
  const { release, audience, tableCode, period, geo } = q;
  return storedTableMemo(db, `${release.id}/${audience}/${tableCode}/${period}/${geo}`, () =>
    readStoredTable(db, q),
  );
}

type StoredTableQuery = {
  audience: Audience;
  tableCode: string;
  period: string;
  geo: string;
  release: PublishedRelease;
};
const storedTableMemo = memo<ReturnType<typeof readStoredTable>>(5000);

function readStoredTable(db: Db, q: StoredTableQuery) {
  const { audience, tableCode, period, geo, release } = q;
  const { catalog } = catalogVersion(db, release.catalogVersionId);
  const table = tablesOf(release.catalogVersionId, db, audience).byCode.get(tableCode);
  if (!table) return undefined;
  const element = table.element.code;
  const stored = getTableCells(db, {
    releaseId: release.id,
    audience,
    period,
    geo,
    tables: [...new Set([tableCode, element])],
  }).filter((c) => c.table === tableCode || c.optionKey === totalOption);
  if (!stored.some((c) => c.table === tableCode)) return undefined;
  const order = cellOrder(catalog);
  stored.sort(
    (a, b) => (order.get(`${a.table}/${a.optionKey}`) ?? 0) - (order.get(`${b.table}/${b.optionKey}`) ?? 0),
  );
  const cells = stored.map((c) => ({
    // The grand total is stored once per element and shown as every table's all-`_total` cell.
    ...coordsOf(table.categories, c.table === tableCode ? c.optionKey : totalOption),
    value: c.suppressed ? null : c.value,
    suppressed: c.suppressed,
  }));

  const section = catalog.sections.find((s) => s.elements.some((e) => e.code === element));
  const coverage = section ? getReleaseCoverage(db, release.id, period, geo, section.code) : undefined;
  const total = stored.find((c) => c.table === element && c.optionKey === totalOption);
  const coalition = getReleasePeriodCompleteness(db, release.id, period);
  return {
    table,
    catalog,
    period,
    release: {
      id: release.id,
      sequence: release.sequence,
      publishedAt: release.publishedAt,
      catalogVersion: release.catalogVersion,
    },
    provisional: coalition?.provisional ?? false,
    coalitionCompleteness:
      coalition?.reported == null || coalition.expected == null
        ? null
        : { reported: coalition.reported, expected: coalition.expected },
    completeness: coverage ?? { reported: 0, expected: 0 },
    unduplicated:
      element === 'survivors_served'
        ? unduplicatedRange(db, release, audience, period, geo, total, coverage)
        : null,
    cells,
  };
}

/**
 * One table of one published period and geography, as the release stored it for the audience. The
 * element's grand total is the table's `_total` cell. Anything outside the published cube is refused.
 */
export function statsTable(db: Db, user: User | null, tableCode: string, query: StatsQuery) {
  const { audience } = tableAudience(db, user, tableCode, query.audience);
  const period = query.period ?? latestPublishedQuarter(db, audience);
  if (!period) throw notFound('Nothing has been published yet.');
  const releaseId = getPublishedReleaseIdOfPeriod(db, period);
  if (releaseId === undefined)
    throw badRequest(`${period} has not been published. GET /api/stats/tables lists what has.`);
  const release = publishedReleaseDetails(db, releaseId);
  const geo = cubeGeo(db, audience, query.geo);
  if (!tablesOf(release.catalogVersionId, db, audience).byCode.has(tableCode))
    throw badRequest(`"${tableCode}" is not part of the release that published ${period}.`);
  const stored = storedTable(db, { audience, tableCode, period, geo, release });
  if (!stored) throw badRequest(`"${tableCode}" has no published cells for ${period} and ${geo}.`);
  return {
    table: tableCode,
    element: stored.table.element.code,
    name: tableName(stored.table),
    kind: stored.table.element.kind,
    dimensions: dimensionsOf(stored.catalog, stored.table),
    period,
    geo,
    audience,
    release: stored.release,
    provisional: stored.provisional,
    coalitionCompleteness: stored.coalitionCompleteness,
    completeness: stored.completeness,
    unduplicated: stored.unduplicated,
    cells: stored.cells,
  };
}

/** How a series steps through time: quarters, calendar years or federal fiscal years. */
export type SeriesQuery = { geo?: string; interval?: Interval; audience?: Audience };

/**
 * One table over every published period of an interval, oldest first: for each period, exactly what
 * `statsTable` serves for it (cells, completeness, unduplicated range and the release that
 * published it). A trend is one request, and still only stored cells of published releases.
 */
export function statsSeries(db: Db, user: User | null, tableCode: string, query: SeriesQuery) {
  const { audience, catalog, known } = tableAudience(db, user, tableCode, query.audience);
  const geo = cubeGeo(db, audience, query.geo);
  const interval = query.interval ?? 'quarter';
  const published = listPublishedPeriods(db)
    .filter(({ period }) => periodKindOf(period) === interval)
    .sort((a, b) => comparePeriods(a.period, b.period));
  const points = published.flatMap(({ period, releaseId }) => {
    const release = publishedReleaseDetails(db, releaseId);
    const stored = storedTable(db, { audience, tableCode, period, geo, release });
    if (!stored) return [];
    const { table: _table, catalog: _catalog, ...point } = stored;
    return [point];
  });
  return {
    table: tableCode,
    element: known.element.code,
    name: tableName(known),
    kind: known.element.kind,
    dimensions: dimensionsOf(catalog, known),
    geo,
    interval,
    audience,
    periods: points,
  };
}

/**
 * Survivors served by several members are counted once by each. With S the published served total,
 * D the published "also served by another member" total and m the agencies reporting, the number of
 * different survivors lies in [S − D + ⌈D/m⌉, S − D + ⌊D/2⌋] (PRODUCT.md, "Counting honestly").
 * Computed only from published cells; hidden when either is.
 */
function unduplicatedRange(
  db: Db,
  release: PublishedRelease,
  audience: Audience,
  period: string,
  geo: string,
  served: PublishedCellRow | undefined,
  coverage: { reported: number } | undefined,
): { lower: number; upper: number } | { suppressed: true } | null {
  const shared = getTableCells(db, {
    releaseId: release.id,
    audience,
    period,
    geo,
    tables: ['survivors_shared'],
  }).find((c) => c.optionKey === totalOption);
  if (!served || !shared || !coverage) return null;
  if (served.suppressed || shared.suppressed || served.value === null || shared.value === null)
    return { suppressed: true };
  return unduplicated(served.value, shared.value, coverage.reported);
}

/** The unduplicated range from S, D and m; one agency (or none) has no one to share with. */
export function unduplicated(
  served: number,
  shared: number,
  agencies: number,
): { lower: number; upper: number } {
  if (agencies <= 1) return { lower: served, upper: served };
  const lower = served - shared + Math.ceil(shared / agencies);
  const upper = served - shared + Math.floor(shared / 2);
  return { lower: Math.max(0, lower), upper: Math.max(0, lower, upper) };
}

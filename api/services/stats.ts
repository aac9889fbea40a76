/**
 * Published figures: a release's protected cells, and the statistics tables served from them. Only
 * stored cells of published releases are ever read here — nothing is computed from reported values —
 * so every number served is one the release's protection audited. No HTTP here.
 */
import type { Db } from '../db';
import {
  type CubeScope,
  cellOrder,
  coalitionGeo,
  comparePeriods,
  coordsOf,
  cubeTables,
  tableCategories,
  totalOption,
} from '../disclosure/cube';
import type { Audience } from '../disclosure/types';
import type { Catalog } from '../domain/catalog';
import { formatCsv } from '../domain/csv';
import { ApiError, badRequest, notFound, notSignedIn } from '../errors';
import { canViewAudience } from '../permissions';
import { currentCatalogVersionId } from '../queries/catalog';
import {
  getPublishedReleaseOfPeriod,
  getRelease,
  getReleaseCoverage,
  getTableCells,
  listCountyCodes,
  listPublishedCells,
  listPublishedTableCoverage,
  type PublishedCellRow,
  type ReleaseRow,
} from '../queries/releases';
import type { User } from '../queries/users';
import { audienceScope } from './releases';
import { catalogVersion } from './submissions';

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
    release: { id: release.id, period: release.period, sequence: release.sequence },
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
    filename: `scope-release-${release.period}-${release.sequence}-${audience}.csv`,
    csv: formatCsv([header, ...lines]),
  };
}

// ---- Statistics tables ---------------------------------------------------------------------------

function dimensionsOf(catalog: Catalog, categories: readonly string[]) {
  return categories.map((code) => {
    const category = catalog.categories.find((c) => c.code === code);
    return {
      category: code,
      name: category?.name ?? code,
      additive: !category?.multiSelect,
      options: (category?.options ?? []).map((o) => ({ code: o.code, name: o.name })),
    };
  });
}

function tableName(table: ReturnType<typeof cubeTables>[number]): string {
  return table.combo ? `${table.element.name} · ${table.combo.name}` : table.element.name;
}

function currentCatalog(db: Db): Catalog {
  const versionId = currentCatalogVersionId(db);
  if (versionId === undefined) throw new ApiError(503, 'no-catalog', 'No catalog has been set up yet.');
  return catalogVersion(db, versionId).catalog;
}

/** The tables an audience can read, each with the periods and geographies that have published cells. */
export function statsTables(db: Db, user: User | null, requested: Audience | undefined) {
  const audience = audienceFor(user, requested);
  const catalog = currentCatalog(db);
  const geoOrder = [coalitionGeo, ...listCountyCodes(db)];
  const coverage = new Map<string, { periods: Set<string>; geos: Set<string> }>();
  for (const row of listPublishedTableCoverage(db, audience)) {
    const entry = coverage.get(row.table) ?? { periods: new Set<string>(), geos: new Set<string>() };
    coverage.set(row.table, entry);
    entry.periods.add(row.period);
    entry.geos.add(row.geo);
  }
  const tables = cubeTables(catalog, audienceScope[audience]).flatMap((table) => {
    const entry = coverage.get(table.code);
    if (!entry) return [];
    return [
      {
        code: table.code,
        element: table.element.code,
        name: tableName(table),
        kind: table.element.kind,
        dimensions: dimensionsOf(catalog, table.categories),
        periods: [...entry.periods].sort(comparePeriods),
        geographies: geoOrder.filter((g) => entry.geos.has(g)),
      },
    ];
  });
  return { audience, tables };
}

export type StatsQuery = { period?: string; geo?: string; audience?: Audience };

/** The newest published quarter, the default period of a table. */
function latestPublishedQuarter(db: Db, audience: Audience): string | undefined {
  const quarters = [...new Set(listPublishedTableCoverage(db, audience).map((r) => r.period))]
    .filter((p) => /Q\d$/.test(p))
    .sort(comparePeriods);
  return quarters.at(-1);
}

/**
 * One table of one published period and geography, as the release stored it for the audience. The
 * element's grand total is the table's `_total` cell. Anything outside the published cube is refused.
 */
export function statsTable(db: Db, user: User | null, tableCode: string, query: StatsQuery) {
  const audience = audienceFor(user, query.audience);
  const scope: CubeScope = audienceScope[audience];
  const known = cubeTables(currentCatalog(db), 'full').find((t) => t.code === tableCode);
  if (!known)
    throw badRequest(`There is no table "${tableCode}". GET /api/stats/tables lists the published tables.`);
  if (!cubeTables(currentCatalog(db), scope).some((t) => t.code === tableCode))
    throw badRequest(
      `"${tableCode}" is not published for the public: public figures are coalition-wide totals and one-way breakdowns only.`,
    );
  const period = query.period ?? latestPublishedQuarter(db, audience);
  if (!period) throw notFound('Nothing has been published yet.');
  const release = getPublishedReleaseOfPeriod(db, period);
  if (!release) throw badRequest(`${period} has not been published. GET /api/stats/tables lists what has.`);
  const geo = query.geo ?? coalitionGeo;
  if (geo !== coalitionGeo && !listCountyCodes(db).includes(geo))
    throw badRequest(`There is no geography "${geo}": use "coalition" or a county code.`);
  if (scope === 'coarse' && geo !== coalitionGeo)
    throw badRequest('Public figures are coalition-wide only; sign in to see county figures.');

  const { catalog } = catalogVersion(db, release.catalogVersionId);
  const table = cubeTables(catalog, scope).find((t) => t.code === tableCode);
  if (!table) throw badRequest(`"${tableCode}" is not part of the release that published ${period}.`);
  const element = table.element.code;
  const stored = getTableCells(db, {
    releaseId: release.id,
    audience,
    period,
    geo,
    tables: [...new Set([tableCode, element])],
  }).filter((c) => c.table === tableCode || c.optionKey === totalOption);
  if (!stored.some((c) => c.table === tableCode))
    throw badRequest(`"${tableCode}" has no published cells for ${period} and ${geo}.`);
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
  return {
    table: tableCode,
    element,
    name: tableName(table),
    kind: table.element.kind,
    dimensions: dimensionsOf(catalog, table.categories),
    period,
    geo,
    audience,
    release: {
      id: release.id,
      sequence: release.sequence,
      publishedAt: release.publishedAt,
      catalogVersion: release.catalogVersion,
    },
    completeness: coverage ?? { reported: 0, expected: 0 },
    unduplicated:
      element === 'survivors_served'
        ? unduplicatedRange(db, release, audience, period, geo, total, coverage)
        : null,
    cells,
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
  release: ReleaseRow,
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

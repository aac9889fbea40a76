/**
 * The dashboard's filters, read from and written to the URL so a view can be shared: a published
 * period and a geography, both only from the published cube. Pure.
 */
import { type Interval, intervalOf, isPublishedPeriod, periodLabel } from '../../../../api/domain/periods';
import type { StatsTablesResponse } from './types';

/** What the page shows: one period, one geography. */
export type DashboardView = { period: string; geo: string };

/** The coalition-wide geography. */
export const coalitionGeo = 'coalition';

// The stats API names geographies by code; these are the coalition's own counties.
const geoNames: Record<string, string> = {
  coalition: 'Whole coalition (both counties)',
  SCL: 'Santa Clara County',
  SBN: 'San Benito County',
};

/** A geography in words. */
export function geoName(code: string): string {
  return geoNames[code] ?? `County ${code}`;
}

/** A geography in a few words, for chart legends. */
export function geoShortName(code: string): string {
  return code === coalitionGeo ? 'Whole coalition' : geoName(code);
}

/** Every published period and geography, from the tables list (oldest period first). */
export function publishedCube(tables: StatsTablesResponse | undefined): {
  periods: string[];
  geos: string[];
} {
  const periods: string[] = [];
  const geos: string[] = [];
  for (const table of tables?.tables ?? []) {
    for (const period of table.periods) if (!periods.includes(period)) periods.push(period);
    for (const geo of table.geographies) if (!geos.includes(geo)) geos.push(geo);
  }
  return { periods, geos };
}

/** Published periods grouped by interval, newest first, for the period picker. */
export function periodGroups(
  periods: readonly string[],
): Array<{ interval: Interval; label: string; periods: string[] }> {
  const groups: Array<{ interval: Interval; label: string }> = [
    { interval: 'quarter', label: 'Quarters' },
    { interval: 'year', label: 'Calendar years' },
    { interval: 'fy', label: 'Federal fiscal years (October to September)' },
  ];
  return groups
    .map((g) => ({ ...g, periods: periods.filter((p) => intervalOf(p) === g.interval).reverse() }))
    .filter((g) => g.periods.length > 0);
}

export type ResolvedView =
  | { kind: 'nothing-published' }
  | { kind: 'view'; view: DashboardView; notices: string[] }
  | { kind: 'unpublished'; view: DashboardView; latest: string };

/**
 * The view from the URL: the requested period and geography when published; otherwise the newest
 * published quarter and the whole coalition, with a notice saying why. A well-formed period with no
 * release yet is said to be unpublished (the page's empty state), not silently swapped.
 */
export function resolveView(
  requested: { period: string | null; geo: string | null },
  tables: StatsTablesResponse | undefined,
): ResolvedView {
  const { periods, geos } = publishedCube(tables);
  const quarters = periods.filter((p) => intervalOf(p) === 'quarter');
  const latest = quarters.at(-1) ?? periods.at(-1);
  if (!latest) return { kind: 'nothing-published' };
  const notices: string[] = [];
  let geo = requested.geo ?? coalitionGeo;
  if (!geos.includes(geo)) {
    if (requested.geo)
      notices.push(`There are no published figures for “${requested.geo}”; showing the whole coalition.`);
    geo = coalitionGeo;
  }
  const period = requested.period?.toUpperCase() ?? null;
  if (isPublishedPeriod(period)) {
    if (periods.includes(period)) return { kind: 'view', view: { period, geo }, notices };
    return { kind: 'unpublished', view: { period, geo }, latest };
  }
  if (requested.period)
    notices.push(`“${requested.period}” is not a period Scope publishes; showing ${periodLabel(latest)}.`);
  return { kind: 'view', view: { period: latest, geo }, notices };
}

/** The URL search string of a view: `?period=2026Q2&geo=SCL` (the coalition is left out). */
export function viewSearch(view: DashboardView): string {
  const params = new URLSearchParams({ period: view.period });
  if (view.geo !== coalitionGeo) params.set('geo', view.geo);
  return `?${params}`;
}

/**
 * The dashboard's filters, read from and written to the URL so a view can be shared: a published
 * period and a geography, both only from the published cube. A provisional period (too few agencies
 * reported) can be chosen but is never the one a page opens on. Pure.
 */
import {
  comparePeriods,
  type Interval,
  intervalOf,
  isPublishedPeriod,
  periodLabel,
} from '../../../../api/domain/periods';
import { agenciesReported } from '../../charts/format';
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

/** How many of the coalition's agencies reported for a provisional period. */
export type ProvisionalCounts = { reported: number; expected: number };

/** The published periods that are provisional, with how many agencies reported. */
export function provisionalPeriods(
  tables: StatsTablesResponse | undefined,
): ReadonlyMap<string, ProvisionalCounts> {
  return new Map(
    (tables?.provisionalPeriods ?? []).map(({ period, reported, expected }) => [
      period,
      { reported, expected },
    ]),
  );
}

/** "Provisional: 8 of 14 agencies reported" for a provisional period; null for any other. */
export function provisionalLabel(counts: ProvisionalCounts | undefined | null): string | null {
  return counts ? `Provisional: ${agenciesReported(counts)}` : null;
}

/** A period in the picker: its name, and whether it is provisional. */
export function periodOptionLabel(
  period: string,
  provisional: ReadonlyMap<string, ProvisionalCounts>,
): string {
  const label = provisionalLabel(provisional.get(period));
  return label ? `${periodLabel(period)} · ${label}` : periodLabel(period);
}

/**
 * Words for a file of figures: the period, "provisional" when it is, and the geography. A download
 * of a provisional period says so in its name wherever it is opened.
 */
export function fileParts(period: string, provisional: boolean, ...rest: string[]): string[] {
  return [period, ...(provisional ? ['provisional'] : []), ...rest];
}

/** Published periods grouped by interval (each kind where published), newest first, for the period picker. */
export function periodGroups(
  periods: readonly string[],
): Array<{ interval: Interval; label: string; periods: string[] }> {
  const groups: Array<{ interval: Interval; label: string }> = [
    { interval: 'quarter', label: 'Quarters' },
    { interval: 'half', label: 'Half-years (January to June, July to December)' },
    { interval: 'year', label: 'Calendar years' },
    { interval: 'fy', label: 'Federal fiscal years (October to September)' },
    { interval: 'sfy', label: 'California fiscal years (July to June)' },
  ];
  return groups
    .map((g) => ({ ...g, periods: periods.filter((p) => intervalOf(p) === g.interval).reverse() }))
    .filter((g) => g.periods.length > 0);
}

export type ResolvedView =
  | { kind: 'nothing-published' }
  | {
      kind: 'view';
      view: DashboardView;
      notices: string[];
      /** How many agencies reported, when the period shown is provisional; null otherwise. */
      provisional: ProvisionalCounts | null;
    }
  | { kind: 'unpublished'; view: DashboardView; latest: string };

/**
 * The period a page opens on: the newest published quarter that is not provisional; failing that the
 * newest period of any interval that is not; failing that (everything provisional) the newest quarter.
 */
export function openingPeriod(
  periods: readonly string[],
  provisional: ReadonlyMap<string, ProvisionalCounts>,
): string | undefined {
  const ordered = [...periods].sort(comparePeriods);
  const settled = ordered.filter((p) => !provisional.has(p));
  const quarters = (list: readonly string[]) => list.filter((p) => intervalOf(p) === 'quarter');
  return quarters(settled).at(-1) ?? settled.at(-1) ?? quarters(ordered).at(-1) ?? ordered.at(-1);
}

/**
 * The view from the URL: the requested period and geography when published; otherwise the opening
 * period (see `openingPeriod`) and the whole coalition, with a notice saying why — and, when a newer
 * quarter is provisional, that it can still be chosen. A well-formed period with no release yet is
 * said to be unpublished (the page's empty state), not silently swapped.
 */
export function resolveView(
  requested: { period: string | null; geo: string | null },
  tables: StatsTablesResponse | undefined,
): ResolvedView {
  const { periods, geos } = publishedCube(tables);
  const provisional = provisionalPeriods(tables);
  const latest = openingPeriod(periods, provisional);
  if (!latest) return { kind: 'nothing-published' };
  const notices: string[] = [];
  let geo = requested.geo ?? coalitionGeo;
  if (!geos.includes(geo)) {
    if (requested.geo)
      notices.push(`There are no published figures for “${requested.geo}”; showing the whole coalition.`);
    geo = coalitionGeo;
  }
  const period = requested.period?.toUpperCase() ?? null;
  const shown = (code: string) => ({
    kind: 'view' as const,
    view: { period: code, geo },
    notices,
    provisional: provisional.get(code) ?? null,
  });
  if (isPublishedPeriod(period)) {
    if (periods.includes(period)) return shown(period);
    return { kind: 'unpublished', view: { period, geo }, latest };
  }
  if (requested.period)
    notices.push(`“${requested.period}” is not a period Scope publishes; showing ${periodLabel(latest)}.`);
  const newest = periods
    .filter((p) => intervalOf(p) === intervalOf(latest) && comparePeriods(p, latest) > 0)
    .sort(comparePeriods)
    .at(-1);
  const counts = newest ? provisional.get(newest) : undefined;
  if (newest && counts && !provisional.has(latest))
    notices.push(
      `${periodLabel(newest)} is provisional (${agenciesReported(counts)}), so it is not shown first; you can still choose it.`,
    );
  return shown(latest);
}

/** The URL search string of a view: `?period=2026Q2&geo=SCL` (the coalition is left out). */
export function viewSearch(view: DashboardView): string {
  const params = new URLSearchParams({ period: view.period });
  if (view.geo !== coalitionGeo) params.set('geo', view.geo);
  return `?${params}`;
}

/**
 * Query options for published statistics. Published releases are frozen, so the same table, period,
 * geography and audience always give the same cells; only a new release changes what is published,
 * and it marks `statsKeys.all` stale (see `afterReleaseChange`).
 */
import { queryOptions } from '@tanstack/react-query';
import { api, json } from '../../api/client';
import { type SeriesRequest, seriesArgs, type TableRequest, tableArgs, tablesArgs } from './requests';
import type { Audience } from './types';

/**
 * Keys: `all` → `tableLists()` → `tableList(audience)`, and `all` → `table(code)` → `period(request)`
 * (`['stats', table, { period, geo, audience }]`) or `series(request)`. Invalidating a table's key
 * refreshes every period and series of it. (No table can be called `tables`: the API's own path
 * `/api/stats/tables` already answers for that name.)
 */
export const statsKeys = {
  all: ['stats'] as const,
  tableLists: () => [...statsKeys.all, 'tables'] as const,
  tableList: (audience?: Audience) => [...statsKeys.tableLists(), { audience }] as const,
  table: (table: string) => [...statsKeys.all, table] as const,
  period: ({ table, period, geo, audience }: TableRequest) =>
    [...statsKeys.table(table), { period, geo, audience }] as const,
  series: ({ table, geo, interval, audience }: SeriesRequest) =>
    [...statsKeys.table(table), 'series', { geo, interval, audience }] as const,
};

// A new release adds periods rather than changing old ones; a few minutes' staleness is harmless.
const staleTime = 5 * 60_000;

/** The published tables, periods and geographies for the caller's audience (or the public's). */
export function statsTablesQuery(audience?: Audience) {
  return queryOptions({
    queryKey: statsKeys.tableList(audience),
    queryFn: ({ signal }) => json(api.stats.tables.$get(tablesArgs(audience), { init: { signal } })),
    staleTime,
  });
}

/** One table of one period and geography. */
export function statsTableQuery(request: TableRequest) {
  return queryOptions({
    queryKey: statsKeys.period(request),
    queryFn: ({ signal }) => json(api.stats[':table'].$get(tableArgs(request), { init: { signal } })),
    staleTime,
  });
}

/** One table over every published period of an interval. */
export function statsSeriesQuery(request: SeriesRequest) {
  return queryOptions({
    queryKey: statsKeys.series(request),
    queryFn: ({ signal }) => json(api.stats[':table'].series.$get(seriesArgs(request), { init: { signal } })),
    staleTime,
  });
}

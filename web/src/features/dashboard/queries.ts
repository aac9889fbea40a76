/**
 * Query options for published statistics. A path (with its query string) is the key: published
 * releases are frozen, so the same path always gives the same cells for the same audience.
 */
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../api/client';
import { tablesPath } from './requests';
import type { StatsSeries, StatsTable, StatsTablesResponse } from './types';

/** Keys: `all` → `path(path)`, one per stats API path. */
export const statsKeys = {
  all: ['stats'] as const,
  path: (path: string) => [...statsKeys.all, path] as const,
};

// A new release adds periods rather than changing old ones; a few minutes' staleness is harmless.
const staleTime = 5 * 60_000;

/** Any stats API path, typed by what it answers. */
export function statsPathQuery<T>(path: string) {
  return queryOptions({
    queryKey: statsKeys.path(path),
    queryFn: ({ signal }) => apiFetch<T>(path, { signal }),
    staleTime,
  });
}

/** The published tables, periods and geographies for the caller's audience (or the public's). */
export function statsTablesQuery(audience?: 'public') {
  return statsPathQuery<StatsTablesResponse>(audience ? `${tablesPath}?audience=${audience}` : tablesPath);
}

/** One table of one period and geography. */
export const statsTableQuery = (path: string) => statsPathQuery<StatsTable>(path);

/** One table over every published period of an interval. */
export const statsSeriesQuery = (path: string) => statsPathQuery<StatsSeries>(path);

/**
 * The completeness matrix query. Its keys sit under the home page's `completenessKeys.all`, so a
 * mutation that invalidates completeness (an approval, a return, a new submission) refreshes the
 * admin home's summary and this matrix together.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, json } from '../../api/client';
import { completenessKeys } from '../home/queries';
import type { CompletenessFilters } from './filters';

/** Keys for the matrix: `completenessKeys.all` → `matrices()` → `matrix(filters)`. */
export const completenessMatrixKeys = {
  matrices: () => [...completenessKeys.all, 'matrix'] as const,
  matrix: (filters: CompletenessFilters) =>
    [
      ...completenessMatrixKeys.matrices(),
      filters.quarters,
      filters.county ?? 'all',
      filters.type ?? 'all',
    ] as const,
};

/** Agencies × quarters: where each agency's report stands, filtered by county and type (admin only). */
export function completenessMatrixQuery(filters: CompletenessFilters) {
  return queryOptions({
    queryKey: completenessMatrixKeys.matrix(filters),
    queryFn: ({ signal }) => {
      const query = {
        county: filters.county ?? undefined,
        type: filters.type ?? undefined,
        // The API's own default span may differ from the page's; always say how many quarters.
        quarters: String(filters.quarters),
      };
      return json(api.completeness.$get({ query }, { init: { signal } }));
    },
  });
}

/** Keys for the reminder panel: `completenessKeys.all` → `all()` → `quarter(period)`. */
export const reminderKeys = {
  all: () => [...completenessKeys.all, 'reminders'] as const,
  quarter: (period: string) => [...reminderKeys.all(), period] as const,
};

/** The agencies missing a quarter, whom a reminder reaches, each one's text, and whether Scope mails. */
export function remindersQuery(period: string) {
  return queryOptions({
    queryKey: reminderKeys.quarter(period),
    queryFn: ({ signal }) =>
      json(api.completeness.reminders.$get({ query: { period } }, { init: { signal } })),
  });
}

/**
 * Queries behind the home pages. Keys are layered (`all` → narrower) so a mutation elsewhere can
 * invalidate everything about submissions, or just one agency's.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, json, pathParams } from '../../api/client';
import { submissionKeys } from '../submissions/queries';

// Submission keys live with the submissions feature; re-exported so existing imports keep working.
export { submissionKeys };

/** Keys for completeness: `all` → `summary(quarterCount)`. */
export const completenessKeys = {
  all: ['completeness'] as const,
  summary: (quarterCount: number) => [...completenessKeys.all, 'summary', quarterCount] as const,
};

/** Keys for reporting periods: `all` → `list()`. */
export const periodKeys = {
  all: ['periods'] as const,
  list: () => [...periodKeys.all, 'list'] as const,
};

/** One agency's quarters and where each submission stands, newest first. */
export function agencySubmissionsQuery(agencyCode: string) {
  return queryOptions({
    queryKey: submissionKeys.byAgency(agencyCode),
    queryFn: ({ signal }) =>
      json(
        api.agencies[':agencyCode'].submissions.$get(
          { param: pathParams({ agencyCode }) },
          { init: { signal } },
        ),
      ),
  });
}

/** How many agencies have reported for each of the last `quarterCount` quarters (admin only). */
export function completenessSummaryQuery(quarterCount: number) {
  return queryOptions({
    queryKey: completenessKeys.summary(quarterCount),
    queryFn: ({ signal }) =>
      json(
        api.completeness.summary.$get({ query: { quarters: String(quarterCount) } }, { init: { signal } }),
      ),
  });
}

/** Every reporting period with how many agencies' reports are approved, newest first. */
export function periodsQuery() {
  return queryOptions({
    queryKey: periodKeys.list(),
    queryFn: ({ signal }) => json(api.periods.$get(undefined, { init: { signal } })),
  });
}

/**
 * Query keys and query options for submissions and catalog versions. Keys are layered
 * (`all` → `byAgency` → `detail` → `revisions` / `diff`) so a mutation can invalidate exactly as
 * much as it changed.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, apiPath, json, pathParams } from '../../api/client';

/** One submission in the typed client: `submissionApi.$get`, `submissionApi.values.$put`, … */
export const submissionApi = api.submissions[':agency'][':period'];

/** One submission's path parameters, both parts escaped. */
export function submissionParam(agency: string, period: string) {
  return pathParams({ agency, period });
}

/** The path of one submission, with both parts escaped (for links such as its CSV template). */
export function submissionPath(agencyCode: string, period: string): string {
  return apiPath(submissionApi.$path({ param: submissionParam(agencyCode, period) }));
}

/** Keys for submissions: `all` → `byAgency(code)` → `detail` → `revisions` / `diff`; and `list(period)`. */
export const submissionKeys = {
  all: ['submissions'] as const,
  byAgency: (agencyCode: string) => [...submissionKeys.all, 'agency', agencyCode] as const,
  detail: (agencyCode: string, period: string) =>
    [...submissionKeys.byAgency(agencyCode), 'period', period] as const,
  revisions: (agencyCode: string, period: string) =>
    [...submissionKeys.detail(agencyCode, period), 'revisions'] as const,
  diff: (agencyCode: string, period: string, from: number | string, to: number | string) =>
    [...submissionKeys.detail(agencyCode, period), 'diff', String(from), String(to)] as const,
  /** Every agency's submission for one quarter (the review queue). */
  lists: () => [...submissionKeys.all, 'list'] as const,
  list: (period: string) => [...submissionKeys.lists(), period] as const,
};

/** Keys for catalog versions, which never change once published. */
export const catalogKeys = {
  all: ['catalog'] as const,
  version: (versionId: number) => [...catalogKeys.all, 'version', versionId] as const,
};

/** One agency's report for one quarter, with what the viewer may do with it. */
export function submissionDetailQuery(agencyCode: string, period: string) {
  return queryOptions({
    queryKey: submissionKeys.detail(agencyCode, period),
    queryFn: ({ signal }) =>
      json(submissionApi.$get({ param: submissionParam(agencyCode, period) }, { init: { signal } })),
  });
}

/** Every submitted revision, newest first, with its reviews. */
export function revisionsQuery(agencyCode: string, period: string) {
  return queryOptions({
    queryKey: submissionKeys.revisions(agencyCode, period),
    queryFn: ({ signal }) =>
      json(
        submissionApi.revisions.$get({ param: submissionParam(agencyCode, period) }, { init: { signal } }),
      ),
  });
}

/** What changed between two revisions, or a revision and the working draft (`to = 'draft'`). */
export function diffQuery(agencyCode: string, period: string, from: number, to: number | 'draft') {
  return queryOptions({
    queryKey: submissionKeys.diff(agencyCode, period, from, to),
    queryFn: ({ signal }) =>
      json(
        submissionApi.diff.$get(
          { param: submissionParam(agencyCode, period), query: { from: String(from), to: String(to) } },
          { init: { signal } },
        ),
      ),
  });
}

/** Every agency's submission for one quarter (admin) or the reporter's own. */
export function submissionListQuery(period: string) {
  return queryOptions({
    queryKey: submissionKeys.list(period),
    queryFn: ({ signal }) => json(api.submissions.$get({ query: { period } }, { init: { signal } })),
  });
}

/** A published catalog version. Immutable, so it is fetched once and kept. */
export function catalogVersionQuery(versionId: number) {
  return queryOptions({
    queryKey: catalogKeys.version(versionId),
    queryFn: ({ signal }) =>
      json(api.catalog[':versionId'].$get({ param: pathParams({ versionId }) }, { init: { signal } })),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

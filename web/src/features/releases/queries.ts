/**
 * Query keys and options for releases. Keys are layered from `releaseKeys.all`, so publishing can
 * mark every release view stale at once, or just the list and one quarter's preview.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, json, pathParams } from '../../api/client';

/** How often a computing release is asked for its progress. */
export const progressPollMs = 700;

/**
 * Keys for releases: `all` → `list()` (every release, newest first) and → `detail(id)` (one
 * release, polled while it computes); `all` → `previews()` → `preview(period)` and `all` →
 * `policy()` (admin only).
 */
export const releaseKeys = {
  all: ['releases'] as const,
  list: () => [...releaseKeys.all, 'list'] as const,
  details: () => [...releaseKeys.all, 'detail'] as const,
  detail: (id: number) => [...releaseKeys.details(), id] as const,
  previews: () => [...releaseKeys.all, 'preview'] as const,
  preview: (period: string) => [...releaseKeys.previews(), period] as const,
  policy: () => [...releaseKeys.all, 'policy'] as const,
};

/** Every release, newest first. Admins also see computing and failed ones, with why it failed. */
export function releaseListQuery() {
  return queryOptions({
    queryKey: releaseKeys.list(),
    queryFn: ({ signal }) => json(api.releases.$get(undefined, { init: { signal } })),
  });
}

/**
 * One release. While it is computing it is asked again every {@link progressPollMs} so the
 * progress bar moves; once it is published or has failed it is left alone.
 */
export function releaseDetailQuery(id: number) {
  return queryOptions({
    queryKey: releaseKeys.detail(id),
    queryFn: ({ signal }) =>
      json(api.releases[':id'].$get({ param: pathParams({ id }) }, { init: { signal } })),
    refetchInterval: (query) => (query.state.data?.release.status === 'computing' ? progressPollMs : false),
  });
}

/** What publishing `period` now would include: how complete it is, who is missing, what it publishes. */
export function releasePreviewQuery(period: string) {
  return queryOptions({
    queryKey: releaseKeys.preview(period),
    queryFn: ({ signal }) => json(api.releases.preview.$get({ query: { period } }, { init: { signal } })),
  });
}

/** The thresholds the next release will be protected with, per audience (admin only). */
export function disclosurePolicyQuery() {
  return queryOptions({
    queryKey: releaseKeys.policy(),
    queryFn: ({ signal }) => json(api.releases.policy.$get(undefined, { init: { signal } })),
  });
}

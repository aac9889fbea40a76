/** Queries for an agency's API tokens. Keys: `all` → `byAgency(code)`. */
import { queryOptions } from '@tanstack/react-query';
import { api, json, pathParams } from '../../api/client';

export const tokenKeys = {
  all: ['tokens'] as const,
  byAgency: (agencyCode: string) => [...tokenKeys.all, 'agency', agencyCode] as const,
};

/** Every token the agency has created, revoked ones included (reporter of that agency, or admin). */
export function agencyTokensQuery(agencyCode: string) {
  return queryOptions({
    queryKey: tokenKeys.byAgency(agencyCode),
    queryFn: ({ signal }) =>
      json(
        api.agencies[':agencyCode'].tokens.$get({ param: pathParams({ agencyCode }) }, { init: { signal } }),
      ),
  });
}

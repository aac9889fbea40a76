/** Queries for an agency's API tokens. Keys: `all` → `byAgency(code)`. */
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../api/client';
import type { TokenListResponse } from './types';

export const tokenKeys = {
  all: ['tokens'] as const,
  byAgency: (agencyCode: string) => [...tokenKeys.all, 'agency', agencyCode] as const,
};

/** The path of an agency's tokens, with its code escaped. */
export function tokensPath(agencyCode: string): string {
  return `/api/agencies/${encodeURIComponent(agencyCode)}/tokens`;
}

/** Every token the agency has created, revoked ones included (reporter of that agency, or admin). */
export function agencyTokensQuery(agencyCode: string) {
  return queryOptions({
    queryKey: tokenKeys.byAgency(agencyCode),
    queryFn: ({ signal }) => apiFetch<TokenListResponse>(tokensPath(agencyCode), { signal }),
  });
}

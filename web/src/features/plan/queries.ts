/**
 * The publication plan: which tables are published, to whom, where and how often. It changes only
 * with a new catalog version, so it is kept for a long while.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, json } from '../../api/client';

/** Keys: `all` → `current()`, the plan of the catalog version in force. */
export const planKeys = {
  all: ['publication-plan'] as const,
  current: () => [...planKeys.all, 'current'] as const,
};

/** The plan in force, for anyone signed in. */
export function publicationPlanQuery() {
  return queryOptions({
    queryKey: planKeys.current(),
    queryFn: ({ signal }) => json(api['publication-plan'].$get(undefined, { init: { signal } })),
    staleTime: 30 * 60_000,
  });
}

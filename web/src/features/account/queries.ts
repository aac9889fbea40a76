/** Queries for the signed-in person's own account. Keys: `all` → `sessions()`, `twoFactor()`. */
import { queryOptions } from '@tanstack/react-query';
import { api, json } from '../../api/client';

export const accountKeys = {
  all: ['account'] as const,
  sessions: () => [...accountKeys.all, 'sessions'] as const,
  twoFactor: () => [...accountKeys.all, 'two-factor'] as const,
};

/** Where the person is signed in, newest first, this session marked. */
export function sessionsQuery() {
  return queryOptions({
    queryKey: accountKeys.sessions(),
    queryFn: ({ signal }) => json(api.me.sessions.$get(undefined, { init: { signal } })),
  });
}

/** Whether the person's two-factor sign-in is on, and how many recovery codes are left. */
export function twoFactorQuery() {
  return queryOptions({
    queryKey: accountKeys.twoFactor(),
    queryFn: ({ signal }) => json(api.me['two-factor'].$get(undefined, { init: { signal } })),
  });
}

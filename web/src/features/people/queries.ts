/** Queries for the coalition's people and the one-time links. Keys: `all` → `list()`; links by kind and secret. */
import { queryOptions } from '@tanstack/react-query';
import { api, json, pathParams } from '../../api/client';

export const peopleKeys = {
  all: ['people'] as const,
  list: () => [...peopleKeys.all, 'list'] as const,
};

export const accountLinkKeys = {
  all: ['account-links'] as const,
  invitation: (token: string) => [...accountLinkKeys.all, 'invitation', token] as const,
  reset: (token: string) => [...accountLinkKeys.all, 'reset', token] as const,
};

/** Everyone with an account, every invitation, and the agencies to choose from (admins). */
export function peopleQuery() {
  return queryOptions({
    queryKey: peopleKeys.list(),
    queryFn: ({ signal }) => json(api.people.$get(undefined, { init: { signal } })),
  });
}

/** Who an invitation link is for, or why it no longer works. */
export function invitationQuery(token: string) {
  return queryOptions({
    queryKey: accountLinkKeys.invitation(token),
    queryFn: ({ signal }) =>
      json(
        api['account-links'].invitation[':token'].$get(
          { param: pathParams({ token }) },
          { init: { signal } },
        ),
      ),
    retry: false,
  });
}

/** Whose password a reset link changes, or why it no longer works. */
export function resetQuery(token: string) {
  return queryOptions({
    queryKey: accountLinkKeys.reset(token),
    queryFn: ({ signal }) =>
      json(api['account-links'].reset[':token'].$get({ param: pathParams({ token }) }, { init: { signal } })),
    retry: false,
  });
}

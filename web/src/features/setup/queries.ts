import { queryOptions } from '@tanstack/react-query';
import { type AnswerOf, type Api, api, json, pathParams } from '../../api/client';

/** What `GET /api/setup/:token` answers: whether the link works, and the form when it does. */
export type SetupLink = AnswerOf<Api['setup'][':token']['$get']>;
export type UsableSetupLink = Extract<SetupLink, { usable: true }>;
export type SetupFormOptions = UsableSetupLink['form'];

/** Query keys for setting a coalition up. */
export const setupKeys = {
  all: ['setup'] as const,
  link: (token: string) => [...setupKeys.all, 'link', token] as const,
};

/** Whether this set-up link works, and what the form offers. */
export function setupLinkQuery(token: string) {
  return queryOptions({
    queryKey: setupKeys.link(token),
    queryFn: ({ signal }) =>
      json(api.setup[':token'].$get({ param: pathParams({ token }) }, { init: { signal } })),
    // A link is used once; checking it again on focus would only race the form.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

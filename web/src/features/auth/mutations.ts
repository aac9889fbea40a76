import { hashKey, type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { useNavigate } from 'react-router';
import { type Api, api, json } from '../../api/client';
import { authKeys } from './queries';

/**
 * Drops every cached response except `me`, so nothing fetched for one person is left in memory for
 * the next. `me` itself is kept (the caller overwrites it) because the app shell and route guard
 * observe it, and removing it would leave them watching a detached entry.
 */
export function forgetAllButMe(queryClient: QueryClient): void {
  const meHash = hashKey(authKeys.me());
  queryClient.removeQueries({ predicate: (query) => query.queryHash !== meHash });
}

/** What the sign-in form sends. */
export type SignInRequest = InferRequestType<Api['auth']['login']['$post']>['json'];

/**
 * Signs in and stores the returned person under the `me` key, so the app shell switches to them
 * without another round trip. Anything cached for a previous person on this browser is dropped
 * first: a shared office computer must never show one agency's numbers to another.
 */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SignInRequest) => json(api.auth.login.$post({ json: request })),
    onSuccess: ({ user }) => {
      forgetAllButMe(queryClient);
      queryClient.setQueryData(authKeys.me(), user);
    },
  });
}

/** Navigation state the sign-in page reads to confirm that someone has just signed out. */
export type SignedOutState = { signedOut: true };

/**
 * Signs out: every cached response is removed, the app goes to the sign-in page (which confirms
 * it), and `me` becomes `null`. Navigating here rather than in the button's own callback matters:
 * clearing `me` unmounts the button, and TanStack Query drops callbacks of unmounted callers.
 * If the request fails the session may still be alive, so `me` is refetched to show the truth
 * rather than pretending the person is signed out.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => json(api.auth.logout.$post()),
    onSuccess: () => {
      forgetAllButMe(queryClient);
      navigate('/sign-in', { replace: true, state: { signedOut: true } satisfies SignedOutState });
      queryClient.setQueryData(authKeys.me(), null);
    },
    onError: () => queryClient.invalidateQueries({ queryKey: authKeys.me() }),
  });
}

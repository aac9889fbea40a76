import { hashKey, type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { useNavigate } from 'react-router';
import { type Api, api, json } from '../../api/client';
import type { Me } from '../../api/types';
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

/** The person a completed sign-in answers. */
type SignedIn = { user: Me };

/**
 * Stores the person who has just signed in under the `me` key, so the app shell switches to them
 * without another round trip. Anything cached for a previous person on this browser is dropped
 * first: a shared office computer must never show one agency's numbers to another.
 */
function rememberSignedIn(queryClient: QueryClient, { user }: SignedIn): void {
  forgetAllButMe(queryClient);
  queryClient.setQueryData(authKeys.me(), user);
}

/**
 * Signs in with email and password. The answer is the person, or (with two-factor sign-in) which
 * second step is still to come, which the sign-in page then asks for.
 */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SignInRequest) => json(api.auth.login.$post({ json: request })),
    onSuccess: (answer) => {
      if ('user' in answer) rememberSignedIn(queryClient, answer);
    },
  });
}

/** What the second step sends: a code from the authenticator app, or a recovery code. */
export type SecondStepRequest = InferRequestType<Api['auth']['two-factor']['$post']>['json'];

/** Completes a sign-in with its second step. */
export function useSecondStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SecondStepRequest) => json(api.auth['two-factor'].$post({ json: request })),
    onSuccess: (answer) => rememberSignedIn(queryClient, answer),
  });
}

/** An admin who must have two-factor: a new secret to add to their authenticator app. */
export function useStartSignInEnrollment() {
  return useMutation({
    mutationFn: () => json(api.auth['two-factor'].enroll.$post()),
  });
}

/**
 * Confirms the new secret with a code: two-factor is on and the session started. The person is
 * remembered only when they continue past their recovery codes (`rememberSignedIn` then), so the
 * page can show the codes before moving on.
 */
export function useConfirmSignInEnrollment() {
  return useMutation({
    mutationFn: (code: string) => json(api.auth['two-factor'].enroll.confirm.$post({ json: { code } })),
  });
}

/** After the recovery codes are saved: the person the enrolment signed in becomes `me`. */
export function useContinueSignedIn() {
  const queryClient = useQueryClient();
  return (answer: SignedIn) => rememberSignedIn(queryClient, answer);
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

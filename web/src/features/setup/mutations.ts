import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { type Api, api, isApiError, json, pathParams } from '../../api/client';
import { setupKeys } from './queries';

/** What the set-up form sends. */
export type SetupRequest = InferRequestType<Api['setup'][':token']['$post']>['json'];

/** A field of the form and what the server found wrong with it. */
export type SetupProblems = Partial<Record<keyof SetupRequest, string>>;

/** The server's problems by field, when it refused the form's fields; else nothing. */
export function setupProblemsOf(error: unknown): SetupProblems {
  if (!isApiError(error, 'invalid-setup')) return {};
  const details = error.details as { problems?: SetupProblems } | undefined;
  return details?.problems ?? {};
}

/** Sets the coalition up with this link; the link is then used, so its state is fetched afresh. */
export function useCompleteSetup(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SetupRequest) =>
      json(api.setup[':token'].$post({ param: pathParams({ token }), json: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: setupKeys.link(token) }),
  });
}

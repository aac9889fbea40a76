/**
 * Changing the coalition's people, each refreshing the list; and using a one-time link.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType } from 'hono/client';
import { type Api, api, json, pathParams } from '../../api/client';
import { peopleKeys } from './queries';

/** What the invite form sends. */
export type InviteRequest = InferRequestType<Api['people']['invitations']['$post']>['json'];
/** A new role, and an agency for a reporter. */
export type AccessRequest = InferRequestType<Api['people'][':userId']['$patch']>['json'];

function useRefreshingPeople<Variables, Answer>(mutationFn: (variables: Variables) => Promise<Answer>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export const useInvite = () =>
  useRefreshingPeople((request: InviteRequest) => json(api.people.invitations.$post({ json: request })));

export const useResendInvitation = () =>
  useRefreshingPeople((id: number) =>
    json(api.people.invitations[':id'].resend.$post({ param: pathParams({ id }) })),
  );

export const useWithdrawInvitation = () =>
  useRefreshingPeople((id: number) =>
    json(api.people.invitations[':id'].$delete({ param: pathParams({ id }) })),
  );

export const useChangeAccess = () =>
  useRefreshingPeople(({ userId, access }: { userId: number; access: AccessRequest }) =>
    json(api.people[':userId'].$patch({ param: pathParams({ userId }), json: access })),
  );

export const useSetActive = () =>
  useRefreshingPeople(({ userId, active }: { userId: number; active: boolean }) =>
    json(
      active
        ? api.people[':userId'].reactivate.$post({ param: pathParams({ userId }) })
        : api.people[':userId'].deactivate.$post({ param: pathParams({ userId }) }),
    ),
  );

export const useResetLink = () =>
  useRefreshingPeople((userId: number) =>
    json(api.people[':userId']['reset-link'].$post({ param: pathParams({ userId }) })),
  );

export const useTurnOffTwoFactor = () =>
  useRefreshingPeople((userId: number) =>
    json(api.people[':userId']['two-factor'].$delete({ param: pathParams({ userId }) })),
  );

/**
 * Accepts an invitation with the name and password chosen. The page shows the outcome from the
 * mutation itself: refetching the invitation now would only say the link is used.
 */
export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationFn: (chosen: { name: string; password: string }) =>
      json(api['account-links'].invitation[':token'].$post({ param: pathParams({ token }), json: chosen })),
  });
}

/** Sets a new password with a reset link; the page shows the outcome from the mutation, as above. */
export function useResetPassword(token: string) {
  return useMutation({
    mutationFn: (password: string) =>
      json(api['account-links'].reset[':token'].$post({ param: pathParams({ token }), json: { password } })),
  });
}

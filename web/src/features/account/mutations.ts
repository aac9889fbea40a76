/** Changes to the signed-in person's own account; each refreshes what it changed. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json, pathParams } from '../../api/client';
import { authKeys } from '../auth/queries';
import { accountKeys } from './queries';

/** Changes the password; the person's other sessions end, so the list is refreshed. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { currentPassword: string; newPassword: string }) =>
      json(api.me.password.$post({ json: change })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions() }),
  });
}

/** Ends one session; ending this one signs the person out here, which `me` then says. */
export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (publicId: string) =>
      json(api.me.sessions[':publicId'].$delete({ param: pathParams({ publicId }) })),
    onSuccess: ({ signedOutHere }) => {
      if (signedOutHere) queryClient.setQueryData(authKeys.me(), null);
      else return queryClient.invalidateQueries({ queryKey: accountKeys.sessions() });
    },
  });
}

/** Ends every other session of the person. */
export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => json(api.me['other-sessions'].$delete()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions() }),
  });
}

/** A new secret to add to an authenticator app (not in force until confirmed). */
export function useStartTwoFactor() {
  return useMutation({ mutationFn: () => json(api.me['two-factor'].$post()) });
}

/** Turns two-factor on with a code from the new secret; answers the recovery codes, once. */
export function useConfirmTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => json(api.me['two-factor'].confirm.$post({ json: { code } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.twoFactor() }),
  });
}

/** New recovery codes in place of the old ones, with a code from the app. */
export function useNewRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => json(api.me['two-factor']['recovery-codes'].$post({ json: { code } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.twoFactor() }),
  });
}

/** Turns two-factor off, with the password and a code. */
export function useTurnOffTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmation: { password: string; code: string }) =>
      json(api.me['two-factor'].$delete({ json: confirmation })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.twoFactor() }),
  });
}

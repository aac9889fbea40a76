/** Creating and revoking an agency's API tokens; each refreshes that agency's token list. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json, pathParams } from '../../api/client';
import { tokenKeys } from './queries';
import type { TokenLifetimeDays } from './tokens';

/**
 * Creates a token named `name` that works for `lifetimeDays`. The answer holds the secret, which the
 * page shows once and then forgets.
 */
export function useCreateToken(agencyCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: { name: string; lifetimeDays: TokenLifetimeDays }) =>
      json(api.agencies[':agencyCode'].tokens.$post({ param: pathParams({ agencyCode }), json: token })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.byAgency(agencyCode) }),
  });
}

/** Revokes a token: systems using it are refused from then on. */
export function useRevokeToken(agencyCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: number) =>
      json(
        api.agencies[':agencyCode'].tokens[':tokenId'].$delete({
          param: pathParams({ agencyCode, tokenId }),
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.byAgency(agencyCode) }),
  });
}

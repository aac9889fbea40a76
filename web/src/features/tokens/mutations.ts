/** Creating and revoking an agency's API tokens; each refreshes that agency's token list. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/client';
import { tokenKeys, tokensPath } from './queries';
import type { CreatedTokenResponse, RevokeTokenResponse } from './types';

/** Creates a token named `name`. The answer holds the secret, which the page shows once and then forgets. */
export function useCreateToken(agencyCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      apiFetch<CreatedTokenResponse>(tokensPath(agencyCode), { method: 'POST', json: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.byAgency(agencyCode) }),
  });
}

/** Revokes a token: systems using it are refused from then on. */
export function useRevokeToken(agencyCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: number) =>
      apiFetch<RevokeTokenResponse>(`${tokensPath(agencyCode)}/${encodeURIComponent(String(tokenId))}`, {
        method: 'DELETE',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.byAgency(agencyCode) }),
  });
}

/**
 * Adding, changing, deactivating, reactivating and deleting agencies. Each refreshes the agencies
 * and the completeness pages, whose rows and expected counts follow the agencies.
 */
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, json, pathParams } from '../../api/client';
import { completenessKeys } from '../home/queries';
import { agencyKeys } from './queries';
import type { AgencyFields } from './types';

const refresh = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: agencyKeys.all }),
    queryClient.invalidateQueries({ queryKey: completenessKeys.all }),
  ]);

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (agency: AgencyFields) => json(api.agencies.$post({ json: agency })),
    onSuccess: () => refresh(queryClient),
  });
}

/** Changes an agency: only the fields given. */
export function useChangeAgency(agencyCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: Partial<AgencyFields>) =>
      json(api.agencies[':agencyCode'].$patch({ param: pathParams({ agencyCode }), json: change })),
    onSuccess: () => refresh(queryClient),
  });
}

/** Deactivates or reactivates an agency. */
export function useSetAgencyActive(agencyCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (active: boolean) => {
      const param = pathParams({ agencyCode });
      return active
        ? json(api.agencies[':agencyCode'].reactivate.$post({ param }))
        : json(api.agencies[':agencyCode'].deactivate.$post({ param }));
    },
    onSuccess: () => refresh(queryClient),
  });
}

export function useDeleteAgency(agencyCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => json(api.agencies[':agencyCode'].$delete({ param: pathParams({ agencyCode }) })),
    onSuccess: () => refresh(queryClient),
  });
}

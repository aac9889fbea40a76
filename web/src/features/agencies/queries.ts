/** Queries for the coalition's agencies, as admins manage them. Keys: `all` → `directory()`. */
import { queryOptions } from '@tanstack/react-query';
import { ApiError, api, json } from '../../api/client';
import type { AgencyDirectory } from './types';

export const agencyKeys = {
  all: ['agencies'] as const,
  directory: () => [...agencyKeys.all, 'directory'] as const,
};

/**
 * Every agency, active or not, with the coalition's counties and the quarters an agency may start
 * in. Only an admin gets all that; anyone else is told the page is not for them.
 */
export function agencyDirectoryQuery() {
  return queryOptions({
    queryKey: agencyKeys.directory(),
    queryFn: async ({ signal }) => {
      const body = await json(api.agencies.$get({}, { init: { signal } }));
      if (!('quarters' in body))
        throw new ApiError(403, 'forbidden', 'Only coalition admins manage agencies.');
      return body as AgencyDirectory;
    },
  });
}

import { queryOptions } from '@tanstack/react-query';
import { api, isApiError, json } from '../../api/client';
import type { Me } from '../../api/types';

/** Query keys for the signed-in session. */
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

/**
 * Who is signed in, or `null` when no one is. "Not signed in" is an answer, not an error: it is
 * what sends people to the sign-in page, so it must not trigger retries or an error screen.
 */
export function meQuery() {
  return queryOptions({
    queryKey: authKeys.me(),
    queryFn: async ({ signal }): Promise<Me | null> => {
      try {
        const { user } = await json(api.me.$get(undefined, { init: { signal } }));
        return user;
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    // The session rarely changes under us; a 401 from any other query clears it (see queryClient.ts).
    staleTime: 5 * 60 * 1000,
  });
}

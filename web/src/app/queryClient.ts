import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { authKeys } from '../features/auth/queries';

const maxRetries = 2;

/**
 * Whether a failed query is worth retrying. Server and network failures can be passing; a 4xx is
 * the server's considered answer (not signed in, not allowed, not found), and retrying it only
 * delays the message the person needs to see.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= maxRetries) return false;
  if (error instanceof ApiError) return error.status === 0 || error.status >= 500;
  return true;
}

/**
 * The app's QueryClient. When any query answers 401 the session has ended (expired or signed out
 * in another tab), so `me` is set to null and the app shell sends the person to sign in again.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) {
          queryClient.setQueryData(authKeys.me(), null);
        }
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30 * 1000 },
      mutations: { retry: false },
    },
  });
  return queryClient;
}

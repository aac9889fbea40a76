import { afterEach, describe, expect, test, vi } from 'vitest';
import { ApiError } from '../api/client';
import { authKeys, meQuery } from '../features/auth/queries';
import { createQueryClient, shouldRetry } from './queryClient';

describe('shouldRetry', () => {
  test.each([
    {
      name: 'a server error, first failure',
      failures: 0,
      error: new ApiError(503, 'http-503', 'x'),
      retry: true,
    },
    {
      name: 'a server error, second failure',
      failures: 1,
      error: new ApiError(500, 'internal', 'x'),
      retry: true,
    },
    {
      name: 'a server error after two retries',
      failures: 2,
      error: new ApiError(500, 'internal', 'x'),
      retry: false,
    },
    { name: 'a network failure', failures: 0, error: new ApiError(0, 'network-error', 'x'), retry: true },
    { name: 'not signed in', failures: 0, error: new ApiError(401, 'not-signed-in', 'x'), retry: false },
    { name: 'not allowed', failures: 0, error: new ApiError(403, 'forbidden', 'x'), retry: false },
    { name: 'not found', failures: 0, error: new ApiError(404, 'not-found', 'x'), retry: false },
    { name: 'an unexpected exception', failures: 0, error: new TypeError('boom'), retry: true },
    {
      name: 'an unexpected exception after two retries',
      failures: 2,
      error: new TypeError('boom'),
      retry: false,
    },
  ])('$name → $retry', ({ failures, error, retry }) => {
    expect(shouldRetry(failures, error)).toBe(retry);
  });
});

describe('createQueryClient', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('a 401 from any query ends the session in the cache, which sends the person to sign in', async () => {
    const queryClient = createQueryClient();
    queryClient.setQueryData(authKeys.me(), {
      id: 1,
      email: 'reporter1@scope.demo',
      name: 'Reporter One',
      role: 'reporter',
      agency: null,
    });
    await queryClient
      .fetchQuery({
        queryKey: ['periods', 'list'],
        queryFn: () => Promise.reject(new ApiError(401, 'not-signed-in', 'Please sign in.')),
      })
      .catch(() => undefined);
    expect(queryClient.getQueryData(authKeys.me())).toBeNull();
  });

  test('a 403 leaves the session alone', async () => {
    const queryClient = createQueryClient();
    const me = { id: 2, email: 'viewer@scope.demo', name: 'Viewer', role: 'viewer' as const, agency: null };
    queryClient.setQueryData(authKeys.me(), me);
    await queryClient
      .fetchQuery({
        queryKey: ['completeness', 'summary', 4],
        queryFn: () => Promise.reject(new ApiError(403, 'forbidden', 'Admins only.')),
      })
      .catch(() => undefined);
    expect(queryClient.getQueryData(authKeys.me())).toEqual(me);
  });

  test('the me query answers null, not an error, when no one is signed in', async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json({ error: { code: 'not-signed-in', message: 'Please sign in.' } }, { status: 401 }),
    );
    const queryClient = createQueryClient();
    await expect(queryClient.fetchQuery(meQuery())).resolves.toBeNull();
  });

  test('the me query still fails loudly when the server is broken', async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json({ error: { code: 'internal', message: 'Something went wrong.' } }, { status: 500 }),
    );
    const queryClient = createQueryClient();
    await expect(queryClient.fetchQuery({ ...meQuery(), retry: false })).rejects.toMatchObject({
      status: 500,
      code: 'internal',
    });
  });
});

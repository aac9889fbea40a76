import { afterEach, describe, expect, expectTypeOf, test, vi } from 'vitest';
import {
  type AnswerOf,
  type Api,
  ApiError,
  api,
  isApiError,
  json,
  networkErrorCode,
  okResponse,
  parseApiError,
  pathParams,
} from './client';
import type { MeResponse } from './types';

describe('parseApiError', () => {
  test.each([
    {
      name: "the server's error shape",
      status: 401,
      body: {
        error: { code: 'invalid-credentials', message: "That email and password don't match an account." },
      },
      code: 'invalid-credentials',
      message: "That email and password don't match an account.",
    },
    {
      name: 'a known code with an empty message falls back to words for the status',
      status: 403,
      body: { error: { code: 'forbidden', message: '   ' } },
      code: 'forbidden',
      message: "Your account doesn't have access to this page.",
    },
    {
      name: 'a body with no error object (e.g. a proxy page)',
      status: 502,
      body: '<html>Bad gateway</html>',
      code: 'http-502',
      message: 'Something went wrong on our side (error 502). Please try again in a moment.',
    },
    {
      name: 'no body at all',
      status: 404,
      body: undefined,
      code: 'http-404',
      message: "We couldn't find what you asked for.",
    },
    {
      name: 'an error object whose code is not a string',
      status: 400,
      body: { error: { code: 42, message: 'nope' } },
      code: 'http-400',
      message: "The request didn't work (error 400). Please try again.",
    },
    {
      name: 'null body on 401',
      status: 401,
      body: null,
      code: 'http-401',
      message: 'Your session has ended. Please sign in again.',
    },
  ])('$name', ({ status, body, code, message }) => {
    const error = parseApiError(status, body);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApiError');
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});

describe('json', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function stubFetch(response: Response | Error) {
    const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
      if (response instanceof Error) throw response;
      return response;
    });
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  }

  const me = { id: 1, email: 'ana@scope.demo', name: 'Ana', role: 'viewer' as const, agency: null };

  test('returns the parsed body and sends the session cookie same-origin only', async () => {
    const fetchMock = stubFetch(Response.json({ user: me }));
    const result = await json(api.me.$get());
    expect(result).toEqual({ user: me });
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe('/api/me');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.method).toBe('GET');
    expect(new Headers(init?.headers).get('Accept')).toBe('application/json');
    expect(init?.body).toBeUndefined();
  });

  test('serialises `json` as the body and labels it', async () => {
    const fetchMock = stubFetch(Response.json({ user: me }));
    await json(api.auth.login.$post({ json: { email: 'a@b.org', password: 'pw' } }));
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe('/api/auth/login');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"email":"a@b.org","password":"pw"}');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
  });

  test("escapes path parameters and writes the query in the route's words", async () => {
    const fetchMock = stubFetch(Response.json({ from: 1, to: 'draft', changes: [] }));
    await json(
      api.submissions[':agency'][':period'].diff.$get({
        param: pathParams({ agency: 'A/B 1', period: '2026Q3' }),
        query: { from: '1', to: 'draft' },
      }),
    );
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/submissions/A%2FB%201/2026Q3/diff?from=1&to=draft');
  });

  test("throws the server's error with its code, message, status and details", async () => {
    stubFetch(
      Response.json(
        {
          error: {
            code: 'invalid-credentials',
            message: "That email and password don't match an account.",
            details: { attempts: 3 },
          },
        },
        { status: 401 },
      ),
    );
    const failure = await json(api.auth.login.$post({ json: { email: 'a@b.org', password: 'x' } })).catch(
      (e: unknown) => e,
    );
    expect(isApiError(failure, 'invalid-credentials')).toBe(true);
    expect(failure).toMatchObject({
      status: 401,
      message: "That email and password don't match an account.",
      details: { attempts: 3 },
    });
  });

  test('turns a non-JSON failure into a readable ApiError', async () => {
    stubFetch(new Response('upstream timed out', { status: 504 }));
    await expect(json(api.periods.$get())).rejects.toMatchObject({ status: 504, code: 'http-504' });
  });

  test('turns a network failure into a network-error ApiError with status 0', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    await expect(json(api.periods.$get())).rejects.toMatchObject({
      name: 'ApiError',
      status: 0,
      code: networkErrorCode,
    });
  });

  test('lets a cancelled request stay a cancellation, so TanStack Query can ignore it', async () => {
    stubFetch(new DOMException('The operation was aborted.', 'AbortError'));
    await expect(json(api.periods.$get())).rejects.toMatchObject({ name: 'AbortError' });
  });

  test("passes the query's signal on", async () => {
    const fetchMock = stubFetch(Response.json({ periods: [] }));
    const controller = new AbortController();
    await json(api.periods.$get(undefined, { init: { signal: controller.signal } }));
    expect(fetchMock.mock.calls[0]?.[1]?.signal).toBe(controller.signal);
  });

  test('returns undefined for 204 No Content', async () => {
    stubFetch(new Response(null, { status: 204 }));
    await expect(json(api.auth.logout.$post())).resolves.toBeUndefined();
  });
});

describe('okResponse', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('hands back a successful file response untouched, with the Accept header the caller chose', async () => {
    const fetchMock = vi.fn(
      async (_input: RequestInfo | URL, _init?: RequestInit) =>
        new Response('cell,value\n', { headers: { 'Content-Type': 'text/csv' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const response = await okResponse(
      api.releases[':id'].cells.$get(
        { param: pathParams({ id: 7 }), query: { audience: 'public' } },
        { headers: { Accept: 'text/csv' } },
      ),
    );
    await expect(response.text()).resolves.toBe('cell,value\n');
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe('/api/releases/7/cells?audience=public');
    expect(new Headers(init?.headers).get('Accept')).toBe('text/csv');
  });

  test('sends a raw body as given, with its own Content-Type', async () => {
    const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => Response.json({}));
    vi.stubGlobal('fetch', fetchMock);
    const file = new Blob(['cell,value\n'], { type: 'text/csv' });
    await okResponse(
      api.submissions[':agency'][':period'].upload.$post(
        { param: pathParams({ agency: 'ASH', period: '2026Q3' }), query: { dryRun: 'true' } },
        { headers: { 'Content-Type': 'text/csv' }, init: { body: file } },
      ),
    );
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe('/api/submissions/ASH/2026Q3/upload?dryRun=true');
    expect(init?.body).toBe(file);
    expect(new Headers(init?.headers).get('Content-Type')).toBe('text/csv');
  });

  test("throws the server's error for a refused file", async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json({ error: { code: 'forbidden', message: 'Admins only.' } }, { status: 403 }),
    );
    await expect(
      okResponse(api.releases[':id'].cells.$get({ param: { id: '7' }, query: {} })),
    ).rejects.toMatchObject({ status: 403, code: 'forbidden', message: 'Admins only.' });
  });
});

describe('types come from the routes', () => {
  // Never called: these lines are checked by the compiler (`tsc --noEmit`), not run.
  function wrongCalls() {
    // @ts-expect-error: there is no /api/submission; the route is /api/submissions
    api.submission.$get();
    // @ts-expect-error: a submission is addressed by agency and period, and the period is missing
    api.submissions[':agency'][':period'].$get({ param: { agency: 'ASH' } });
    api.submissions[':agency'][':period'].return.$post({
      param: { agency: 'ASH', period: '2026Q3' },
      // @ts-expect-error: returning a report needs a comment, not a reason
      json: { reason: 'x' },
    });
    // @ts-expect-error: the submissions list is asked for by period
    api.submissions.$get({ query: {} });
  }

  test('a wrong route or parameter does not compile, and answers are typed by their route', () => {
    expect(wrongCalls).toBeTypeOf('function');
    // Functions are only looked at here, not called, so no request is made.
    expectTypeOf(() => json(api.me.$get())).returns.resolves.toEqualTypeOf<MeResponse>();
    expectTypeOf<MeResponse['user']['role']>().toEqualTypeOf<'admin' | 'reporter' | 'viewer'>();
    expectTypeOf(() => json(api.auth.logout.$post())).returns.resolves.toEqualTypeOf<{ ok: true }>();
    expectTypeOf<AnswerOf<Api['releases']['$post']>>().toHaveProperty('release');
  });
});

describe('isApiError', () => {
  test.each([
    { error: new ApiError(401, 'not-signed-in', 'x'), code: undefined, expected: true },
    { error: new ApiError(401, 'not-signed-in', 'x'), code: 'not-signed-in', expected: true },
    { error: new ApiError(401, 'not-signed-in', 'x'), code: 'forbidden', expected: false },
    { error: new Error('plain'), code: undefined, expected: false },
    { error: undefined, code: undefined, expected: false },
  ])('isApiError($error, $code) is $expected', ({ error, code, expected }) => {
    expect(isApiError(error, code)).toBe(expected);
  });
});

import { afterEach, describe, expect, test, vi } from 'vitest';
import { ApiError, apiFetch, isApiError, parseApiError } from './client';

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

describe('apiFetch', () => {
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

  test('returns the parsed body and sends the session cookie same-origin only', async () => {
    const fetchMock = stubFetch(Response.json({ user: { id: 1, name: 'Ana' } }));
    const result = await apiFetch<{ user: { id: number; name: string } }>('/api/me');
    expect(result).toEqual({ user: { id: 1, name: 'Ana' } });
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe('/api/me');
    expect(init?.credentials).toBe('same-origin');
    expect(new Headers(init?.headers).get('Accept')).toBe('application/json');
    expect(init?.body).toBeUndefined();
  });

  test('serialises `json` as the body and labels it', async () => {
    const fetchMock = stubFetch(Response.json({ ok: true }));
    await apiFetch('/api/auth/login', { method: 'POST', json: { email: 'a@b.org', password: 'pw' } });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"email":"a@b.org","password":"pw"}');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
  });

  test("throws the server's error with its code, message and status", async () => {
    stubFetch(
      Response.json(
        {
          error: { code: 'invalid-credentials', message: "That email and password don't match an account." },
        },
        { status: 401 },
      ),
    );
    const failure = await apiFetch('/api/auth/login', { method: 'POST', json: {} }).catch((e: unknown) => e);
    expect(isApiError(failure, 'invalid-credentials')).toBe(true);
    expect(failure).toMatchObject({
      status: 401,
      message: "That email and password don't match an account.",
    });
  });

  test('turns a non-JSON failure into a readable ApiError', async () => {
    stubFetch(new Response('upstream timed out', { status: 504 }));
    await expect(apiFetch('/api/periods')).rejects.toMatchObject({ status: 504, code: 'http-504' });
  });

  test('turns a network failure into a network-error ApiError with status 0', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    await expect(apiFetch('/api/periods')).rejects.toMatchObject({ status: 0, code: 'network-error' });
  });

  test('lets a cancelled request stay a cancellation, so TanStack Query can ignore it', async () => {
    stubFetch(new DOMException('The operation was aborted.', 'AbortError'));
    await expect(apiFetch('/api/periods')).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('returns undefined for 204 No Content', async () => {
    stubFetch(new Response(null, { status: 204 }));
    await expect(apiFetch('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
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

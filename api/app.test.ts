import { hc, type InferRequestType, type InferResponseType } from 'hono/client';
import { afterEach, beforeEach, describe, expect, expectTypeOf, test } from 'vitest';
import type { AppType } from './app';
import {
  createTestApp,
  createTestDb,
  seedSmallCoalition,
  seedSmallHistory,
  signIn,
  type TestDb,
  testPassword,
} from './testing';

let t: TestDb;
let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  t = createTestDb();
  seedSmallHistory(t.db, seedSmallCoalition(t.db));
  app = createTestApp(t.db);
});
afterEach(() => t.cleanup());

/** The web app's typed client, answering from the app itself rather than over the network. */
const clientOf = (headers: Record<string, string> = {}) =>
  hc<AppType>('http://localhost/api', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init),
    headers,
  });

type Client = ReturnType<typeof clientOf>;

describe('the typed client sees each route’s input and answer (checked by `tsc`, and run here)', () => {
  test('a JSON body: signing in', async () => {
    type SignIn = Client['auth']['login']['$post'];
    expectTypeOf<InferRequestType<SignIn>['json']>().toEqualTypeOf<{
      email: string;
      password: string;
      signOutOthers?: boolean | undefined;
    }>();
    // A sign-in answers the person, or (with two-factor) which second step is still to come.
    expectTypeOf<Extract<InferResponseType<SignIn, 200>, { user: unknown }>['user']['role']>().toEqualTypeOf<
      'admin' | 'reporter' | 'viewer'
    >();

    const response = await clientOf().auth.login.$post({
      json: { email: 'river@test.example', password: testPassword },
    });
    expect(response.status).toBe(200);
    if (response.status !== 200) return;
    const body = await response.json();
    expect('user' in body && body.user).toMatchObject({ role: 'reporter', agency: { code: 'RIVER' } });
  });

  test('a query and a path parameter: the cells of a release', async () => {
    type Cells = Client['releases'][':id']['cells']['$get'];
    expectTypeOf<InferRequestType<Cells>['query']>().toEqualTypeOf<{
      audience?: 'public' | 'coalition' | undefined;
    }>();
    expectTypeOf<InferRequestType<Cells>['param']>().toEqualTypeOf<{ id: string }>();

    // Nothing is published in this coalition yet: the answer is the one error shape.
    const response = await clientOf().releases[':id'].cells.$get({
      param: { id: '1' },
      query: { audience: 'public' },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
  });

  test('a query with a default, and an answer: the completeness summary', async () => {
    type Summary = Client['completeness']['summary']['$get'];
    expectTypeOf<InferRequestType<Summary>['query']>().toEqualTypeOf<{
      quarters?: string | string[] | undefined;
    }>();
    expectTypeOf<InferResponseType<Summary, 200>['quarters'][number]['notStarted']>().toEqualTypeOf<number>();

    const client = clientOf({ Cookie: await signIn(app, 'admin@test.example') });
    const response = await client.completeness.summary.$get({ query: { quarters: '2' } });
    expect(response.status).toBe(200);
    if (response.status !== 200) return;
    expect((await response.json()).quarters).toHaveLength(2);
  });
});

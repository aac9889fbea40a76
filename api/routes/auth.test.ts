import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { createApp } from '../app';
import { setUserActive, setUserRole } from '../queries/users';
import {
  apiTest,
  createTestApp,
  signIn as signInTo,
  type TestApp,
  testConfig,
  testNow,
  testPassword,
} from '../testing';

/** Signing in, on the test's app unless a test makes its own. */
const test = apiTest.extend(
  'login',
  ({ app }) =>
    (body: unknown, headers: Record<string, string> = {}, on: TestApp = app) =>
      on.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
);

describe('signing in', () => {
  test('the right email and password start a session in an HttpOnly, SameSite=Lax cookie', async ({
    db,
    login,
  }) => {
    const response = await login({ email: 'River@Test.example', password: testPassword });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user: {
        id: expect.any(Number),
        email: 'river@test.example',
        name: 'river',
        role: 'reporter',
        agency: { code: 'RIVER', name: 'River Street Advocates', type: 'victim_services' },
        timeZone: 'America/Los_Angeles',
      },
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^scope_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const audit = db.prepare("SELECT action FROM audit_log WHERE action = 'sign-in'").pluck().all();
    expect(audit).toEqual(['sign-in']);
  });

  test('in production the cookie is also Secure', async ({ db, login }) => {
    const production = createTestApp(db, testConfig({ NODE_ENV: 'production' }));
    const response = await login({ email: 'admin@test.example', password: testPassword }, {}, production);
    expect(response.headers.get('set-cookie')).toMatch(/Secure/);
  });

  test('a wrong password and an unknown email get the same message and no cookie', async ({ login }) => {
    const wrongPassword = await login({ email: 'admin@test.example', password: 'nope' });
    const unknownEmail = await login({ email: 'nobody@test.example', password: testPassword });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const a = await wrongPassword.json();
    const b = await unknownEmail.json();
    expect(a).toEqual(b);
    expect(a.error.code).toBe('invalid-credentials');
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  test.for<[unknown, RegExp]>([
    [{}, /email/],
    [{ email: 'admin@test.example' }, /password/],
    [{ email: '', password: 'x' }, /Enter your email/],
  ])(
    'a malformed request %j is refused with a message naming the field',
    async ([body, message], { login }) => {
      const response = await login(body);
      expect(response.status).toBe(400);
      const json = await response.json();
      expect(json.error.code).toBe('invalid-request');
      expect(json.error.message).toMatch(message);
    },
  );

  test('a body that is not JSON is refused in the one error shape', async ({ login }) => {
    const response = await login('{not json');
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalid-request');
  });

  test('a failed sign-in is recorded with the account and the address, never what was typed', async ({
    db,
    coalition,
    login,
  }) => {
    await login({ email: 'viewer@test.example', password: 'hunter2-guess' });
    await login({ email: 'nobody@test.example', password: 'another-guess' });
    const rows = db
      .prepare(
        "SELECT user_id AS userId, entity_id AS entityId, details FROM audit_log WHERE action = 'sign-in-failed'",
      )
      .all() as Array<{ userId: number | null; entityId: string | null; details: string }>;
    expect(rows).toEqual([
      {
        userId: null,
        entityId: String(coalition.users.viewer),
        details: JSON.stringify({ address: 'unknown' }),
      },
      { userId: null, entityId: null, details: JSON.stringify({ address: 'unknown' }) },
    ]);
  });
});

/**
 * An app whose clock the test moves, and signing in to it from a network address the test names (as
 * `@hono/node-server` gives it).
 */
const clocked = apiTest.extend('clock', ({ db }) => {
  let now = testNow.getTime();
  const app = createApp({ db, config: testConfig(), now: () => new Date(now) });
  return {
    app,
    wait: (seconds: number) => {
      now += seconds * 1000;
    },
    signInFrom: (address: string, email: string, password = testPassword) =>
      app.request(
        '/api/auth/login',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email, password }),
        },
        { incoming: { socket: { remoteAddress: address } } },
      ),
  };
});

async function refusal(response: Response) {
  return {
    status: response.status,
    retryAfter: response.headers.get('Retry-After'),
    ...(await response.json()).error,
  };
}

describe('slowing down password guessing, without locking anyone out', () => {
  clocked(
    'after 5 failures from one address, each further attempt waits longer; then it works',
    async ({ clock: { signInFrom, wait } }) => {
      const attacker = '203.0.113.7';
      for (let i = 0; i < 5; i++)
        expect((await signInFrom(attacker, 'viewer@test.example', `guess-${i}`)).status).toBe(401);
      expect(await refusal(await signInFrom(attacker, 'viewer@test.example'))).toEqual({
        status: 429,
        retryAfter: '1',
        code: 'too-many-attempts',
        message: 'Too many sign-in attempts. Try again in 1 second.',
      });
      wait(1);
      expect((await signInFrom(attacker, 'viewer@test.example', 'guess-5')).status).toBe(401);
      expect(await refusal(await signInFrom(attacker, 'viewer@test.example'))).toMatchObject({
        status: 429,
        retryAfter: '2',
        message: 'Too many sign-in attempts. Try again in 2 seconds.',
      });
      wait(2);
      expect((await signInFrom(attacker, 'viewer@test.example')).status).toBe(200);
    },
  );

  clocked(
    'the owner signs in at once from their own address while their account is being guessed',
    async ({ clock: { signInFrom } }) => {
      const attacker = '203.0.113.7';
      for (let i = 0; i < 5; i++) await signInFrom(attacker, 'admin@test.example', `guess-${i}`);
      expect((await signInFrom(attacker, 'admin@test.example')).status).toBe(429);
      expect((await signInFrom('198.51.100.20', 'admin@test.example')).status).toBe(200);
    },
  );

  clocked('guesses sent all at once are counted before any is answered', async ({ db, clock }) => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        clock.signInFrom('203.0.113.50', 'viewer@test.example', `guess-${i}`),
      ),
    );
    const checked = db
      .prepare("SELECT count(*) FROM audit_log WHERE action = 'sign-in-failed'")
      .pluck()
      .get();
    expect(checked).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(checked as number);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(25);
  });

  clocked('X-Forwarded-For is ignored unless Scope is told it runs behind a proxy', async ({ db, clock }) => {
    const spoofed = (app: TestApp, i: number) =>
      app.request(
        '/api/auth/login',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `192.0.2.${i}` },
          body: JSON.stringify({ email: 'viewer@test.example', password: `guess-${i}` }),
        },
        { incoming: { socket: { remoteAddress: '203.0.113.7' } } },
      );
    // Without the setting, a new forged address each time doesn't escape the connection's count.
    for (let i = 0; i < 5; i++) await spoofed(clock.app, i);
    expect((await spoofed(clock.app, 5)).status).toBe(429);
    // Behind a proxy, the address the proxy saw (the last one) is the client's.
    const proxied = createApp({ db, config: testConfig({ SCOPE_TRUST_PROXY: '1' }), now: () => testNow });
    for (let i = 0; i < 5; i++) await spoofed(proxied, 1);
    expect((await spoofed(proxied, 1)).status).toBe(429);
    expect((await spoofed(proxied, 2)).status).toBe(401);
  });
});

describe('the session', () => {
  test('/api/me says who is signed in, and 401 when nobody is', async ({ app, signIn }) => {
    const signedOut = await app.request('/api/me');
    expect(signedOut.status).toBe(401);
    expect((await signedOut.json()).error.code).toBe('not-signed-in');

    const cookie = await signIn('admin@test.example');
    const me = await app.request('/api/me', { headers: { Cookie: cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).user).toMatchObject({
      email: 'admin@test.example',
      role: 'admin',
      agency: null,
      timeZone: 'America/Los_Angeles',
    });
  });

  test("/api/me carries the coalition's time zone, so the web app counts days as the server does", async ({
    db,
  }) => {
    const eastern = createTestApp(db, testConfig({ SCOPE_TIME_ZONE: 'America/New_York' }));
    const cookie = await signInTo(eastern, 'viewer@test.example');
    const me = await eastern.request('/api/me', { headers: { Cookie: cookie } });
    expect((await me.json()).user.timeZone).toBe('America/New_York');
  });

  test('signing out ends the session on the server, not just in the browser', async ({ app, signIn }) => {
    const cookie = await signIn('viewer@test.example');
    const out = await app.request('/api/auth/logout', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: 'http://localhost' },
    });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/scope_session=;/);
    expect((await app.request('/api/me', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  test('a form posted from another site cannot sign anyone out or in', async ({ app, signIn }) => {
    const cookie = await signIn('viewer@test.example');
    const forged = await app.request('/api/auth/logout', {
      method: 'POST',
      headers: {
        Cookie: cookie,
        Origin: 'https://evil.example',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'x=1',
    });
    expect(forged.status).toBe(403);
    expect((await forged.json()).error.code).toBe('forbidden');
    expect((await app.request('/api/me', { headers: { Cookie: cookie } })).status).toBe(200);
  });

  test('the database keeps only a hash of the session token', async ({ db, signIn }) => {
    const cookie = await signIn('viewer@test.example');
    const token = cookie.split('=')[1] as string;
    const stored = db.prepare('SELECT token_hash FROM sessions').pluck().all() as string[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain(token);
  });

  test('an expired session is not accepted', async ({ app, db, signIn }) => {
    const cookie = await signIn('viewer@test.example');
    db.prepare("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'").run();
    expect((await app.request('/api/me', { headers: { Cookie: cookie } })).status).toBe(401);
  });
});

describe('sessions end when their access ends', () => {
  const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0] as string;

  clocked('a session left unused for 30 minutes ends; using it keeps it going', async ({ db, clock }) => {
    const cookie = cookieOf(await clock.signInFrom('198.51.100.20', 'viewer@test.example'));
    const me = () => clock.app.request('/api/me', { headers: { Cookie: cookie } });
    const idleEnd = () => db.prepare('SELECT idle_expires_at FROM sessions').pluck().get();
    const signedInAt = idleEnd();
    clock.wait(30);
    expect((await me()).status).toBe(200);
    // Within a minute of the last push, a request doesn't write again.
    expect(idleEnd()).toBe(signedInAt);
    clock.wait(29 * 60);
    expect((await me()).status).toBe(200);
    expect(idleEnd()).not.toBe(signedInAt);
    clock.wait(29 * 60);
    expect((await me()).status).toBe(200);
    clock.wait(30 * 60 + 1);
    expect((await me()).status).toBe(401);
  });

  clocked('using it never stretches a session past 12 hours', async ({ clock }) => {
    const cookie = cookieOf(await clock.signInFrom('198.51.100.20', 'viewer@test.example'));
    for (let minutes = 0; minutes < 12 * 60; minutes += 20) {
      expect((await clock.app.request('/api/me', { headers: { Cookie: cookie } })).status).toBe(200);
      clock.wait(20 * 60);
    }
    expect((await clock.app.request('/api/me', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  test('"sign out everywhere else" ends the other sessions and keeps this one', async ({
    app,
    db,
    signIn,
  }) => {
    const laptop = await signIn('river@test.example');
    const libraryComputer = await signIn('river@test.example');
    const someoneElse = await signIn('hills@test.example');
    const response = await app.request('/api/me/other-sessions', {
      method: 'DELETE',
      headers: { Cookie: laptop },
    });
    expect(await response.json()).toEqual({ signedOut: 1 });
    const status = async (cookie: string) =>
      (await app.request('/api/me', { headers: { Cookie: cookie } })).status;
    expect(await status(laptop)).toBe(200);
    expect(await status(libraryComputer)).toBe(401);
    expect(await status(someoneElse)).toBe(200);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'sign-out-others'").pluck().get()).toBe(
      1,
    );
  });

  test('signing in can sign out everywhere else at the same time', async ({ app, login, signIn }) => {
    const leftSignedIn = await signIn('viewer@test.example');
    const response = await login({
      email: 'viewer@test.example',
      password: testPassword,
      signOutOthers: true,
    });
    expect(response.status).toBe(200);
    const here = cookieOf(response);
    expect((await app.request('/api/me', { headers: { Cookie: leftSignedIn } })).status).toBe(401);
    expect((await app.request('/api/me', { headers: { Cookie: here } })).status).toBe(200);
  });

  test('deactivating a person ends their sessions, and reactivating them brings none back', async ({
    app,
    coalition,
    db,
    login,
    signIn,
  }) => {
    const cookie = await signIn('river@test.example');
    setUserActive(db, coalition.users.riverReporter, false, testNow.toISOString());
    expect((await app.request('/api/me', { headers: { Cookie: cookie } })).status).toBe(401);
    expect((await login({ email: 'river@test.example', password: testPassword })).status).toBe(401);
    setUserActive(db, coalition.users.riverReporter, true, testNow.toISOString());
    expect((await app.request('/api/me', { headers: { Cookie: cookie } })).status).toBe(401);
    expect((await login({ email: 'river@test.example', password: testPassword })).status).toBe(200);
  });

  test('a session of a person made inactive by any means is refused', async ({ app, db, signIn }) => {
    const cookie = await signIn('viewer@test.example');
    db.prepare("UPDATE users SET active = 0 WHERE email = 'viewer@test.example'").run();
    expect((await app.request('/api/me', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  test('a new role or agency ends the sessions given for the old one', async ({
    app,
    coalition,
    db,
    signIn,
  }) => {
    const moved = await signIn('river@test.example');
    const promoted = await signIn('viewer@test.example');
    setUserRole(
      db,
      coalition.users.riverReporter,
      { role: 'reporter', agencyId: coalition.agencies.hills },
      testNow.toISOString(),
    );
    setUserRole(db, coalition.users.viewer, { role: 'admin', agencyId: null }, testNow.toISOString());
    for (const cookie of [moved, promoted])
      expect((await app.request('/api/me', { headers: { Cookie: cookie } })).status).toBe(401);
    expect((await app.request('/api/submissions/RIVER/2026Q4', { headers: { Cookie: moved } })).status).toBe(
      401,
    );
  });
});

describe('every path', () => {
  test('/api/health answers ok', async ({ app }) => {
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  test('an unknown API path is a JSON 404, never the web app', async ({ db }) => {
    const dist = mkdtempSync(join(tmpdir(), 'scope-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Scope</title><div id="root"></div>');
    const app = createTestApp(db, testConfig(), dist);
    for (const path of ['/api/nothing-here', '/api/me/extra', '/api']) {
      const response = await app.request(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect((await response.json()).error.code).toBe('not-found');
    }
    const page = await app.request('/dashboard/anything');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  test('a wrong method on an API path answers in the one error shape', async ({ app }) => {
    const response = await app.request('/api/auth/login');
    expect(response.status).toBe(404);
    expect((await response.json()).error).toEqual({ code: 'not-found', message: expect.any(String) });
  });
});

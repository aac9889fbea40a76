import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import {
  apiTest,
  createTestApp,
  signIn as signInTo,
  type TestApp,
  testConfig,
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

  test('after ten wrong passwords the email is locked out for a while, even with the right one', async ({
    login,
  }) => {
    for (let i = 0; i < 10; i++) await login({ email: 'viewer@test.example', password: `guess-${i}` });
    const response = await login({ email: 'viewer@test.example', password: testPassword });
    expect(response.status).toBe(429);
    expect((await response.json()).error.code).toBe('too-many-attempts');
    expect((await login({ email: 'admin@test.example', password: testPassword })).status).toBe(200);
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

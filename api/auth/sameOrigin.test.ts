import { describe, expect } from 'vitest';
import { apiTest, databaseDigest, type TestApp, testPassword } from '../testing';

/** River Street's reporter, signed in, and an API token of their agency. */
const test = apiTest
  .override({ seed: 'history' })
  .extend('river', ({ signIn }) => signIn('river@test.example'))
  .extend('token', async ({ app, river }) => {
    const response = await app.request('/api/agencies/RIVER/tokens', {
      method: 'POST',
      headers: { Cookie: river, 'Content-Type': 'application/json', Origin: 'http://localhost' },
      body: JSON.stringify({ name: 'Case management export' }),
    });
    return (await response.json()).token.secret as string;
  });

describe('writes are JSON', () => {
  test.for<[string, string, string]>([
    ['a form', 'application/x-www-form-urlencoded', 'values=1'],
    ['a form with a file', 'multipart/form-data; boundary=x', '--x--'],
    ['plain text', 'text/plain;charset=UTF-8', '{"values":{"survivors_served":3}}'],
  ])(
    '%s with no Origin, as an old browser may send, is refused with 415 and changes nothing',
    async ([_, type, body], { app, db, river }) => {
      const before = databaseDigest(db);
      const response = await app.request('/api/submissions/RIVER/2026Q4/values', {
        method: 'PUT',
        headers: { Cookie: river, 'Content-Type': type },
        body,
      });
      expect(response.status).toBe(415);
      const { error } = await response.json();
      expect(error).toEqual({
        code: 'unsupported-media-type',
        message: 'Scope takes changes as JSON: send the body with Content-Type: application/json.',
      });
      expect(databaseDigest(db)).toBe(before);
    },
  );

  test('signing out by a form is refused, and the session stays', async ({ app, river }) => {
    const response = await app.request('/api/auth/logout', {
      method: 'POST',
      headers: { Cookie: river, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(response.status).toBe(415);
    expect((await app.request('/api/me', { headers: { Cookie: river } })).status).toBe(200);
  });

  test('a form from another site is still refused as from another site', async ({ app, river }) => {
    const response = await app.request('/api/auth/logout', {
      method: 'POST',
      headers: {
        Cookie: river,
        Origin: 'https://evil.example',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'x=1',
    });
    expect(response.status).toBe(403);
  });

  test('the web app’s own writes go through: JSON, and bodiless actions', async ({ app, river }) => {
    const save = await app.request('/api/submissions/RIVER/2026Q4/values', {
      method: 'PUT',
      headers: { Cookie: river, 'Content-Type': 'application/json', Origin: 'http://localhost' },
      body: JSON.stringify({ values: { survivors_served: 3 } }),
    });
    expect(save.status).toBe(200);
    const signOut = await app.request('/api/auth/logout', {
      method: 'POST',
      headers: { Cookie: river, Origin: 'http://localhost' },
    });
    expect(signOut.status).toBe(200);
  });

  test('an agency system with a token writes JSON and uploads CSV; a form body is refused for it too', async ({
    app,
    token,
  }) => {
    const bearer = { Authorization: `Bearer ${token}` };
    const save = await app.request('/api/submissions/RIVER/2026Q4/values', {
      method: 'PUT',
      headers: { ...bearer, 'Content-Type': 'application/json' },
      body: JSON.stringify({ values: { survivors_served: 3 } }),
    });
    expect(save.status).toBe(200);
    const csv = 'agency,period,element,value\nRIVER,2026Q4,survivors_served,4\n';
    const upload = await app.request('/api/submissions/RIVER/2026Q4/upload?dryRun=true', {
      method: 'POST',
      headers: { ...bearer, 'Content-Type': 'text/csv' },
      body: csv,
    });
    expect(upload.status).toBe(200);
    // curl's --data without a type says it is a form: the message says what to send instead.
    const untyped = await app.request('/api/submissions/RIVER/2026Q4/upload?dryRun=true', {
      method: 'POST',
      headers: { ...bearer, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: csv,
    });
    expect(untyped.status).toBe(415);
    expect((await untyped.json()).error.message).toMatch(/Content-Type: text\/csv/);
  });

  test('the upload takes its file in a form', async ({ app, river }) => {
    const form = new FormData();
    form.append(
      'file',
      new File(['agency,period,element,value\nRIVER,2026Q4,survivors_served,4\n'], 'counts.csv', {
        type: 'text/csv',
      }),
    );
    const response = await app.request('/api/submissions/RIVER/2026Q4/upload?dryRun=true', {
      method: 'POST',
      headers: { Cookie: river, Origin: 'http://localhost' },
      body: form,
    });
    expect(response.status).toBe(200);
  });
});

describe('behind a reverse proxy that ends HTTPS', () => {
  const signInFrom = (app: TestApp, headers: Record<string, string>) =>
    app.request('http://scope.example.org/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ email: 'river@test.example', password: testPassword }),
    });

  test('the browser’s https origin is Scope’s own when the proxy says https', async ({ app }) => {
    const origin = { Origin: 'https://scope.example.org' };
    expect((await signInFrom(app, { ...origin, 'X-Forwarded-Proto': 'https' })).status).toBe(200);
    expect((await signInFrom(app, origin)).status).toBe(403);
  });

  test('another site is refused whatever the proxy says', async ({ app }) => {
    const response = await signInFrom(app, { Origin: 'https://evil.example', 'X-Forwarded-Proto': 'https' });
    expect(response.status).toBe(403);
  });
});

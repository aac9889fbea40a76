import { describe, expect } from 'vitest';
import { createApiTokenSecret } from '../auth/session';
import { totpCode, totpStep } from '../auth/totp';
import { insertApiToken } from '../queries/tokens';
import { saveCoalitionProfile } from '../services/coalition';
import { apiTest, createTestApp, databaseDigest, testConfig, testNow } from '../testing';

/** One session secret for the app and the token the test makes. */
const config = testConfig({ SCOPE_SESSION_SECRET: 'account tests, not a real secret' });
const newPassword = 'lanterns over a quiet harbor';
const step = totpStep(testNow);
const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';

const test = apiTest.override({ app: async ({ db }, use) => use(createTestApp(db, config)) }).extend<{
  /** A request to the app as a caller (Cookie or Authorization headers), with an optional JSON body. */
  send: (method: string, path: string, headers: Record<string, string>, body?: unknown) => Promise<Response>;
  /** The Authorization header of an API token the river reporter made. */
  token: Record<string, string>;
}>({
  send: async ({ app }, use) =>
    use(async (method, path, headers, body) =>
      app.request(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'User-Agent': firefox, ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    ),
  token: async ({ db, coalition }, use) => {
    const { secret, prefix, tokenHash } = createApiTokenSecret(config.sessionSecret);
    insertApiToken(db, {
      agencyId: coalition.agencies.river,
      name: 'Case system',
      prefix,
      tokenHash,
      maker: { id: coalition.users.riverReporter, role: 'reporter', agencyId: coalition.agencies.river },
      expiresAt: '2030-01-01T00:00:00.000Z',
    });
    await use({ Authorization: `Bearer ${secret}` });
  },
});

const cookie = (value: string) => ({ Cookie: value });

/** Every route of a person's own account, with a body it would accept. */
const ownAccountRoutes: Array<[string, string, unknown?]> = [
  ['POST', '/api/me/password', { currentPassword: 'correct horse battery staple', newPassword }],
  ['GET', '/api/me/sessions'],
  ['DELETE', '/api/me/sessions/abcdef'],
  ['GET', '/api/me/two-factor'],
  ['POST', '/api/me/two-factor'],
  ['POST', '/api/me/two-factor/confirm', { code: '123456' }],
  ['DELETE', '/api/me/two-factor', { password: 'correct horse battery staple', code: '123456' }],
  ['POST', '/api/me/two-factor/recovery-codes', { code: '123456' }],
];

describe('who may manage an account', () => {
  test.for(ownAccountRoutes)(
    '%s %s: nobody signed in gets 401, an API token 403, and nothing changes',
    async ([method, path, body], { db, send, token }) => {
      // A token's first use records when it was used (at the test's fixed time); that is not the refusal's doing.
      await send('GET', '/api/me', token);
      const before = databaseDigest(db);
      const anonymous = await send(method, path, {}, body);
      expect(anonymous.status).toBe(401);
      const byToken = await send(method, path, token, body);
      expect(byToken.status).toBe(403);
      expect(await byToken.json()).toMatchObject({ error: { code: 'forbidden' } });
      expect(databaseDigest(db)).toBe(before);
    },
  );

  test.for(['admin@test.example', 'viewer@test.example', 'river@test.example'])(
    '%s sees their own sessions and two-factor sign-in',
    async (email, { send, signIn }) => {
      const session = cookie(await signIn(email));
      const sessions = await send('GET', '/api/me/sessions', session);
      expect(sessions.status).toBe(200);
      expect((await sessions.json()).sessions).toHaveLength(1);
      const twoFactor = await send('GET', '/api/me/two-factor', session);
      expect(await twoFactor.json()).toEqual({
        enabled: false,
        enabledAt: null,
        recoveryCodesLeft: 0,
        requiredForYou: false,
      });
    },
  );
});

describe('changing one’s own password', () => {
  test('a weak new password or a wrong current one is refused with words, and nothing changes', async ({
    db,
    send,
    signIn,
  }) => {
    const session = cookie(await signIn('river@test.example'));
    const before = databaseDigest(db);
    const weak = await send('POST', '/api/me/password', session, {
      currentPassword: 'correct horse battery staple',
      newPassword: 'password1234',
    });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({
      error: { code: 'weak-password', message: expect.stringContaining('often') },
    });
    const wrong = await send('POST', '/api/me/password', session, {
      currentPassword: 'not my password',
      newPassword,
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { code: 'wrong-password' } });
    expect(databaseDigest(db)).toBe(before);
  });

  test('wrong current passwords count as failed sign-ins, so they can’t be used to guess', async ({
    send,
    signIn,
  }) => {
    const session = cookie(await signIn('river@test.example'));
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await send('POST', '/api/me/password', session, {
            currentPassword: `guess number ${i}`,
            newPassword,
          })
        ).status,
      );
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });

  test('the new password works, the old one not, and the person’s other sessions end', async ({
    db,
    app,
    coalition,
    send,
    signIn,
  }) => {
    const elsewhere = cookie(await signIn('river@test.example'));
    const here = cookie(await signIn('river@test.example'));
    const hills = cookie(await signIn('hills@test.example'));
    const changed = await send('POST', '/api/me/password', here, {
      currentPassword: 'correct horse battery staple',
      newPassword,
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ signedOut: 1 });
    expect((await send('GET', '/api/me', here)).status).toBe(200);
    expect((await send('GET', '/api/me', elsewhere)).status).toBe(401);
    expect((await send('GET', '/api/me', hills)).status).toBe(200);
    const row = db
      .prepare('SELECT password_changed_at FROM users WHERE id = ?')
      .pluck()
      .get(coalition.users.riverReporter);
    expect(row).toBe(testNow.toISOString());
    const login = (password: string) =>
      app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'river@test.example', password }),
      });
    expect((await login('correct horse battery staple')).status).toBe(401);
    expect((await login(newPassword)).status).toBe(200);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'change-password'").pluck().get()).toBe(
      1,
    );
  });
});

describe('one’s own sessions', () => {
  test('are listed with the browser, and one can end another of one’s own, not someone else’s', async ({
    db,
    send,
    signIn,
  }) => {
    const elsewhere = cookie(await signIn('river@test.example'));
    const here = cookie(await signIn('river@test.example'));
    const hills = cookie(await signIn('hills@test.example'));
    const listed = (await (await send('GET', '/api/me/sessions', here)).json()) as {
      sessions: Array<{
        id: string;
        current: boolean;
        browser: string;
        startedAt: string;
        lastActiveAt: string;
      }>;
    };
    expect(listed.sessions).toHaveLength(2);
    expect(listed.sessions.filter((s) => s.current)).toHaveLength(1);
    expect(listed.sessions[0]).toMatchObject({
      startedAt: testNow.toISOString(),
      lastActiveAt: testNow.toISOString(),
    });
    const other = listed.sessions.find((s) => !s.current);
    if (!other) throw new Error('no other session listed');

    const hillsSessions = (await (await send('GET', '/api/me/sessions', hills)).json()) as {
      sessions: Array<{ id: string }>;
    };
    const hillsId = hillsSessions.sessions[0]?.id as string;
    const before = databaseDigest(db);
    const notMine = await send('DELETE', `/api/me/sessions/${hillsId}`, here);
    expect(notMine.status).toBe(404);
    expect(databaseDigest(db)).toBe(before);
    expect((await send('GET', '/api/me', hills)).status).toBe(200);

    const ended = await send('DELETE', `/api/me/sessions/${other.id}`, here);
    expect(await ended.json()).toEqual({ signedOutHere: false });
    expect((await send('GET', '/api/me', elsewhere)).status).toBe(401);
    expect((await send('GET', '/api/me', here)).status).toBe(200);
  });

  test('ending this session signs out here', async ({ send, signIn }) => {
    const here = cookie(await signIn('viewer@test.example'));
    const listed = (await (await send('GET', '/api/me/sessions', here)).json()) as {
      sessions: Array<{ id: string }>;
    };
    const ended = await send('DELETE', `/api/me/sessions/${listed.sessions[0]?.id}`, here);
    expect(await ended.json()).toEqual({ signedOutHere: true });
    expect(ended.headers.get('set-cookie')).toMatch(/scope_session=;/);
    expect((await send('GET', '/api/me', here)).status).toBe(401);
  });
});

describe('setting up one’s own two-factor sign-in', () => {
  test('takes effect only with a right code; new recovery codes replace the old; turning off needs password and code', async ({
    db,
    coalition,
    send,
    signIn,
  }) => {
    const session = cookie(await signIn('viewer@test.example'));
    const started = await send('POST', '/api/me/two-factor', session);
    const { secret, qrCodeSvg } = (await started.json()) as { secret: string; qrCodeSvg: string };
    expect(qrCodeSvg).toMatch(/^<svg/);
    expect((await (await send('GET', '/api/me/two-factor', session)).json()).enabled).toBe(false);
    const stored = db
      .prepare('SELECT totp_secret FROM users WHERE id = ?')
      .pluck()
      .get(coalition.users.viewer) as string;
    expect(stored).not.toContain(secret);

    const code = totpCode(secret, step);
    const wrong = await send('POST', '/api/me/two-factor/confirm', session, {
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(400);
    const confirmed = await send('POST', '/api/me/two-factor/confirm', session, { code });
    const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(await (await send('GET', '/api/me/two-factor', session)).json()).toMatchObject({
      enabled: true,
      enabledAt: testNow.toISOString(),
      recoveryCodesLeft: 10,
    });
    expect((await send('POST', '/api/me/two-factor', session)).status).toBe(409);

    const renewed = await send('POST', '/api/me/two-factor/recovery-codes', session, {
      code: totpCode(secret, step + 1),
    });
    const fresh = ((await renewed.json()) as { recoveryCodes: string[] }).recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);

    const before = databaseDigest(db);
    const wrongPassword = await send('DELETE', '/api/me/two-factor', session, {
      password: 'not it',
      code: fresh[0],
    });
    expect(wrongPassword.status).toBe(400);
    const oldCode = await send('DELETE', '/api/me/two-factor', session, {
      password: 'correct horse battery staple',
      code: recoveryCodes[0],
    });
    expect(oldCode.status).toBe(400);
    expect(await oldCode.json()).toMatchObject({ error: { code: 'wrong-code' } });
    expect(databaseDigest(db)).toBe(before);
    const off = await send('DELETE', '/api/me/two-factor', session, {
      password: 'correct horse battery staple',
      code: fresh[0],
    });
    expect(off.status).toBe(200);
    expect(await (await send('GET', '/api/me/two-factor', session)).json()).toMatchObject({ enabled: false });
    expect(db.prepare('SELECT count(*) FROM recovery_codes').pluck().get()).toBe(0);
  });

  test('an admin can’t turn it off while the coalition requires it of admins', async ({
    db,
    send,
    signIn,
  }) => {
    const session = cookie(await signIn('admin@test.example'));
    saveCoalitionProfile(db, { adminTwoFactor: 'required' });
    const before = databaseDigest(db);
    const refused = await send('DELETE', '/api/me/two-factor', session, {
      password: 'correct horse battery staple',
      code: '123456',
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'two-factor-required' } });
    expect(databaseDigest(db)).toBe(before);
  });
});

import { describe, expect } from 'vitest';
import { createApp } from '../app';
import { totpCode, totpStep } from '../auth/totp';
import { saveCoalitionProfile } from '../services/coalition';
import { confirmTwoFactorSetup, startTwoFactorSetup } from '../services/twoFactor';
import { apiTest, databaseDigest, testConfig, testNow, testPassword } from '../testing';

/** One session secret for the test's apps and the services it calls, so a secret stored by one is read by the other. */
const config = testConfig({ SCOPE_SESSION_SECRET: 'two-factor tests, not a real secret' });
const step = totpStep(testNow);

/** The cookies a response sets, by name. */
function cookiesOf(response: Response): Record<string, string> {
  return Object.fromEntries(
    response.headers.getSetCookie().map((cookie) => {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

const post = (body: unknown, cookie = '') => ({
  method: 'POST',
  headers: {
    'Content-Type': 'application/json',
    Cookie: cookie,
    'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
  },
  body: JSON.stringify(body),
});

const test = apiTest.extend<{
  /** The app over the test's database at a given moment (at `testNow` unless told). */
  appAt: (now?: Date) => ReturnType<typeof createApp>;
  /** Turns two-factor on for a person a minute before `testNow`: their secret and recovery codes. */
  enable: (userId: number, email: string) => { secret: string; recoveryCodes: string[] };
  /** Signs in with the password: the answer and the sign-in challenge's Cookie header. */
  login: (
    email: string,
    at?: Date,
  ) => Promise<{ status: number; body: Record<string, unknown>; challenge: string; session?: string }>;
  /** Sends the second step with a challenge: the answer and any session cookie set. */
  secondStep: (
    challenge: string,
    body: unknown,
    at?: Date,
  ) => Promise<{ status: number; body: Record<string, unknown>; session?: string }>;
}>({
  appAt: async ({ db }, use) => use((now = testNow) => createApp({ db, config, now: () => now })),
  enable: async ({ db }, use) =>
    use((userId, email) => {
      const { secret } = startTwoFactorSetup(db, config, { id: userId, email });
      const earlier = new Date(testNow.getTime() - 60_000);
      const recoveryCodes = confirmTwoFactorSetup(
        db,
        config,
        userId,
        totpCode(secret, totpStep(earlier)),
        earlier,
      );
      if (!recoveryCodes) throw new Error('two-factor did not turn on');
      return { secret, recoveryCodes };
    }),
  login: async ({ appAt }, use) =>
    use(async (email, at) => {
      const response = await appAt(at).request('/api/auth/login', post({ email, password: testPassword }));
      const cookies = cookiesOf(response);
      return {
        status: response.status,
        body: await response.json(),
        challenge: cookies.scope_sign_in ? `scope_sign_in=${cookies.scope_sign_in}` : '',
        session: cookies.scope_session,
      };
    }),
  secondStep: async ({ appAt }, use) =>
    use(async (challenge, body, at) => {
      const response = await appAt(at).request('/api/auth/two-factor', post(body, challenge));
      const cookies = cookiesOf(response);
      return {
        status: response.status,
        body: await response.json(),
        session: cookies.scope_session || undefined,
      };
    }),
});

const sessionsOf = (db: import('../db').Db, userId: number) =>
  db
    .prepare('SELECT two_factor AS twoFactor, user_agent AS userAgent FROM sessions WHERE user_id = ?')
    .all(userId) as Array<{
    twoFactor: number;
    userAgent: string;
  }>;

describe('signing in with two-factor on', () => {
  test('the password alone starts no session; a wrong code is refused, the right one signs in, and once only', async ({
    db,
    coalition,
    enable,
    login,
    secondStep,
  }) => {
    const { secret } = enable(coalition.users.riverReporter, 'river@test.example');
    const first = await login('river@test.example');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ twoFactor: 'code' });
    expect(first.session).toBeUndefined();
    expect(first.challenge).not.toBe('');
    expect(sessionsOf(db, coalition.users.riverReporter)).toEqual([]);

    const code = totpCode(secret, step);
    const wrong = await secondStep(first.challenge, { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: 'wrong-code' } });
    expect(wrong.session).toBeUndefined();
    expect(sessionsOf(db, coalition.users.riverReporter)).toEqual([]);

    const right = await secondStep(first.challenge, { code });
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ user: { email: 'river@test.example', role: 'reporter' } });
    expect(right.session).toBeDefined();
    expect(sessionsOf(db, coalition.users.riverReporter)).toEqual([
      { twoFactor: 1, userAgent: expect.stringContaining('Firefox') },
    ]);
    const audit = db
      .prepare("SELECT details FROM audit_log WHERE action = 'sign-in' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as string;
    expect(JSON.parse(audit)).toMatchObject({ secondStep: 'code' });

    // The challenge is used up, and a new sign-in can't use the same code again.
    expect((await secondStep(first.challenge, { code })).status).toBe(401);
    const again = await login('river@test.example');
    const reused = await secondStep(again.challenge, { code });
    expect(reused.status).toBe(400);
    expect(reused.session).toBeUndefined();
  });

  test('a recovery code signs in once, and says how many are left', async ({
    db,
    coalition,
    enable,
    login,
    secondStep,
  }) => {
    const { recoveryCodes } = enable(coalition.users.admin, 'admin@test.example');
    const recoveryCode = (recoveryCodes[3] as string).toLowerCase().replaceAll('-', ' ');
    const first = await login('admin@test.example');
    const used = await secondStep(first.challenge, { recoveryCode });
    expect(used.status).toBe(200);
    expect(used.session).toBeDefined();
    const recorded = db
      .prepare("SELECT details FROM audit_log WHERE action = 'recovery-code-used'")
      .pluck()
      .get() as string;
    expect(JSON.parse(recorded)).toEqual({ left: 9 });

    const second = await login('admin@test.example');
    const reused = await secondStep(second.challenge, { recoveryCode: recoveryCodes[3] });
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ error: { code: 'wrong-code' } });
  });

  test('five wrong codes end the sign-in: the right code then needs the password again', async ({
    coalition,
    enable,
    login,
    secondStep,
  }) => {
    const { secret } = enable(coalition.users.viewer, 'viewer@test.example');
    const { challenge } = await login('viewer@test.example');
    const code = totpCode(secret, step);
    const wrongCode = code === '123456' ? '654321' : '123456';
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await secondStep(challenge, { code: wrongCode }));
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 401]);
    expect(answers[3]?.body).toMatchObject({ error: { message: expect.stringContaining('1 try left') } });
    const late = await secondStep(challenge, { code });
    expect(late.status).toBe(401);
    expect(late.body).toMatchObject({ error: { code: 'sign-in-expired' } });
    expect(late.session).toBeUndefined();
  });

  test('a sign-in waiting more than 5 minutes for its code is refused', async ({
    coalition,
    enable,
    login,
    secondStep,
  }) => {
    const { secret } = enable(coalition.users.riverReporter, 'river@test.example');
    const { challenge } = await login('river@test.example');
    const later = new Date(testNow.getTime() + 5 * 60_000 + 1000);
    const answer = await secondStep(challenge, { code: totpCode(secret, totpStep(later)) }, later);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'sign-in-expired' } });
    expect(answer.session).toBeUndefined();
  });

  test('the second step without a sign-in waiting is refused, and changes nothing', async ({ db, appAt }) => {
    const before = databaseDigest(db);
    const response = await appAt().request('/api/auth/two-factor', post({ code: '123456' }));
    expect(response.status).toBe(401);
    expect(databaseDigest(db)).toBe(before);
  });
});

describe('when the coalition requires two-factor for admins', () => {
  test('an admin without it sets it up before any session exists, and gets recovery codes once', async ({
    db,
    coalition,
    appAt,
    login,
  }) => {
    saveCoalitionProfile(db, { adminTwoFactor: 'required' });
    const first = await login('admin@test.example');
    expect(first.body).toEqual({ twoFactor: 'enroll' });
    expect(first.session).toBeUndefined();
    // The enrolment challenge is not a code challenge, and signs nobody in.
    expect(
      (await appAt().request('/api/auth/two-factor', post({ code: '123456' }, first.challenge))).status,
    ).toBe(401);
    expect((await appAt().request('/api/me', { headers: { Cookie: first.challenge } })).status).toBe(401);

    const started = await appAt().request('/api/auth/two-factor/enroll', post({}, first.challenge));
    expect(started.status).toBe(200);
    const setup = (await started.json()) as { secret: string; otpauthUri: string; qrCodeSvg: string };
    expect(setup.otpauthUri).toContain(`secret=${setup.secret}`);
    expect(setup.qrCodeSvg).toMatch(/^<svg/);
    expect(sessionsOf(db, coalition.users.admin)).toEqual([]);

    const confirmed = await appAt().request(
      '/api/auth/two-factor/enroll/confirm',
      post({ code: totpCode(setup.secret, step) }, first.challenge),
    );
    expect(confirmed.status).toBe(200);
    const body = (await confirmed.json()) as { user: { role: string }; recoveryCodes: string[] };
    expect(body.user.role).toBe('admin');
    expect(body.recoveryCodes).toHaveLength(10);
    expect(cookiesOf(confirmed).scope_session).toBeTruthy();
    expect(sessionsOf(db, coalition.users.admin)).toEqual([{ twoFactor: 1, userAgent: expect.any(String) }]);

    // Next time, the code is asked for.
    expect((await login('admin@test.example')).body).toEqual({ twoFactor: 'code' });
  });

  test('a viewer is not asked for a second step', async ({ db, login }) => {
    saveCoalitionProfile(db, { adminTwoFactor: 'required' });
    const answer = await login('viewer@test.example');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ user: { role: 'viewer' } });
    expect(answer.session).toBeDefined();
  });
});

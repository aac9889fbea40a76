import { afterEach, beforeEach, describe, expect } from 'vitest';
import { createApp } from '../app';
import { createApiTokenSecret } from '../auth/session';
import type { Db } from '../db';
import { insertApiToken } from '../queries/tokens';
import { insertUser } from '../queries/users';
import { closeMailTransports } from '../services/mail';
import { apiTest, databaseDigest, signIn, type TestApp, testConfig, testNow } from '../testing';
import { startTestMailServer, type TestMailServer } from '../testMail';

const json = { 'Content-Type': 'application/json' };
/** Link secrets are keyed hashes: every app of a test keeps the same key, so they accept each other's links. */
const secret = { SCOPE_SESSION_SECRET: 'a fixed key for the people tests, 32+ characters' };
const config = testConfig(secret);
const appAt = (db: Db, at: Date, withConfig = config) => createApp({ db, config: withConfig, now: () => at });
const later = (ms: number) => new Date(testNow.getTime() + ms);
const hour = 60 * 60 * 1000;
const day = 24 * hour;
const newPassword = 'lantern orchard pebble ferry';

/** The secret at the end of a link's address. */
const tokenOf = (link: string) => link.split('/').at(-1) as string;

const test = apiTest
  .override('app', ({ db }) => appAt(db, testNow))
  .extend('admin', ({ signIn }) => signIn('admin@test.example'))
  .extend(
    'call',
    ({ app }) =>
      async (method: string, url: string, cookie?: string, body?: unknown, on: TestApp = app) => {
        const response = await on.request(url, {
          method,
          headers: { ...(cookie ? { Cookie: cookie } : {}), ...(body === undefined ? {} : json) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: response.status, body: await response.json() };
      },
  );

/** A river reporter's API token, as their agency's system sends it. */
function riverToken(db: Db, riverReporter: number, river: number): string {
  const made = createApiTokenSecret(config.sessionSecret);
  insertApiToken(db, {
    agencyId: river,
    name: 'Case system',
    prefix: made.prefix,
    tokenHash: made.tokenHash,
    maker: { id: riverReporter, role: 'reporter', agencyId: river },
    expiresAt: later(30 * day).toISOString(),
  });
  return made.secret;
}

describe('who may manage people', () => {
  test('only an admin, as a person: anyone else is refused every route and nothing changes', async ({
    app,
    db,
    coalition,
    signIn,
    admin,
    call,
  }) => {
    const { users, agencies } = coalition;
    const invited = await call('POST', '/api/people/invitations', admin, {
      email: 'new@test.example',
      role: 'viewer',
    });
    expect(invited.status).toBe(201);
    const invitationId = invited.body.invitation.id as number;
    const token = riverToken(db, users.riverReporter, agencies.river);
    const target = users.viewer;
    const routes: Array<[string, string, unknown, number]> = [
      ['GET', '/api/people', undefined, 200],
      ['POST', '/api/people/invitations', { email: 'other@test.example', role: 'viewer' }, 201],
      ['POST', `/api/people/invitations/${invitationId}/resend`, undefined, 201],
      ['DELETE', `/api/people/invitations/${invitationId + 1}`, undefined, 200],
      ['PATCH', `/api/people/${users.hillsReporter}`, { role: 'reporter', agencyCode: 'RIVER' }, 200],
      ['POST', `/api/people/${target}/deactivate`, undefined, 200],
      ['POST', `/api/people/${target}/reactivate`, undefined, 200],
      ['POST', `/api/people/${target}/reset-link`, undefined, 201],
      ['DELETE', `/api/people/${target}/two-factor`, undefined, 200],
    ];
    const callers: Array<[string, Record<string, string>, number]> = [
      ['anonymous', {}, 401],
      ['a reporter', { Cookie: await signIn('river@test.example') }, 403],
      ['a viewer', { Cookie: await signIn('viewer@test.example') }, 403],
      ['an API token', { Authorization: `Bearer ${token}` }, 403],
    ];
    // After the viewer signed in: with two-factor on, signing in would ask for a code.
    db.prepare("UPDATE users SET totp_enabled_at = '2027-01-01T00:00:00.000Z' WHERE id = ?").run(
      users.viewer,
    );
    for (const [who, headers, status] of callers)
      for (const [method, url, body] of routes) {
        const before = databaseDigest(db);
        const response = await app.request(url, {
          method,
          headers: { ...headers, ...(body === undefined ? {} : json) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        expect(response.status, `${who}: ${method} ${url}`).toBe(status);
        // A token's use is recorded on the token; nothing else may change.
        if (who === 'an API token') db.prepare('UPDATE api_tokens SET last_used_at = NULL').run();
        expect(databaseDigest(db), `${who}: ${method} ${url}`).toBe(before);
      }
    db.prepare('UPDATE api_tokens SET last_used_at = NULL').run();
    for (const [method, url, body, status] of routes)
      expect((await call(method, url, admin, body)).status, `an admin: ${method} ${url}`).toBe(status);
  });
});

describe('inviting people', () => {
  test('an invitation shows its link to copy, and the link makes an account the person signs in with', async ({
    app,
    db,
    admin,
    call,
  }) => {
    const invited = await call('POST', '/api/people/invitations', admin, {
      email: 'Lucia@Agency.example',
      role: 'reporter',
      agencyCode: 'river',
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      mailed: false,
      invitation: { email: 'Lucia@Agency.example', role: 'reporter', state: 'pending', invitedBy: 'admin' },
    });
    expect(invited.body.mailError).toContain('no mail server');
    expect(invited.body.link).toMatch(/^http:\/\/localhost:\d+\/welcome\/[\w-]{20,}$/);
    expect(invited.body.expiresAt).toBe(later(7 * day).toISOString());
    const token = tokenOf(invited.body.link);

    const opened = await call('GET', `/api/account-links/invitation/${token}`);
    expect(opened).toMatchObject({
      status: 200,
      body: {
        email: 'Lucia@Agency.example',
        role: 'reporter',
        agency: { code: 'RIVER', name: 'River Street Advocates' },
        coalitionName: 'Test Coalition',
      },
    });
    // A weak password is refused in words, and the link still works.
    const weak = await call('POST', `/api/account-links/invitation/${token}`, undefined, {
      name: 'Lucia Reyes',
      password: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('weak-password');
    expect(weak.body.error.message).toContain('12 characters');

    const accepted = await call('POST', `/api/account-links/invitation/${token}`, undefined, {
      name: 'Lucia Reyes',
      password: newPassword,
    });
    expect(accepted).toEqual({ status: 201, body: { email: 'Lucia@Agency.example' } });
    const cookie = await signIn(app, 'lucia@agency.example', newPassword);
    const me = await call('GET', '/api/me', cookie);
    expect(me.body.user).toMatchObject({ name: 'Lucia Reyes', role: 'reporter', agency: { code: 'RIVER' } });

    // Once only.
    const again = await call('POST', `/api/account-links/invitation/${token}`, undefined, {
      name: 'Someone Else',
      password: 'another long passphrase here',
    });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('link-used');
    expect((await call('GET', `/api/account-links/invitation/${token}`)).status).toBe(410);

    const list = await call('GET', '/api/people', admin);
    expect(list.body.invitations[0]).toMatchObject({ email: 'Lucia@Agency.example', state: 'accepted' });
    expect(list.body.people.find((p: { email: string }) => p.email === 'Lucia@Agency.example')).toMatchObject(
      {
        name: 'Lucia Reyes',
        active: true,
        twoFactor: false,
        createdAt: testNow.toISOString(),
      },
    );
    // The audit log records the invitation and its acceptance, never the link.
    const audit = db.prepare("SELECT action, details FROM audit_log WHERE entity_type <> 'free-text'").all();
    expect(audit.map((entry) => (entry as { action: string }).action)).toEqual(
      expect.arrayContaining(['invite', 'accept-invitation']),
    );
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  test('an invitation works for 7 days and no longer', async ({ db, admin, call }) => {
    const invited = await call('POST', '/api/people/invitations', admin, {
      email: 'v@test.example',
      role: 'viewer',
    });
    const url = `/api/account-links/invitation/${tokenOf(invited.body.link)}`;
    expect((await call('GET', url, undefined, undefined, appAt(db, later(7 * day - 60_000)))).status).toBe(
      200,
    );
    const expired = await call(
      'POST',
      url,
      undefined,
      { name: 'Vi', password: newPassword },
      appAt(db, later(7 * day)),
    );
    expect(expired.status).toBe(410);
    expect(expired.body.error).toMatchObject({ code: 'link-expired' });
    expect(expired.body.error.message).toContain('Ask your coalition admin for a new one');
    expect(db.prepare("SELECT count(*) FROM users WHERE email = 'v@test.example'").pluck().get()).toBe(0);
  });

  test('resending makes a new link and the old one stops working; so does inviting the same address again', async ({
    admin,
    call,
  }) => {
    const first = await call('POST', '/api/people/invitations', admin, {
      email: 'v@test.example',
      role: 'viewer',
    });
    const resent = await call('POST', `/api/people/invitations/${first.body.invitation.id}/resend`, admin);
    expect(resent.status).toBe(201);
    expect(resent.body.link).not.toBe(first.body.link);
    const old = await call('GET', `/api/account-links/invitation/${tokenOf(first.body.link)}`);
    expect(old).toMatchObject({ status: 410, body: { error: { code: 'link-revoked' } } });
    expect((await call('GET', `/api/account-links/invitation/${tokenOf(resent.body.link)}`)).status).toBe(
      200,
    );

    const again = await call('POST', '/api/people/invitations', admin, {
      email: 'V@test.example',
      role: 'admin',
    });
    expect((await call('GET', `/api/account-links/invitation/${tokenOf(resent.body.link)}`)).status).toBe(
      410,
    );
    const opened = await call('GET', `/api/account-links/invitation/${tokenOf(again.body.link)}`);
    expect(opened.body.role).toBe('admin');

    const withdrawn = await call('DELETE', `/api/people/invitations/${again.body.invitation.id}`, admin);
    expect(withdrawn.body.invitation.state).toBe('withdrawn');
    expect((await call('GET', `/api/account-links/invitation/${tokenOf(again.body.link)}`)).status).toBe(410);
  });

  test('an address with an account is refused, pointing to a reset link; a reporter needs an agency', async ({
    db,
    admin,
    call,
  }) => {
    const before = databaseDigest(db);
    const taken = await call('POST', '/api/people/invitations', admin, {
      email: 'RIVER@test.example',
      role: 'viewer',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('already-has-account');
    expect(taken.body.error.message).toContain('reset link');
    const noAgency = await call('POST', '/api/people/invitations', admin, {
      email: 'x@test.example',
      role: 'reporter',
    });
    expect(noAgency.status).toBe(400);
    expect(noAgency.body.error.message).toContain('Choose the agency');
    const notEmail = await call('POST', '/api/people/invitations', admin, { email: 'lucia', role: 'viewer' });
    expect(notEmail.status).toBe(400);
    expect(databaseDigest(db)).toBe(before);
  });
});

describe('mail, through a real mail server', () => {
  let server: TestMailServer;
  beforeEach(async () => {
    server = await startTestMailServer();
  });
  afterEach(async () => {
    closeMailTransports();
    await server.close();
  });

  test('an invitation and a reset link arrive by mail with links that work', async ({ db, call }) => {
    const mailing = appAt(db, testNow, testConfig({ ...secret, SCOPE_SMTP_URL: server.url }));
    const admin = await signIn(mailing, 'admin@test.example');
    const invited = await call(
      'POST',
      '/api/people/invitations',
      admin,
      { email: 'lucia@agency.example', role: 'reporter', agencyCode: 'HILLS' },
      mailing,
    );
    expect(invited.body).toMatchObject({ mailed: true, mailError: null });
    const [mail] = await server.waitFor(1);
    expect(mail?.to).toEqual(['lucia@agency.example']);
    expect(mail?.subject).toBe('admin invites you to Scope, for Test Coalition');
    expect(mail?.text).toContain(invited.body.link);
    expect(mail?.text).toContain('a reporter for Hills Family Clinic');
    expect(mail?.text).toContain('works once');
    expect(mail?.text).toContain('admin@test.example');
    const mailedLink = /\/welcome\/\S+/.exec(mail?.text ?? '')?.[0] as string;
    const accepted = await call(
      'POST',
      `/api/account-links/invitation/${tokenOf(mailedLink)}`,
      undefined,
      { name: 'Lucia Reyes', password: newPassword },
      mailing,
    );
    expect(accepted.status).toBe(201);

    const river = db.prepare("SELECT id FROM users WHERE email = 'river@test.example'").pluck().get();
    const reset = await call('POST', `/api/people/${river}/reset-link`, admin, undefined, mailing);
    expect(reset.body).toMatchObject({ mailed: true });
    const [, resetMail] = await server.waitFor(2);
    expect(resetMail?.to).toEqual(['river@test.example']);
    expect(resetMail?.text).toContain(reset.body.link);
    const used = await call(
      'POST',
      `/api/account-links/reset/${tokenOf(reset.body.link)}`,
      undefined,
      { password: newPassword },
      mailing,
    );
    expect(used.status).toBe(200);
    await signIn(mailing, 'river@test.example', newPassword);
  });
});

describe('password reset links', () => {
  test('a reset link sets a new password once and ends every session of the person', async ({
    app,
    db,
    coalition,
    admin,
    call,
    signIn: signInAs,
  }) => {
    const river = await signInAs('river@test.example');
    const reset = await call('POST', `/api/people/${coalition.users.riverReporter}/reset-link`, admin);
    expect(reset.status).toBe(201);
    expect(reset.body).toMatchObject({ mailed: false, expiresAt: later(day).toISOString() });
    expect(reset.body.link).toContain('/reset-password/');
    const url = `/api/account-links/reset/${tokenOf(reset.body.link)}`;
    expect(await call('GET', url)).toMatchObject({ status: 200, body: { email: 'river@test.example' } });
    const named = await call('POST', url, undefined, { password: 'river@test.example!!' });
    expect(named.body.error.code).toBe('weak-password');

    expect((await call('POST', url, undefined, { password: newPassword })).status).toBe(200);
    expect((await call('GET', '/api/me', river)).status).toBe(401);
    await expect(signIn(app, 'river@test.example')).rejects.toThrow();
    await signIn(app, 'river@test.example', newPassword);
    expect(
      db
        .prepare('SELECT password_changed_at FROM users WHERE id = ?')
        .pluck()
        .get(coalition.users.riverReporter),
    ).toBe(testNow.toISOString());
    const again = await call('POST', url, undefined, { password: 'yet another long passphrase' });
    expect(again).toMatchObject({ status: 410, body: { error: { code: 'link-used' } } });
  });

  test('a reset link works for 24 hours, and a newer one replaces it', async ({
    db,
    coalition,
    admin,
    call,
  }) => {
    const first = await call('POST', `/api/people/${coalition.users.viewer}/reset-link`, admin);
    const second = await call('POST', `/api/people/${coalition.users.viewer}/reset-link`, admin);
    const firstUrl = `/api/account-links/reset/${tokenOf(first.body.link)}`;
    const secondUrl = `/api/account-links/reset/${tokenOf(second.body.link)}`;
    expect((await call('GET', firstUrl)).body.error.code).toBe('link-revoked');
    expect((await call('GET', secondUrl, undefined, undefined, appAt(db, later(day - 60_000)))).status).toBe(
      200,
    );
    const expired = await call(
      'POST',
      secondUrl,
      undefined,
      { password: newPassword },
      appAt(db, later(day)),
    );
    expect(expired).toMatchObject({ status: 410, body: { error: { code: 'link-expired' } } });
    expect((await call('GET', '/api/account-links/reset/not-a-link-scope-made')).status).toBe(404);
  });
});

describe('changing access', () => {
  test('the only admin can’t demote or deactivate themselves; with another admin, they still ask them', async ({
    db,
    coalition,
    admin,
    call,
  }) => {
    const me = coalition.users.admin;
    const before = databaseDigest(db);
    const demote = await call('PATCH', `/api/people/${me}`, admin, { role: 'viewer' });
    expect(demote).toMatchObject({ status: 409, body: { error: { code: 'last-admin' } } });
    expect(demote.body.error.message).toContain('Make someone else an admin first');
    expect((await call('POST', `/api/people/${me}/deactivate`, admin)).body.error.code).toBe('last-admin');
    expect(databaseDigest(db)).toBe(before);

    const other = insertUser(db, {
      email: 'second@test.example',
      name: 'Second Admin',
      passwordHash: 'x',
      role: 'admin',
      agencyId: null,
    });
    const own = await call('PATCH', `/api/people/${me}`, admin, { role: 'viewer' });
    expect(own).toMatchObject({ status: 409, body: { error: { code: 'own-access' } } });
    expect(own.body.error.message).toContain('Ask another admin');
    expect((await call('POST', `/api/people/${me}/deactivate`, admin)).body.error.code).toBe('own-access');
    // Another admin can be made a viewer; then this one is the last again.
    expect((await call('PATCH', `/api/people/${other}`, admin, { role: 'viewer' })).status).toBe(200);
    expect((await call('PATCH', `/api/people/${me}`, admin, { role: 'viewer' })).body.error.code).toBe(
      'last-admin',
    );
  });

  test('moving a reporter to another agency ends their session and stops their tokens', async ({
    app,
    coalition,
    admin,
    call,
    signIn: signInAs,
  }) => {
    const river = await signInAs('river@test.example');
    const made = await call('POST', '/api/agencies/RIVER/tokens', river, { name: 'Case system' });
    const bearer = { Authorization: `Bearer ${made.body.token.secret}` };
    const moved = await call('PATCH', `/api/people/${coalition.users.riverReporter}`, admin, {
      role: 'reporter',
      agencyCode: 'HILLS',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.person.agency).toEqual({ code: 'HILLS', name: 'Hills Family Clinic' });
    expect(moved.body.message).toContain('sessions have ended');
    expect(moved.body.message).toContain('API tokens');
    expect((await call('GET', '/api/me', river)).status).toBe(401);
    const fromSystem = await app.request('/api/agencies/RIVER/submissions', { headers: bearer });
    expect(fromSystem.status).toBe(401);
  });

  test('a deactivated person can’t sign in until reactivated; their sessions end', async ({
    app,
    db,
    coalition,
    admin,
    call,
    signIn: signInAs,
  }) => {
    const viewer = await signInAs('viewer@test.example');
    const off = await call('POST', `/api/people/${coalition.users.viewer}/deactivate`, admin);
    expect(off.body).toMatchObject({ changed: true, person: { active: false } });
    expect((await call('GET', '/api/me', viewer)).status).toBe(401);
    await expect(signIn(app, 'viewer@test.example')).rejects.toThrow();
    // A deactivated person gets no reset link, and one made before stops working.
    expect(
      (await call('POST', `/api/people/${coalition.users.viewer}/reset-link`, admin)).body.error.code,
    ).toBe('deactivated');
    const on = await call('POST', `/api/people/${coalition.users.viewer}/reactivate`, admin);
    expect(on.body).toMatchObject({ changed: true, person: { active: true } });
    await signIn(app, 'viewer@test.example');
    expect(
      db.prepare("SELECT action FROM audit_log WHERE action LIKE '%activate-user'").pluck().all(),
    ).toEqual(['deactivate-user', 'reactivate-user']);
  });

  test('turning off someone’s two-factor removes its secret and recovery codes and ends their sessions', async ({
    db,
    coalition,
    admin,
    call,
    signIn: signInAs,
  }) => {
    const id = coalition.users.viewer;
    const viewer = await signInAs('viewer@test.example');
    db.prepare(
      "UPDATE users SET totp_secret = 'sealed', totp_enabled_at = '2027-01-01T00:00:00.000Z', totp_last_step = 9 WHERE id = ?",
    ).run(id);
    db.prepare("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, 'a'), (?, 'b')").run(id, id);
    const listed = await call('GET', '/api/people', admin);
    expect(listed.body.people.find((p: { id: number }) => p.id === id).twoFactor).toBe(true);

    const off = await call('DELETE', `/api/people/${id}/two-factor`, admin);
    expect(off.status).toBe(200);
    expect(off.body.person.twoFactor).toBe(false);
    expect(
      db.prepare('SELECT totp_secret, totp_enabled_at, totp_last_step FROM users WHERE id = ?').get(id),
    ).toEqual({ totp_secret: null, totp_enabled_at: null, totp_last_step: null });
    expect(db.prepare('SELECT count(*) FROM recovery_codes WHERE user_id = ?').pluck().get(id)).toBe(0);
    expect((await call('GET', '/api/me', viewer)).status).toBe(401);
    expect((await call('DELETE', `/api/people/${id}/two-factor`, admin)).body.error.code).toBe(
      'two-factor-off',
    );
  });
});

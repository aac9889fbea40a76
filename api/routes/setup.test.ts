import { describe, expect } from 'vitest';
import { createApp } from '../app';
import { createApiTokenSecret } from '../auth/session';
import type { Db } from '../db';
import { insertApiToken } from '../queries/tokens';
import { createSetupLink, type SetupInput } from '../services/setup';
import { apiTest, databaseDigest, signIn, testConfig, testNow } from '../testing';

const config = testConfig();
const appAt = (db: Db, now = testNow) => createApp({ db, config, now: () => now });
const json = { 'Content-Type': 'application/json' };

const setupInput: SetupInput = {
  coalitionName: 'Central Valley Coalition Against Trafficking',
  shortName: 'CVCAT',
  counties: ['06019', '06047'],
  timeZone: 'America/Los_Angeles',
  deadlineDays: 30,
  firstPeriod: '2026Q4',
  adminTwoFactor: 'optional',
  adminName: 'Rosa Delgado',
  adminEmail: 'rosa@cvcat.example',
  password: 'orchard lantern quietly ninety',
};

const post = (app: ReturnType<typeof appAt>, token: string, body: unknown, headers = {}) =>
  app.request(`/api/setup/${token}`, {
    method: 'POST',
    headers: { ...json, ...headers },
    body: JSON.stringify(body),
  });

describe('a new coalition sets itself up with its link', () => {
  const test = apiTest.override({ seed: 'empty' });

  test('the link says it works, and offers the counties, time zones and defaults', async ({ db }) => {
    const { token } = createSetupLink(db, config, { now: testNow });
    const body = await (await appAt(db).request(`/api/setup/${token}`)).json();
    expect(body).toMatchObject({
      usable: true,
      email: null,
      form: {
        defaults: {
          timeZone: 'America/Los_Angeles',
          deadlineDays: 30,
          firstPeriod: '2027Q1',
          adminTwoFactor: 'required',
        },
        latestFirstPeriod: '2027Q1',
      },
    });
    const california = body.form.states.find((s: { code: string }) => s.code === 'CA');
    expect(california.counties).toHaveLength(58);
    expect(california.counties).toContainEqual({ fips: '06085', name: 'Santa Clara County', code: 'SCL' });
  });

  test('completing it makes an admin who signs in; the link then never works again', async ({ db }) => {
    const { token } = createSetupLink(db, config, { email: 'rosa@cvcat.example', now: testNow });
    const app = appAt(db);
    expect((await (await app.request(`/api/setup/${token}`)).json()).email).toBe('rosa@cvcat.example');

    const done = await post(app, token, setupInput);
    expect(done.status).toBe(201);
    expect(await done.json()).toEqual({
      coalition: { name: setupInput.coalitionName, shortName: 'CVCAT' },
      admin: { email: 'rosa@cvcat.example' },
    });
    const cookie = await signIn(app, setupInput.adminEmail, setupInput.password);
    const periods = await (await app.request('/api/periods', { headers: { Cookie: cookie } })).json();
    expect(periods.periods.map((p: { period: string }) => p.period)).toEqual(['2027Q1', '2026Q4']);

    const before = databaseDigest(db);
    const again = await post(app, token, { ...setupInput, adminEmail: 'other@cvcat.example' });
    expect(again.status).toBe(410);
    expect((await again.json()).error).toMatchObject({
      code: 'link-used',
      message: expect.stringContaining('works only once'),
    });
    expect(databaseDigest(db)).toBe(before);
    expect(await (await app.request(`/api/setup/${token}`)).json()).toMatchObject({
      usable: false,
      reason: 'used',
    });
  });

  test('after 24 hours the link has expired', async ({ db }) => {
    const { token } = createSetupLink(db, config, { now: testNow });
    const tomorrow = appAt(db, new Date(testNow.getTime() + 24 * 60 * 60 * 1000));
    expect(await (await tomorrow.request(`/api/setup/${token}`)).json()).toMatchObject({
      usable: false,
      reason: 'expired',
      message: expect.stringContaining('expired'),
    });
    const before = databaseDigest(db);
    const response = await post(tomorrow, token, setupInput);
    expect(response.status).toBe(410);
    expect((await response.json()).error.code).toBe('link-expired');
    expect(databaseDigest(db)).toBe(before);
  });

  test('an older link stops working when a newer one is printed', async ({ db }) => {
    const older = createSetupLink(db, config, { now: testNow });
    createSetupLink(db, config, { now: testNow });
    const response = await post(appAt(db), older.token, setupInput);
    expect((await response.json()).error.code).toBe('link-revoked');
  });

  test('a link Scope never made is not found', async ({ db }) => {
    const app = appAt(db);
    expect(await (await app.request('/api/setup/made-up')).json()).toMatchObject({
      usable: false,
      reason: 'unknown',
    });
    const response = await post(app, 'made-up', setupInput);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('link-unknown');
  });

  test('wrong fields come back by field, and change nothing', async ({ db }) => {
    const { token } = createSetupLink(db, config, { now: testNow });
    const before = databaseDigest(db);
    const response = await post(appAt(db), token, {
      ...setupInput,
      counties: ['06999'],
      password: 'too short',
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid-setup');
    expect(error.details.problems).toEqual({
      counties: expect.stringContaining('06999 is not a county Scope knows'),
      password: expect.stringContaining('at least 12 characters'),
    });
    expect(databaseDigest(db)).toBe(before);
  });

  test('a body that is not a set-up is refused before anything is checked', async ({ db }) => {
    const { token } = createSetupLink(db, config, { now: testNow });
    const before = databaseDigest(db);
    const response = await post(appAt(db), token, { coalitionName: 'Only this' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalid-request');
    expect(databaseDigest(db)).toBe(before);
  });

  test('a write from another website is refused', async ({ db }) => {
    const { token } = createSetupLink(db, config, { now: testNow });
    const before = databaseDigest(db);
    const response = await post(appAt(db), token, setupInput, { Origin: 'https://elsewhere.example' });
    expect(response.status).toBe(403);
    expect(databaseDigest(db)).toBe(before);
  });
});

describe('a coalition already set up is never set up again', () => {
  apiTest.for(['anonymous', 'admin', 'viewer', 'reporter', 'API token'] as const)(
    'as %s: refused, and nothing changes',
    async (caller, { db, coalition }) => {
      const { token } = createSetupLink(db, config, { now: testNow });
      const app = appAt(db);
      const emails = {
        admin: 'admin@test.example',
        viewer: 'viewer@test.example',
        reporter: 'river@test.example',
      };
      let headers: Record<string, string> = {};
      if (caller === 'API token') {
        const { secret, prefix, tokenHash } = createApiTokenSecret(config.sessionSecret);
        insertApiToken(db, {
          agencyId: coalition.agencies.river,
          name: 'Case system',
          prefix,
          tokenHash,
          maker: { id: coalition.users.riverReporter, role: 'reporter', agencyId: coalition.agencies.river },
          expiresAt: '2030-01-01T00:00:00.000Z',
        });
        headers = { Authorization: `Bearer ${secret}` };
      } else if (caller !== 'anonymous') headers = { Cookie: await signIn(app, emails[caller]) };

      // A token's use is recorded on it; that first use is not the refused write's doing.
      await app.request('/api/me', { headers });
      const before = databaseDigest(db);
      const response = await post(app, token, setupInput, headers);
      expect(response.status).toBe(caller === 'API token' ? 403 : 409);
      expect((await response.json()).error.code).toBe(
        caller === 'API token' ? 'forbidden' : 'already-set-up',
      );
      expect(databaseDigest(db)).toBe(before);
    },
  );
});

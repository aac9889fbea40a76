import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test as plainTest } from 'vitest';
import { createApp } from '../app';
import { createApiTokenSecret } from '../auth/session';
import { type Db, migrate, openDatabase, readMigrations } from '../db';
import { readDefaultCatalog } from '../queries/catalog';
import { insertApiToken } from '../queries/tokens';
import { type Role, setUserActive, setUserRole } from '../queries/users';
import {
  apiTest,
  consistentQuarter,
  seedSmallCoalition,
  signIn as signInTo,
  type TestApp,
  testConfig,
  testNow,
} from '../testing';

const catalog = readDefaultCatalog();

const json = { 'Content-Type': 'application/json' };

/** Three quarters of history, River Street's reporter signed in, and making a token as someone. */
const test = apiTest
  .override({ seed: 'history' })
  .extend('river', ({ signIn }) => signIn('river@test.example'))
  .extend(
    'createToken',
    ({ app }) =>
      async (cookie: string, agency = 'RIVER', name = 'Case management export', lifetimeDays?: number) =>
        app.request(`/api/agencies/${agency}/tokens`, {
          method: 'POST',
          headers: { Cookie: cookie, ...json },
          body: JSON.stringify({ name, lifetimeDays }),
        }),
  );
const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

/** Token secrets are keyed hashes: apps that must accept each other's tokens share the key. */
const fixedSecret = testConfig({ SCOPE_SESSION_SECRET: 'a fixed key for the token tests, 32+ chars' });
const appAt = (db: Db, iso: string) => createApp({ db, config: fixedSecret, now: () => new Date(iso) });

describe('API tokens for agency systems', () => {
  test('made once, shown once, stored only as a hash, listed without the secret', async ({
    app,
    createToken,
    db,
    river,
  }) => {
    const response = await createToken(river);
    expect(response.status).toBe(201);
    const { token } = await response.json();
    expect(token).toMatchObject({
      name: 'Case management export',
      createdBy: 'river',
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(token.secret).toMatch(/^scope_[\w-]{43}$/);
    expect(token.secret.startsWith(token.prefix)).toBe(true);

    const stored = db.prepare('SELECT token_hash FROM api_tokens').pluck().get() as string;
    expect(stored).not.toContain(token.secret);
    const list = await (
      await app.request('/api/agencies/RIVER/tokens', { headers: { Cookie: river } })
    ).json();
    expect(list.tokens).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(token.secret);
    expect(db.prepare("SELECT action FROM audit_log WHERE entity_type = 'api-token'").pluck().all()).toEqual([
      'create-token',
    ]);
  });

  test("a token reads and writes its own agency's quarter and submits, acting as a reporter", async ({
    app,
    createToken,
    db,
    river,
  }) => {
    const { token } = await (await createToken(river)).json();
    const put = await app.request('/api/submissions/RIVER/2026Q4/values', {
      method: 'PUT',
      headers: { ...bearer(token.secret), ...json },
      body: JSON.stringify({ values: consistentQuarter(catalog, 'victim_services') }),
    });
    expect(put.status).toBe(200);
    const got = await app.request('/api/submissions/RIVER/2026Q4/values', { headers: bearer(token.secret) });
    expect((await got.json()).values.survivors_served).toBe(2);
    const submit = await app.request('/api/submissions/RIVER/2026Q4/submit', {
      method: 'POST',
      headers: { ...bearer(token.secret), ...json },
      body: '{}',
    });
    expect(await submit.json()).toMatchObject({ status: 'submitted', revision: 1 });
    const audit = db.prepare("SELECT details FROM audit_log WHERE action = 'submit'").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ tokenId: token.id, agency: 'RIVER', period: '2026Q4' });
    const list = await (
      await app.request('/api/agencies/RIVER/tokens', { headers: { Cookie: river } })
    ).json();
    expect(list.tokens[0].lastUsedAt).not.toBeNull();
  });

  test("a token can't reach another agency, review, or make more tokens", async ({
    app,
    createToken,
    river,
  }) => {
    const { token } = await (await createToken(river)).json();
    expect(
      (await app.request('/api/submissions/HILLS/2026Q3', { headers: bearer(token.secret) })).status,
    ).toBe(404);
    expect(
      (
        await app.request('/api/submissions/RIVER/2026Q4/approve', {
          method: 'POST',
          headers: bearer(token.secret),
        })
      ).status,
    ).toBe(403);
    const more = await app.request('/api/agencies/RIVER/tokens', {
      method: 'POST',
      headers: { ...bearer(token.secret), ...json },
      body: JSON.stringify({ name: 'another' }),
    });
    expect(more.status).toBe(404);
  });

  test('a revoked or made-up token is refused with a clear message', async ({ app, createToken, river }) => {
    const { token } = await (await createToken(river)).json();
    const revoke = await app.request(`/api/agencies/RIVER/tokens/${token.id}`, {
      method: 'DELETE',
      headers: { Cookie: river },
    });
    expect(revoke.status).toBe(200);
    for (const secret of [token.secret, 'scope_made-up']) {
      const response = await app.request('/api/submissions/RIVER/2026Q4', { headers: bearer(secret) });
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe('invalid-token');
    }
    const list = await (
      await app.request('/api/agencies/RIVER/tokens', { headers: { Cookie: river } })
    ).json();
    expect(list.tokens[0].revokedAt).not.toBeNull();
  });

  test("only an agency's own reporters make its tokens; admins see and revoke them; viewers nothing", async ({
    app,
    createToken,
    river,
    signIn,
  }) => {
    expect((await createToken(await signIn('hills@test.example'), 'RIVER')).status).toBe(404);
    expect((await createToken(await signIn('viewer@test.example'), 'RIVER')).status).toBe(404);
    const admin = await signIn('admin@test.example');
    const refused = await createToken(admin, 'RIVER');
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/Only River Street Advocates's own reporters/);
    const blank = await createToken(river, 'RIVER', '  ');
    expect(blank.status).toBe(400);
    expect((await blank.json()).error.message).toMatch(/Give the token a name/);

    const { token } = await (await createToken(river)).json();
    const list = await (
      await app.request('/api/agencies/RIVER/tokens', { headers: { Cookie: admin } })
    ).json();
    expect(list.tokens.map((t: { id: number }) => t.id)).toEqual([token.id]);
    const revoke = await app.request(`/api/agencies/RIVER/tokens/${token.id}`, {
      method: 'DELETE',
      headers: { Cookie: admin },
    });
    expect(revoke.status).toBe(200);
    expect(
      (await app.request('/api/submissions/RIVER/2026Q4', { headers: bearer(token.secret) })).status,
    ).toBe(401);
  });
});

/** A reporter's token, and what happens to it as time passes and its maker's access changes. */
const lifetimes = test.extend('riverToken', async ({ createToken, river }) => {
  const { token } = await (await createToken(river)).json();
  return token as { id: number; secret: string; expiresAt: string };
});

describe('how long a token works', () => {
  const readsRiver = (app: TestApp, secret: string) =>
    app.request('/api/submissions/RIVER/2026Q4', { headers: bearer(secret) });

  lifetimes(
    'a token lasts a year unless a shorter lifetime is chosen, and not a moment longer',
    async ({ createToken, db, river, riverToken, signIn }) => {
      expect(riverToken.expiresAt).toBe('2028-01-10T17:00:00.000Z');
      const made = appAt(db, testNow.toISOString());
      const response = await made.request('/api/agencies/RIVER/tokens', {
        method: 'POST',
        headers: { Cookie: await signIn('river@test.example', made), ...json },
        body: JSON.stringify({ name: 'Trial export', lifetimeDays: 30 }),
      });
      const { token } = await response.json();
      expect(token.expiresAt).toBe('2027-02-09T17:00:00.000Z');
      expect((await readsRiver(appAt(db, '2027-02-09T16:59:59.000Z'), token.secret)).status).toBe(200);
      const expired = await readsRiver(appAt(db, '2027-02-09T17:00:00.000Z'), token.secret);
      expect(expired.status).toBe(401);
      expect((await expired.json()).error.code).toBe('invalid-token');

      const tooLong = await createToken(river, 'RIVER', 'Forever', 3650);
      expect(tooLong.status).toBe(400);
      expect((await tooLong.json()).error.message).toMatch(/30 days, 90 days or 1 year/);
    },
  );

  lifetimes.for([
    ['is moved to another agency', { role: 'reporter', agency: 'hills' }],
    ['becomes a viewer', { role: 'viewer', agency: null }],
    ['becomes an admin', { role: 'admin', agency: null }],
  ] as const)(
    'a token stops working the moment its maker %s',
    async ([, access], { app, coalition, db, riverToken }) => {
      const agencyId = access.agency === null ? null : coalition.agencies[access.agency];
      setUserRole(db, coalition.users.riverReporter, { role: access.role, agencyId }, testNow.toISOString());
      expect((await readsRiver(app, riverToken.secret)).status).toBe(401);
      expect(
        (await app.request('/api/submissions/HILLS/2026Q4', { headers: bearer(riverToken.secret) })).status,
      ).toBe(401);
    },
  );

  lifetimes(
    'a token dies with its maker’s access however their record was changed, and moving them back does not revive it',
    async ({ app, db, riverToken }) => {
      const moveRiver = (agency: string) =>
        db
          .prepare(
            "UPDATE users SET agency_id = (SELECT id FROM org_units WHERE code = ?) WHERE email = 'river@test.example'",
          )
          .run(agency);
      moveRiver('HILLS');
      expect((await readsRiver(app, riverToken.secret)).status).toBe(401);
      moveRiver('RIVER');
      expect((await readsRiver(app, riverToken.secret)).status).toBe(401);
      expect(
        db.prepare('SELECT revoked_at IS NOT NULL FROM api_tokens WHERE id = ?').pluck().get(riverToken.id),
      ).toBe(1);
    },
  );

  lifetimes(
    'deactivating its maker revokes a token for good',
    async ({ app, coalition, db, river, riverToken }) => {
      setUserActive(db, coalition.users.riverReporter, false, testNow.toISOString());
      expect((await readsRiver(app, riverToken.secret)).status).toBe(401);
      setUserActive(db, coalition.users.riverReporter, true, testNow.toISOString());
      expect((await readsRiver(app, riverToken.secret)).status).toBe(401);
      const fresh = await signInTo(app, 'river@test.example');
      const list = await (
        await app.request('/api/agencies/RIVER/tokens', { headers: { Cookie: fresh } })
      ).json();
      expect(list.tokens[0].revokedAt).toBe(testNow.toISOString());
      expect(river).not.toBe(fresh);
    },
  );

  apiTest("no token lets an admin write an agency's numbers", async ({ coalition, db }) => {
    const app = appAt(db, testNow.toISOString());
    // As if an admin had made one before only reporters could: the token is refused outright,
    // while one made the same way by the agency's reporter works.
    const plant = (maker: { id: number; role: Role; agencyId: number | null }) => {
      const { secret, prefix, tokenHash } = createApiTokenSecret(fixedSecret.sessionSecret);
      insertApiToken(db, {
        agencyId: coalition.agencies.river,
        name: 'Planted',
        prefix,
        tokenHash,
        maker,
        expiresAt: '2030-01-01T00:00:00.000Z',
      });
      return secret;
    };
    const put = (secret: string) =>
      app.request('/api/submissions/RIVER/2026Q4/values', {
        method: 'PUT',
        headers: { ...bearer(secret), ...json },
        body: JSON.stringify({ values: consistentQuarter(catalog, 'victim_services') }),
      });
    const admins = plant({ id: coalition.users.admin, role: 'admin', agencyId: null });
    expect((await put(admins)).status).toBe(401);
    expect((await readsRiver(app, admins)).status).toBe(401);
    const reporters = plant({
      id: coalition.users.riverReporter,
      role: 'reporter',
      agencyId: coalition.agencies.river,
    });
    expect((await put(reporters)).status).toBe(200);
  });
});

describe('tokens made before lifetimes', () => {
  plainTest(
    'get a year from when they were made, keep their names as kept texts; those an admin made for an agency are revoked',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'scope-tokens-'));
      const db = openDatabase(join(dir, 'scope.db'));
      try {
        migrate(
          db,
          readMigrations().filter((m) => m.version < 7),
        );
        const { agencies, users } = seedSmallCoalition(db);
        const insert = db.prepare(
          'INSERT INTO api_tokens (agency_id, name, prefix, token_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        );
        const madeAt = '2026-03-01T10:00:00.000Z';
        insert.run(agencies.river, 'Reporter made', 'scope_aaaa', 'hash-1', users.riverReporter, madeAt);
        insert.run(agencies.hills, 'Admin made', 'scope_bbbb', 'hash-2', users.admin, madeAt);
        migrate(db);
        const rows = db
          .prepare(
            `SELECT n.text AS name, t.expires_at AS expiresAt, t.maker_role AS makerRole, t.revoked_at IS NOT NULL AS revoked
           FROM api_tokens t JOIN free_texts n ON n.id = t.name_id ORDER BY t.id`,
          )
          .all();
        expect(rows).toEqual([
          { name: 'Reporter made', expiresAt: '2027-03-01T10:00:00.000Z', makerRole: 'reporter', revoked: 0 },
          { name: 'Admin made', expiresAt: '2027-03-01T10:00:00.000Z', makerRole: 'admin', revoked: 1 },
        ]);
      } finally {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('the completeness matrix', () => {
  test('agencies × quarters with status and lateness, filtered by county and type', async ({
    app,
    river,
    signIn,
  }) => {
    const admin = await signIn('admin@test.example');
    const body = await (
      await app.request('/api/completeness?quarters=3', { headers: { Cookie: admin } })
    ).json();
    expect(
      body.periods.map((p: { code: string; pastDeadline: boolean }) => [p.code, p.pastDeadline]),
    ).toEqual([
      ['2026Q4', false],
      ['2026Q3', true],
      ['2026Q2', true],
    ]);
    expect(body.counties).toEqual([
      { code: 'SBN', name: 'San Benito County' },
      { code: 'SCL', name: 'Santa Clara County' },
    ]);
    const riverRow = body.agencies.find((a: { code: string }) => a.code === 'RIVER');
    expect(riverRow).toMatchObject({ type: 'victim_services', county: 'SCL' });
    expect(riverRow.cells).toEqual({
      '2026Q4': { status: 'draft', late: false, revision: 0 },
      '2026Q3': { status: 'returned', late: false, revision: 1 },
      '2026Q2': { status: 'approved', late: true, revision: 1 },
    });
    const sbn = await (
      await app.request('/api/completeness?county=SBN', { headers: { Cookie: admin } })
    ).json();
    expect(sbn.agencies.map((a: { code: string }) => a.code)).toEqual(['HILLS']);
    const shelters = await (
      await app.request('/api/completeness?type=shelter_housing', { headers: { Cookie: admin } })
    ).json();
    expect(shelters.agencies).toEqual([]);
    expect((await app.request('/api/completeness?type=castle', { headers: { Cookie: admin } })).status).toBe(
      400,
    );
    expect((await app.request('/api/completeness', { headers: { Cookie: river } })).status).toBe(403);
  });
});

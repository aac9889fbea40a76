import { describe, expect } from 'vitest';
import type { Db } from '../db';
import { apiTest, databaseDigest } from '../testing';

const json = { 'Content-Type': 'application/json' };

type Caller = 'anonymous' | 'reporter' | 'viewer' | 'admin' | 'token';

/** The details of every audit entry of an action, oldest first. */
const audited = (db: Db, action: string) =>
  (
    db.prepare('SELECT details FROM audit_log WHERE action = ? ORDER BY id').pluck().all(action) as string[]
  ).map((details) => JSON.parse(details));

/**
 * Three quarters of history, and a request as any caller: each signs in (or River's reporter makes
 * an API token) once per test, so a request's own writes can be told from signing in.
 */
const test = apiTest.override({ seed: 'history' }).extend('call', ({ app, signIn }) => {
  const emails: Record<Exclude<Caller, 'anonymous' | 'token'>, string> = {
    reporter: 'river@test.example',
    viewer: 'viewer@test.example',
    admin: 'admin@test.example',
  };
  const credentials = new Map<Caller, Record<string, string>>([['anonymous', {}]]);
  const credentialsOf = async (caller: Caller) => {
    const known = credentials.get(caller);
    if (known) return known;
    let made: Record<string, string>;
    if (caller === 'token') {
      const cookie = await signIn('river@test.example');
      const response = await app.request('/api/agencies/RIVER/tokens', {
        method: 'POST',
        headers: { Cookie: cookie, ...json },
        body: JSON.stringify({ name: 'Case system' }),
      });
      made = { Authorization: `Bearer ${(await response.json()).token.secret}` };
    } else made = { Cookie: await signIn(emails[caller as keyof typeof emails]) };
    credentials.set(caller, made);
    return made;
  };
  return async (caller: Caller, method: string, path: string, body?: unknown) => {
    const headers = { ...(await credentialsOf(caller)), ...(body === undefined ? {} : json) };
    return app.request(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };
});

const newAgency = {
  name: 'Valley Legal Aid',
  type: 'legal_services',
  homeCounty: 'SCL',
  countiesServed: ['SBN'],
  firstPeriod: '2026Q3',
};

const writes: Array<[string, string, unknown]> = [
  ['POST', '/api/agencies', newAgency],
  ['PATCH', '/api/agencies/HILLS', { name: 'Hills Family Health' }],
  ['POST', '/api/agencies/HILLS/deactivate', undefined],
  ['POST', '/api/agencies/HILLS/reactivate', undefined],
  ['DELETE', '/api/agencies/HILLS', undefined],
];

describe('who may manage agencies', () => {
  test.for(
    writes.flatMap(([method, path, body]) =>
      (
        [
          ['anonymous', 401],
          ['reporter', 403],
          ['viewer', 403],
          ['token', 403],
        ] as const
      ).map(([caller, status]) => [caller, method, path, body, status] as const),
    ),
  )(
    '%s: %s %s is refused and changes nothing',
    async ([caller, method, path, body, status], { call, db }) => {
      // Signed in (and the token used) once already, so only the refused request itself could write.
      await call(caller, 'GET', '/api/periods');
      const before = databaseDigest(db);
      const response = await call(caller, method, path, body);
      expect(response.status).toBe(status);
      expect(databaseDigest(db)).toBe(before);
    },
  );

  test('the list: an admin sees every agency, a reporter only their own, others none', async ({ call }) => {
    const admin = await (await call('admin', 'GET', '/api/agencies')).json();
    expect(admin.agencies.map((a: { code: string }) => a.code)).toEqual(['HILLS', 'RIVER']);
    expect(admin.counties).toEqual([
      { code: 'SBN', name: 'San Benito County' },
      { code: 'SCL', name: 'Santa Clara County' },
    ]);
    expect(admin.agencies[1]).toMatchObject({
      homeCounty: 'SCL',
      firstPeriod: null,
      active: true,
      reporters: [{ name: 'river', email: 'river@test.example' }],
      hasReported: true,
      firstReport: '2026Q2',
      latestReport: '2026Q3',
    });
    expect(admin.quarters).toContain('2026Q2');
    const reporter = await (await call('reporter', 'GET', '/api/agencies')).json();
    expect(reporter).toEqual({
      agencies: [{ code: 'RIVER', name: 'River Street Advocates', type: 'victim_services' }],
    });
    expect((await call('viewer', 'GET', '/api/agencies')).status).toBe(403);
    expect((await call('token', 'GET', '/api/agencies')).status).toBe(403);
    expect((await call('anonymous', 'GET', '/api/agencies')).status).toBe(401);
  });
});

describe('adding and changing an agency', () => {
  test('an agency is added with a code proposed from its name, serving its home county too, audited', async ({
    call,
    db,
  }) => {
    const response = await call('admin', 'POST', '/api/agencies', newAgency);
    expect(response.status).toBe(201);
    const { agency } = await response.json();
    expect(agency).toMatchObject({
      code: 'VALLEY',
      name: 'Valley Legal Aid',
      homeCounty: 'SCL',
      countiesServed: ['SBN', 'SCL'],
      firstPeriod: '2026Q3',
      active: true,
      reporters: [],
      hasReported: false,
    });
    expect(audited(db, 'create-agency')[0]).toMatchObject({ code: 'VALLEY', firstPeriod: '2026Q3' });
  });

  test.for<[string, object, RegExp]>([
    ['a one-letter name', { ...newAgency, name: 'V' }, /name, at least 2 characters/],
    ['a code with spaces', { ...newAgency, code: 'no spaces' }, /2 to 16 capital letters or digits/],
    ['an unknown type', { ...newAgency, type: 'bakery' }, /what kind of agency/],
    [
      'a home county not the coalition’s',
      { ...newAgency, homeCounty: 'LAX' },
      /"LAX" is not one of the coalition's counties/,
    ],
    [
      'counties served not the coalition’s',
      { ...newAgency, countiesServed: ['LAX', 'ORA'] },
      /LAX, ORA are not among the coalition's counties/,
    ],
    ['a first quarter that is a month', { ...newAgency, firstPeriod: '2026-04' }, /Not a quarter/],
  ])('%s is refused with words and changes nothing', async ([, body, words], { call, db }) => {
    await call('admin', 'GET', '/api/me');
    const before = databaseDigest(db);
    const response = await call('admin', 'POST', '/api/agencies', body);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(words);
    expect(databaseDigest(db)).toBe(before);
  });

  test('a code already used by an agency or a county is refused', async ({ call, db }) => {
    for (const code of ['RIVER', 'SCL']) {
      const response = await call('admin', 'POST', '/api/agencies', { ...newAgency, code });
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ error: { code: 'agency-code-taken' } });
    }
    const renamed = await call('admin', 'PATCH', '/api/agencies/HILLS', { code: 'river' });
    expect(renamed.status).toBe(409);
    expect(db.prepare("SELECT count(*) FROM org_units WHERE level = 'agency'").pluck().get()).toBe(2);
  });

  test('a proposed code that is taken gets the next words, then a number', async ({ call }) => {
    const first = await (
      await call('admin', 'POST', '/api/agencies', { ...newAgency, name: 'River Clinic' })
    ).json();
    expect(first.agency.code).toBe('RIVERCLINIC');
    const second = await (
      await call('admin', 'POST', '/api/agencies', { ...newAgency, name: 'River Clinic' })
    ).json();
    expect(second.agency.code).toBe('RIVER2');
  });

  test('a change is audited with what it was and what it is', async ({ call, db }) => {
    const response = await call('admin', 'PATCH', '/api/agencies/HILLS', {
      name: 'Hills Family Health',
      countiesServed: ['SCL'],
    });
    expect(response.status).toBe(200);
    expect((await response.json()).agency).toMatchObject({
      name: 'Hills Family Health',
      homeCounty: 'SBN',
      countiesServed: ['SBN', 'SCL'],
    });
    expect(audited(db, 'change-agency')[0]).toEqual({
      code: 'HILLS',
      before: { name: 'Hills Family Clinic', countiesServed: [] },
      after: { name: 'Hills Family Health', countiesServed: ['SBN', 'SCL'] },
    });
  });

  test("an agency that has reported keeps its code, and its first quarter can't pass its first report", async ({
    call,
    db,
  }) => {
    await call('admin', 'GET', '/api/me');
    const code = await call('admin', 'PATCH', '/api/agencies/RIVER', { code: 'RIVERST' });
    expect(code.status).toBe(409);
    expect((await code.json()).error).toMatchObject({ code: 'agency-code-fixed' });
    const first = await call('admin', 'PATCH', '/api/agencies/RIVER', { firstPeriod: '2026Q3' });
    expect(first.status).toBe(400);
    expect((await first.json()).error.message).toBe(
      "River Street Advocates already reported for 2026Q2, so its first quarter can't be later than that.",
    );
    expect(db.prepare("SELECT code, first_period FROM org_units WHERE code LIKE 'RIVER%'").all()).toEqual([
      { code: 'RIVER', first_period: null },
    ]);
    const earlier = await call('admin', 'PATCH', '/api/agencies/RIVER', { firstPeriod: '2026Q2' });
    expect(earlier.status).toBe(200);
  });

  test('an agency that never reported can change its code', async ({ call }) => {
    await call('admin', 'POST', '/api/agencies', newAgency);
    const response = await call('admin', 'PATCH', '/api/agencies/VALLEY', { code: 'VLA' });
    expect(response.status).toBe(200);
    expect((await response.json()).agency.code).toBe('VLA');
    expect((await call('admin', 'PATCH', '/api/agencies/VALLEY', { name: 'x2' })).status).toBe(404);
  });
});

describe('deactivating, reactivating and deleting', () => {
  test("deactivating deactivates its reporters, ends their sessions and revokes their tokens; reactivating doesn't bring them back", async ({
    call,
    db,
  }) => {
    // River's reporter makes a token and stays signed in.
    const tokenCall = await call('token', 'GET', '/api/me');
    expect(tokenCall.status).toBe(200);
    const response = await call('admin', 'POST', '/api/agencies/RIVER/deactivate');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.deactivatedPeople).toEqual([{ name: 'river', email: 'river@test.example' }]);
    expect(body.agency).toMatchObject({ active: false, reporters: [] });
    const river = db.prepare("SELECT id, active FROM users WHERE email = 'river@test.example'").get() as {
      id: number;
      active: number;
    };
    expect(river.active).toBe(0);
    expect(db.prepare('SELECT count(*) FROM sessions WHERE user_id = ?').pluck().get(river.id)).toBe(0);
    expect(
      db
        .prepare('SELECT count(*) FROM api_tokens WHERE created_by = ? AND revoked_at IS NULL')
        .pluck()
        .get(river.id),
    ).toBe(0);
    expect(audited(db, 'deactivate-agency')[0]).toEqual({ code: 'RIVER', deactivatedPeople: [river.id] });

    const back = await call('admin', 'POST', '/api/agencies/RIVER/reactivate');
    expect((await back.json()).agency).toMatchObject({ active: true, reporters: [] });
    expect(db.prepare('SELECT active FROM users WHERE id = ?').pluck().get(river.id)).toBe(0);
    expect(audited(db, 'reactivate-agency')).toHaveLength(1);
  });

  test('an agency that has reported or has people is not deleted: deactivate it instead', async ({
    call,
    db,
  }) => {
    await call('admin', 'GET', '/api/me');
    const before = databaseDigest(db);
    const response = await call('admin', 'DELETE', '/api/agencies/RIVER');
    expect(response.status).toBe(409);
    const { error } = await response.json();
    expect(error.code).toBe('agency-has-history');
    expect(error.message).toMatch(
      /because it has reports and people have been given access to it\. Deactivate it instead/,
    );
    expect(databaseDigest(db)).toBe(before);
  });

  test('an agency added by mistake is deleted, audited', async ({ call, db }) => {
    await call('admin', 'POST', '/api/agencies', newAgency);
    const response = await call('admin', 'DELETE', '/api/agencies/VALLEY');
    expect(response.status).toBe(200);
    expect(db.prepare("SELECT count(*) FROM org_units WHERE code = 'VALLEY'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM agency_counties').pluck().get()).toBe(0);
    expect(audited(db, 'delete-agency')[0]).toMatchObject({ code: 'VALLEY', name: 'Valley Legal Aid' });
  });
});

import { describe, expect, onTestFinished } from 'vitest';
import { parseQuarter, type Quarter } from '../domain/periods';
import { insertOrgUnit, setAgencyCounties } from '../queries/orgUnits';
import { getPeriodByCode, insertPeriod } from '../queries/periods';
import { apiTest, createTestApp, createTestDb, databaseDigest, seedSmallHistory } from '../testing';

type Who = 'anonymous' | 'reporter' | 'viewer' | 'admin' | 'token';
const everyone: Who[] = ['anonymous', 'reporter', 'viewer', 'admin', 'token'];
const emails: Record<Exclude<Who, 'anonymous' | 'token'>, string> = {
  reporter: 'river@test.example',
  viewer: 'viewer@test.example',
  admin: 'admin@test.example',
};

/** A request as anyone: signed in as each role, with RIVER's API token, or nobody. */
const test = apiTest.extend('call', async ({ app, signIn }) => {
  const headers: Partial<Record<Who, Record<string, string>>> = {};
  for (const who of ['reporter', 'viewer', 'admin'] as const)
    headers[who] = { Cookie: await signIn(emails[who]) };
  const made = await app.request('/api/agencies/RIVER/tokens', {
    method: 'POST',
    headers: { ...headers.reporter, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Case system' }),
  });
  headers.token = {
    Authorization: `Bearer ${((await made.json()) as { token: { secret: string } }).token.secret}`,
  };
  // Its first use marks it used; later ones change nothing more.
  await app.request('/api/me', { headers: headers.token });
  return (who: Who, method: string, path: string, body?: unknown) =>
    app.request(`/api${path}`, {
      method,
      headers: { ...headers[who], ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
});

// biome-ignore lint/suspicious/noExplicitAny: the tests read response bodies of several shapes.
const json = async (response: Response) => (await response.json()) as Record<string, any>;

type Call = (who: Who, method: string, path: string, body?: unknown) => Response | Promise<Response>;
const patch = (call: Call, body: unknown) => call('admin', 'PATCH', '/settings', body);
const settingsOf = async (call: Call) => (await json(await call('admin', 'GET', '/settings'))).settings;

/** The small coalition's two counties, named by their FIPS codes, and Alameda. */
const santaClara = '06085';
const sanBenito = '06069';
const alameda = '06001';
const alpineFips = '06003';

describe('who may see and change the settings', () => {
  test('only admins, as people: everyone else is refused and nothing changes', async ({ call, db }) => {
    const matrix = [
      ['GET', undefined],
      ['PATCH', { deadlineDays: 45, name: 'Renamed Coalition' }],
    ] as const;
    for (const [method, body] of matrix)
      for (const who of everyone) {
        const before = databaseDigest(db);
        const response = await call(who, method, '/settings', body);
        const expected = who === 'admin' ? 200 : who === 'anonymous' ? 401 : 403;
        expect({ who, method, status: response.status }).toEqual({ who, method, status: expected });
        if (response.status >= 400) expect(databaseDigest(db)).toBe(before);
      }
    expect((await settingsOf(call)).profile).toMatchObject({ name: 'Renamed Coalition', deadlineDays: 45 });
  });

  test('anyone sees the coalition’s name and counties', async ({ call }) => {
    for (const who of everyone) {
      const response = await call(who, 'GET', '/coalition');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        name: 'Test Coalition',
        shortName: 'TEST',
        counties: ['San Benito County', 'Santa Clara County'],
        states: [],
      });
    }
  });
});

test('before set-up, the coalition is nameless', async () => {
  const empty = createTestDb();
  const app = createTestApp(empty.db);
  onTestFinished(empty.cleanup);
  expect(await (await app.request('/api/coalition')).json()).toEqual({
    name: null,
    shortName: null,
    counties: [],
    states: [],
  });
});

describe('a change is checked whole', () => {
  test.for([
    [{ name: 'AB' }, 'name: The coalition’s name needs at least 3 characters.'],
    [{ name: 'x'.repeat(121) }, 'name: The coalition’s name can be at most 120 characters.'],
    [{ shortName: 'S' }, 'shortName: The short name needs at least 2 characters.'],
    [{ shortName: 'x'.repeat(25) }, 'shortName: The short name can be at most 24 characters.'],
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone: “Mars/Olympus_Mons” is not a time zone Scope knows'],
    [
      { deadlineDays: 0 },
      'deadlineDays: The reporting deadline must be at least 1 day after a quarter ends.',
    ],
    [{ deadlineDays: 121 }, 'deadlineDays: The reporting deadline can be at most 120 days'],
    [{ deadlineDays: 30.5 }, 'deadlineDays: The reporting deadline is a whole number of days.'],
    [{ firstPeriod: '2026Q5' }, 'firstPeriod: The first quarter is a quarter, like 2026Q1.'],
    [
      { adminTwoFactor: 'sometimes' },
      'adminTwoFactor: Two-factor sign-in for admins is "required" or "optional".',
    ],
    [{ counties: ['99999'] }, 'counties.0: 99999 is not a county Scope knows: choose one from the list.'],
    [{ counties: [] }, 'counties: The coalition serves at least one county.'],
    [{ counties: [alameda, alameda] }, 'counties: A county is listed twice.'],
    [{ thresholds: { public: 4 } }, 'thresholds.public: The public threshold must be at least 5'],
    [{ thresholds: { coalition: 2 } }, 'thresholds.coalition: The members’ threshold must be at least 3'],
    [{ publication: { provisionalShare: 0.4 } }, 'The provisional share must be from 0.5 to 1.'],
    [
      { publication: { countyBreakdownAgencies: 2.5 } },
      'The agencies a county needs for its breakdowns is a whole number.',
    ],
    [
      { confidentialReports: 'no' },
      'confidentialReports: Whether exact reports are allowed is true or false.',
    ],
    [{ colour: 'teal' }, 'colour'],
  ] as const)('%j is refused, and nothing changes', async ([body, message], { call, db }) => {
    const before = databaseDigest(db);
    const response = await patch(call, body);
    expect(response.status).toBe(400);
    const { error } = await json(response);
    expect(error.code).toBe('invalid-request');
    expect(error.message).toContain(message);
    expect(databaseDigest(db)).toBe(before);
  });

  test('a threshold below its minimum refuses the whole change', async ({ call, db }) => {
    const before = databaseDigest(db);
    const response = await patch(call, {
      name: 'Renamed Coalition',
      deadlineDays: 60,
      counties: [alameda],
      confidentialReports: false,
      thresholds: { coalition: 4, public: 3 },
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error.message).toContain('The public threshold must be at least 5');
    expect(databaseDigest(db)).toBe(before);
    const settings = await settingsOf(call);
    expect(settings.profile.name).toBe('Test Coalition');
    expect(settings.thresholds.policy).toEqual({ coalition: 5, public: 11 });
    expect(settings.reports.confidentialReports).toBe(true);
  });

  test('every part is written, each group audited once', async ({ call, db }) => {
    const response = await patch(call, {
      name: '  Bay Coalition Against Trafficking ',
      shortName: 'Bay Coalition',
      adminTwoFactor: 'required',
      thresholds: { public: 12, coalition: 5 },
      publication: { provisionalShare: 0.7 },
      confidentialReports: false,
    });
    expect(response.status).toBe(200);
    const { settings } = await json(response);
    expect(settings.profile).toMatchObject({
      name: 'Bay Coalition Against Trafficking',
      shortName: 'Bay Coalition',
      adminTwoFactor: 'required',
    });
    expect(settings.thresholds.policy).toEqual({ coalition: 5, public: 12 });
    expect(settings.publication.settings.provisionalShare).toBe(0.7);
    expect(settings.reports.confidentialReports).toBe(false);
    const audit = db
      .prepare(`SELECT action, details FROM audit_log WHERE entity_type = 'settings' ORDER BY id`)
      .all() as Array<{ action: string; details: string }>;
    expect(audit.map((entry) => entry.action)).toEqual([
      'change-coalition-settings',
      'change-disclosure-policy',
      'change-publication-settings',
      'change-report-settings',
    ]);
    expect(JSON.parse(audit[0]?.details as string)).toEqual({
      before: { name: 'Test Coalition', shortName: 'TEST', adminTwoFactor: 'optional' },
      after: {
        name: 'Bay Coalition Against Trafficking',
        shortName: 'Bay Coalition',
        adminTwoFactor: 'required',
      },
    });
    // The older routes read what this page wrote.
    expect((await json(await call('admin', 'GET', '/releases/policy'))).policy).toEqual({
      coalition: 5,
      public: 12,
    });
    expect((await json(await call('anonymous', 'GET', '/coalition'))).name).toBe(
      'Bay Coalition Against Trafficking',
    );
  });

  test('saving what is already in force changes nothing', async ({ call, db }) => {
    const before = databaseDigest(db);
    const response = await patch(call, {
      name: 'Test Coalition',
      thresholds: { public: 11 },
      confidentialReports: true,
    });
    expect(response.status).toBe(200);
    expect(databaseDigest(db)).toBe(before);
  });
});

describe('counties', () => {
  test('are added by FIPS code; the ones added before FIPS codes take theirs', async ({ call, db }) => {
    const response = await patch(call, { counties: [santaClara, sanBenito, alameda] });
    expect(response.status).toBe(200);
    const { settings } = await json(response);
    expect(settings.counties).toEqual([
      { code: 'ALA', name: 'Alameda County', fips: alameda, state: 'CA', basedHere: [], servingHere: [] },
      {
        code: 'SBN',
        name: 'San Benito County',
        fips: sanBenito,
        state: 'CA',
        basedHere: ['Hills Family Clinic'],
        servingHere: [],
      },
      {
        code: 'SCL',
        name: 'Santa Clara County',
        fips: santaClara,
        state: 'CA',
        basedHere: ['River Street Advocates'],
        servingHere: [],
      },
    ]);
    expect(await (await call('anonymous', 'GET', '/coalition')).json()).toMatchObject({
      counties: ['Alameda County', 'San Benito County', 'Santa Clara County'],
      states: ['California'],
    });
    const entry = db
      .prepare(`SELECT details FROM audit_log WHERE action = 'change-coalition-settings'`)
      .pluck()
      .get() as string;
    expect(JSON.parse(entry)).toEqual({
      before: { counties: ['San Benito County', 'Santa Clara County'] },
      after: {
        counties: ['Alameda County (06001)', 'San Benito County (06069)', 'Santa Clara County (06085)'],
      },
    });
  });

  test('one with agencies based in or serving it stays, naming them', async ({ call, db, coalition }) => {
    await patch(call, { counties: [santaClara, sanBenito, alameda] });
    const alamedaId = db.prepare(`SELECT id FROM org_units WHERE code = 'ALA'`).pluck().get() as number;
    setAgencyCounties(db, coalition.agencies.river, [alamedaId]);
    const before = databaseDigest(db);
    const response = await patch(call, { counties: [santaClara], name: 'Renamed Coalition' });
    expect(response.status).toBe(409);
    const { error } = await json(response);
    expect(error.code).toBe('county-in-use');
    expect(error.message).toContain(
      'San Benito County (06069) can’t be removed while Hills Family Clinic is based in it or serves it',
    );
    expect(error.message).toContain('Alameda County (06001) can’t be removed while River Street Advocates');
    expect(databaseDigest(db)).toBe(before);
  });

  test('one nothing refers to is removed; one a former agency refers to is kept, inactive', async ({
    call,
    db,
  }) => {
    await patch(call, { counties: [santaClara, sanBenito, alameda, alpineFips] });
    const alpine = db.prepare(`SELECT id FROM org_units WHERE code = 'ALP'`).pluck().get() as number;
    const closed = insertOrgUnit(db, {
      code: 'CLOSED',
      name: 'Closed Agency',
      level: 'agency',
      parentId: alpine,
      agencyType: 'shelter_housing',
    });
    db.prepare('UPDATE org_units SET active = 0 WHERE id = ?').run(closed);
    const response = await patch(call, { counties: [santaClara, sanBenito] });
    expect(response.status).toBe(200);
    expect((await json(response)).settings.counties.map((c: { code: string }) => c.code)).toEqual([
      'SBN',
      'SCL',
    ]);
    const units = db
      .prepare(`SELECT code, active FROM org_units WHERE code IN ('ALA', 'ALP') ORDER BY code`)
      .all();
    expect(units).toEqual([{ code: 'ALP', active: 0 }]);
    // Served again, the kept county comes back as it was.
    expect((await patch(call, { counties: [santaClara, sanBenito, alpineFips] })).status).toBe(200);
    expect(db.prepare(`SELECT active FROM org_units WHERE id = ?`).pluck().get(alpine)).toBe(1);
  });

  test('one whose code another unit has is refused with words', async ({ call, db, coalition }) => {
    insertOrgUnit(db, {
      code: 'ALA',
      name: 'Ala Street Shelter',
      level: 'agency',
      parentId: db.prepare(`SELECT id FROM org_units WHERE code = 'SCL'`).pluck().get() as number,
      agencyType: 'shelter_housing',
    });
    expect(coalition.agencies.river).toBeGreaterThan(0);
    const before = databaseDigest(db);
    const response = await patch(call, { counties: [santaClara, sanBenito, alameda] });
    expect(response.status).toBe(409);
    expect((await json(response)).error).toEqual({
      code: 'county-code-taken',
      message:
        'Alameda County (06001) can’t be added: its code ALA is already used by Ala Street Shelter. Change that agency’s code first.',
    });
    expect(databaseDigest(db)).toBe(before);
  });
});

describe('the reporting calendar', () => {
  test('new deadline days move only the quarters that have not ended', async ({ call, db, coalition }) => {
    seedSmallHistory(db, coalition);
    // It is 2027-01-10: 2026Q2 to Q4 have ended, 2027Q1 has not.
    insertPeriod(db, parseQuarter('2027Q1') as Quarter, 30, true);
    const response = await patch(call, { deadlineDays: 45 });
    expect(response.status).toBe(200);
    expect(getPeriodByCode(db, '2026Q4')?.deadline).toBe('2027-01-30');
    expect(getPeriodByCode(db, '2026Q3')?.deadline).toBe('2026-10-30');
    expect(getPeriodByCode(db, '2027Q1')?.deadline).toBe('2027-05-15');
    const entry = db
      .prepare(`SELECT details FROM audit_log WHERE action = 'change-coalition-settings'`)
      .pluck()
      .get() as string;
    expect(JSON.parse(entry)).toEqual({
      before: { deadlineDays: 30 },
      after: { deadlineDays: 45 },
      deadlinesMoved: ['2027Q1'],
    });
  });

  test('a new time zone is the one every “today” follows', async ({ call }) => {
    expect((await json(await call('reporter', 'GET', '/me'))).user.timeZone).toBe('America/Los_Angeles');
    expect((await patch(call, { timeZone: 'Pacific/Kiritimati' })).status).toBe(200);
    expect((await json(await call('reporter', 'GET', '/me'))).user.timeZone).toBe('Pacific/Kiritimati');
    expect((await settingsOf(call)).profile.timeZone).toBe('Pacific/Kiritimati');
  });

  test('the first quarter can change until an agency has reported', async ({ call }) => {
    const response = await patch(call, { firstPeriod: '2026q1' });
    expect(await response.json()).toMatchObject({ settings: { profile: { firstPeriod: '2026Q1' } } });
    const settings = await settingsOf(call);
    expect(settings.profile.firstPeriod).toBe('2026Q1');
    expect(settings.firstPeriodFixed).toBe(false);
  });

  test('the first quarter stays once agencies have reported', async ({ call, db, coalition }) => {
    seedSmallHistory(db, coalition);
    expect((await settingsOf(call)).firstPeriodFixed).toBe(true);
    const before = databaseDigest(db);
    const response = await patch(call, { firstPeriod: '2026Q3', deadlineDays: 40 });
    expect(response.status).toBe(409);
    expect((await json(response)).error.code).toBe('first-period-fixed');
    expect(databaseDigest(db)).toBe(before);
  });
});

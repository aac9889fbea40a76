import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { installCatalog, readDefaultCatalog } from '../queries/catalog';
import { getSetting } from '../queries/settings';
import {
  createTestApp,
  createTestDb,
  databaseDigest,
  seedSmallCoalition,
  type TestDb,
  testConfig,
  testNow,
} from '../testing';
import { coalitionProfile } from './coalition';
import {
  AlreadySetUp,
  checkSetupLink,
  completeSetup,
  createSetupLink,
  needsSetup,
  type SetupInput,
  SetupInvalid,
  SetupLinkRefused,
} from './setup';

const config = testConfig();
const hour = 60 * 60 * 1000;
const later = (ms: number) => new Date(testNow.getTime() + ms);

/** What a new coalition's admin fills in: testNow is in 2027Q1. */
const setupInput: SetupInput = {
  coalitionName: 'Central Valley Coalition Against Trafficking',
  shortName: 'CVCAT',
  counties: ['06019', '06047'],
  timeZone: 'America/Los_Angeles',
  deadlineDays: 45,
  firstPeriod: '2026Q3',
  adminTwoFactor: 'required',
  adminName: 'Rosa Delgado',
  adminEmail: 'rosa@cvcat.example',
  password: 'orchard lantern quietly ninety',
};

describe('setting up a coalition', () => {
  let database: TestDb;
  beforeEach(() => {
    database = createTestDb();
  });
  afterEach(() => database.cleanup());

  /** Fails with what `completeSetup` threw, having checked the database did not change. */
  function refused(token: string, input: SetupInput, now = testNow): unknown {
    const before = databaseDigest(database.db);
    try {
      completeSetup(database.db, config, token, input, now);
    } catch (error) {
      expect(databaseDigest(database.db)).toBe(before);
      return error;
    }
    throw new Error('the set-up was not refused');
  }

  test('an empty database needs setting up; one with a coalition does not', () => {
    expect(needsSetup(database.db)).toBe(true);
    seedSmallCoalition(database.db);
    expect(needsSetup(database.db)).toBe(false);
  });

  test('the link makes the coalition, its counties, catalog, settings, quarters and first admin', async () => {
    const { token } = createSetupLink(database.db, config, { now: testNow });
    const result = completeSetup(database.db, config, token, setupInput, testNow);
    const { db } = database;

    expect(result.periods).toEqual(['2026Q3', '2026Q4', '2027Q1']);
    expect(needsSetup(db)).toBe(false);
    expect(db.prepare('SELECT code, name, level, fips FROM org_units ORDER BY id').all()).toEqual([
      { code: 'CVCAT', name: setupInput.coalitionName, level: 'coalition', fips: null },
      { code: 'FRE', name: 'Fresno County', level: 'county', fips: '06019' },
      { code: 'MER', name: 'Merced County', level: 'county', fips: '06047' },
    ]);
    expect(db.prepare('SELECT count(*) FROM catalog_versions').pluck().get()).toBe(1);
    expect(coalitionProfile(db, config)).toEqual({
      name: setupInput.coalitionName,
      shortName: 'CVCAT',
      timeZone: 'America/Los_Angeles',
      deadlineDays: 45,
      firstPeriod: '2026Q3',
      adminTwoFactor: 'required',
    });
    expect(db.prepare('SELECT code, deadline, open FROM reporting_periods ORDER BY code').all()).toEqual([
      { code: '2026Q3', deadline: '2026-11-14', open: 1 },
      { code: '2026Q4', deadline: '2027-02-14', open: 1 },
      { code: '2027Q1', deadline: '2027-05-15', open: 1 },
    ]);
    expect(
      db
        .prepare(
          "SELECT user_id AS userId, entity_id AS entityId FROM audit_log WHERE action = 'complete-setup'",
        )
        .all(),
    ).toEqual([{ userId: result.adminId, entityId: String(result.coalitionId) }]);

    // The coalition requires two-factor for admins, so the first admin's password is right and their
    // first sign-in goes on to setting up an authenticator app before any session exists.
    const app = createTestApp(db, config);
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost' },
      body: JSON.stringify({ email: setupInput.adminEmail, password: setupInput.password }),
    });
    expect(login.status).toBe(200);
    expect(await login.json()).toEqual({ twoFactor: 'enroll' });
    expect(db.prepare('SELECT name, role FROM users WHERE email = ?').get(setupInput.adminEmail)).toEqual({
      name: 'Rosa Delgado',
      role: 'admin',
    });
  });

  test('the link works once, then never', () => {
    const { token } = createSetupLink(database.db, config, { now: testNow });
    completeSetup(database.db, config, token, setupInput, testNow);
    const error = refused(token, { ...setupInput, adminEmail: 'someone@else.example' });
    expect(error).toBeInstanceOf(SetupLinkRefused);
    expect((error as SetupLinkRefused).refusal).toBe('used');
  });

  test('the link stops working 24 hours after it was made', () => {
    const { token, expiresAt } = createSetupLink(database.db, config, { now: testNow });
    expect(expiresAt).toBe(later(24 * hour).toISOString());
    expect(checkSetupLink(database.db, config, token, later(24 * hour - 1000))).toHaveProperty('link');
    const error = refused(token, setupInput, later(24 * hour));
    expect((error as SetupLinkRefused).refusal).toBe('expired');
  });

  test('a newer link withdraws the older one', () => {
    const older = createSetupLink(database.db, config, { now: testNow });
    const newer = createSetupLink(database.db, config, { now: later(hour) });
    expect((refused(older.token, setupInput, later(hour)) as SetupLinkRefused).refusal).toBe('revoked');
    completeSetup(database.db, config, newer.token, setupInput, later(hour));
  });

  test('a link Scope did not make is refused', () => {
    createSetupLink(database.db, config, { now: testNow });
    expect((refused('not-a-real-link', setupInput) as SetupLinkRefused).refusal).toBe('unknown');
  });

  test.each([
    ['a short password', { password: 'short one' }, 'password', 'at least 12 characters'],
    ['a common password', { password: 'password1234' }, 'password', 'people choose often'],
    ['the admin’s own name', { password: 'rosadelgado forever' }, 'password', 'email address or name'],
    ['an unknown county', { counties: ['06019', '06999'] }, 'counties', '06999 is not a county'],
    ['no county', { counties: [] }, 'counties', 'at least one county'],
    ['no coalition name', { coalitionName: '  ' }, 'coalitionName', 'coalition’s name'],
    ['a short name without letters', { shortName: '—' }, 'shortName', 'at least two letters'],
    ['a short name that is a county’s code', { shortName: 'Fre' }, 'shortName', 'one of your counties'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone', 'time zone'],
    ['a deadline out of range', { deadlineDays: 400 }, 'deadlineDays', 'from 0 to 365'],
    ['a first quarter still to come', { firstPeriod: '2027Q2' }, 'firstPeriod', 'after the one under way'],
    ['a first quarter too long ago', { firstPeriod: '2010Q1' }, 'firstPeriod', 'no earlier than 2017Q1'],
    ['a bad email address', { adminEmail: 'rosa at home' }, 'adminEmail', 'email address'],
  ] as const)('%s is refused by its field, and nothing is written', (_, change, field, words) => {
    const { token } = createSetupLink(database.db, config, { now: testNow });
    const error = refused(token, { ...setupInput, ...change });
    expect(error).toBeInstanceOf(SetupInvalid);
    expect(Object.keys((error as SetupInvalid).problems)).toEqual([field]);
    expect((error as SetupInvalid).problems[field]).toContain(words);
    // The link still works once the field is put right.
    completeSetup(database.db, config, token, setupInput, testNow);
  });

  test('a link made for an email makes that person the admin, and no one else', () => {
    const { token } = createSetupLink(database.db, config, { email: 'Rosa@CVCAT.example', now: testNow });
    const error = refused(token, { ...setupInput, adminEmail: 'mallory@elsewhere.example' });
    expect((error as SetupInvalid).problems.adminEmail).toContain('made for Rosa@CVCAT.example');
    completeSetup(database.db, config, token, setupInput, testNow);
  });

  test('a coalition set up another way meanwhile is not set up a second time', () => {
    const { token } = createSetupLink(database.db, config, { now: testNow });
    seedSmallCoalition(database.db);
    expect(checkSetupLink(database.db, config, token, testNow)).toEqual({ refusal: 'already-set-up' });
    expect(refused(token, setupInput)).toBeInstanceOf(AlreadySetUp);
  });

  test('an installed catalog is kept, and the admin-two-factor choice is stored', () => {
    installCatalog(database.db, readDefaultCatalog());
    const { token } = createSetupLink(database.db, config, { now: testNow });
    completeSetup(database.db, config, token, { ...setupInput, adminTwoFactor: 'optional' }, testNow);
    expect(database.db.prepare('SELECT count(*) FROM catalog_versions').pluck().get()).toBe(1);
    expect(getSetting(database.db, 'admin_two_factor')).toBe('optional');
  });
});

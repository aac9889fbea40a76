/**
 * Fixtures for API tests: a real SQLite file per test, migrated, with a small coalition in it.
 *
 * Most tests start from `apiTest`, which gives each test its own database, app and sign-in and removes
 * them afterwards; the functions below build what a test needs beyond that.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'vitest';
import { createApp } from './app';
import { hashPassword } from './auth/password';
import { type Config, loadConfig } from './config';
import { type Db, migrate, openDatabase } from './db';
import { everythingPlan } from './disclosure/testPlans';
import { parseQuarter, type Quarter } from './domain/periods';
import { currentCatalogVersionId, getCellIndex, installCatalog, readDefaultCatalog } from './queries/catalog';
import { upsertDataValues } from './queries/dataValues';
import { insertOrgUnit } from './queries/orgUnits';
import { getPeriodByCode, insertPeriod } from './queries/periods';
import { getSubmission, insertReview, insertRevision, insertSubmission } from './queries/submissions';
import { insertUser, type Role, type User } from './queries/users';
import { releaseSettled } from './services/releases/jobs';
import { setPublicationSettings } from './services/releases/policy';
import { publishRelease } from './services/releases/publish';
import { reportsSettled } from './services/reports/history';

export { releaseTimeout } from './testTimeouts';
export { consistentQuarter, survivorsQuarter } from './testValues';

export type TestDb = { db: Db; path: string; dir: string; cleanup: () => void };

/** A new, migrated database file in its own temporary folder. */
export function createTestDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'scope-test-'));
  const path = join(dir, 'scope.db');
  const db = openDatabase(path);
  migrate(db);
  return {
    db,
    path,
    dir,
    cleanup: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ SCOPE_DB: ':memory:', NODE_ENV: 'test', ...overrides });
}

export const testPassword = 'correct horse battery staple';

/**
 * Two counties and two agencies (RIVER in Santa Clara, HILLS in San Benito), a user of each role, and
 * the default catalog. Its plan publishes everything to members, counties included (one agency per
 * county is enough here), and coalition-wide one-way tables to the public: the tests exercise every
 * table and relation the engine knows. The default plan is tested on the demo coalition.
 */
export function seedSmallCoalition(db: Db) {
  const catalog = readDefaultCatalog();
  installCatalog(db, catalog, null, everythingPlan(catalog, 'one-way'));
  setPublicationSettings(db, { countyBreakdownAgencies: 1 });
  const coalition = insertOrgUnit(db, {
    code: 'TEST',
    name: 'Test Coalition',
    level: 'coalition',
    parentId: null,
  });
  const scl = insertOrgUnit(db, {
    code: 'SCL',
    name: 'Santa Clara County',
    level: 'county',
    parentId: coalition,
  });
  const sbn = insertOrgUnit(db, {
    code: 'SBN',
    name: 'San Benito County',
    level: 'county',
    parentId: coalition,
  });
  const river = insertOrgUnit(db, {
    code: 'RIVER',
    name: 'River Street Advocates',
    level: 'agency',
    parentId: scl,
    agencyType: 'victim_services',
  });
  const hills = insertOrgUnit(db, {
    code: 'HILLS',
    name: 'Hills Family Clinic',
    level: 'agency',
    parentId: sbn,
    agencyType: 'health_care',
  });
  const passwordHash = hashPassword(testPassword);
  const user = (email: string, role: Role, agencyId: number | null) =>
    insertUser(db, { email, name: email.split('@')[0] as string, passwordHash, role, agencyId });
  return {
    agencies: { river, hills },
    users: {
      admin: user('admin@test.example', 'admin', null),
      viewer: user('viewer@test.example', 'viewer', null),
      riverReporter: user('river@test.example', 'reporter', river),
      hillsReporter: user('hills@test.example', 'reporter', hills),
    },
  };
}

/** The small coalition's agency and user ids. */
export type SmallCoalition = ReturnType<typeof seedSmallCoalition>;

/**
 * The day the tests pretend it is: 2026Q4 has ended, so it is open for entry, and 2026Q3's deadline
 * has passed but 2026Q4's has not.
 */
export const testNow = new Date('2027-01-10T17:00:00.000Z');

export function createTestApp(db: Db, config = testConfig(), webDistDir?: string) {
  return createApp({ db, config, webDistDir, now: () => testNow });
}

export type TestApp = ReturnType<typeof createTestApp>;

/** Signs in through the API and returns the Cookie header value to send with later requests. */
export async function signIn(app: TestApp, email: string, password = testPassword): Promise<string> {
  const response = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email} failed with ${response.status}`);
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error('sign-in set no cookie');
  return cookie.split(';')[0] as string;
}

/**
 * Three quarters of history for the small coalition: 2026Q2 approved for both agencies (RIVER's
 * late), 2026Q3 returned to RIVER with a comment and submitted by HILLS, 2026Q4 a draft at RIVER.
 */
export function seedSmallHistory(db: Db, coalition: SmallCoalition) {
  const catalogVersionId = currentCatalogVersionId(db) as number;
  const { river, hills } = coalition.agencies;
  const { admin, riverReporter, hillsReporter } = coalition.users;
  const q2 = insertPeriod(db, parseQuarter('2026Q2') as Quarter, 30, false);
  const q3 = insertPeriod(db, parseQuarter('2026Q3') as Quarter, 30, true);
  const q4 = insertPeriod(db, parseQuarter('2026Q4') as Quarter, 30, true);
  const submit = (agencyId: number, periodId: number, userId: number, at: string, late: boolean) => {
    const submissionId = insertSubmission(db, { agencyId, periodId, catalogVersionId, userId, at });
    insertRevision(db, { submissionId, userId, at, late });
    return submissionId;
  };
  const riverQ2 = submit(river, q2, riverReporter, '2026-08-10T17:00:00.000Z', true);
  insertReview(db, {
    submissionId: riverQ2,
    action: 'approve',
    comment: null,
    userId: admin,
    at: '2026-08-12T17:00:00.000Z',
  });
  const hillsQ2 = submit(hills, q2, hillsReporter, '2026-07-20T17:00:00.000Z', false);
  insertReview(db, {
    submissionId: hillsQ2,
    action: 'approve',
    comment: null,
    userId: admin,
    at: '2026-07-22T17:00:00.000Z',
  });
  const riverQ3 = submit(river, q3, riverReporter, '2026-10-20T17:00:00.000Z', false);
  insertReview(db, {
    submissionId: riverQ3,
    action: 'return',
    comment: 'Please check the county breakdown.',
    userId: admin,
    at: '2026-10-22T17:00:00.000Z',
  });
  submit(hills, q3, hillsReporter, '2026-10-25T17:00:00.000Z', false);
  insertSubmission(db, { agencyId: river, periodId: q4, catalogVersionId, userId: riverReporter });
  return { periods: { q2, q3, q4 } };
}

/**
 * A fingerprint of everything stored: every row of every table. Two equal digests mean a request
 * changed nothing at all.
 */
export function databaseDigest(db: Db): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(table);
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ cid: number }>).map(
      (c) => c.cid + 1,
    );
    for (const row of db
      .prepare(`SELECT * FROM "${table}" ORDER BY ${columns.join(', ')}`)
      .raw()
      .iterate())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/** A user of the small coalition as the services see them (for calling services without HTTP). */
export function testUser(db: Db, id: number): User {
  return db
    .prepare('SELECT id, email, name, role, agency_id AS agencyId FROM users WHERE id = ?')
    .get(id) as User;
}

/** The reporting period with this code, created (closed for entry) if it doesn't exist yet. */
export function ensurePeriod(db: Db, code: string, open = false): number {
  const existing = getPeriodByCode(db, code);
  if (existing) return existing.id;
  return insertPeriod(db, parseQuarter(code) as Quarter, 30, open);
}

/**
 * An agency's quarter, submitted and approved with exactly these values (cells not named are blank).
 * If the agency already has a report for the quarter, it is reopened, changed, resubmitted and
 * approved again: a late correction. Returns the submission id.
 */
export function approveReport(
  db: Db,
  r: {
    agencyId: number;
    period: string;
    values: Record<string, number>;
    reporterId: number;
    adminId: number;
  },
): number {
  const catalogVersionId = currentCatalogVersionId(db) as number;
  const periodId = ensurePeriod(db, r.period);
  const cells = getCellIndex(db, catalogVersionId);
  const at = testNow.toISOString();
  const existing = getSubmission(db, r.agencyId, periodId);
  const submissionId =
    existing?.id ??
    insertSubmission(db, { agencyId: r.agencyId, periodId, catalogVersionId, userId: r.reporterId, at });
  if (existing?.status === 'approved')
    insertReview(db, { submissionId, action: 'reopen', comment: 'Correction', userId: r.adminId, at });
  db.prepare('DELETE FROM data_values WHERE submission_id = ?').run(submissionId);
  upsertDataValues(
    db,
    Object.entries(r.values).map(([key, value]) => {
      const cell = cells.get(key);
      if (!cell) throw new Error(`the catalog has no cell "${key}"`);
      return { submissionId, elementId: cell.elementId, cocId: cell.cocId, value };
    }),
  );
  insertRevision(db, { submissionId, userId: r.reporterId, at, late: false });
  insertReview(db, { submissionId, action: 'approve', comment: null, userId: r.adminId, at });
  return submissionId;
}

/** `approveReport` for one of the small coalition's two members, entered by its own reporter. */
export function approveMemberReport(
  db: Db,
  coalition: SmallCoalition,
  agency: 'river' | 'hills',
  period: string,
  values: Record<string, number>,
): number {
  const { agencies, users } = coalition;
  return approveReport(db, {
    agencyId: agencies[agency],
    period,
    values,
    reporterId: agency === 'river' ? users.riverReporter : users.hillsReporter,
    adminId: users.admin,
  });
}

/**
 * Publishes a release of a quarter through the releases service and waits for the outcome: the
 * release as an admin sees it.
 */
export function publishTestRelease(db: Db, adminId: number, period: string) {
  return publishRelease(db, testUser(db, adminId), period, () => testNow);
}

/** What a test's database holds when the test starts. */
export type TestSeed =
  /** Migrated, and nothing else. */
  | 'empty'
  /** `seedSmallCoalition`: two counties, two members, a user of each role, the default catalog. */
  | 'coalition'
  /** The small coalition with `seedSmallHistory`'s three quarters of reports. */
  | 'history';

export type ApiFixtures = {
  /**
   * What the database holds when the test starts: the small coalition unless a file or a describe
   * says otherwise with `apiTest.override({ seed: 'history' })`.
   */
  seed: TestSeed;
  /** The test's own database file, seeded; `db`, `dbPath` and `coalition` are its parts. */
  seeded: { db: Db; path: string; coalition: SmallCoalition | null };
  db: Db;
  /** The database's file, for a test that opens a second connection to it. */
  dbPath: string;
  /** The small coalition's ids (not with `seed: 'empty'`). */
  coalition: SmallCoalition;
  /** The app over the test's database, at `testNow`. */
  app: TestApp;
  /** Signs in through the API (on another app over the same database if given) and returns the Cookie header. */
  signIn: (email: string, on?: TestApp) => Promise<string>;
  /** `approveMemberReport`: a member's quarter approved with exactly these values. */
  approve: (agency: 'river' | 'hills', period: string, values: Record<string, number>) => number;
  /** `publishTestRelease` by the coalition's admin: the release once it has published or failed. */
  publish: (period: string) => ReturnType<typeof publishTestRelease>;
};

/**
 * A vitest `test` whose tests each get their own seeded database file, an app over it, and ways to
 * sign in, approve a member's quarter and publish a release, all removed when the test ends:
 * `apiTest('…', async ({ app, db, signIn }) => …)`. A test that starts a release leaves it to finish
 * before its database is closed. A file's own helpers build on it with `apiTest.extend`.
 */
export const apiTest = test.extend<ApiFixtures>({
  seed: 'coalition',
  seeded: async ({ seed }, use) => {
    const { db, path, cleanup } = createTestDb();
    const coalition = seed === 'empty' ? null : seedSmallCoalition(db);
    if (seed === 'history' && coalition) seedSmallHistory(db, coalition);
    await use({ db, path, coalition });
    // A release still computing must not outlive its database.
    const computing = db
      .prepare(`SELECT id FROM releases WHERE status = 'computing'`)
      .pluck()
      .all() as number[];
    for (const id of computing) await releaseSettled(db, id);
    // So must a report being made, or waiting its turn.
    await reportsSettled(db);
    cleanup();
  },
  db: async ({ seeded }, use) => use(seeded.db),
  dbPath: async ({ seeded }, use) => use(seeded.path),
  coalition: async ({ seeded }, use) => {
    if (!seeded.coalition)
      throw new Error("this test's database is empty (seed: 'empty'): it has no coalition");
    await use(seeded.coalition);
  },
  app: async ({ db }, use) => use(createTestApp(db)),
  signIn: async ({ app }, use) => use((email, on = app) => signIn(on, email)),
  approve: async ({ db, coalition }, use) =>
    use((agency, period, values) => approveMemberReport(db, coalition, agency, period, values)),
  publish: async ({ db, coalition }, use) =>
    use((period) => publishTestRelease(db, coalition.users.admin, period)),
});

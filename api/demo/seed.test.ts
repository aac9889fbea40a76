import { beforeAll, describe, expect, test } from 'vitest';
import { verifyPassword } from '../auth/password';
import { type Db, migrate, openDatabase } from '../db';
import { currentCatalogVersionId, getCellIndex, readDefaultCatalog } from '../queries/catalog';
import { countSubmissionHistory, hasScopeData } from '../queries/demo';
import { countOrgUnits, getAgencyByCode, getAgencyById, listActiveAgencies } from '../queries/orgUnits';
import { getPeriodByCode, listPeriods } from '../queries/periods';
import { listDataValues } from '../queries/raw/agencyValues';
import { getSubmission, listAgencyQuarters, summarizeCompleteness } from '../queries/submissions';
import { countUsers, getUserForSignIn } from '../queries/users';
import { agencyQuarterValues, planDemoCoalition } from './generate';
import { readDemoInputs } from './inputs';
import {
  DatabaseNotEmptyError,
  type DemoSummary,
  formatSignIns,
  seedDemoIfEmpty,
  writeDemoCoalition,
} from './seed';

function emptyDatabase(): Db {
  const db = openDatabase(':memory:');
  migrate(db);
  return db;
}

describe('the default demo coalition', () => {
  let db: Db;
  let summary: DemoSummary;
  beforeAll(() => {
    db = emptyDatabase();
    summary = writeDemoCoalition(db, { deadlineDays: 30 });
  });

  test('writes the coalition, two counties, the agencies, users and 13 periods', () => {
    expect(summary).toMatchObject({ agencies: 14, users: 16, periods: 13, password: 'scope-demo-2026' });
    expect(countOrgUnits(db)).toBe(1 + 2 + summary.agencies);
    expect(listActiveAgencies(db)).toHaveLength(summary.agencies);
    expect(countUsers(db)).toBe(summary.users);
    expect(listPeriods(db)).toHaveLength(13);
    expect(summary.values).toBeGreaterThan(10_000);
  });

  test('2026Q4 is open with its deadline 30 days after the quarter; 2026Q3 is open, 2026Q2 closed', () => {
    expect(getPeriodByCode(db, '2026Q4')).toMatchObject({
      open: true,
      endDate: '2026-12-31',
      deadline: '2027-01-30',
    });
    expect(getPeriodByCode(db, '2026Q3')).toMatchObject({ open: true, deadline: '2026-10-30' });
    expect(getPeriodByCode(db, '2026Q2')).toMatchObject({ open: false });
    expect(getPeriodByCode(db, '2023Q4')).toMatchObject({ open: false });
    expect(getPeriodByCode(db, '2023Q3')).toBeUndefined();
  });

  test('the demo users sign in with the demo password and have the right roles', async () => {
    const admin = getUserForSignIn(db, 'admin@scope.demo');
    const viewer = getUserForSignIn(db, 'viewer@scope.demo');
    const reporter1 = getUserForSignIn(db, 'reporter1@scope.demo');
    const reporter2 = getUserForSignIn(db, 'reporter2@scope.demo');
    expect([admin?.role, viewer?.role, reporter1?.role, reporter2?.role]).toEqual([
      'admin',
      'viewer',
      'reporter',
      'reporter',
    ]);
    expect(admin?.agencyId).toBeNull();
    expect(reporter1?.agencyId).not.toBeNull();
    expect(reporter2?.agencyId).not.toBeNull();
    expect(reporter1?.agencyId).not.toBe(reporter2?.agencyId);
    expect(getAgencyById(db, reporter1?.agencyId ?? 0)?.type).toBe('victim_services');
    expect(await verifyPassword('scope-demo-2026', reporter2?.passwordHash ?? '')).toBe(true);
    expect(await verifyPassword('wrong', reporter2?.passwordHash ?? '')).toBe(false);
    for (let n = 1; n <= summary.agencies; n++)
      expect(getUserForSignIn(db, `reporter${n}@scope.demo`)?.role).toBe('reporter');
  });

  test('in 2026Q3 one submission is returned, at least two are missing and at least one is late', () => {
    const [open, latest] = summarizeCompleteness(db, 2);
    expect(latest).toMatchObject({ period: '2026Q3', expected: 14, returned: 1 });
    expect((latest?.notStarted ?? 0) + (latest?.draft ?? 0)).toBeGreaterThanOrEqual(2);
    expect(latest?.late).toBeGreaterThanOrEqual(1);
    // 2026Q4 is still under way, so it is not open for entry and nobody has begun it.
    expect(open).toMatchObject({ period: '2026Q4', approved: 0, submitted: 0, returned: 0, draft: 0 });
    for (const past of summarizeCompleteness(db, 13).slice(2)) expect(past.approved).toBe(14);
  });

  test('reporter2 sees 2026Q3 returned for correction with the reviewer’s comment', () => {
    const agencyId = getUserForSignIn(db, 'reporter2@scope.demo')?.agencyId ?? 0;
    const q3 = listAgencyQuarters(db, agencyId).find((q) => q.period === '2026Q3');
    expect(q3).toMatchObject({ status: 'returned', revision: 1, late: false });
    expect(q3?.returnComment).toMatch(/resubmit/);
  });

  test('reporter1’s agency has 2026Q3 approved and 2026Q4, still under way, not started', () => {
    const agencyId = getUserForSignIn(db, 'reporter1@scope.demo')?.agencyId ?? 0;
    const quarters = listAgencyQuarters(db, agencyId);
    expect(quarters.find((q) => q.period === '2026Q3')?.status).toBe('approved');
    expect(quarters.find((q) => q.period === '2026Q4')?.status).toBe('not_started');
  });

  test('stored values are the generated ones, through the catalog’s cells', () => {
    const versionId = currentCatalogVersionId(db) ?? 0;
    const byId = new Map(
      [...getCellIndex(db, versionId)].map(([key, c]) => [`${c.elementId}/${c.cocId}`, key]),
    );
    const plan = planDemoCoalition(readDemoInputs(), readDefaultCatalog(), { deadlineDays: 30 });
    let compared = 0;
    for (const aq of agencyQuarterValues(plan)) {
      if (aq.submission.status !== 'approved' || compared >= 20) continue;
      const agency = getAgencyByCode(db, aq.agencyCode);
      const period = getPeriodByCode(db, aq.period);
      const submission = getSubmission(db, agency?.id ?? 0, period?.id ?? 0);
      const stored = new Map(
        listDataValues(db, submission?.id ?? 0).map((v) => [byId.get(`${v.elementId}/${v.cocId}`), v.value]),
      );
      expect(stored).toEqual(aq.values);
      compared++;
    }
    expect(compared).toBe(20);
  });

  test('every submit, approval and return has its revision or review and an audit entry', () => {
    const history = countSubmissionHistory(db);
    expect(history.revisions).toBe(summary.revisions);
    expect(history.audit.submit).toBe(history.revisions);
    expect(history.audit.approve).toBe(history.reviews.approve);
    expect(history.audit.return).toBe(history.reviews.return);
    expect(history.reviews.return).toBeGreaterThanOrEqual(1);
    expect(history.lateRevisions).toBeGreaterThan(0);
  });

  test('refuses to write a second demo over the first, leaving it untouched', () => {
    const before = countSubmissionHistory(db);
    expect(() => writeDemoCoalition(db)).toThrow(DatabaseNotEmptyError);
    expect(countSubmissionHistory(db)).toEqual(before);
    expect(countOrgUnits(db)).toBe(17);
  });

  test('formatSignIns lists the four main sign-ins and the other reporters', () => {
    const text = formatSignIns(summary);
    for (const email of [
      'admin@scope.demo',
      'viewer@scope.demo',
      'reporter1@scope.demo',
      'reporter2@scope.demo',
    ])
      expect(text).toContain(email);
    expect(text).toContain('scope-demo-2026');
    expect(text).toContain('reporter3@scope.demo … reporter14@scope.demo');
  });
});

describe('seedDemoIfEmpty', () => {
  test('creates nothing in production', () => {
    const db = emptyDatabase();
    expect(seedDemoIfEmpty(db, { isProduction: true, deadlineDays: 30 })).toBeNull();
    expect(hasScopeData(db)).toBe(false);
    expect(getUserForSignIn(db, 'admin@scope.demo')).toBeUndefined();
  });

  test('writes the demo into an empty database once, and does nothing the second time', () => {
    const db = emptyDatabase();
    const first = seedDemoIfEmpty(db, { isProduction: false, deadlineDays: 30 });
    expect(first?.agencies).toBe(14);
    const users = countUsers(db);
    expect(seedDemoIfEmpty(db, { isProduction: false, deadlineDays: 30 })).toBeNull();
    expect(countUsers(db)).toBe(users);
  });
});

describe('writeDemoCoalition', () => {
  test('--agencies 40 --quarters 8 gives 40 agencies and 8 quarters plus the open one', () => {
    const db = emptyDatabase();
    const summary = writeDemoCoalition(db, { agencies: 40, quarters: 8, seed: 3 });
    expect(summary).toMatchObject({ agencies: 40, periods: 9, users: 42 });
    expect(listActiveAgencies(db)).toHaveLength(40);
    expect(listPeriods(db).map((p) => p.code)).toEqual([
      ...['2026Q4', '2026Q3', '2026Q2', '2026Q1', '2025Q4', '2025Q3', '2025Q2', '2025Q1', '2024Q4'],
    ]);
    expect(getUserForSignIn(db, 'reporter40@scope.demo')?.agencyId).toBe(getAgencyByCode(db, 'A0040')?.id);
    const [, latest] = summarizeCompleteness(db, 2);
    expect(latest?.returned).toBe(1);
  });

  test('a failure part-way leaves the database empty', () => {
    const db = emptyDatabase();
    // A fault injected late in the seeding, after the catalog, org units and many values are written.
    db.exec(`CREATE TRIGGER refuse_late BEFORE INSERT ON submission_reviews WHEN NEW.action = 'return'
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    expect(() => writeDemoCoalition(db)).toThrow(/injected failure/);
    expect(hasScopeData(db)).toBe(false);
    expect(countSubmissionHistory(db).revisions).toBe(0);
  });
});

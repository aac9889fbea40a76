import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { getPeriodByCode, listPeriods } from '../queries/periods';
import { createTestDb, ensurePeriod, type TestDb } from '../testing';
import { ensureReportingPeriods } from './reportingPeriods';

describe('the quarters a coalition reports', () => {
  let database: TestDb;
  beforeEach(() => {
    database = createTestDb();
  });
  afterEach(() => database.cleanup());
  const codes = () =>
    listPeriods(database.db)
      .map((p) => p.code)
      .reverse();

  test('every quarter from the first through the one under way, across a year boundary', () => {
    const added = ensureReportingPeriods(database.db, {
      today: '2027-02-03',
      deadlineDays: 45,
      firstPeriod: '2026Q2',
    });
    expect(added).toEqual(['2026Q2', '2026Q3', '2026Q4', '2027Q1']);
    expect(codes()).toEqual(added);
    // Open until the coalition closes it, with the coalition's deadline.
    expect(getPeriodByCode(database.db, '2026Q4')).toMatchObject({
      startDate: '2026-10-01',
      endDate: '2026-12-31',
      deadline: '2027-02-14',
      open: true,
      openedEarly: false,
    });
  });

  test('run again, even a quarter later, it adds only what is new and never a quarter twice', () => {
    const settings = { deadlineDays: 30, firstPeriod: '2026Q3' };
    ensureReportingPeriods(database.db, { ...settings, today: '2026-12-31' });
    expect(ensureReportingPeriods(database.db, { ...settings, today: '2026-12-31' })).toEqual([]);
    expect(ensureReportingPeriods(database.db, { ...settings, today: '2027-01-01' })).toEqual(['2027Q1']);
    expect(codes()).toEqual(['2026Q3', '2026Q4', '2027Q1']);
  });

  test('a quarter already there is left as it is, and a gap is filled', () => {
    ensurePeriod(database.db, '2026Q1', false);
    ensurePeriod(database.db, '2026Q3', false);
    const added = ensureReportingPeriods(database.db, {
      today: '2026-10-05',
      deadlineDays: 30,
      firstPeriod: null,
    });
    expect(added).toEqual(['2026Q2', '2026Q4']);
    // Closed by the coalition before: still closed.
    expect(getPeriodByCode(database.db, '2026Q1')?.open).toBe(false);
    expect(codes()).toEqual(['2026Q1', '2026Q2', '2026Q3', '2026Q4']);
  });

  test('a coalition not yet set up has no first quarter, and gets none', () => {
    expect(
      ensureReportingPeriods(database.db, { today: '2026-10-05', deadlineDays: 30, firstPeriod: null }),
    ).toEqual([]);
    expect(codes()).toEqual([]);
  });
});

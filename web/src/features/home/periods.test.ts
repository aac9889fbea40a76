import { describe, expect, test } from 'vitest';
import type { ReportingPeriod } from '../../api/types';
import { approvedPhrase, latestPeriodWithData } from './periods';

describe('approvedPhrase', () => {
  test.each([
    { approved: 10, expected: 12, phrase: "10 of 12 agencies' reports approved" },
    { approved: 0, expected: 12, phrase: "0 of 12 agencies' reports approved" },
    { approved: 12, expected: 12, phrase: "12 of 12 agencies' reports approved" },
    { approved: 1, expected: 1, phrase: "1 of 1 agency's report approved" },
    { approved: 0, expected: 0, phrase: 'No agencies expected to report' },
    { approved: -2, expected: 5, phrase: "0 of 5 agencies' reports approved" },
  ])('$approved of $expected → $phrase', ({ approved, expected, phrase }) => {
    expect(approvedPhrase(approved, expected)).toBe(phrase);
  });
});

describe('latestPeriodWithData', () => {
  const period = (code: string, approved: number): ReportingPeriod => ({
    period: code,
    startDate: '2026-01-01',
    endDate: '2026-03-31',
    deadline: '2026-04-30',
    open: false,
    opensOn: '2027-01-01',
    openedEarly: false,
    expected: 12,
    approved,
  });

  test.each([
    { periods: [], expected: undefined },
    { periods: [period('2026Q4', 0), period('2026Q3', 0)], expected: undefined },
    { periods: [period('2026Q4', 0), period('2026Q3', 9), period('2026Q2', 12)], expected: '2026Q3' },
    { periods: [period('2026Q2', 12), period('2026Q3', 1)], expected: '2026Q3' },
  ])('picks $expected', ({ periods, expected }) => {
    expect(latestPeriodWithData(periods)?.period).toBe(expected);
  });
});

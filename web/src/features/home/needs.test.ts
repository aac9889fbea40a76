import { describe, expect, test } from 'vitest';
import type { AgencyQuarter } from '../../api/types';
import { reportNeedingReporter } from './needs';

type Q = Pick<AgencyQuarter, 'period' | 'deadline' | 'status' | 'open'>;
const q = (period: string, status: Q['status'], open = true): Q => {
  const deadlines: Record<string, string> = {
    '2026Q2': '2026-07-30',
    '2026Q3': '2026-10-30',
    '2026Q4': '2027-01-30',
    '2027Q1': '2027-04-30',
  };
  return { period, status, open, deadline: deadlines[period] as string };
};

describe('the report that needs the reporter now', () => {
  test.each<{ name: string; quarters: Q[]; today: string; expected: [string, string] | undefined }>([
    {
      name: 'a returned report comes first, even before an overdue one',
      quarters: [q('2026Q4', 'draft'), q('2026Q3', 'not_started'), q('2026Q2', 'returned', false)],
      today: '2026-12-01',
      expected: ['2026Q2', 'returned'],
    },
    {
      name: 'then an overdue one',
      quarters: [q('2026Q4', 'draft'), q('2026Q3', 'draft'), q('2026Q2', 'approved', false)],
      today: '2026-12-01',
      expected: ['2026Q3', 'overdue'],
    },
    {
      name: 'the oldest overdue first',
      quarters: [q('2026Q3', 'not_started'), q('2026Q2', 'draft')],
      today: '2026-12-01',
      expected: ['2026Q2', 'overdue'],
    },
    {
      name: 'an overdue quarter the coalition has closed is not the reporter’s to send',
      quarters: [q('2026Q4', 'not_started', false), q('2026Q2', 'not_started', false)],
      today: '2026-12-01',
      expected: ['2026Q4', 'due'],
    },
    {
      name: 'then the one due next, even before it opens: not simply the newest quarter',
      quarters: [
        q('2027Q1', 'not_started', false),
        q('2026Q4', 'not_started', false),
        q('2026Q3', 'approved'),
      ],
      today: '2026-12-01',
      expected: ['2026Q4', 'due'],
    },
    {
      name: 'on its deadline day a report is still due, not overdue',
      quarters: [q('2026Q4', 'draft')],
      today: '2027-01-30',
      expected: ['2026Q4', 'due'],
    },
    {
      name: 'the day after, it is overdue',
      quarters: [q('2026Q4', 'draft')],
      today: '2027-01-31',
      expected: ['2026Q4', 'overdue'],
    },
    {
      name: 'a report waiting for review needs nothing from the reporter',
      quarters: [q('2026Q4', 'submitted'), q('2026Q3', 'approved')],
      today: '2026-12-01',
      expected: undefined,
    },
    { name: 'no quarters at all', quarters: [], today: '2026-12-01', expected: undefined },
  ])('$name', ({ quarters, today, expected }) => {
    const need = reportNeedingReporter(quarters, today);
    expect(need ? [need.quarter.period, need.reason] : undefined).toEqual(expected);
  });
});

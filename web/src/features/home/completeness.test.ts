import { describe, expect, test } from 'vitest';
import type { QuarterCompleteness } from '../../api/types';
import {
  chaseBreakdown,
  chaseSentence,
  followUps,
  highlightedQuarter,
  notSubmittedCount,
  openQuarterProgress,
  submittedSoFar,
} from './completeness';

function summary(overrides: Partial<QuarterCompleteness> = {}): QuarterCompleteness {
  return {
    period: '2026Q3',
    deadline: '2026-10-30',
    open: false,
    opensOn: '2026-10-01',
    openedEarly: false,
    pastDeadline: true,
    expected: 12,
    approved: 0,
    submitted: 0,
    returned: 0,
    draft: 0,
    notStarted: 0,
    late: 0,
    ...overrides,
  };
}

describe('notSubmittedCount and submittedSoFar', () => {
  test.each([
    { counts: {}, owing: 0, reached: 0 },
    { counts: { notStarted: 2, draft: 1 }, owing: 3, reached: 0 },
    { counts: { approved: 5, submitted: 3, returned: 1, draft: 2, notStarted: 1 }, owing: 3, reached: 9 },
    { counts: { approved: 12 }, owing: 0, reached: 12 },
    // A negative count is a server bug; it must not make the page claim fewer agencies owe a report.
    { counts: { notStarted: -1, draft: 2, approved: -3, submitted: 1 }, owing: 2, reached: 1 },
  ])('$counts → $owing owing, $reached reached the coalition', ({ counts, owing, reached }) => {
    expect(notSubmittedCount(summary(counts))).toBe(owing);
    expect(submittedSoFar(summary(counts))).toBe(reached);
  });
});

describe('highlightedQuarter', () => {
  const q4 = summary({ period: '2026Q4', deadline: '2027-01-30', open: true, pastDeadline: false });
  const q3 = summary({ period: '2026Q3' });
  const q2 = summary({ period: '2026Q2', deadline: '2026-07-30' });
  const q1Open = summary({ period: '2026Q1', open: true, pastDeadline: false });

  test.each([
    { name: 'no quarters', quarters: [], expected: undefined },
    {
      name: 'the newest past-deadline quarter over the open one',
      quarters: [q4, q3, q2],
      expected: '2026Q3',
    },
    { name: 'whatever order the API used', quarters: [q2, q4, q3], expected: '2026Q3' },
    { name: 'the open quarter when no deadline has passed', quarters: [q4], expected: '2026Q4' },
    {
      name: 'the newest when none is open or past deadline',
      quarters: [
        summary({ period: '2026Q2', pastDeadline: false }),
        summary({ period: '2026Q1', pastDeadline: false }),
      ],
      expected: '2026Q2',
    },
    {
      name: 'an open quarter only when nothing is past deadline',
      quarters: [q1Open, q2],
      expected: '2026Q2',
    },
  ])('$name', ({ quarters, expected }) => {
    expect(highlightedQuarter(quarters)?.period).toBe(expected);
  });
});

describe('chaseSentence', () => {
  test.each([
    { counts: { notStarted: 2, draft: 1 }, expected: '3 agencies have not submitted 2026Q3.' },
    { counts: { notStarted: 1 }, expected: '1 agency has not submitted 2026Q3.' },
    { counts: { draft: 1 }, expected: '1 agency has not submitted 2026Q3.' },
    // Returned reports did reach the coalition; they are a follow-up, not a chase.
    {
      counts: { approved: 10, returned: 2 },
      expected: 'Every agency expected to report has submitted 2026Q3.',
    },
    { counts: { expected: 0 }, expected: 'No agencies are expected to report for 2026Q3.' },
  ])('$counts → $expected', ({ counts, expected }) => {
    expect(chaseSentence(summary(counts))).toBe(expected);
  });
});

describe('chaseBreakdown', () => {
  test.each([
    { counts: { notStarted: 0, draft: 0 }, expected: null },
    {
      counts: { notStarted: 2, draft: 1 },
      expected: 'Of these, 2 have not started and 1 has a draft saved.',
    },
    {
      counts: { notStarted: 1, draft: 3 },
      expected: 'Of these, 1 has not started and 3 have a draft saved.',
    },
    { counts: { notStarted: 1, draft: 0 }, expected: 'It has not been started.' },
    { counts: { notStarted: 4, draft: 0 }, expected: 'None of them has been started.' },
    { counts: { notStarted: 0, draft: 1 }, expected: 'It has a draft saved.' },
    { counts: { notStarted: 0, draft: 2 }, expected: 'Each of them has a draft saved.' },
  ])('$counts → $expected', ({ counts, expected }) => {
    expect(chaseBreakdown(counts)).toBe(expected);
  });
});

describe('followUps', () => {
  test.each([
    { counts: {}, expected: [] },
    { counts: { submitted: 1 }, expected: ['1 report is waiting for your review.'] },
    {
      counts: { submitted: 4, returned: 2, late: 3 },
      expected: [
        '4 reports are waiting for your review.',
        '2 reports were returned and are waiting for the agencies to correct them.',
        '3 agencies submitted after the deadline.',
      ],
    },
    {
      counts: { returned: 1, late: 1 },
      expected: [
        '1 report was returned and is waiting for the agency to correct it.',
        '1 agency submitted after the deadline.',
      ],
    },
  ])('$counts', ({ counts, expected }) => {
    expect(followUps(summary(counts)).map((note) => note.text)).toEqual(expected);
  });

  test('each links to the page that lists what it counts, where one does', () => {
    expect(followUps(summary({ submitted: 4, returned: 2, late: 3 })).map((note) => note.to)).toEqual([
      `/review?period=${summary({}).period}`,
      `/completeness?period=${summary({}).period}&status=returned`,
      null,
    ]);
  });
});

describe('openQuarterProgress', () => {
  const open = { period: '2026Q4', deadline: '2027-01-30', open: true, pastDeadline: false };
  test.each([
    {
      counts: { approved: 1, submitted: 1, notStarted: 10 },
      expected: '2026Q4 is open for entry until January 30, 2027. 2 of 12 agencies have submitted so far.',
    },
    {
      counts: { submitted: 1, notStarted: 11 },
      expected: '2026Q4 is open for entry until January 30, 2027. 1 of 12 agencies has submitted so far.',
    },
    {
      counts: { notStarted: 12 },
      expected: '2026Q4 is open for entry until January 30, 2027. No agency has submitted yet.',
    },
    {
      counts: { expected: 1, submitted: 1 },
      expected: '2026Q4 is open for entry until January 30, 2027. 1 of 1 agency has submitted so far.',
    },
    {
      counts: { expected: 0 },
      expected: '2026Q4 is open for entry until January 30, 2027. No agencies are expected to report for it.',
    },
  ])('$counts', ({ counts, expected }) => {
    expect(openQuarterProgress(summary({ ...open, ...counts }))).toBe(expected);
  });
});

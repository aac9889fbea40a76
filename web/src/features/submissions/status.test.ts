import { describe, expect, test } from 'vitest';
import type { AgencyQuarter, SubmissionStatus } from '../../api/types';
import { agencyQuarter } from '../../testing';
import { describeStatus, lateNote, newestFirst, nextStepFor, openQuarter, submittedOn } from './status';

function quarter(overrides: Partial<AgencyQuarter> = {}): AgencyQuarter {
  return agencyQuarter({ status: 'not_started', ...overrides });
}

describe('describeStatus', () => {
  test.each<{ status: SubmissionStatus; label: string; tone: string }>([
    { status: 'not_started', label: 'Not started', tone: 'not-started' },
    { status: 'draft', label: 'Draft', tone: 'draft' },
    { status: 'submitted', label: 'Submitted — awaiting review', tone: 'waiting' },
    { status: 'returned', label: 'Returned for correction', tone: 'returned' },
    { status: 'approved', label: 'Approved', tone: 'approved' },
  ])('$status reads "$label"', ({ status, label, tone }) => {
    expect(describeStatus(status)).toEqual({ label, tone });
  });

  test('every status has a distinct tone, so no two look alike', () => {
    const statuses: SubmissionStatus[] = ['not_started', 'draft', 'submitted', 'returned', 'approved'];
    const tones = new Set(statuses.map((status) => describeStatus(status).tone));
    expect(tones.size).toBe(statuses.length);
  });
});

describe('lateNote', () => {
  test.each([
    { late: false, submittedAt: null, expected: null },
    { late: false, submittedAt: '2026-10-20T18:00:00Z', expected: null },
    { late: true, submittedAt: '2026-11-02T18:00:00Z', expected: 'Submitted late' },
    { late: true, submittedAt: null, expected: 'Not submitted by the deadline' },
  ])('late=$late, submittedAt=$submittedAt → $expected', ({ late, submittedAt, expected }) => {
    expect(lateNote({ late, submittedAt })).toBe(expected);
  });
});

describe('submittedOn', () => {
  test.each([
    { submittedAt: null, expected: null },
    { submittedAt: '2026-10-28T17:03:00Z', expected: 'Submitted October 28, 2026' },
    { submittedAt: '2026-10-31T03:00:00Z', expected: 'Submitted October 30, 2026' },
  ])('$submittedAt → $expected', ({ submittedAt, expected }) => {
    expect(submittedOn(submittedAt, 'America/Los_Angeles')).toBe(expected);
  });
});

describe('nextStepFor', () => {
  const today = '2026-11-28';
  test.each<{ name: string; overrides: Partial<AgencyQuarter>; expected: string }>([
    {
      name: 'open and not started, before the deadline',
      overrides: {},
      expected: "Enter your agency's counts for 2026Q4 and submit them by January 30, 2027.",
    },
    {
      name: 'open with a draft, before the deadline',
      overrides: { status: 'draft' },
      expected: 'Your draft is saved. Check it and submit it by January 30, 2027.',
    },
    {
      name: 'open and not started, after the deadline',
      overrides: { period: '2026Q3', deadline: '2026-10-30' },
      expected:
        "The deadline was October 30, 2026. Please enter your agency's counts for 2026Q3 and submit them as soon as you can.",
    },
    {
      name: 'open with a draft, after the deadline',
      overrides: { status: 'draft', deadline: '2026-10-30' },
      expected:
        'Your draft is saved but not yet submitted. The deadline was October 30, 2026; please submit it as soon as you can.',
    },
    {
      name: 'open on the deadline day itself, which still counts as on time',
      overrides: { deadline: today },
      expected: "Enter your agency's counts for 2026Q4 and submit them by November 28, 2026.",
    },
    {
      name: 'closed and never started',
      overrides: { period: '2025Q4', open: false, deadline: '2026-01-30' },
      expected:
        '2025Q4 is closed for entry. If your agency still needs to report for it, contact the coalition.',
    },
    {
      name: 'returned, even when the quarter is closed',
      overrides: { status: 'returned', open: false },
      expected:
        "The coalition has asked for a correction. Read the reviewer's comment, correct the report and submit it again.",
    },
    {
      name: 'submitted',
      overrides: { status: 'submitted' },
      expected:
        'Nothing more to do for now. The coalition will review your report and let you know if anything needs correcting.',
    },
    {
      name: 'approved',
      overrides: { status: 'approved', open: false },
      expected: 'Nothing more to do. The coalition has approved this report.',
    },
  ])('$name', ({ overrides, expected }) => {
    expect(nextStepFor(quarter(overrides), today)).toBe(expected);
  });
});

describe('newestFirst', () => {
  test.each([
    { periods: [], expected: [] },
    { periods: ['2026Q3'], expected: ['2026Q3'] },
    { periods: ['2026Q1', '2026Q4', '2025Q4', '2026Q2'], expected: ['2026Q4', '2026Q2', '2026Q1', '2025Q4'] },
    { periods: ['2026Q4', '2026Q3'], expected: ['2026Q4', '2026Q3'] },
    { periods: ['2026Q2', '2026Q2'], expected: ['2026Q2', '2026Q2'] },
  ])('$periods → $expected', ({ periods, expected }) => {
    const input = periods.map((period) => ({ period }));
    expect(newestFirst(input).map((item) => item.period)).toEqual(expected);
  });

  test('leaves the input array untouched', () => {
    const input = [{ period: '2026Q1' }, { period: '2026Q2' }];
    newestFirst(input);
    expect(input.map((item) => item.period)).toEqual(['2026Q1', '2026Q2']);
  });
});

describe('openQuarter', () => {
  test.each([
    { quarters: [], expected: undefined },
    { quarters: [{ period: '2026Q3', open: false }], expected: undefined },
    {
      quarters: [
        { period: '2026Q3', open: false },
        { period: '2026Q4', open: true },
      ],
      expected: '2026Q4',
    },
    // If two were ever open at once, the newer one is the one to work on.
    {
      quarters: [
        { period: '2026Q3', open: true },
        { period: '2026Q4', open: true },
      ],
      expected: '2026Q4',
    },
  ])('picks $expected', ({ quarters, expected }) => {
    expect(openQuarter(quarters)?.period).toBe(expected);
  });
});

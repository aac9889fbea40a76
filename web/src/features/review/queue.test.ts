import { describe, expect, test } from 'vitest';
import type { SubmissionStatus } from '../../api/types';
import {
  countQueue,
  defaultReviewPeriod,
  isPeriodCode,
  pickerPeriods,
  queueFigures,
  queueHeadline,
  sortForReview,
  timelinessNote,
} from './queue';
import type { QueueEntry } from './types';

function entry(
  name: string,
  status: SubmissionStatus,
  overrides: Partial<Omit<QueueEntry, 'agency' | 'status'>> = {},
): QueueEntry {
  return {
    agency: { code: name.toUpperCase(), name, type: 'victim_services', county: 'SCL' },
    status,
    revision: status === 'not_started' || status === 'draft' ? 0 : 1,
    late: false,
    submittedAt: null,
    updatedAt: null,
    ...overrides,
  };
}

describe('sortForReview', () => {
  test.each<{ name: string; entries: QueueEntry[]; expected: string[] }>([
    { name: 'empty', entries: [], expected: [] },
    {
      name: 'awaiting review first, then returned, draft, not started, approved',
      entries: [
        entry('Approved Co', 'approved'),
        entry('Not Started Co', 'not_started'),
        entry('Draft Co', 'draft'),
        entry('Returned Co', 'returned'),
        entry('Waiting Co', 'submitted', { submittedAt: '2026-10-20T10:00:00Z' }),
      ],
      expected: ['Waiting Co', 'Returned Co', 'Draft Co', 'Not Started Co', 'Approved Co'],
    },
    {
      name: 'among those awaiting review, the longest-waiting first',
      entries: [
        entry('Alder', 'submitted', { submittedAt: '2026-10-29T10:00:00Z' }),
        entry('Birch', 'submitted', { submittedAt: '2026-10-02T10:00:00Z' }),
        entry('Cedar', 'submitted', { submittedAt: '2026-11-03T10:00:00Z', late: true }),
      ],
      expected: ['Birch', 'Alder', 'Cedar'],
    },
    {
      name: 'within any other group, by name',
      entries: [entry('Zelkova', 'approved'), entry('alder', 'approved'), entry('Maple', 'approved')],
      expected: ['alder', 'Maple', 'Zelkova'],
    },
  ])('$name', ({ entries, expected }) => {
    expect(sortForReview(entries).map((e) => e.agency.name)).toEqual(expected);
  });
});

describe('countQueue, queueHeadline and queueFigures', () => {
  test.each<{
    name: string;
    entries: QueueEntry[];
    headline: string;
    figures: string[];
  }>([
    {
      name: 'no agencies',
      entries: [],
      headline: 'No agencies are expected to report for 2026Q3.',
      figures: ['0 awaiting review'],
    },
    {
      name: 'all approved',
      entries: [entry('A', 'approved'), entry('B', 'approved')],
      headline: 'Every report for 2026Q3 is approved.',
      figures: ['0 awaiting review', '2 approved'],
    },
    {
      name: 'one waiting, one returned, late ones counted as well',
      entries: [
        entry('A', 'submitted', { late: true, submittedAt: '2026-11-02T10:00:00Z' }),
        entry('B', 'returned'),
        entry('C', 'draft', { late: true }),
        entry('D', 'not_started', { late: true }),
        entry('E', 'approved'),
      ],
      headline: '1 report is waiting for your review.',
      figures: [
        '1 awaiting review',
        '1 returned for correction',
        '1 draft',
        '1 not started',
        '1 approved',
        '3 submitted late',
      ],
    },
    {
      name: 'nothing waiting but not finished',
      entries: [entry('A', 'draft'), entry('B', 'draft'), entry('C', 'approved')],
      headline: 'Nothing for 2026Q3 is waiting for your review right now.',
      figures: ['0 awaiting review', '2 drafts', '1 approved'],
    },
    {
      name: 'several waiting',
      entries: [entry('A', 'submitted'), entry('B', 'submitted'), entry('C', 'submitted')],
      headline: '3 reports are waiting for your review.',
      figures: ['3 awaiting review'],
    },
  ])('$name', ({ entries, headline, figures }) => {
    const counts = countQueue(entries);
    expect(counts.total).toBe(entries.length);
    expect(queueHeadline(counts, '2026Q3')).toBe(headline);
    expect(queueFigures(counts).map((f) => `${f.count} ${f.label}`)).toEqual(figures);
  });
});

describe('defaultReviewPeriod', () => {
  const periods = [
    { period: '2026Q4', deadline: '2027-01-30' },
    { period: '2026Q3', deadline: '2026-10-30' },
    { period: '2026Q2', deadline: '2026-07-30' },
  ];
  test.each<{ name: string; periods: typeof periods; awaiting: [string, number][]; expected?: string }>([
    { name: 'no periods', periods: [], awaiting: [], expected: undefined },
    { name: 'the newest past its deadline', periods, awaiting: [], expected: '2026Q3' },
    {
      name: 'the open quarter when reports already await review there',
      periods,
      awaiting: [['2026Q4', 2]],
      expected: '2026Q4',
    },
    {
      name: 'whatever order the API used',
      periods: [...periods].reverse(),
      awaiting: [],
      expected: '2026Q3',
    },
    {
      name: 'the newest when nothing is due or waiting',
      periods: [{ period: '2026Q4', deadline: '2027-01-30' }],
      awaiting: [['2026Q4', 0]],
      expected: '2026Q4',
    },
  ])('$name', ({ periods, awaiting, expected }) => {
    expect(defaultReviewPeriod(periods, new Map(awaiting), '2026-11-28')).toBe(expected);
  });
});

describe('pickerPeriods', () => {
  const periods = ['2024Q1', '2026Q4', '2026Q3', '2026Q2', '2026Q1', '2025Q4'].map((period) => ({ period }));
  test.each([
    { current: undefined, count: 3, expected: ['2026Q4', '2026Q3', '2026Q2'] },
    { current: '2026Q3', count: 3, expected: ['2026Q4', '2026Q3', '2026Q2'] },
    { current: '2024Q1', count: 3, expected: ['2026Q4', '2026Q3', '2026Q2', '2024Q1'] },
    { current: '2030Q1', count: 2, expected: ['2026Q4', '2026Q3', '2030Q1'] },
  ])('current $current, $count newest', ({ current, count, expected }) => {
    expect(pickerPeriods(periods, current, count)).toEqual(expected);
  });
});

test.each([
  { value: '2026Q3', expected: true },
  { value: '2026Q5', expected: false },
  { value: '2026q3', expected: false },
  { value: '', expected: false },
  { value: null, expected: false },
])('isPeriodCode($value) is $expected', ({ value, expected }) => {
  expect(isPeriodCode(value)).toBe(expected);
});

describe('timelinessNote', () => {
  test.each<{ name: string; entry: QueueEntry; pastDeadline: boolean; expected: string | null }>([
    {
      name: 'not started, not yet due',
      entry: entry('A', 'not_started'),
      pastDeadline: false,
      expected: null,
    },
    {
      name: 'not started after the deadline',
      entry: entry('A', 'not_started'),
      pastDeadline: true,
      expected: 'Not submitted by the deadline',
    },
    {
      name: 'a draft after the deadline',
      entry: entry('A', 'draft'),
      pastDeadline: true,
      expected: 'Not submitted by the deadline',
    },
    {
      name: 'submitted on time',
      entry: entry('A', 'submitted', { submittedAt: '2026-10-20T10:00:00Z' }),
      pastDeadline: true,
      expected: null,
    },
    {
      name: 'submitted late',
      entry: entry('A', 'submitted', { late: true, submittedAt: '2026-11-02T10:00:00Z' }),
      pastDeadline: true,
      expected: 'Submitted late',
    },
    {
      name: 'returned, first submitted late',
      entry: entry('A', 'returned', { late: true, submittedAt: '2026-11-02T10:00:00Z' }),
      pastDeadline: true,
      expected: 'Submitted late',
    },
  ])('$name', ({ entry: e, pastDeadline, expected }) => {
    expect(timelinessNote(e, pastDeadline)).toBe(expected);
  });
});

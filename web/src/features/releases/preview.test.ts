import { describe, expect, test } from 'vitest';
import type { ReportingPeriod } from '../../api/types';
import {
  completenessHeadline,
  confirmIncludes,
  correctionNote,
  defaultPublishPeriod,
  missingFigures,
  nextSequence,
  periodOptionLabel,
  publishBlocker,
  publishButtonLabel,
  publishedSequences,
  sortMissing,
} from './preview';
import { preview, release } from './testFixtures';

test.each([
  { expected: 0, approved: 0, text: 'No agencies are expected to report' },
  { expected: 14, approved: 0, text: "0 of 14 agencies' reports approved" },
  { expected: 14, approved: 12, text: "12 of 14 agencies' reports approved" },
  { expected: 14, approved: 14, text: "All 14 agencies' reports approved" },
  { expected: 1, approved: 1, text: "1 of 1 agency's report approved" },
])('completenessHeadline $approved of $expected', ({ expected, approved, text }) => {
  expect(completenessHeadline({ expected, approved })).toBe(text);
});

test.each([
  { name: 'none missing', counts: { awaitingReview: 0, returned: 0, draft: 0, notStarted: 0 }, expected: [] },
  {
    name: 'some of each',
    counts: { awaitingReview: 1, returned: 2, draft: 1, notStarted: 3 },
    expected: [
      { count: 1, label: 'awaiting review' },
      { count: 2, label: 'returned for correction' },
      { count: 1, label: 'draft not yet submitted' },
      { count: 3, label: 'not started' },
    ],
  },
  {
    name: 'drafts only',
    counts: { awaitingReview: 0, returned: 0, draft: 2, notStarted: 0 },
    expected: [{ count: 2, label: 'drafts not yet submitted' }],
  },
])('missingFigures: $name', ({ counts, expected }) => {
  expect(missingFigures(counts)).toEqual(expected);
});

test('sortMissing puts reports awaiting review first, then by name, with the reason in words', () => {
  expect(
    sortMissing([
      { code: 'D', name: 'Dogwood', status: 'not_started' },
      { code: 'B', name: 'Birch', status: 'draft' },
      { code: 'C', name: 'Cedar', status: 'submitted' },
      { code: 'A', name: 'Alder', status: 'returned' },
      { code: 'E', name: 'Elm', status: 'not_started' },
    ]).map((a) => `${a.name}: ${a.reason}`),
  ).toEqual([
    'Cedar: Submitted — awaiting review',
    'Alder: Returned for correction',
    'Birch: Draft',
    'Dogwood: Not started',
    'Elm: Not started',
  ]);
  expect(sortMissing([])).toEqual([]);
});

describe('first release or correction', () => {
  test.each([
    { name: 'never released', releases: [], correction: false, sequence: 1, label: 'Publish 2026Q3' },
    {
      name: 'published once',
      releases: [release({ id: 1 })],
      correction: true,
      sequence: 2,
      label: 'Publish a correction (release 2)',
    },
    {
      name: 'published, corrected, then a failed attempt',
      releases: [
        release({ id: 3, sequence: 3, status: 'failed' }),
        release({ id: 2, sequence: 2 }),
        release({ id: 1, status: 'superseded' }),
        release({ id: 9, period: '2026Q2', sequence: 7 }),
      ],
      correction: true,
      sequence: 4,
      label: 'Publish a correction (release 4)',
    },
    {
      name: 'only a failed attempt',
      releases: [release({ id: 1, status: 'failed' })],
      correction: false,
      sequence: 2,
      label: 'Publish 2026Q3',
    },
  ])('$name', ({ releases, correction, sequence, label }) => {
    expect(nextSequence('2026Q3', releases)).toBe(sequence);
    expect(publishedSequences('2026Q3', releases).length > 0).toBe(correction);
    expect(publishButtonLabel('2026Q3', correction, sequence)).toBe(label);
  });

  test.each([
    { published: [], sequence: 1, expected: '' },
    {
      published: [1],
      sequence: 2,
      expected: '2026Q3 has been published before (release 1). Publishing again makes release 2,',
    },
    {
      published: [1, 2],
      sequence: 4,
      expected: '2026Q3 has been published before (releases 1 and 2). Publishing again makes release 4,',
    },
  ])('correctionNote after $published', ({ published, sequence, expected }) => {
    const note = correctionNote('2026Q3', published, sequence);
    if (expected === '') expect(note).toBe('');
    else expect(note.startsWith(expected)).toBe(true);
  });
});

describe('publishBlocker', () => {
  test.each([
    { name: 'ready', approved: 3, computing: undefined, expected: null },
    {
      name: 'nothing approved',
      approved: 0,
      computing: undefined,
      expected:
        'No report for 2026Q3 is approved yet, so there is nothing to publish. Approve reports first.',
    },
    {
      name: 'another release computing',
      approved: 3,
      computing: { period: '2026Q2', sequence: 1 },
      expected: '2026Q2, release 1 is still being computed. You can publish again once it has finished.',
    },
  ])('$name', ({ approved, computing, expected }) => {
    expect(publishBlocker({ period: '2026Q3', approved }, computing)).toBe(expected);
  });
});

test.each([
  { expected: 14, approved: 14, text: 'It includes the approved reports of 14 agencies.' },
  {
    expected: 14,
    approved: 12,
    text: 'It includes the approved reports of 12 agencies. The 2 agencies without an approved report are not in any figure.',
  },
  {
    expected: 2,
    approved: 1,
    text: 'It includes the approved report of 1 agency. The 1 agency without an approved report is not in any figure.',
  },
])('confirmIncludes $approved of $expected', ({ expected, approved, text }) => {
  expect(confirmIncludes({ expected, approved })).toBe(text);
});

const period = (code: string, deadline: string, approved: number, open = false): ReportingPeriod => ({
  period: code,
  startDate: '2026-07-01',
  endDate: '2026-09-30',
  deadline,
  open,
  opensOn: '2026-10-01',
  openedEarly: false,
  expected: 14,
  approved,
});

test.each([
  { name: 'no quarters', periods: [], expected: undefined },
  {
    name: 'the newest closed for entry and past its deadline with approved reports',
    periods: [
      period('2026Q4', '2027-01-30', 2, true),
      period('2026Q3', '2026-10-30', 8, true),
      period('2026Q2', '2026-07-30', 14),
    ],
    expected: '2026Q2',
  },
  {
    name: 'none closed: the newest past its deadline with approved reports',
    periods: [period('2026Q4', '2027-01-30', 2, true), period('2026Q3', '2026-10-30', 12, true)],
    expected: '2026Q3',
  },
  {
    name: 'none past the deadline: the newest with approved reports',
    periods: [period('2026Q4', '2027-01-30', 0, true), period('2026Q3', '2026-12-30', 5)],
    expected: '2026Q3',
  },
  {
    name: 'nothing approved anywhere: the newest',
    periods: [period('2026Q3', '2026-10-30', 0), period('2026Q4', '2027-01-30', 0, true)],
    expected: '2026Q4',
  },
])('defaultPublishPeriod: $name', ({ periods, expected }) => {
  expect(defaultPublishPeriod(periods, '2026-11-28')).toBe(expected);
});

test.each([
  {
    name: 'never published, closed',
    subject: period('2026Q3', '2026-10-30', 12),
    releases: [],
    expected: '2026Q3 · July to September 2026 · 12 of 14 approved',
  },
  {
    name: 'open for entry',
    subject: period('2026Q3', '2026-10-30', 3, true),
    releases: [],
    expected: '2026Q3 · July to September 2026 · 3 of 14 approved · open for entry',
  },
  {
    name: 'published twice, one failed attempt since',
    subject: period('2026Q3', '2026-10-30', 14),
    releases: [
      release({ id: 3, sequence: 3, status: 'failed' }),
      release({ id: 2, sequence: 2 }),
      release({ id: 1, status: 'superseded' }),
    ],
    expected: '2026Q3 · July to September 2026 · 14 of 14 approved · published (release 2)',
  },
])('periodOptionLabel: $name', ({ subject, releases, expected }) => {
  expect(periodOptionLabel(subject, releases)).toBe(expected);
});

test('the fixture preview reads as a whole', () => {
  const p = preview();
  expect(`${completenessHeadline(p)} for ${p.period}`).toBe("12 of 14 agencies' reports approved for 2026Q3");
});

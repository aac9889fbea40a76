import { describe, expect, test } from 'vitest';
import {
  chaseQuarter,
  type MissingAgency,
  missingAgencies,
  missingSummary,
  notYetChasingNote,
} from './missing';
import { completenessPeriod } from './testFixtures';
import type { CompletenessAgency, CompletenessPeriod } from './types';

const q4Open = completenessPeriod('2026Q4');
const q3OpenLate = completenessPeriod('2026Q3');
const q3Closed = completenessPeriod('2026Q3', { open: false });
const q2Closed = completenessPeriod('2026Q2', { open: false });

describe('chaseQuarter', () => {
  test.each<{ name: string; periods: CompletenessPeriod[]; today: string; expected: string | undefined }>([
    { name: 'no quarters', periods: [], today: '2026-11-28', expected: undefined },
    {
      name: 'an open quarter past its deadline comes before the next one',
      periods: [q4Open, q3OpenLate, q2Closed],
      today: '2026-11-28',
      expected: '2026Q3',
    },
    {
      name: 'a closed quarter is not chased: agencies can no longer enter it',
      periods: [q4Open, q3Closed, q2Closed],
      today: '2026-11-28',
      expected: undefined,
    },
    {
      name: 'the open quarter two weeks before its deadline',
      periods: [q4Open, q3Closed],
      today: '2027-01-16',
      expected: '2026Q4',
    },
    {
      name: 'the open quarter fifteen days before its deadline is not chased yet',
      periods: [q4Open, q3Closed],
      today: '2027-01-15',
      expected: undefined,
    },
    {
      name: 'on the deadline day itself',
      periods: [q4Open],
      today: '2027-01-30',
      expected: '2026Q4',
    },
    {
      name: 'of two overdue open quarters, the newer',
      periods: [{ ...q2Closed, open: true }, q3OpenLate],
      today: '2026-11-28',
      expected: '2026Q3',
    },
  ])('$name', ({ periods, today, expected }) => {
    expect(chaseQuarter(periods, today)?.code).toBe(expected);
  });
});

function agency(
  code: string,
  name: string,
  status: CompletenessAgency['cells'][string]['status'] | null,
): CompletenessAgency {
  return {
    code,
    name,
    type: 'victim_services',
    county: 'SCL',
    firstPeriod: null,
    cells: status === null ? {} : { '2026Q3': { status, late: status !== 'approved', revision: 0 } },
  };
}

describe('missingAgencies', () => {
  test.each<{ name: string; agencies: CompletenessAgency[]; expected: string[] }>([
    { name: 'no agencies', agencies: [], expected: [] },
    {
      name: 'everyone submitted or approved',
      agencies: [agency('A', 'Alder', 'approved'), agency('B', 'Birch', 'submitted')],
      expected: [],
    },
    {
      name: 'not started first, then drafts, then returned, each by name',
      agencies: [
        agency('R', 'Rowan', 'returned'),
        agency('D', 'Dogwood', 'draft'),
        agency('Z', 'Zelkova', 'not_started'),
        agency('A', 'Alder', 'approved'),
        agency('C', 'Cedar', 'not_started'),
      ],
      expected: ['C', 'Z', 'D', 'R'],
    },
    {
      name: 'an agency not expected that quarter is not missing',
      agencies: [agency('N', 'New agency', null), agency('D', 'Dogwood', 'draft')],
      expected: ['D'],
    },
  ])('$name', ({ agencies, expected }) => {
    expect(missingAgencies(agencies, '2026Q3').map((m) => m.code)).toEqual(expected);
  });
});

describe('missingSummary', () => {
  const entry = (status: MissingAgency['status']): MissingAgency => ({
    code: 'X',
    name: 'X',
    type: 'education',
    county: 'SCL',
    status,
  });
  test.each<{ statuses: MissingAgency['status'][]; expected: string }>([
    { statuses: [], expected: 'Every agency shown has sent its 2026Q3 report.' },
    {
      statuses: ['not_started'],
      expected: "1 agency still needs to send its 2026Q3 report: 1 hasn't started.",
    },
    {
      statuses: ['returned'],
      expected: '1 agency still needs to send its 2026Q3 report: 1 was returned for correction.',
    },
    {
      statuses: ['draft', 'draft'],
      expected: '2 agencies still need to send their 2026Q3 report: 2 have a draft saved.',
    },
    {
      statuses: ['not_started', 'not_started', 'draft', 'returned'],
      expected:
        "4 agencies still need to send their 2026Q3 report: 2 haven't started, 1 has a draft saved and 1 was returned for correction.",
    },
  ])('$statuses', ({ statuses, expected }) => {
    expect(missingSummary(statuses.map(entry), '2026Q3')).toBe(expected);
  });
});

describe('notYetChasingNote', () => {
  test.each([
    { periods: [], expected: null },
    { periods: [q3Closed], expected: null },
    {
      periods: [q4Open, q3Closed],
      expected:
        "2026Q4 is open for entry and due January 30, 2027 (in 63 days). From 14 days before its deadline, this page lists who hasn't sent a report yet and drafts a reminder for them.",
    },
  ])('$periods.length quarters', ({ periods, expected }) => {
    expect(notYetChasingNote(periods, '2026-11-28')).toBe(expected);
  });
});

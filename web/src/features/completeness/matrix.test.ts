import { describe, expect, test } from 'vitest';
import { agenciesShown, type CellView, columnSummaryText, describeCell, summarizeColumn } from './matrix';
import type { CompletenessAgency, CompletenessCell } from './types';

describe('describeCell', () => {
  test.each<{ name: string; cell: CompletenessCell | undefined; pastDeadline: boolean; expected: CellView }>([
    {
      name: 'no cell: the agency was not expected that quarter',
      cell: undefined,
      pastDeadline: true,
      expected: { label: 'Not expected', tone: 'none', shape: 'dash', timing: null, note: null },
    },
    {
      name: 'not started, not yet due',
      cell: { status: 'not_started', late: false, revision: 0 },
      pastDeadline: false,
      expected: { label: 'Not started', tone: 'not-started', shape: 'circle', timing: null, note: null },
    },
    {
      name: 'not started and past the deadline',
      cell: { status: 'not_started', late: false, revision: 0 },
      pastDeadline: true,
      expected: { label: 'Not started', tone: 'not-started', shape: 'circle', timing: 'Overdue', note: null },
    },
    {
      name: 'a draft, not yet due',
      cell: { status: 'draft', late: false, revision: 0 },
      pastDeadline: false,
      expected: { label: 'Draft', tone: 'draft', shape: 'pencil', timing: null, note: null },
    },
    {
      name: 'a draft past the deadline',
      cell: { status: 'draft', late: false, revision: 0 },
      pastDeadline: true,
      expected: { label: 'Draft', tone: 'draft', shape: 'pencil', timing: 'Overdue', note: null },
    },
    {
      name: 'awaiting review, submitted on time',
      cell: { status: 'submitted', late: false, revision: 1 },
      pastDeadline: true,
      expected: { label: 'Awaiting review', tone: 'waiting', shape: 'clock', timing: null, note: null },
    },
    {
      name: 'returned, first submitted late',
      cell: { status: 'returned', late: true, revision: 1 },
      pastDeadline: true,
      expected: { label: 'Returned', tone: 'returned', shape: 'return', timing: 'Late', note: null },
    },
    {
      name: 'approved after a resubmission',
      cell: { status: 'approved', late: false, revision: 2 },
      pastDeadline: true,
      expected: { label: 'Approved', tone: 'approved', shape: 'tick', timing: null, note: 'Revision 2' },
    },
  ])('$name', ({ cell, pastDeadline, expected }) => {
    expect(describeCell(cell, pastDeadline)).toEqual(expected);
  });

  test('every status has its own shape, so the grid reads without colour', () => {
    const statuses = ['not_started', 'draft', 'submitted', 'returned', 'approved'] as const;
    const shapes = new Set(
      statuses.map((status) => describeCell({ status, late: false, revision: 1 }).shape),
    );
    shapes.add(describeCell(undefined).shape);
    expect(describeCell(undefined, true, '2026Q2').label).toBe('Not expected: reports from 2026Q2');
    expect(shapes.size).toBe(statuses.length + 1);
  });
});

function agency(code: string, cells: CompletenessAgency['cells']): CompletenessAgency {
  return { code, name: code, type: 'victim_services', county: 'SCL', firstPeriod: null, cells };
}

describe('summarizeColumn and columnSummaryText', () => {
  test.each([
    {
      name: 'no agencies',
      agencies: [],
      expected: { expected: 0, submitted: 0, late: 0 },
      text: 'No agencies expected',
    },
    {
      name: 'nobody expected that quarter',
      agencies: [agency('A', {})],
      expected: { expected: 0, submitted: 0, late: 0 },
      text: 'No agencies expected',
    },
    {
      name: 'all submitted on time',
      agencies: [
        agency('A', { '2026Q3': { status: 'approved', late: false, revision: 1 } }),
        agency('B', { '2026Q3': { status: 'submitted', late: false, revision: 1 } }),
      ],
      expected: { expected: 2, submitted: 2, late: 0 },
      text: '2 of 2 submitted',
    },
    {
      name: 'a mix, with a returned report counted as submitted and late ones counted',
      agencies: [
        agency('A', { '2026Q3': { status: 'returned', late: true, revision: 1 } }),
        agency('B', { '2026Q3': { status: 'draft', late: true, revision: 0 } }),
        agency('C', { '2026Q3': { status: 'not_started', late: false, revision: 0 } }),
        agency('D', { '2026Q2': { status: 'approved', late: false, revision: 1 } }),
      ],
      expected: { expected: 3, submitted: 1, late: 2 },
      text: '1 of 3 submitted, 2 late',
    },
  ])('$name', ({ agencies, expected, text }) => {
    const summary = summarizeColumn(agencies, '2026Q3');
    expect(summary).toEqual(expected);
    expect(columnSummaryText(summary)).toBe(text);
  });
});

describe('agenciesShown', () => {
  test.each([
    { count: 0, expected: 'No agencies match these filters.' },
    { count: 1, expected: 'Showing 1 agency.' },
    { count: 14, expected: 'Showing 14 agencies.' },
  ])('$count → $expected', ({ count, expected }) => {
    expect(agenciesShown(count)).toBe(expected);
  });
});

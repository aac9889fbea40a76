import { describe, expect, test } from 'vitest';
import {
  audienceCellLines,
  audienceSummaryRows,
  formatSeconds,
  formatShare,
  hiddenCellsText,
} from './summary';
import { audienceSummary } from './testFixtures';

describe('formatShare', () => {
  test.each([
    { fraction: 0, expected: '0%' },
    { fraction: Number.NaN, expected: '0%' },
    { fraction: 0.001, expected: 'less than 1%' },
    { fraction: 0.0922, expected: '9%' },
    { fraction: 0.5, expected: '50%' },
    { fraction: 0.999, expected: 'more than 99%' },
    { fraction: 1, expected: '100%' },
  ])('$fraction → $expected', ({ fraction, expected }) => {
    expect(formatShare(fraction)).toBe(expected);
  });
});

describe('hiddenCellsText', () => {
  test.each([
    { name: 'typical', cells: 412, hidden: 38, expected: '38 of 412 cells hidden (9%)' },
    { name: 'nothing hidden', cells: 412, hidden: 0, expected: '0 of 412 cells hidden (0%)' },
    { name: 'zero cells', cells: 0, hidden: 0, expected: 'No cells to publish' },
    { name: 'one cell', cells: 1, hidden: 1, expected: '1 of 1 cell hidden (100%)' },
    { name: 'one in thousands', cells: 2400, hidden: 1, expected: '1 of 2,400 cells hidden (less than 1%)' },
  ])('$name', ({ cells, hidden, expected }) => {
    expect(hiddenCellsText({ cells, hidden })).toBe(expected);
  });
});

test.each([
  { seconds: 0, expected: 'less than 0.1 seconds' },
  { seconds: 0.42, expected: '0.4 seconds' },
  { seconds: 1, expected: '1 second' },
  { seconds: 3.21, expected: '3.2 seconds' },
  { seconds: 74.6, expected: '75 seconds' },
])('formatSeconds($seconds) → $expected', ({ seconds, expected }) => {
  expect(formatSeconds(seconds)).toBe(expected);
});

describe('audienceCellLines', () => {
  test.each([
    {
      name: 'passed',
      summary: audienceSummary(),
      status: 'published' as const,
      expected: ['38 of 412 cells hidden (9%)', 'Audit passed'],
    },
    {
      name: 'failed audit',
      summary: audienceSummary({ status: 'failed' }),
      status: 'failed' as const,
      expected: ['38 of 412 cells hidden (9%)', 'Audit failed'],
    },
    { name: 'computing', summary: undefined, status: 'computing' as const, expected: ['Not computed yet'] },
    {
      name: 'failed before this audience',
      summary: undefined,
      status: 'failed' as const,
      expected: ['Not computed'],
    },
    {
      name: 'superseded',
      summary: audienceSummary({ cells: 0, hidden: 0 }),
      status: 'superseded' as const,
      expected: ['No cells to publish', 'Audit passed'],
    },
  ])('$name', ({ summary, status, expected }) => {
    expect(audienceCellLines(summary, status)).toEqual(expected);
  });
});

test('the details name primary and complementary cells, LPs, seconds and the share of the count', () => {
  expect(audienceSummaryRows(audienceSummary())).toEqual([
    { label: 'Rule', value: 'Counts of people under 5 are hidden; zeros are shown' },
    {
      label: 'Audit',
      value:
        'Passed: no hidden number can be worked out, or narrowed down to a small range, from what is shown',
    },
    { label: 'Cells', value: '412' },
    { label: 'Hidden', value: '38 of 412 cells hidden (9%)' },
    { label: 'Hidden because they are small (primary)', value: '30' },
    { label: 'Hidden so others cannot be worked out by subtraction (complementary)', value: '8' },
    { label: 'Share of the total count hidden', value: '2%' },
    { label: 'Audit calculations', value: '1,204 linear programs solved in 3.2 seconds' },
  ]);
});

test('a release whose audit used certificates says how many checks they settled', () => {
  const rows = audienceSummaryRows(audienceSummary({ lpsSolved: 4896, certificates: 38047, seconds: 42.4 }));
  expect(rows.find((row) => row.label === 'Audit calculations')?.value).toBe(
    '4,896 linear programs solved and 38,047 checks settled by an example table in 42 seconds',
  );
});

test('without the share of the count (sent to admins only), that line is left out', () => {
  const labels = audienceSummaryRows(audienceSummary({ hiddenShareOfCount: undefined })).map(
    (row) => row.label,
  );
  expect(labels).not.toContain('Share of the total count hidden');
  expect(labels).toHaveLength(7);
});

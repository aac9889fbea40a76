import { describe, expect, test } from 'vitest';
import {
  fiscalYearOf,
  halfYearOf,
  nextQuarter,
  parseQuarter,
  quarterDates,
  quarterDeadline,
  quarterRange,
  quartersOfFiscalYear,
} from './periods';

const q = (code: string) => {
  const parsed = parseQuarter(code);
  if (!parsed) throw new Error(code);
  return parsed;
};

describe('quarters', () => {
  test.each(['2026Q3', '1999Q1'])('%s parses', (code) => expect(parseQuarter(code)?.code).toBe(code));
  test.each(['2026Q5', '2026q3', '26Q1', '2026-Q1', ''])('%s does not', (code) =>
    expect(parseQuarter(code)).toBeUndefined(),
  );

  test.each([
    ['2026Q1', '2026-01-01', '2026-03-31'],
    ['2024Q1', '2024-01-01', '2024-03-31'],
    ['2026Q3', '2026-07-01', '2026-09-30'],
    ['2026Q4', '2026-10-01', '2026-12-31'],
  ])('%s runs %s to %s', (code, start, end) => expect(quarterDates(q(code))).toEqual({ start, end }));

  test.each([
    ['2026Q3', 30, '2026-10-30'],
    ['2026Q4', 30, '2027-01-30'],
    ['2024Q1', 0, '2024-03-31'],
  ])('%s with %i days is due %s', (code, days, due) => expect(quarterDeadline(q(code), days)).toBe(due));

  test('the quarter after Q4 is Q1 of the next year', () => {
    expect(nextQuarter(q('2026Q4')).code).toBe('2027Q1');
    expect(
      quarterRange(q('2023Q4'), 13)
        .map((x) => x.code)
        .at(-1),
    ).toBe('2026Q4');
  });
});

describe('years', () => {
  test.each([
    ['2025Q4', 'federal', 2026],
    ['2026Q3', 'federal', 2026],
    ['2026Q3', 'california', 2027],
    ['2026Q2', 'california', 2026],
    ['2026Q4', 'calendar', 2026],
  ] as const)('%s is in %s fiscal year %i', (code, kind, year) =>
    expect(fiscalYearOf(q(code), kind)).toBe(year),
  );

  test('a fiscal year has its four quarters', () => {
    expect(quartersOfFiscalYear(2026, 'federal').map((x) => x.code)).toEqual([
      '2025Q4',
      '2026Q1',
      '2026Q2',
      '2026Q3',
    ]);
    expect(quartersOfFiscalYear(2026, 'california').map((x) => x.code)).toEqual([
      '2025Q3',
      '2025Q4',
      '2026Q1',
      '2026Q2',
    ]);
    expect(halfYearOf(q('2026Q2'))).toBe('2026H1');
    expect(halfYearOf(q('2026Q3'))).toBe('2026H2');
  });
});

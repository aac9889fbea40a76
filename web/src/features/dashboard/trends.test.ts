import { expect, test } from 'vitest';
import { genderSeries } from './testFixtures';
import { resolveTrendsView, trendsSearch, unduplicatedNotes } from './trends';
import type { StatsTablesResponse } from './types';

const tables = {
  audience: 'coalition',
  tables: [
    { code: 'survivors_served.gender', periods: ['2026Q1'], geographies: ['coalition', 'SBN', 'SCL'] },
    { code: 'trainings_delivered', periods: ['2026Q1'], geographies: ['coalition', 'SBN', 'SCL'] },
  ],
} as unknown as StatsTablesResponse;

test.each([
  [{}, { table: 'survivors_served.gender', interval: 'quarter', geo: 'coalition', compare: null }],
  [
    { table: 'trainings_delivered', interval: 'fy', geo: 'SCL', compare: 'SBN' },
    { table: 'trainings_delivered', interval: 'fy', geo: 'SCL', compare: 'SBN' },
  ],
  [
    { table: 'nope', interval: 'month', geo: 'XYZ', compare: 'coalition' },
    { table: 'survivors_served.gender', interval: 'quarter', geo: 'coalition', compare: null },
  ],
])('resolveTrendsView(%j)', (requested, view) => {
  expect(
    resolveTrendsView({ table: null, interval: null, geo: null, compare: null, ...requested }, tables),
  ).toEqual(view);
});

test('nothing published: no view', () => {
  expect(resolveTrendsView({ table: null, interval: null, geo: null, compare: null }, undefined)).toBeNull();
});

test('trendsSearch leaves defaults out', () => {
  expect(trendsSearch({ table: 't', interval: 'quarter', geo: 'coalition', compare: null })).toBe(
    '?table=t&interval=quarter',
  );
  expect(trendsSearch({ table: 't', interval: 'year', geo: 'SCL', compare: 'coalition' })).toBe(
    '?table=t&interval=year&geo=SCL&compare=coalition',
  );
});

test('unduplicated notes: a range, a point, hidden, none', () => {
  const series = genderSeries([
    ['2026Q1', 10, 5, 5],
    ['2026Q2', 10, 5, 5],
    ['2026Q3', 10, 5, 5],
    ['2026Q4', 10, 5, 5],
  ]);
  const periods = series.periods.map((p, i) => ({
    ...p,
    unduplicated:
      [{ lower: 53, upper: 67 }, { lower: 9, upper: 9 }, { suppressed: true as const }, null][i] ?? null,
  }));
  expect([...unduplicatedNotes({ ...series, periods })]).toEqual([
    ['2026Q1', 'Different people: 53 to 67'],
    ['2026Q2', 'Different people: 9'],
    ['2026Q3', 'Different people: hidden'],
  ]);
  expect(unduplicatedNotes(undefined).size).toBe(0);
});

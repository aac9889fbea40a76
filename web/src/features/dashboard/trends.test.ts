import { expect, test } from 'vitest';
import { genderSeries } from './testFixtures';
import { intervalNotice, resolveTrendsView, trendIntervals, trendsSearch, unduplicatedNotes } from './trends';
import type { StatsTablesResponse } from './types';

const tables = {
  audience: 'coalition',
  tables: [
    {
      code: 'survivors_served',
      name: 'Survivors served',
      periods: ['2025Q4', '2025H2', '2025', '2026Q1'],
      geographies: ['coalition', 'SBN', 'SCL'],
    },
    {
      code: 'survivors_served.citizenship',
      name: 'Survivors served · By citizenship',
      periods: ['2025', 'FY2025', 'SFY2026'],
      geographies: ['coalition'],
    },
    { code: 'trainings_delivered', periods: ['2026Q1', 'FY2025'], geographies: ['coalition', 'SBN', 'SCL'] },
  ],
} as unknown as StatsTablesResponse;

test.each([
  [{}, { table: 'survivors_served', interval: 'quarter', geo: 'coalition', compare: null }],
  [
    { table: 'trainings_delivered', interval: 'fy', geo: 'SCL', compare: 'SBN' },
    { table: 'trainings_delivered', interval: 'fy', geo: 'SCL', compare: 'SBN' },
  ],
  [
    { table: 'survivors_served', interval: 'half' },
    { table: 'survivors_served', interval: 'half', geo: 'coalition', compare: null },
  ],
  [
    { table: 'nope', interval: 'month', geo: 'XYZ', compare: 'coalition' },
    { table: 'survivors_served', interval: 'quarter', geo: 'coalition', compare: null },
  ],
  [
    // Breakdowns are published by year: asked by quarter, and for a county, they show the coalition's years.
    { table: 'survivors_served.citizenship', interval: 'quarter', geo: 'SCL' },
    { table: 'survivors_served.citizenship', interval: 'year', geo: 'coalition', compare: null },
  ],
])('resolveTrendsView(%j)', (requested, view) => {
  expect(
    resolveTrendsView({ table: null, interval: null, geo: null, compare: null, ...requested }, tables),
  ).toEqual(view);
});

test('the intervals offered are those a table is published at', () => {
  expect(trendIntervals(tables.tables[0])).toEqual(['quarter', 'half', 'year']);
  expect(trendIntervals(tables.tables[1])).toEqual(['year', 'fy', 'sfy']);
});

test('an interval asked for but not published is replaced, and the page says why', () => {
  const citizenship = tables.tables[1];
  const view = resolveTrendsView(
    { table: 'survivors_served.citizenship', interval: 'quarter', geo: null, compare: null },
    tables,
  );
  expect(view && intervalNotice('quarter', view, citizenship)).toBe(
    'Survivors served · By citizenship is published by calendar year, federal fiscal year and California fiscal year, not by quarter; showing it by calendar year.',
  );
  expect(view && intervalNotice('year', view, citizenship)).toBeNull();
  expect(view && intervalNotice(null, view, citizenship)).toBeNull();
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

import { describe, expect, test } from 'vitest';
import type { StatsTablesResponse } from './types';
import {
  fileParts,
  geoName,
  openingPeriod,
  periodGroups,
  periodOptionLabel,
  provisionalLabel,
  provisionalPeriods,
  publishedCube,
  resolveView,
  viewSearch,
} from './view';

const tables = {
  audience: 'coalition',
  tables: [
    {
      code: 'survivors_served.gender',
      element: 'survivors_served',
      name: 'Survivors served · By gender identity',
      kind: 'people',
      dimensions: [],
      periods: ['2025Q3', 'FY2025', '2025Q4', '2025', '2026Q1'],
      geographies: ['coalition', 'SBN', 'SCL'],
      notes: [],
    },
  ],
  countyBreakdowns: [],
  provisionalPeriods: [],
} as StatsTablesResponse;
const empty = {
  audience: 'coalition',
  tables: [],
  countyBreakdowns: [],
  provisionalPeriods: [],
} as StatsTablesResponse;

test.each([
  [
    'nothing asked: the newest quarter, coalition-wide',
    null,
    null,
    { kind: 'view', view: { period: '2026Q1', geo: 'coalition' }, notices: [], provisional: null },
  ],
  [
    'a published year in a county',
    '2025',
    'SCL',
    { kind: 'view', view: { period: '2025', geo: 'SCL' }, notices: [], provisional: null },
  ],
  [
    'lower case',
    'fy2025',
    null,
    { kind: 'view', view: { period: 'FY2025', geo: 'coalition' }, notices: [], provisional: null },
  ],
  [
    'a quarter with no release yet',
    '2026Q2',
    null,
    { kind: 'unpublished', view: { period: '2026Q2', geo: 'coalition' }, latest: '2026Q1' },
  ],
  [
    'not a period',
    'last-month',
    null,
    {
      kind: 'view',
      view: { period: '2026Q1', geo: 'coalition' },
      notices: ['“last-month” is not a period Scope publishes; showing January to March 2026 (2026Q1).'],
      provisional: null,
    },
  ],
  [
    'an unknown geography',
    '2026Q1',
    'RIVER',
    {
      kind: 'view',
      view: { period: '2026Q1', geo: 'coalition' },
      notices: ['There are no published figures for “RIVER”; showing the whole coalition.'],
      provisional: null,
    },
  ],
])('%s', (_name, period, geo, resolved) => {
  expect(resolveView({ period, geo }, tables)).toEqual(resolved);
});

test('nothing published yet', () => {
  expect(resolveView({ period: '2026Q1', geo: null }, empty)).toEqual({ kind: 'nothing-published' });
  expect(publishedCube(undefined)).toEqual({ periods: [], geos: [] });
});

test('periods grouped for the picker, newest first, each kind where published', () => {
  expect(periodGroups(publishedCube(tables).periods).map((g) => [g.interval, g.periods])).toEqual([
    ['quarter', ['2026Q1', '2025Q4', '2025Q3']],
    ['year', ['2025']],
    ['fy', ['FY2025']],
  ]);
  expect(
    periodGroups(['2025Q2', '2025H1', 'SFY2025', '2025Q4', '2025H2', '2025', 'SFY2026']).map((g) => [
      g.interval,
      g.periods,
    ]),
  ).toEqual([
    ['quarter', ['2025Q4', '2025Q2']],
    ['half', ['2025H2', '2025H1']],
    ['year', ['2025']],
    ['sfy', ['SFY2026', 'SFY2025']],
  ]);
  expect(periodGroups([])).toEqual([]);
});

test.each([
  [{ period: '2026Q1', geo: 'coalition' }, '?period=2026Q1'],
  [{ period: 'FY2025', geo: 'SBN' }, '?period=FY2025&geo=SBN'],
])('viewSearch(%j)', (view, search) => {
  expect(viewSearch(view)).toBe(search);
});

test.each([
  ['coalition', 'Whole coalition (both counties)'],
  ['SCL', 'Santa Clara County'],
  ['XYZ', 'County XYZ'],
])('geoName(%s)', (code, name) => {
  expect(geoName(code)).toBe(name);
});

describe('provisional periods', () => {
  const withProvisional = (
    periods: string[],
    provisional: Array<[string, number, number]>,
  ): StatsTablesResponse => ({
    ...tables,
    tables: tables.tables.map((t) => ({ ...t, periods })),
    provisionalPeriods: provisional.map(([period, reported, expected]) => ({ period, reported, expected })),
  });

  test.each([
    ['the newest quarter when none is provisional', ['2025Q4', '2026Q1'], [], '2026Q1'],
    ['the quarter before a provisional one', ['2025Q4', '2026Q1'], ['2026Q1'], '2025Q4'],
    ['past several provisional quarters', ['2025Q3', '2025Q4', '2026Q1'], ['2025Q4', '2026Q1'], '2025Q3'],
    ['a year when every quarter is provisional', ['2025Q4', '2025', '2026Q1'], ['2025Q4', '2026Q1'], '2025'],
    [
      'the newest quarter when everything is provisional',
      ['2025Q4', '2026Q1'],
      ['2025Q4', '2026Q1'],
      '2026Q1',
    ],
    ['periods listed out of order', ['2026Q1', '2025Q3', '2025Q4'], ['2026Q1'], '2025Q4'],
    ['nothing published', [], [], undefined],
  ])('a page opens on %s', (_name, periods, provisional, opening) => {
    const counts = new Map(provisional.map((p) => [p, { reported: 8, expected: 14 }]));
    expect(openingPeriod(periods, counts)).toBe(opening);
  });

  test('the dashboard opens on the newest complete quarter, and says the newer one can be chosen', () => {
    const published = withProvisional(['2025Q3', '2025Q4', '2026Q1'], [['2026Q1', 8, 14]]);
    expect(resolveView({ period: null, geo: null }, published)).toEqual({
      kind: 'view',
      view: { period: '2025Q4', geo: 'coalition' },
      notices: [
        'January to March 2026 (2026Q1) is provisional (8 of 14 agencies reported), so it is not shown first; you can still choose it.',
      ],
      provisional: null,
    });
  });

  test('a provisional period asked for by name is shown, with how many agencies reported', () => {
    const published = withProvisional(['2025Q4', '2026Q1'], [['2026Q1', 8, 14]]);
    expect(resolveView({ period: '2026Q1', geo: 'SCL' }, published)).toEqual({
      kind: 'view',
      view: { period: '2026Q1', geo: 'SCL' },
      notices: [],
      provisional: { reported: 8, expected: 14 },
    });
  });

  test('the picker marks a provisional period; file names say so', () => {
    const counts = provisionalPeriods(withProvisional(['2025Q4', '2026Q1'], [['2026Q1', 8, 14]]));
    expect(periodOptionLabel('2026Q1', counts)).toBe(
      'January to March 2026 (2026Q1) · Provisional: 8 of 14 agencies reported',
    );
    expect(periodOptionLabel('2025Q4', counts)).toBe('October to December 2025 (2025Q4)');
    expect(provisionalLabel(counts.get('2026Q1'))).toBe('Provisional: 8 of 14 agencies reported');
    expect(provisionalLabel(null)).toBeNull();
    expect(fileParts('2026Q1', true, 'SCL')).toEqual(['2026Q1', 'provisional', 'SCL']);
    expect(fileParts('2025Q4', false, 'SCL')).toEqual(['2025Q4', 'SCL']);
  });
});

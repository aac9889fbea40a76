import { expect, test } from 'vitest';
import type { StatsTablesResponse } from './types';
import { geoName, periodGroups, publishedCube, resolveView, viewSearch } from './view';

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
} as StatsTablesResponse;
const empty = { audience: 'coalition', tables: [], countyBreakdowns: [] } as StatsTablesResponse;

test.each([
  [
    'nothing asked: the newest quarter, coalition-wide',
    null,
    null,
    { kind: 'view', view: { period: '2026Q1', geo: 'coalition' }, notices: [] },
  ],
  [
    'a published year in a county',
    '2025',
    'SCL',
    { kind: 'view', view: { period: '2025', geo: 'SCL' }, notices: [] },
  ],
  ['lower case', 'fy2025', null, { kind: 'view', view: { period: 'FY2025', geo: 'coalition' }, notices: [] }],
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
    },
  ],
])('%s', (_name, period, geo, resolved) => {
  expect(resolveView({ period, geo }, tables)).toEqual(resolved);
});

test('nothing published yet', () => {
  expect(resolveView({ period: '2026Q1', geo: null }, empty)).toEqual({ kind: 'nothing-published' });
  expect(publishedCube(undefined)).toEqual({ periods: [], geos: [] });
});

test('periods grouped for the picker, newest first', () => {
  expect(periodGroups(publishedCube(tables).periods).map((g) => [g.interval, g.periods])).toEqual([
    ['quarter', ['2026Q1', '2025Q4', '2025Q3']],
    ['year', ['2025']],
    ['fy', ['FY2025']],
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

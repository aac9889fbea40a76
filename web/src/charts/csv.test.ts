import { expect, test } from 'vitest';
import { chartCsv, chartCsvRows, chartFileName } from './csv';
import type { ChartCell } from './types';

const cell = (
  coords: Record<string, string>,
  value: number | null,
  table = 'survivors_served.gender',
): ChartCell => ({
  table,
  period: '2026Q2',
  geo: 'coalition',
  coords,
  value,
  suppressed: value === null,
});

test.each([
  ['empty', [], [['table', 'period', 'geo', 'value', 'suppressed']]],
  [
    'published and hidden',
    [cell({ gender: 'female' }, 20), cell({ gender: 'male' }, null)],
    [
      ['table', 'period', 'geo', 'gender', 'value', 'suppressed'],
      ['survivors_served.gender', '2026Q2', 'coalition', 'female', '20', 'false'],
      ['survivors_served.gender', '2026Q2', 'coalition', 'male', '', 'true'],
    ],
  ],
  [
    'tables with different categories, and an element without any',
    [cell({ gender: 'female' }, 0), cell({}, 4, 'trainings_delivered')],
    [
      ['table', 'period', 'geo', 'gender', 'value', 'suppressed'],
      ['survivors_served.gender', '2026Q2', 'coalition', 'female', '0', 'false'],
      ['trainings_delivered', '2026Q2', 'coalition', '', '4', 'false'],
    ],
  ],
])('%s', (_name, cells, rows) => {
  expect(chartCsvRows(cells)).toEqual(rows);
});

test('the file opens cleanly in Excel: a byte-order mark and CRLF', () => {
  expect(chartCsv([cell({ gender: 'female' }, 3)])).toBe(
    '\ufefftable,period,geo,gender,value,suppressed\r\nsurvivors_served.gender,2026Q2,coalition,female,3,false\r\n',
  );
});

test('a label that a spreadsheet would run as a formula is written as text; counts stay numbers', () => {
  const text = chartCsv([
    { ...cell({ gender: '=HYPERLINK("http://evil.example")' }, 3), geo: '@geo' },
    cell({ gender: '-female' }, 0),
  ]);
  expect(text).toContain(
    `survivors_served.gender,2026Q2,'@geo,"'=HYPERLINK(""http://evil.example"")",3,false`,
  );
  expect(text).toContain("survivors_served.gender,2026Q2,coalition,'-female,0,false");
});

test.each([
  [['Survivors by quarter', '2026Q2', 'coalition'], 'csv', 'scope-survivors-by-quarter-2026q2-coalition.csv'],
  [['Services · provided!', 'FY2025', 'SCL'], 'svg', 'scope-services-provided-fy2025-scl.svg'],
])('chartFileName(%j)', (parts, extension, name) => {
  expect(chartFileName(parts, extension)).toBe(name);
});

import { describe, expect, test } from 'vitest';
import {
  breakdownModel,
  cellAt,
  figureOf,
  headline,
  multiplesTableModel,
  periodOfSeries,
  smallMultiples,
  stackedModel,
  trendModel,
} from './shape';
import { cell, genderCells, genderDimension, genderSeries, typeDimension } from './testFixtures';

const labels = { rowHeading: 'Gender identity', unit: 'survivors' };
const hidden = { value: null, suppressed: true };
const missing = { value: null, suppressed: false, missing: true };
const value = (v: number) => ({ value: v, suppressed: false });

describe('breakdownModel: bars of one category in one period', () => {
  const table = (cells: ReturnType<typeof genderCells>) => ({
    table: 'survivors_served.gender',
    period: '2026Q2',
    geo: 'coalition',
    dimensions: [genderDimension],
    cells,
  });

  test.each([
    ['published values', genderCells(30, 20, 10), [value(20), value(10)]],
    ['constant values', genderCells(24, 12, 12), [value(12), value(12)]],
    ['a hidden cell stays hidden, not zero', genderCells(30, 'S', 'S'), [hidden, hidden]],
    ['a zero is published as zero', genderCells(20, 20, 0), [value(20), value(0)]],
    ['a cell the table lacks is missing', [cell({ gender: 'female' }, 5)], [value(5), missing]],
  ])('%s', (_name, cells, figures) => {
    const model = breakdownModel(
      [{ key: 'served', label: 'Survivors served', table: table(cells) }],
      'gender',
      labels,
    );
    expect(model.rows.map((r) => r.label)).toEqual(['Female', 'Male']);
    expect(model.rows.map((r) => r.values.served)).toEqual(figures);
    // The CSV has exactly the option cells drawn, never the total nor an invented cell.
    expect(model.cells.map((c) => c.coords.gender)).toEqual(
      cells.filter((c) => c.gender !== '_total').map((c) => c.gender),
    );
    expect(model.cells.every((c) => (c.suppressed ? c.value === null : typeof c.value === 'number'))).toBe(
      true,
    );
  });

  test('empty: no table gives no rows', () => {
    expect(
      breakdownModel([{ key: 'served', label: 'Served', table: undefined }], 'gender', labels),
    ).toMatchObject({
      rows: [],
      cells: [],
    });
  });

  test('two tables side by side', () => {
    const model = breakdownModel(
      [
        { key: 'served', label: 'Served', table: table(genderCells(30, 20, 10)) },
        {
          key: 'new',
          label: 'New',
          table: { ...table(genderCells(12, 'S', 'S')), table: 'new_survivors.gender' },
        },
      ],
      'gender',
      labels,
    );
    expect(model.rows[0]?.values).toEqual({ served: value(20), new: hidden });
    expect(model.cells.map((c) => `${c.table}/${c.coords.gender}`)).toEqual([
      'survivors_served.gender/female',
      'survivors_served.gender/male',
      'new_survivors.gender/female',
      'new_survivors.gender/male',
    ]);
  });
});

describe('stackedModel: stacks over periods', () => {
  test.each([
    ['empty', undefined, []],
    [
      'constant',
      genderSeries([
        ['2026Q1', 10, 5, 5],
        ['2026Q2', 10, 5, 5],
      ]),
      [
        { female: value(5), male: value(5) },
        { female: value(5), male: value(5) },
      ],
    ],
    [
      'hidden segments stay hidden',
      genderSeries([['2026Q1', 'S', 'S', 12]]),
      [{ female: hidden, male: value(12) }],
    ],
  ])('%s', (_name, series, values) => {
    const model = stackedModel(series, 'gender', labels);
    expect(model.rows.map((r) => r.values)).toEqual(values);
  });

  test('incomplete periods carry a note, and periods within the chosen year are marked', () => {
    const model = stackedModel(
      genderSeries([
        ['2025Q4', 10, 5, 5],
        ['2026Q1', 10, 5, 5, 3],
      ]),
      'gender',
      labels,
      '2026',
    );
    expect(model.rows.map((r) => [r.label, r.incomplete, r.note, r.current])).toEqual([
      ['2025 Q4', false, undefined, false],
      ['2026 Q1', true, '3 of 4 agencies reported.', true],
    ]);
    expect(model.cells).toHaveLength(4);
  });
});

describe('trendModel: one cell over time, with a comparison', () => {
  test.each([
    ['empty', undefined, []],
    [
      'constant',
      genderSeries([
        ['2026Q1', 8, 4, 4],
        ['2026Q2', 8, 4, 4],
      ]),
      [value(8), value(8)],
    ],
    ['hidden', genderSeries([['2026Q1', 'S', 4, 'S']]), [hidden]],
    ['incomplete', genderSeries([['2026Q1', 8, 4, 4, 2]]), [value(8)]],
  ])('%s', (_name, series, figures) => {
    const model = trendModel({ key: 'main', label: 'Coalition', series }, undefined, {}, labels);
    expect(model.rows.map((r) => r.values.main)).toEqual(figures);
  });

  test('a period one series lacks is missing there (a gap), and incompleteness follows the main series', () => {
    const main = genderSeries([
      ['2026Q1', 20, 10, 10],
      ['2026Q2', 22, 11, 11, 3],
    ]);
    const other = genderSeries([['2026Q2', 'S', 5, 'S']], 'SBN');
    const model = trendModel(
      { key: 'coalition', label: 'Coalition', series: main },
      { key: 'SBN', label: 'San Benito', series: other },
      { gender: 'female' },
      labels,
    );
    expect(model.rows.map((r) => [r.key, r.values.coalition, r.values.SBN, r.incomplete])).toEqual([
      ['2026Q1', value(10), missing, false],
      ['2026Q2', value(11), value(5), true],
    ]);
    expect(model.cells.map((c) => `${c.geo}/${c.period}`)).toEqual([
      'coalition/2026Q1',
      'coalition/2026Q2',
      'SBN/2026Q2',
    ]);
  });
});

test('small multiples: one trend per option, and their wide table', () => {
  const series = genderSeries([
    ['2026Q1', 10, 'S', 6],
    ['2026Q2', 12, 7, 5],
  ]);
  const multiples = smallMultiples(series, labels);
  expect(multiples.map((m) => m.title)).toEqual(['Female', 'Male']);
  expect(multiples[0]?.model.rows.map((r) => r.values.value)).toEqual([hidden, value(7)]);
  const table = multiplesTableModel(series, labels);
  expect(table.series.map((s) => s.key)).toEqual(['gender.female', 'gender.male']);
  expect(table.rows[0]?.values).toEqual({ 'gender.female': hidden, 'gender.male': value(6) });
  expect(table.cells).toHaveLength(4);
  expect(smallMultiples(undefined, labels)).toEqual([]);
});

test('small multiples of a two-way table name the category', () => {
  const series = {
    table: 'survivors_served.type_gender',
    geo: 'coalition',
    dimensions: [typeDimension, genderDimension],
    periods: [],
  };
  expect(smallMultiples(series, labels).map((m) => m.title)).toEqual([
    'Type of trafficking: Sex',
    'Type of trafficking: Labor',
    'Gender identity: Female',
    'Gender identity: Male',
  ]);
});

describe('headline: the chosen period against the previous one and a year earlier', () => {
  test.each([
    ['empty', undefined, missing, missing, missing],
    [
      'constant',
      genderSeries([
        ['2025Q2', 10, 5, 5],
        ['2026Q1', 10, 5, 5],
        ['2026Q2', 10, 5, 5],
      ]),
      value(10),
      value(10),
      value(10),
    ],
    [
      'hidden now',
      genderSeries([
        ['2026Q1', 10, 5, 5],
        ['2026Q2', 'S', 5, 'S'],
      ]),
      hidden,
      value(10),
      missing,
    ],
    ['missing earlier periods', genderSeries([['2026Q2', 14, 7, 7, 3]]), value(14), missing, missing],
  ])('%s', (_name, series, current, previous, lastYear) => {
    const tile = headline(series, '2026Q2', '2026Q1', '2025Q2');
    expect(tile.current).toEqual(current);
    expect(tile.previous).toEqual({ period: '2026Q1', figure: previous });
    expect(tile.lastYear).toEqual({ period: '2025Q2', figure: lastYear });
  });

  test('carries the chosen period’s completeness and its one cell for the CSV', () => {
    const tile = headline(genderSeries([['2026Q2', 14, 7, 7, 3]]), '2026Q2', '2026Q1', null);
    expect(tile.completeness).toEqual({ reported: 3, expected: 4 });
    expect(tile.lastYear).toBeNull();
    expect(tile.cells).toEqual([
      {
        table: 'survivors_served.gender',
        period: '2026Q2',
        geo: 'coalition',
        coords: { gender: '_total' },
        value: 14,
        suppressed: false,
      },
    ]);
  });
});

test.each([
  [undefined, missing],
  [cell({ gender: 'female' }, 'S'), hidden],
  [cell({ gender: 'female' }, 0), value(0)],
])('figureOf(%j)', (c, figure) => {
  expect(figureOf(c)).toEqual(figure);
});

test('cellAt leaves unnamed categories at their total', () => {
  const cells = [
    cell({ trafficking_type: 'sex', gender: '_total' }, 4),
    cell({ trafficking_type: 'sex', gender: 'male' }, 2),
  ];
  expect(cellAt([typeDimension, genderDimension], cells, { trafficking_type: 'sex' })?.value).toBe(4);
  expect(cellAt([typeDimension, genderDimension], cells, { trafficking_type: 'labor' })).toBeUndefined();
});

test('periodOfSeries picks one period of a series as a table', () => {
  const series = genderSeries([['2026Q2', 14, 7, 7]]);
  expect(periodOfSeries(series, '2026Q2')?.cells).toHaveLength(3);
  expect(periodOfSeries(series, '2026Q1')).toBeUndefined();
});

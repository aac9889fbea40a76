import { describe, expect, test } from 'vitest';
import { bandKey, hiddenCountKey, hiddenLabelKey, restKey, stackRows } from '../../charts/draw';
import type { Figure, StackRest } from '../../charts/types';
import {
  breakdownModel,
  cellAt,
  figureOf,
  headline,
  multiplesTableModel,
  periodOfSeries,
  publishedDimensions,
  type SeriesData,
  smallMultiples,
  stackedModel,
  stackTotal,
  trendModel,
} from './shape';
import { cell, genderCells, genderDimension, genderSeries, typeDimension, type Value } from './testFixtures';
import type { Dimension, StatsCell } from './types';

const labels = { rowHeading: 'Gender identity', unit: 'survivors' };
const hidden: Figure = { value: null, suppressed: true };
const missing: Figure = { value: null, suppressed: false, missing: true };
const value = (v: number): Figure => ({ value: v, suppressed: false });

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
    // The CSV has each period's total (the stack's height) and its parts.
    expect(model.cells.map((c) => `${c.period}/${c.coords.gender}`)).toEqual([
      '2025Q4/_total',
      '2025Q4/female',
      '2025Q4/male',
      '2026Q1/_total',
      '2026Q1/female',
      '2026Q1/male',
    ]);
  });
});

describe('stackTotal: what a stack’s hidden parts come to', () => {
  test.each<[string, Figure, Figure[], boolean, StackRest, string]>([
    ['nothing hidden', value(40), [value(25), value(15)], true, { kind: 'none' }, 'None'],
    ['empty: a zero total and no parts', value(0), [], true, { kind: 'none' }, 'None'],
    [
      'the rest is the total minus the parts shown',
      value(79),
      [value(32), hidden, hidden, hidden],
      true,
      { kind: 'remainder', hiddenParts: 3, value: 47 },
      '3 parts hidden: 47 in all',
    ],
    [
      'every part hidden: the rest is the whole total',
      value(30),
      [hidden, hidden],
      true,
      { kind: 'remainder', hiddenParts: 2, value: 30 },
      '2 parts hidden: 30 in all',
    ],
    [
      'a published zero counts as shown',
      value(30),
      [value(0), hidden, hidden],
      true,
      { kind: 'remainder', hiddenParts: 2, value: 30 },
      '2 parts hidden: 30 in all',
    ],
    [
      'the total hidden too: no height is known',
      hidden,
      [value(32), hidden, hidden],
      true,
      { kind: 'total-hidden', hiddenParts: 2 },
      'The total and 2 parts hidden',
    ],
    [
      'only the total hidden (parts that overlap)',
      hidden,
      [value(6), value(7)],
      false,
      { kind: 'total-hidden', hiddenParts: 0 },
      'The total is hidden',
    ],
    [
      'multi-select: parts need not add up, so no rest',
      value(50),
      [value(30), hidden, value(25)],
      false,
      { kind: 'overlapping', hiddenParts: 1 },
      '1 part hidden (parts can overlap, so they have no total)',
    ],
    [
      'a part not published: no rest',
      value(50),
      [value(30), hidden, missing],
      true,
      { kind: 'unknown', hiddenParts: 1 },
      '1 part hidden',
    ],
    [
      'no total published: no rest',
      missing,
      [value(30), hidden],
      true,
      { kind: 'unknown', hiddenParts: 1 },
      '1 part hidden',
    ],
    [
      'figures that disagree (nothing left for the hidden parts): no rest',
      value(30),
      [value(30), hidden, hidden],
      true,
      { kind: 'unknown', hiddenParts: 2 },
      '2 parts hidden',
    ],
  ])('%s', (_name, total, parts, additive, rest, words) => {
    expect(stackTotal(total, parts, additive)).toEqual({ total, rest, words });
  });
});

describe('stackedModel and its drawing: each bar stands at the published total', () => {
  const kinds = ['sex', 'labor', 'sex_and_labor', 'unknown'];
  const dimension = (additive: boolean): Dimension => ({
    category: 'trafficking_type',
    name: 'Type of trafficking',
    additive,
    options: kinds.map((code) => ({ code, name: code })),
  });
  /**
   * A type series: each period's [total, ...parts]. A hidden cell may carry its true value (as a
   * careless server might): `{ hidden: 9173 }`. Nothing drawn or said may ever contain it.
   */
  function typeSeries(
    periods: ReadonlyArray<[string, ...Array<Value | { hidden: number }>]>,
    additive = true,
  ): SeriesData {
    const typeCell = (code: string, v: Value | { hidden: number }) =>
      typeof v === 'object'
        ? ({ trafficking_type: code, value: v.hidden, suppressed: true } as StatsCell)
        : cell({ trafficking_type: code }, v);
    return {
      table: 'survivors_served.type',
      geo: 'coalition',
      dimensions: [dimension(additive)],
      periods: periods.map(([period, ...values], i) => ({
        period,
        cells: ['_total', ...kinds].map((code, j) => typeCell(code, values[j] ?? 0)),
        completeness: { reported: 4, expected: 4 },
        release: { id: i + 1, sequence: 1, publishedAt: '2026-07-03T17:00:00.000Z', catalogVersion: 1 },
        unduplicated: null,
      })),
    };
  }
  const stackLabels = { rowHeading: 'Quarter', unit: 'survivors' };
  /** A drawn stack's height: what Recharts stacks (the parts shown and the rest). */
  const drawnHeight = (row: Record<string, unknown>) =>
    [...kinds, restKey].reduce(
      (sum, key) => sum + (typeof row[key] === 'number' ? (row[key] as number) : 0),
      0,
    );

  test('the demo’s 2026Q2: 79 survivors, 32 shown, three parts hidden, drawn 79 high and said the same', () => {
    const series = typeSeries([
      ['2026Q1', 87, 42, 20, 13, 12],
      ['2026Q2', 79, 32, 'S', 'S', 'S'],
    ]);
    const model = stackedModel(series, 'trafficking_type', stackLabels);
    const q2 = model.rows[1];
    expect(q2?.stack).toEqual({
      total: value(79),
      rest: { kind: 'remainder', hiddenParts: 3, value: 47 },
      words: '3 parts hidden: 47 in all',
    });
    const { rows } = stackRows(model);
    expect(rows.map(drawnHeight)).toEqual([87, 79]);
    expect(rows[1]?.[restKey]).toBe(47);
    // The bar and the headline tile show the same figure.
    expect(headline(series, '2026Q2', '2026Q1', null).current).toEqual(value(rows.map(drawnHeight)[1] ?? -1));
  });

  test('a hidden total is drawn as a band with no parts (never a short bar)', () => {
    const model = stackedModel(
      typeSeries([['2026Q2', 'S', 32, 'S', 'S', 9]]),
      'trafficking_type',
      stackLabels,
    );
    const [row] = stackRows(model).rows;
    expect(kinds.map((k) => row?.[k])).toEqual([null, null, null, null]);
    expect(row?.[restKey]).toBeNull();
    expect(row?.[bandKey]).toBe(stackRows(model).axisMax);
    expect(model.rows[0]?.stack?.words).toBe('The total and 2 parts hidden');
  });

  test('a multi-select category draws no rest, and says how many parts are hidden', () => {
    const model = stackedModel(
      typeSeries([['2026Q2', 50, 30, 'S', 25, 'S']], false),
      'trafficking_type',
      stackLabels,
    );
    const [row] = stackRows(model).rows;
    expect(row?.[restKey]).toBeNull();
    expect(row?.[hiddenLabelKey(hiddenCountKey)]).toBe('2 hidden');
    expect(model.rows[0]?.stack?.rest).toEqual({ kind: 'overlapping', hiddenParts: 2 });
  });

  test.each([
    ['a rest', [['2026Q2', 79, 32, { hidden: 9173 }, { hidden: 9174 }, { hidden: 9175 }]], true],
    ['a hidden total', [['2026Q2', { hidden: 9170 }, 32, { hidden: 9173 }, 6, 8]], true],
    ['overlapping parts', [['2026Q2', 50, 30, { hidden: 9173 }, 25, 11]], false],
  ] as const)(
    'no hidden value reaches the model, the drawing or the words: %s',
    (_name, periods, additive) => {
      const model = stackedModel(
        typeSeries(periods as unknown as Parameters<typeof typeSeries>[0], additive),
        'trafficking_type',
        stackLabels,
      );
      const everything = JSON.stringify([model, stackRows(model)]);
      expect(everything).not.toMatch(/917\d/);
      expect(model.cells.filter((c) => c.suppressed).every((c) => c.value === null)).toBe(true);
    },
  );
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
  const period = genderSeries([['2026H1', 10, 6, 4]]).periods[0] as SeriesData['periods'][number];
  const series = (cells: StatsCell[]): SeriesData => ({
    table: 'survivors_served.type_gender',
    geo: 'coalition',
    dimensions: [typeDimension, genderDimension],
    periods: [{ ...period, cells }],
  });
  const both = series([
    cell({ trafficking_type: 'sex', gender: '_total' }, 6),
    cell({ trafficking_type: '_total', gender: 'female' }, 'S'),
  ]);
  expect(smallMultiples(both, labels).map((m) => m.title)).toEqual([
    'Type of trafficking: Sex',
    'Type of trafficking: Labor',
    'Gender identity: Female',
    'Gender identity: Male',
  ]);
  // A category with no published cells at this interval is left out, not drawn empty.
  const typeOnly = series([cell({ trafficking_type: 'sex', gender: '_total' }, 6)]);
  expect(publishedDimensions(typeOnly).map((d) => d.category)).toEqual(['trafficking_type']);
  expect(smallMultiples(typeOnly, labels).map((m) => m.title)).toEqual([
    'Type of trafficking: Sex',
    'Type of trafficking: Labor',
  ]);
  expect(multiplesTableModel(typeOnly, labels).series.map((s) => s.key)).toEqual([
    'trafficking_type.sex',
    'trafficking_type.labor',
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

/** Small published tables and series for the shaping tests, built the way the stats API sends them. */
import type { SeriesData } from './shape';
import type { Dimension, StatsCell } from './types';

export const genderDimension: Dimension = {
  category: 'gender',
  name: 'Gender identity',
  additive: true,
  options: [
    { code: 'female', name: 'Female' },
    { code: 'male', name: 'Male' },
  ],
};

export const typeDimension: Dimension = {
  category: 'trafficking_type',
  name: 'Type of trafficking',
  additive: true,
  options: [
    { code: 'sex', name: 'Sex' },
    { code: 'labor', name: 'Labor' },
  ],
};

/** A cell: a number, `'S'` for hidden. */
export type Value = number | 'S';

/** Cells of a one-way gender table: total, female, male. */
export function genderCells(total: Value, female: Value, male: Value): StatsCell[] {
  return [
    cell({ gender: '_total' }, total),
    cell({ gender: 'female' }, female),
    cell({ gender: 'male' }, male),
  ];
}

export function cell(coords: Record<string, string>, value: Value): StatsCell {
  return value === 'S'
    ? ({ ...coords, value: null, suppressed: true } as StatsCell)
    : ({ ...coords, value, suppressed: false } as StatsCell);
}

const release = (id: number) => ({
  id,
  sequence: 1,
  publishedAt: '2026-07-03T17:00:00.000Z',
  catalogVersion: 1,
});

/** A gender series: each period with its [total, female, male] and how many of 4 agencies reported. */
export function genderSeries(
  periods: ReadonlyArray<[string, Value, Value, Value, number?]>,
  geo = 'coalition',
): SeriesData {
  return {
    table: 'survivors_served.gender',
    geo,
    dimensions: [genderDimension],
    periods: periods.map(([period, total, female, male, reported = 4], i) => ({
      period,
      cells: genderCells(total, female, male),
      completeness: { reported, expected: 4 },
      release: release(i + 1),
      unduplicated: null,
    })),
  };
}

import { expect, test } from 'vitest';
import {
  axisTicks,
  axisTop,
  bandKey,
  barChartHeight,
  barRows,
  hiddenCountKey,
  hiddenKey,
  hiddenLabelKey,
  incompleteKey,
  restKey,
  stackRows,
  trendRows,
  zeroKey,
} from './draw';
import type { ChartModel, Figure, StackRest } from './types';

const v = (value: number): Figure => ({ value, suppressed: false });
const hidden: Figure = { value: null, suppressed: true };
const missing: Figure = { value: null, suppressed: false, missing: true };

function model(rows: Array<[string, Record<string, Figure>, boolean?]>): ChartModel {
  const keys = [...new Set(rows.flatMap(([, values]) => Object.keys(values)))];
  return {
    series: keys.map((key) => ({ key, label: key })),
    rows: rows.map(([key, values, incomplete]) => ({ key, label: key, values, incomplete })),
    cells: [],
    rowHeading: 'Row',
    unit: 'survivors',
  };
}

/** A stacked model with each stack's total and rest, as the dashboard's shaping gives them. */
function stacked(rows: Array<[string, Record<string, Figure>, Figure, StackRest]>): ChartModel {
  const base = model(rows.map(([key, values]) => [key, values]));
  return {
    ...base,
    rows: base.rows.map((row, i) => {
      const [, , total, rest] = rows[i] as (typeof rows)[number];
      return { ...row, stack: { total, rest, words: rest.kind } };
    }),
  };
}

test.each([
  [0, 10],
  [7, 8],
  [45, 50],
  [91, 100],
  [96, 120],
  [1234, 1500],
])('axisTop(%i) = %i', (largest, top) => {
  expect(axisTop(largest)).toBe(top);
});

test.each([
  ['empty', model([]), []],
  [
    'constant',
    model([
      ['a', { s: v(5) }],
      ['b', { s: v(5) }],
    ]),
    [
      [5, null],
      [5, null],
    ],
  ],
  ['a zero is no bar, not hidden', model([['a', { s: v(0) }]]), [[null, null]]],
  [
    'a hidden figure is a stub, never a value',
    model([
      ['a', { s: hidden }],
      ['b', { s: v(40) }],
    ]),
    [
      [null, 2],
      [40, null],
    ],
  ],
  ['a missing figure draws nothing', model([['a', { s: missing }]]), [[null, null]]],
])('bars: %s', (_name, m, drawn) => {
  const { rows } = barRows(m);
  expect(rows.map((r) => [r.s, r[hiddenKey('s')]])).toEqual(drawn);
});

test.each([
  ['empty', model([]), []],
  [
    'constant',
    model([
      ['q1', { a: v(2), b: v(3) }],
      ['q2', { a: v(2), b: v(3) }],
    ]),
    [
      [2, 3, null, null, null],
      [2, 3, null, null, null],
    ],
  ],
  [
    'a model without totals: hidden parts are counted above the stack',
    model([['q1', { a: hidden, b: v(30) }]]),
    [[null, 30, null, null, '1 hidden']],
  ],
  [
    'a published rest stacks on top, so the bar stands at the total',
    stacked([['q1', { a: hidden, b: v(30) }, v(42), { kind: 'remainder', hiddenParts: 1, value: 12 }]]),
    [[null, 30, 12, null, null]],
  ],
  [
    'the total hidden: no part drawn, a band of the full axis',
    stacked([
      ['q1', { a: v(10), b: v(30) }, v(40), { kind: 'none' }],
      ['q2', { a: hidden, b: v(30) }, hidden, { kind: 'total-hidden', hiddenParts: 1 }],
    ]),
    [
      [10, 30, null, null, null],
      [null, null, null, 50, null],
    ],
  ],
  [
    'overlapping parts: no rest drawn, only how many are hidden',
    stacked([['q1', { a: hidden, b: v(30) }, v(35), { kind: 'overlapping', hiddenParts: 1 }]]),
    [[null, 30, null, null, '1 hidden']],
  ],
])('stacks: %s', (_name, m, drawn) => {
  const { rows } = stackRows(m);
  expect(
    rows.map((r) => [r.a ?? null, r.b ?? null, r[restKey], r[bandKey], r[hiddenLabelKey(hiddenCountKey)]]),
  ).toEqual(drawn);
});

test('a stack with a published rest sets the axis by its total', () => {
  const m = stacked([
    ['q1', { a: hidden, b: v(32) }, v(79), { kind: 'remainder', hiddenParts: 1, value: 47 }],
    ['q2', { a: v(20), b: v(40) }, v(60), { kind: 'none' }],
  ]);
  expect(stackRows(m).axisMax).toBe(axisTop(79));
});

test.each([
  ['empty', model([]), []],
  [
    'constant',
    model([
      ['q1', { s: v(9) }],
      ['q2', { s: v(9) }],
    ]),
    [
      [9, null, null],
      [9, null, null],
    ],
  ],
  [
    'hidden: a break and a band',
    model([
      ['q1', { s: v(9) }],
      ['q2', { s: hidden }],
    ]),
    [
      [9, null, null],
      [null, null, 10],
    ],
  ],
  ['missing: a break, no band', model([['q1', { s: missing }]]), [[null, null, null]]],
  [
    'incomplete: drawn apart, unjoined',
    model([
      ['q1', { s: v(9) }],
      ['q2', { s: v(7) }, true],
    ]),
    [
      [9, null, null],
      [null, 7, null],
    ],
  ],
])('trend: %s', (_name, m, drawn) => {
  const { rows } = trendRows(m);
  expect(rows.map((r) => [r.s ?? null, r[incompleteKey('s')] ?? null, r[bandKey]])).toEqual(drawn);
});

test.each([
  [0, []],
  [7, [0, 2, 4, 6, 8]],
  [45, [0, 10, 20, 30, 40, 50]],
  [1361, [0, 250, 500, 750, 1000, 1250, 1500]],
  [14, [0, 5, 10, 15]],
])('axisTicks(%i)', (largest, ticks) => {
  expect(axisTicks(largest)).toEqual(ticks);
});

test('a zero carries the label "0" on an invisible sliver; other figures have none', () => {
  const { rows } = barRows(
    model([
      ['a', { s: v(0) }],
      ['b', { s: v(9) }],
      ['c', { s: hidden }],
    ]),
  );
  expect(rows.map((r) => r[zeroKey('s')])).toEqual([0.01, null, null]);
});

test.each([
  ['empty: the smallest chart', 0, 1, false, 120],
  ['one row', 1, 1, false, 120],
  ['six rows, one series', 6, 1, false, 230],
  ['six rows on a phone: labels wrap, rows grow', 6, 1, true, 302],
  ['six rows, two series side by side', 6, 2, false, 326],
])('barChartHeight, %s', (_name, rowCount, seriesCount, narrow, height) => {
  const series = Array.from({ length: seriesCount }, (_, i) => ({ key: `s${i}`, label: `S${i}` }));
  const rows = Array.from({ length: rowCount }, (_, i) => ({ key: `r${i}`, label: `R${i}`, values: {} }));
  // The space held before a chart is drawn is the height it is drawn at.
  expect(barChartHeight({ series, rows }, narrow)).toBe(height);
});

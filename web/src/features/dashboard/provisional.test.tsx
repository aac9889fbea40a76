import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { renderCached } from '../../testing';
import { PublicPage } from '../public/PublicPage';
import { DashboardPage } from './DashboardPage';
import { statsKeys } from './queries';
import { headline, type SeriesData, stackedModel, trendModel } from './shape';
import { HeadlineTile } from './Tiles';
import { genderSeries } from './testFixtures';
import type { StatsTablesResponse } from './types';

// A provisional period (too few agencies reported when it was published) can be chosen but is never
// opened on, is marked wherever it appears, and is compared with nothing.

/** The tables list: 2025Q4 to 2026Q2 published, 2026Q2 provisional with 8 of 14 agencies. */
function tablesList(audience: 'coalition' | 'public'): StatsTablesResponse {
  return {
    audience,
    tables: [
      {
        code: 'survivors_served.gender',
        element: 'survivors_served',
        name: 'Survivors served · Gender identity',
        kind: 'people',
        dimensions: [],
        periods: ['2025Q4', '2026Q1', '2026Q2'],
        geographies: audience === 'public' ? ['coalition'] : ['coalition', 'SCL', 'SBN'],
        notes: [],
      },
    ],
    countyBreakdowns: [],
    provisionalPeriods: [{ period: '2026Q2', reported: 8, expected: 14 }],
  };
}

/** `series` with `period` published provisional, 8 of 14 agencies across the coalition. */
function withProvisional(series: SeriesData, period: string): SeriesData {
  return {
    ...series,
    periods: series.periods.map((p) =>
      p.period === period
        ? { ...p, provisional: true, coalitionCompleteness: { reported: 8, expected: 14 } }
        : { ...p, provisional: false, coalitionCompleteness: { reported: 14, expected: 14 } },
    ),
  };
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/ ([,.])/g, '$1')
    .trim();
}

describe('the pages open on the newest period that is not provisional', () => {
  test('the dashboard picks 2026Q1, marks 2026Q2 in the picker and says it can still be chosen', () => {
    const html = renderCached(
      <DashboardPage />,
      [[statsKeys.tableList(), tablesList('coalition')]],
      '/dashboard',
    );
    expect(html).toMatch(/<option value="2026Q1" selected="">January to March 2026 \(2026Q1\)<\/option>/);
    expect(html).toContain(
      '<option value="2026Q2">April to June 2026 (2026Q2) · Provisional: 8 of 14 agencies reported</option>',
    );
    const text = textOf(html);
    expect(text).toContain('Showing January to March 2026 (2026Q1), Whole coalition (both counties).');
    expect(text).toContain(
      'April to June 2026 (2026Q2) is provisional (8 of 14 agencies reported), so it is not shown first; you can still choose it.',
    );
    expect(text).not.toContain('These figures are provisional');
  });

  test('chosen, a provisional period is shown with its badge and what it means', () => {
    const html = renderCached(
      <DashboardPage />,
      [[statsKeys.tableList(), tablesList('coalition')]],
      '/dashboard?period=2026Q2&geo=SCL',
    );
    expect(html).toMatch(/<option value="2026Q2" selected="">/);
    const text = textOf(html);
    expect(text).toContain(
      'Showing April to June 2026 (2026Q2), Santa Clara County. Provisional: 8 of 14 agencies reported',
    );
    expect(text).toContain('These figures are provisional');
    expect(text).toContain('no change (±%) is shown against this period');
  });

  test('the public page does the same with the public figures', () => {
    const html = renderCached(
      <PublicPage />,
      [[statsKeys.tableList('public'), tablesList('public')]],
      '/public',
    );
    expect(html).toMatch(/<option value="2026Q1" selected="">/);
    expect(html).toContain('(2026Q2) · Provisional: 8 of 14 agencies reported</option>');
    expect(textOf(html)).toContain('Showing January to March 2026 (2026Q1), across the coalition.');
  });
});

describe('no change is shown against a provisional period, or for one', () => {
  const series = genderSeries([
    ['2025Q1', 40, 20, 20],
    ['2025Q2', 44, 22, 22],
    ['2026Q1', 50, 25, 25],
    ['2026Q2', 55, 30, 25],
  ]);
  const tile = (data: SeriesData, period: string, previous: string, lastYear: string) =>
    renderToStaticMarkup(
      <HeadlineTile
        label="Survivors served"
        period={period}
        headline={headline(data, period, previous, lastYear)}
      />,
    );

  test.each([
    [
      'the period shown is provisional',
      withProvisional(series, '2026Q2'),
      'vs 2026 Q1: no comparison: provisional vs 2025 Q2 (a year earlier): no comparison: provisional',
    ],
    [
      'the previous period is provisional',
      withProvisional(series, '2026Q1'),
      'vs 2026 Q1: no comparison: provisional vs 2025 Q2 (a year earlier): ▲ up 11 (+25%)',
    ],
  ])('when %s', (_name, data, changes) => {
    expect(textOf(tile(data, '2026Q2', '2026Q1', '2025Q2'))).toContain(changes);
  });
});

describe('charts mark a provisional period in their tables', () => {
  const series = withProvisional(
    genderSeries([
      ['2026Q1', 50, 25, 25],
      ['2026Q2', 55, 30, 25],
    ]),
    '2026Q2',
  );
  const labels = { rowHeading: 'Quarter', unit: 'survivors' };

  test('the stacked chart by quarter', () => {
    const rows = stackedModel(series, 'gender', labels).rows;
    expect(rows.map((r) => [r.key, r.note, r.incomplete])).toEqual([
      ['2026Q1', undefined, false],
      ['2026Q2', 'Provisional: 8 of 14 agencies reported.', true],
    ]);
  });

  test('the trend line', () => {
    const rows = trendModel({ key: 'value', label: 'Survivors', series }, undefined, {}, labels).rows;
    expect(rows.map((r) => [r.key, r.note, r.incomplete])).toEqual([
      ['2026Q1', undefined, false],
      ['2026Q2', 'Provisional: 8 of 14 agencies reported.', true],
    ]);
  });
});

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { ChartDataTable } from '../../charts/DataTable';
import { ModelTooltip } from '../../charts/Tooltip';
import { StackChart } from './charts';
import { type SeriesData, stackedModel } from './shape';
import type { Dimension, StatsCell } from './types';

const kinds = ['sex', 'labor', 'sex_and_labor', 'unknown'];

/**
 * One quarter of survivors by type: [total, ...parts]. A hidden cell is `{ hidden: n }` and, as a
 * careless server might, still carries its value: the words and the legend must never show it.
 */
function quarter(values: ReadonlyArray<number | { hidden: number }>, additive = true): SeriesData {
  const dimension: Dimension = {
    category: 'trafficking_type',
    name: 'Type of trafficking',
    additive,
    options: kinds.map((code) => ({ code, name: `Type ${code}` })),
  };
  return {
    table: 'survivors_served.type',
    geo: 'coalition',
    dimensions: [dimension],
    periods: [
      {
        period: '2026Q2',
        cells: ['_total', ...kinds].map((code, i) => {
          const v = values[i] ?? 0;
          return (
            typeof v === 'number'
              ? { trafficking_type: code, value: v, suppressed: false }
              : { trafficking_type: code, value: v.hidden, suppressed: true }
          ) as StatsCell;
        }),
        completeness: { reported: 4, expected: 4 },
        release: { id: 1, sequence: 1, publishedAt: '2026-07-03T17:00:00.000Z', catalogVersion: 1 },
        unduplicated: null,
      },
    ],
  };
}

function model(series: SeriesData) {
  return stackedModel(series, 'trafficking_type', { rowHeading: 'Quarter', unit: 'survivors' });
}

/** The text a person reads (tags dropped), so a phrase split by markup still matches. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

function legendOf(series: SeriesData) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return text(
    renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <StackChart title="Survivors by quarter" model={model(series)} releases={[]} fileParts={[]} />
      </QueryClientProvider>,
    ),
  );
}

describe('a stack’s table, tooltip and legend say the same thing in words', () => {
  test.each([
    [
      'a published rest',
      quarter([79, 32, { hidden: 9171 }, { hidden: 9172 }, { hidden: 9173 }]),
      'Total: 79',
      '3 parts hidden: 47 in all',
      'the hidden parts together (the total minus the parts shown)',
    ],
    [
      'a hidden total',
      quarter([{ hidden: 9170 }, 32, { hidden: 9171 }, { hidden: 9172 }, 8]),
      'Total: Hidden',
      'The total and 2 parts hidden',
      'Total hidden to protect privacy: its height is not shown',
    ],
    [
      'parts that overlap',
      quarter([50, 30, { hidden: 9171 }, 25, 11], false),
      'Total: 50',
      '1 part hidden (parts can overlap, so they have no total)',
      'Parts can overlap, so they have no total to draw',
    ],
  ])('%s', (_name, series, total, words, legend) => {
    const table = text(
      renderToStaticMarkup(<ChartDataTable id="t" caption="Numbers" model={model(series)} />),
    );
    const tooltip = text(renderToStaticMarkup(<ModelTooltip model={model(series)} active label="2026 Q2" />));
    expect(table).toContain('Total Hidden parts');
    expect(table).toContain(words);
    expect(tooltip).toContain(total);
    expect(tooltip).toContain(words);
    expect(legendOf(series)).toContain(legend);
    for (const html of [table, tooltip, legendOf(series)]) expect(html).not.toMatch(/917\d/);
  });
});

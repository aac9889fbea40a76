/**
 * Shaping published cells into chart models: bars of a breakdown, stacks over quarters, trends,
 * small multiples and headline figures. Pure: every chart's data is tested without a browser. A
 * hidden cell stays hidden (never zero), a period without a release stays missing.
 */

import { comparePeriods, periodContains, periodShortLabel } from '../../../../api/domain/periods';
import { needsCaution, periodNote } from '../../charts/format';
import type { ChartCell, ChartModel, ChartRow, Figure, StackRest, StackTotal } from '../../charts/types';
import type { Dimension, StatsCell } from './types';

/** The total coordinate along a category. */
export const totalCode = '_total';

/** A published table of one period and geography, as the stats API sends it (or one period of a series). */
export type PeriodTable = {
  table: string;
  period: string;
  geo: string;
  dimensions: readonly Dimension[];
  cells: readonly StatsCell[];
  completeness?: { reported: number; expected: number };
  /** Published while too few of the coalition's agencies had reported. */
  provisional?: boolean;
  coalitionCompleteness?: { reported: number; expected: number } | null;
};

/** A series as the stats API sends it. */
export type SeriesData = {
  table: string;
  geo: string;
  dimensions: readonly Dimension[];
  periods: ReadonlyArray<{
    period: string;
    cells: readonly StatsCell[];
    completeness: { reported: number; expected: number };
    provisional?: boolean;
    coalitionCompleteness?: { reported: number; expected: number } | null;
    release: { id: number; sequence: number; publishedAt: string | null; catalogVersion: number };
    unduplicated: { lower: number; upper: number } | { suppressed: true } | null;
  }>;
};

const missing: Figure = { value: null, suppressed: false, missing: true };

/** A cell's option along a category (`_total` when the cell has none). */
export function optionOf(cell: StatsCell, category: string): string {
  const option = cell[category];
  return typeof option === 'string' ? option : totalCode;
}

/** The cell at `coords` (categories left out are `_total`), if published. */
export function cellAt(
  dimensions: readonly Dimension[],
  cells: readonly StatsCell[],
  coords: Readonly<Record<string, string>> = {},
): StatsCell | undefined {
  return cells.find((cell) =>
    dimensions.every((d) => optionOf(cell, d.category) === (coords[d.category] ?? totalCode)),
  );
}

/** A published cell as a figure: its value, hidden, or missing when there is no such cell. */
export function figureOf(cell: StatsCell | undefined): Figure {
  if (!cell) return missing;
  return cell.suppressed ? { value: null, suppressed: true } : { value: cell.value, suppressed: false };
}

/** A published cell in the terms of a CSV download. */
export function chartCell(
  source: { table: string; period: string; geo: string; dimensions: readonly Dimension[] },
  cell: StatsCell,
): ChartCell {
  return {
    table: source.table,
    period: source.period,
    geo: source.geo,
    coords: Object.fromEntries(source.dimensions.map((d) => [d.category, optionOf(cell, d.category)])),
    value: cell.suppressed ? null : cell.value,
    suppressed: cell.suppressed,
  };
}

/** The name of an option of a category of a table. */
export function optionName(dimensions: readonly Dimension[], category: string, code: string): string {
  const dimension = dimensions.find((d) => d.category === category);
  return dimension?.options.find((o) => o.code === code)?.name ?? code;
}

/**
 * Bars of one category's options in one period: one series per table given (several tables side
 * by side, such as survivors served and new survivors by county). Other categories stay at their total.
 */
export function breakdownModel(
  sources: ReadonlyArray<{ key: string; label: string; table: PeriodTable | undefined }>,
  category: string,
  labels: { rowHeading: string; unit: string },
): ChartModel {
  const first = sources.find((s) => s.table)?.table;
  const options = first?.dimensions.find((d) => d.category === category)?.options ?? [];
  const cells: ChartCell[] = [];
  const rows: ChartRow[] = options.map((option) => {
    const values: Record<string, Figure> = {};
    for (const source of sources) {
      const table = source.table;
      const cell = table ? cellAt(table.dimensions, table.cells, { [category]: option.code }) : undefined;
      values[source.key] = figureOf(cell);
      if (table && cell) cells.push(chartCell(table, cell));
    }
    return { key: option.code, label: option.name, values };
  });
  return {
    series: sources.map((s) => ({ key: s.key, label: s.label })),
    rows,
    // Grouped by table, in the order of the rows: how the API lists them.
    cells: sources.flatMap((s) => cells.filter((c) => c.table === s.table?.table)),
    ...labels,
  };
}

/**
 * Stacks over the periods of a series: one stack per period, one segment per option of `category`
 * (the other categories at their total), with the period's total and what its hidden segments come
 * to (see stackTotal). Periods within `current` are marked.
 */
export function stackedModel(
  series: SeriesData | undefined,
  category: string,
  labels: { rowHeading: string; unit: string },
  current?: string,
): ChartModel {
  const dimension = series?.dimensions.find((d) => d.category === category);
  const options = dimension?.options ?? [];
  const cells: ChartCell[] = [];
  const rows: ChartRow[] = (series?.periods ?? []).map((point) => {
    const source = {
      table: series?.table ?? '',
      period: point.period,
      geo: series?.geo ?? '',
      dimensions: series?.dimensions ?? [],
    };
    // The stack's total: this category's total, every other category at its total too.
    const totalCell = cellAt(source.dimensions, point.cells);
    if (totalCell) cells.push(chartCell(source, totalCell));
    const values: Record<string, Figure> = {};
    for (const option of options) {
      const cell = cellAt(source.dimensions, point.cells, { [category]: option.code });
      values[option.code] = figureOf(cell);
      if (cell) cells.push(chartCell(source, cell));
    }
    return {
      key: point.period,
      label: periodShortLabel(point.period),
      values,
      stack: stackTotal(figureOf(totalCell), Object.values(values), dimension?.additive ?? true),
      incomplete: needsCaution(point),
      note: periodNote(point),
      current: current !== undefined && periodContains(current, point.period),
    };
  });
  return { series: options.map((o) => ({ key: o.code, label: o.name })), rows, cells, ...labels };
}

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const parts = (n: number) => `${count.format(n)} ${n === 1 ? 'part' : 'parts'}`;

/**
 * A stack's total and what its hidden parts come to. The hidden parts together are the total minus
 * the parts shown only where that is a published fact: the total and every other part published, and
 * the parts adding up to the total (`additive`: not a category where a person may be in several).
 * That remainder is derivable by anyone from the published figures, so drawing it gives nothing
 * away; a hidden part on its own never appears.
 */
export function stackTotal(total: Figure, segments: readonly Figure[], additive: boolean): StackTotal {
  const hiddenParts = segments.filter((f) => f.suppressed).length;
  const rest = ((): StackRest => {
    if (total.suppressed) return { kind: 'total-hidden', hiddenParts };
    if (hiddenParts === 0) return { kind: 'none' };
    if (!additive) return { kind: 'overlapping', hiddenParts };
    if (total.value === null || segments.some((f) => !f.suppressed && f.value === null))
      return { kind: 'unknown', hiddenParts };
    const shown = segments.reduce((sum, f) => sum + (f.value ?? 0), 0);
    // Hidden counts are never zero, so a remainder below one means the figures disagree: draw none.
    if (total.value - shown < 1) return { kind: 'unknown', hiddenParts };
    return { kind: 'remainder', hiddenParts, value: total.value - shown };
  })();
  return { total, rest, words: restWords(rest) };
}

/** The rest of a stack in words, for its tooltip and table row. */
function restWords(rest: StackRest): string {
  switch (rest.kind) {
    case 'none':
      return 'None';
    case 'remainder':
      return `${parts(rest.hiddenParts)} hidden: ${count.format(rest.value)} in all`;
    case 'total-hidden':
      return rest.hiddenParts > 0 ? `The total and ${parts(rest.hiddenParts)} hidden` : 'The total is hidden';
    case 'overlapping':
      return `${parts(rest.hiddenParts)} hidden (parts can overlap, so they have no total)`;
    case 'unknown':
      return `${parts(rest.hiddenParts)} hidden`;
  }
}

/**
 * A trend of one cell (by default the grand total) over a series, with an optional comparison
 * series (another geography). Every period of either series is a row; a period one lacks is missing there.
 */
export function trendModel(
  main: { key: string; label: string; series: SeriesData | undefined },
  comparison: { key: string; label: string; series: SeriesData | undefined } | undefined,
  coords: Readonly<Record<string, string>>,
  labels: { rowHeading: string; unit: string },
  current?: string,
): ChartModel {
  const sources = comparison ? [main, comparison] : [main];
  const periods = [...new Set(sources.flatMap((s) => (s.series?.periods ?? []).map((p) => p.period)))];
  // Codes of one interval sort as time runs (2025Q4 < 2026Q1, FY2024 < FY2025).
  const ordered = sortPeriods(periods);
  const cells: ChartCell[] = [];
  const rows: ChartRow[] = ordered.map((period) => {
    const values: Record<string, Figure> = {};
    let incomplete = false;
    let note: string | undefined;
    for (const source of sources) {
      const point = source.series?.periods.find((p) => p.period === period);
      const cell = point && source.series ? cellAt(source.series.dimensions, point.cells, coords) : undefined;
      values[source.key] = figureOf(cell);
      if (point && cell && source.series)
        cells.push(
          chartCell(
            {
              table: source.series.table,
              period,
              geo: source.series.geo,
              dimensions: source.series.dimensions,
            },
            cell,
          ),
        );
      if (source === main && point && needsCaution(point)) {
        incomplete = true;
        note = periodNote(point);
      }
    }
    return {
      key: period,
      label: periodShortLabel(period),
      values,
      incomplete,
      note,
      current: current !== undefined && periodContains(current, period),
    };
  });
  return {
    series: sources.map((s) => ({ key: s.key, label: s.label })),
    rows,
    cells: [
      ...cells.filter((c) => c.geo === main.series?.geo),
      ...cells.filter((c) => c.geo !== main.series?.geo),
    ],
    ...labels,
  };
}

/** Time order of period codes of one interval (quarters, years or fiscal years). */
export function sortPeriods(periods: readonly string[]): string[] {
  return [...periods].sort(comparePeriods);
}

/**
 * The categories of a series with published cells along them: a two-way breakdown can publish one
 * category at an interval and not the other (type of trafficking by half-year, age groups by year
 * only), and a category without cells would draw empty charts that read as zeros.
 */
export function publishedDimensions(series: SeriesData | undefined): Dimension[] {
  return (series?.dimensions ?? []).filter((dimension) =>
    series?.periods.some((point) =>
      point.cells.some((cell) => optionOf(cell, dimension.category) !== totalCode),
    ),
  );
}

/**
 * Small multiples: one single-series trend per option of each category of the table published at
 * the series' interval (for a two-way table, each category's options with the other at its total).
 */
export function smallMultiples(
  series: SeriesData | undefined,
  labels: { rowHeading: string; unit: string },
): Array<{ key: string; title: string; category: string; model: ChartModel }> {
  if (!series) return [];
  return publishedDimensions(series).flatMap((dimension) =>
    dimension.options.map((option) => ({
      key: `${dimension.category}.${option.code}`,
      title: series.dimensions.length > 1 ? `${dimension.name}: ${option.name}` : option.name,
      category: dimension.category,
      model: trendModel(
        { key: 'value', label: option.name, series },
        undefined,
        { [dimension.category]: option.code },
        labels,
      ),
    })),
  );
}

/** The wide table of small multiples: one row per period, one column per option. */
export function multiplesTableModel(
  series: SeriesData | undefined,
  labels: { rowHeading: string; unit: string },
): ChartModel {
  const multiples = smallMultiples(series, labels);
  const periods = multiples[0]?.model.rows ?? [];
  return {
    series: multiples.map((m) => ({ key: m.key, label: m.title })),
    rows: periods.map((row, i) => ({
      ...row,
      values: Object.fromEntries(multiples.map((m) => [m.key, m.model.rows[i]?.values.value ?? missing])),
    })),
    cells: multiples.flatMap((m) => m.model.cells),
    ...labels,
  };
}

/** One headline figure: the grand total of a period, and the same for the two periods it is compared with. */
export type Headline = {
  current: Figure;
  previous: { period: string; figure: Figure };
  lastYear: { period: string; figure: Figure } | null;
  completeness: { reported: number; expected: number } | undefined;
  unduplicated: SeriesData['periods'][number]['unduplicated'] | undefined;
  release: SeriesData['periods'][number]['release'] | undefined;
  cells: ChartCell[];
};

/**
 * A headline tile's figures from a series: the chosen period's grand total, the previous period's
 * and (for a quarter) the same quarter a year earlier. Periods without a release are missing.
 */
export function headline(
  series: SeriesData | undefined,
  period: string,
  previous: string,
  lastYear: string | null,
): Headline {
  const point = (code: string) => series?.periods.find((p) => p.period === code);
  const total = (code: string): Figure => {
    const p = point(code);
    const figure = p && series ? figureOf(cellAt(series.dimensions, p.cells)) : missing;
    // A provisional period is compared with nothing (see changeBetween).
    return p?.provisional ? { ...figure, provisional: true } : figure;
  };
  const chosen = point(period);
  const cell = chosen && series ? cellAt(series.dimensions, chosen.cells) : undefined;
  return {
    current: total(period),
    previous: { period: previous, figure: total(previous) },
    lastYear: lastYear ? { period: lastYear, figure: total(lastYear) } : null,
    completeness: chosen?.completeness,
    unduplicated: chosen?.unduplicated,
    release: chosen?.release,
    cells:
      chosen && cell && series
        ? [chartCell({ table: series.table, period, geo: series.geo, dimensions: series.dimensions }, cell)]
        : [],
  };
}

/** One period of a series as a table of that period (for breakdowns read from a series). */
export function periodOfSeries(series: SeriesData | undefined, period: string): PeriodTable | undefined {
  const point = series?.periods.find((p) => p.period === period);
  if (!series || !point) return undefined;
  return {
    table: series.table,
    period,
    geo: series.geo,
    dimensions: series.dimensions,
    cells: point.cells,
    completeness: point.completeness,
    provisional: point.provisional,
    coalitionCompleteness: point.coalitionCompleteness,
  };
}

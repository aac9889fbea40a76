/**
 * The trends page's choices, read from and written to the URL: which published table, over which
 * interval, where, and compared with which other geography. Pure.
 */
import { type Interval, intervalOf, intervals, isInterval } from '../../../../api/domain/periods';
import { byKindsInWords, intervalWord } from './published';
import type { SeriesData } from './shape';
import type { StatsTableInfo, StatsTablesResponse } from './types';
import { coalitionGeo } from './view';

export type TrendsView = { table: string; interval: Interval; geo: string; compare: string | null };

/** The table shown when none is chosen: survivors served, published every quarter. */
export const defaultTrendTable = 'survivors_served';

/** The intervals a table can be followed over: those it is published at, coalition-wide. */
export function trendIntervals(table: Pick<StatsTableInfo, 'periods'> | undefined): Interval[] {
  const kinds = new Set((table?.periods ?? []).map(intervalOf));
  return intervals.filter((interval) => kinds.has(interval));
}

/**
 * The view from the URL, falling back to what is published: a table the audience can read, an
 * interval it is published at (quarters where it is, else calendar years), a geography it has
 * figures for, and a comparison geography other than the one shown.
 */
export function resolveTrendsView(
  requested: { table: string | null; interval: string | null; geo: string | null; compare: string | null },
  tables: StatsTablesResponse | undefined,
): TrendsView | null {
  const list = tables?.tables ?? [];
  const chosen =
    list.find((t) => t.code === requested.table) ?? list.find((t) => t.code === defaultTrendTable) ?? list[0];
  if (!chosen) return null;
  const geo = requested.geo && chosen.geographies.includes(requested.geo) ? requested.geo : coalitionGeo;
  const compare =
    requested.compare && requested.compare !== geo && chosen.geographies.includes(requested.compare)
      ? requested.compare
      : null;
  const offered = trendIntervals(chosen);
  const interval =
    isInterval(requested.interval) && offered.includes(requested.interval)
      ? requested.interval
      : ((['quarter', 'year'] as const).find((i) => offered.includes(i)) ?? offered[0] ?? 'quarter');
  return { table: chosen.code, interval, geo, compare };
}

/**
 * Why the interval shown is not the one asked for: the table is not published at it. Null when the
 * one asked for is shown (or none was asked for).
 */
export function intervalNotice(
  requested: string | null,
  view: TrendsView,
  table: Pick<StatsTableInfo, 'name' | 'periods'> | undefined,
): string | null {
  if (!isInterval(requested) || requested === view.interval || !table) return null;
  return `${table.name} is published ${byKindsInWords(trendIntervals(table))}, not by ${intervalWord(requested)}; showing it by ${intervalWord(view.interval)}.`;
}

/** The URL search string of a trends view (defaults left out). */
export function trendsSearch(view: TrendsView): string {
  const params = new URLSearchParams({ table: view.table, interval: view.interval });
  if (view.geo !== coalitionGeo) params.set('geo', view.geo);
  if (view.compare) params.set('compare', view.compare);
  return `?${params}`;
}

/**
 * Notes for each period of a survivors-served trend: the range of different people, which the
 * cross-agency total overstates. Hidden ranges say so; other elements have none.
 */
export function unduplicatedNotes(series: SeriesData | undefined): Map<string, string> {
  const notes = new Map<string, string>();
  for (const point of series?.periods ?? []) {
    const range = point.unduplicated;
    if (!range) continue;
    notes.set(
      point.period,
      'suppressed' in range
        ? 'Different people: hidden'
        : range.lower === range.upper
          ? `Different people: ${range.lower}`
          : `Different people: ${range.lower} to ${range.upper}`,
    );
  }
  return notes;
}

/**
 * Words for a trend's files: the interval and geographies, and "includes-provisional" when any period
 * drawn is provisional, so a download says so wherever it is opened (its table marks which).
 */
export function trendFileParts(view: TrendsView, series: ReadonlyArray<SeriesData | undefined>): string[] {
  const provisional = series.some((s) => s?.periods.some((p) => p.provisional));
  return [
    view.interval,
    view.geo,
    ...(view.compare ? [view.compare] : []),
    ...(provisional ? ['includes-provisional'] : []),
  ];
}

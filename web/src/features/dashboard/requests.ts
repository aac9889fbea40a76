/**
 * The exact API requests the dashboard overview makes for a view. The page fetches these and nothing
 * else (so the benchmark can replay them), every one a stored table of a published release. A
 * request is data (the query key is built from it) and its address comes from the typed client,
 * the same way the query sends it.
 */
import { type Interval, intervalOf } from '../../../../api/domain/periods';
import { api, apiPath, pathParams } from '../../api/client';
import { type PageLayout, pageLayout } from './layout';
import type { Published } from './published';
import { type ChartSource, overviewSpec, type ShownChart } from './sectionSpecs';
import type { Audience } from './types';
import { coalitionGeo } from './view';

/** The overview's filters: one published period (quarter, year or fiscal year) and one geography. */
export type OverviewView = { period: string; geo: string };

/**
 * One table of one published period and geography. Without an `audience` the server answers for
 * the caller's own (the coalition's when signed in, the public's when not).
 */
export type TableRequest = { table: string; period: string; geo: string; audience?: Audience };

/** One table over every published period of an interval, for one geography. */
export type SeriesRequest = { table: string; geo: string; interval: Interval; audience?: Audience };

// The stats routes' query types take only strings, so an audience left out is absent, not undefined.
const audienceQuery = (audience: Audience | undefined): { audience?: Audience } =>
  audience ? { audience } : {};

/** The typed client's arguments for a {@link TableRequest}, in the order its query string is written. */
export function tableArgs({ table, period, geo, audience }: TableRequest) {
  return { param: pathParams({ table }), query: { period, geo, ...audienceQuery(audience) } };
}

/** The typed client's arguments for a {@link SeriesRequest}. */
export function seriesArgs({ table, geo, interval, audience }: SeriesRequest) {
  return { param: pathParams({ table }), query: { geo, interval, ...audienceQuery(audience) } };
}

/** The typed client's arguments for the published tables list. */
export function tablesArgs(audience?: Audience) {
  return { query: audienceQuery(audience) };
}

/** `/api/stats/tables`: the published tables, periods and geographies for an audience. */
export function tablesPath(audience?: Audience): string {
  return apiPath(api.stats.tables.$path(tablesArgs(audience)));
}

/** `/api/stats/{table}?period=…&geo=…`: one table of one published period. */
export function tablePath(request: TableRequest): string {
  return apiPath(api.stats[':table'].$path(tableArgs(request)));
}

/** `/api/stats/{table}/series?geo=…&interval=…`: one table over every published period of an interval. */
export function seriesPath(request: SeriesRequest): string {
  return apiPath(api.stats[':table'].series.$path(seriesArgs(request)));
}

/** Where the overview's requests go for a view: the caller's own audience, the view's geography. */
export function overviewSource(view: OverviewView, fileParts: readonly string[] = []): ChartSource {
  return {
    period: view.period,
    series: (table, interval) => ({ table, geo: view.geo, interval }),
    table: (table) => ({ table, period: view.period, geo: view.geo }),
    fileParts,
  };
}

/** `/api/publication-plan`: what a county view reads to know its grains. */
export function planPath(): string {
  return apiPath(api['publication-plan'].$path());
}

/** The paths one chart fetches, in the order its slot asks for them. */
export function chartPaths(chart: ShownChart, source: ChartSource): string[] {
  switch (chart.kind) {
    case 'period-bars':
      return [tablePath(source.table(chart.table))];
    case 'series-bars':
    case 'stack':
      return [seriesPath(source.series(chart.table, chart.interval))];
    case 'trend':
      return [chart.main, ...(chart.other ? [chart.other] : [])].map((line) =>
        seriesPath(source.series(line.table, chart.interval)),
      );
    case 'county-comparison':
      return [tablePath(source.table(chart.served)), tablePath(source.table(chart.fresh))];
  }
}

/** Every path a page's layout fetches: the tiles' series, then each chart's, each once. */
export function layoutPaths(layout: PageLayout, source: ChartSource): string[] {
  const interval = intervalOf(source.period);
  const paths = [
    ...layout.tiles.map((tile) => seriesPath(source.series(tile.table, interval))),
    ...layout.blocks.flatMap((block) =>
      block.kind === 'section' ? block.section.charts.flatMap((chart) => chartPaths(chart, source)) : [],
    ),
  ];
  return [...new Set(paths)];
}

/**
 * Every API path (with its query string) the overview fetches for a view, in the order it asks for
 * them: the tables list, the plan (for a county), the series behind the headline tiles, then each
 * chart's tables. Only what the tables list (and plan) say is published for the view.
 */
export function overviewRequestPaths(
  view: OverviewView,
  list: Published['list'],
  county?: Published['county'],
): string[] {
  const layout = pageLayout(overviewSpec(), { list, county }, view);
  return [
    tablesPath(),
    ...(view.geo === coalitionGeo ? [] : [planPath()]),
    ...layoutPaths(layout, overviewSource(view)),
  ];
}

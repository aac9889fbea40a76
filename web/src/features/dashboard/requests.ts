/**
 * The exact API requests the dashboard overview makes for a view. The page fetches these and nothing
 * else (so the benchmark can replay them), every one a stored table of a published release. A
 * request is data (the query key is built from it) and its address comes from the typed client,
 * the same way the query sends it.
 */
import { type Interval, intervalOf } from '../../../../api/domain/periods';
import { api, apiPath, pathParams } from '../../api/client';
import type { Audience } from './types';

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

/** Tables the overview reads over time (its headline tiles and activity trends), at the view's interval. */
export const overviewSeriesTables = {
  survivorsServed: 'survivors_served.gender',
  newSurvivors: 'new_survivors.gender',
  trainings: 'trainings_delivered',
  professionalsTrained: 'professionals_trained.discipline',
  outreachEvents: 'outreach_events',
  communityReached: 'community_reached',
} as const;

/** The table drawn quarter by quarter, stacked by type of trafficking (whatever the chosen interval). */
export const byQuarterTable = 'survivors_served.type_age';

/** Tables the overview reads for the chosen period only. */
export const overviewPeriodTables = {
  typeAge: 'survivors_served.type_age',
  citizenship: 'survivors_served.citizenship',
  raceEthnicity: 'survivors_served.race_ethnicity',
  services: 'services_provided.service',
  referrals: 'referrals_received.referral_source',
  context: 'trafficking_context.venue',
  servedByCounty: 'survivors_served.county',
  newByCounty: 'new_survivors.county',
} as const;

/**
 * Every API path (with its query string) the overview fetches for a view, in the order it asks for
 * them: the tables list, the series behind the headline tiles and trends, the quarter-by-quarter
 * series, then each breakdown of the chosen period.
 */
export function overviewRequestPaths(view: OverviewView): string[] {
  const interval = intervalOf(view.period);
  return [
    tablesPath(),
    ...Object.values(overviewSeriesTables).map((table) => seriesPath({ table, geo: view.geo, interval })),
    seriesPath({ table: byQuarterTable, geo: view.geo, interval: 'quarter' }),
    ...Object.values(overviewPeriodTables).map((table) => tablePath({ table, ...view })),
  ];
}

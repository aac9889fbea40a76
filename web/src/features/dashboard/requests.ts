/**
 * The exact API requests the dashboard overview makes for a view. The page fetches these and nothing
 * else (so the benchmark can replay them), every one a stored table of a published release.
 */
import { intervalOf } from '../../../../api/domain/periods';

/** The overview's filters: one published period (quarter, year or fiscal year) and one geography. */
export type OverviewView = { period: string; geo: string };

/** The published tables list: periods, geographies and names. */
export const tablesPath = '/api/stats/tables';

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

/** `/api/stats/{table}?period=…&geo=…`: one table of one published period. */
export function tablePath(table: string, view: OverviewView): string {
  return `/api/stats/${encodeURIComponent(table)}?${new URLSearchParams({ period: view.period, geo: view.geo })}`;
}

/** `/api/stats/{table}/series?geo=…&interval=…`: one table over every published period of an interval. */
export function seriesPath(table: string, geo: string, interval: string): string {
  return `/api/stats/${encodeURIComponent(table)}/series?${new URLSearchParams({ geo, interval })}`;
}

/**
 * Every API path (with its query string) the overview fetches for a view, in the order it asks for
 * them: the tables list, the series behind the headline tiles and trends, the quarter-by-quarter
 * series, then each breakdown of the chosen period.
 */
export function overviewRequestPaths(view: OverviewView): string[] {
  const interval = intervalOf(view.period);
  return [
    tablesPath,
    ...Object.values(overviewSeriesTables).map((table) => seriesPath(table, view.geo, interval)),
    seriesPath(byQuarterTable, view.geo, 'quarter'),
    ...Object.values(overviewPeriodTables).map((table) => tablePath(table, view)),
  ];
}

/**
 * The API requests of the public page: the public audience's tables (coalition-wide, one breakdown
 * at a time), asked for explicitly so a signed-in visitor sees exactly what the public sees.
 */
import { type Interval, intervalOf } from '../../../../api/domain/periods';
import {
  type SeriesRequest,
  seriesPath,
  type TableRequest,
  tablePath,
  tablesPath,
} from '../dashboard/requests';

/** The audience every public request names. */
export const publicAudience = 'public';

/** Tables the public page reads over time (headline figures and trends), at the chosen period's interval. */
export const publicSeriesTables = {
  survivorsServed: 'survivors_served.gender',
  newSurvivors: 'new_survivors.gender',
  trainings: 'trainings_delivered',
  professionalsTrained: 'professionals_trained.discipline',
  outreachEvents: 'outreach_events',
} as const;

/** Tables the public page reads for the chosen period only. */
export const publicPeriodTables = {
  citizenship: 'survivors_served.citizenship',
  services: 'services_provided.service',
  referrals: 'referrals_received.referral_source',
  context: 'trafficking_context.venue',
  county: 'survivors_served.county',
} as const;

/** `/api/stats/{table}/series?geo=coalition&interval=…&audience=public`. */
export function publicSeriesRequest(table: string, interval: Interval): SeriesRequest {
  return { table, geo: 'coalition', interval, audience: publicAudience };
}

/** `/api/stats/{table}?period=…&geo=coalition&audience=public`. */
export function publicTableRequest(table: string, period: string): TableRequest {
  return { table, period, geo: 'coalition', audience: publicAudience };
}

/** Every path the public page fetches for a period, in order. */
export function publicRequestPaths(period: string): string[] {
  const interval = intervalOf(period);
  return [
    tablesPath(publicAudience),
    ...Object.values(publicSeriesTables).map((table) => seriesPath(publicSeriesRequest(table, interval))),
    ...Object.values(publicPeriodTables).map((table) => tablePath(publicTableRequest(table, period))),
  ];
}

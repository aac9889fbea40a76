/**
 * The API requests of the public page: the public audience's tables (coalition-wide, one breakdown
 * at a time), asked for explicitly so a signed-in visitor sees exactly what the public sees.
 */
import { intervalOf } from '../../../../api/domain/periods';

export const publicAudience = 'public';

/** The public tables list. */
export const publicTablesPath = '/api/stats/tables?audience=public';

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
export function publicSeriesPath(table: string, interval: string): string {
  return `/api/stats/${encodeURIComponent(table)}/series?${new URLSearchParams({ geo: 'coalition', interval, audience: publicAudience })}`;
}

/** `/api/stats/{table}?period=…&geo=coalition&audience=public`. */
export function publicTablePath(table: string, period: string): string {
  return `/api/stats/${encodeURIComponent(table)}?${new URLSearchParams({ period, geo: 'coalition', audience: publicAudience })}`;
}

/** Every path the public page fetches for a period, in order. */
export function publicRequestPaths(period: string): string[] {
  const interval = intervalOf(period);
  return [
    publicTablesPath,
    ...Object.values(publicSeriesTables).map((table) => publicSeriesPath(table, interval)),
    ...Object.values(publicPeriodTables).map((table) => publicTablePath(table, period)),
  ];
}

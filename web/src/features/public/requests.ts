/**
 * The public page's charts and API requests: the public audience's tables (coalition-wide), asked
 * for explicitly so a signed-in visitor sees exactly what the public sees. Each chart is drawn
 * where the public's tables list publishes it for the chosen period.
 */
import type { Interval } from '../../../../api/domain/periods';
import { pageLayout } from '../dashboard/layout';
import type { Published } from '../dashboard/published';
import { layoutPaths, type SeriesRequest, type TableRequest, tablesPath } from '../dashboard/requests';
import {
  type ChartSource,
  headlineTiles,
  type PageSpec,
  professionalsChart,
  servicesSection,
  totalTables,
  trainingsAndOutreachChart,
  whoWasServedSection,
} from '../dashboard/sectionSpecs';

/** The audience every public request names. */
export const publicAudience = 'public';

/** `/api/stats/{table}/series?geo=coalition&interval=…&audience=public`. */
export function publicSeriesRequest(table: string, interval: Interval): SeriesRequest {
  return { table, geo: 'coalition', interval, audience: publicAudience };
}

/** `/api/stats/{table}?period=…&geo=coalition&audience=public`. */
export function publicTableRequest(table: string, period: string): TableRequest {
  return { table, period, geo: 'coalition', audience: publicAudience };
}

/** Where the public page's requests go for a period: the public's figures, coalition-wide. */
export function publicSource(period: string, fileParts: readonly string[] = []): ChartSource {
  return {
    period,
    series: (table, interval) => publicSeriesRequest(table, interval),
    table: (code) => publicTableRequest(code, period),
    fileParts,
  };
}

/** The public page: headline tiles, survivors and training over time, then the breakdowns published. */
export function publicSpec(): PageSpec {
  return {
    tiles: headlineTiles(totalTables),
    sections: [
      {
        headingId: 'public-over-time-heading',
        heading: 'Over time',
        charts: [
          {
            kind: 'trend',
            title: 'Survivors served',
            description:
              'Each agency counts a survivor once per period; a survivor helped by two agencies is counted by both.',
            main: { table: totalTables.survivorsServed, key: 'served', label: 'Survivors served' },
            unit: 'survivors',
            section: 'survivors',
          },
          trainingsAndOutreachChart(
            'Trainings for professionals and community outreach events by member agencies.',
          ),
        ],
      },
      whoWasServedSection({ countyComparison: false }),
      servicesSection(),
      {
        headingId: 'public-training-heading',
        heading: 'Training for professionals',
        charts: [professionalsChart],
      },
    ],
  };
}

/** Every path the public page fetches for a period, in order, given the public's tables list. */
export function publicRequestPaths(period: string, list: Published['list']): string[] {
  const layout = pageLayout(publicSpec(), { list }, { period, geo: 'coalition' });
  return [tablesPath(publicAudience), ...layoutPaths(layout, publicSource(period))];
}

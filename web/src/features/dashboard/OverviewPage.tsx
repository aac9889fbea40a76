import { intervalOf, periodLabel } from '../../../../api/domain/periods';
import { ChartSections, HeadlineFigures } from './ChartSections';
import { byQuarterTable, type OverviewView, overviewPeriodTables, overviewSeriesTables } from './requests';
import {
  type ChartSectionSpec,
  type ChartSource,
  referralsChart,
  servicesChart,
  trainingsAndOutreachChart,
} from './sectionSpecs';
import { fileParts, geoName, type ProvisionalCounts, provisionalLabel } from './view';

/**
 * The overview of one period and geography: headline tiles, survivors by quarter, who was served,
 * services, referrals, context, counties of service, prevention and training. It fetches exactly
 * `overviewRequestPaths(view)` (the tables list through the page), each piece its own request.
 */
export function Overview({
  view,
  provisional = null,
}: {
  view: OverviewView;
  /** How many agencies reported, when the period is provisional. */
  provisional?: ProvisionalCounts | null;
}) {
  const interval = intervalOf(view.period);
  const source: ChartSource = {
    period: view.period,
    series: (table, at = interval) => ({ table, geo: view.geo, interval: at }),
    table: (code) => ({ table: code, period: view.period, geo: view.geo }),
    fileParts: fileParts(view.period, provisional !== null, view.geo),
  };
  const where = view.geo === 'coalition' ? 'across the coalition' : `in ${geoName(view.geo)}`;
  const caution = provisionalLabel(provisional);

  return (
    <>
      <HeadlineFigures headingId="headline-heading" tables={overviewSeriesTables} source={source}>
        <p className="muted">
          {periodLabel(view.period)}, {where}.{caution ? ` ${caution}.` : ''} Each agency counts a survivor
          once per quarter; a survivor served by two agencies is counted by both.
        </p>
      </HeadlineFigures>
      <ChartSections sections={overviewSections(where, interval)} source={source} />
    </>
  );
}

/** The overview's charts, below the headline tiles; `where` and `interval` word the quarters chart. */
function overviewSections(where: string, interval: string): ChartSectionSpec[] {
  const chosen = interval === 'quarter' ? 'The chosen quarter is' : 'The quarters of the chosen year are';
  return [
    {
      headingId: 'quarters-heading',
      heading: 'Survivors served over time',
      headingHidden: true,
      wide: true,
      charts: [
        {
          kind: 'stack',
          table: byQuarterTable,
          title: 'Survivors served by quarter, by type of trafficking',
          description: `Every published quarter ${where}. ${chosen} marked in the table.`,
          category: 'trafficking_type',
        },
      ],
    },
    {
      headingId: 'demographics-heading',
      heading: 'Who was served',
      charts: [
        {
          kind: 'period-bars',
          table: overviewPeriodTables.typeAge,
          title: 'Age group',
          what: 'survivors by age group',
          category: 'age_group',
        },
        {
          kind: 'series-bars',
          table: overviewSeriesTables.survivorsServed,
          title: 'Gender identity',
          what: 'survivors by gender identity',
          category: 'gender',
        },
        {
          kind: 'period-bars',
          table: overviewPeriodTables.citizenship,
          title: 'Citizenship',
          what: 'survivors by citizenship',
          category: 'citizenship',
        },
        {
          kind: 'period-bars',
          table: overviewPeriodTables.raceEthnicity,
          title: 'Race and ethnicity',
          what: 'survivors by race and ethnicity',
          description:
            'A survivor may be counted in more than one group, so these can add up to more than the total.',
          category: 'race_ethnicity',
        },
      ],
    },
    {
      headingId: 'services-heading',
      heading: 'Services, referrals and context',
      charts: [
        servicesChart(overviewPeriodTables.services),
        referralsChart(overviewPeriodTables.referrals),
        {
          kind: 'period-bars',
          table: overviewPeriodTables.context,
          title: 'Trafficking context',
          description:
            'Survivors by the venue or industry where they were trafficked, where it is known. A survivor may be counted in more than one.',
          category: 'venue',
          labelWidth: 230,
        },
        {
          kind: 'county-comparison',
          title: 'County of service',
          description: 'Survivors served and new survivors, by the county where they were served.',
          served: overviewPeriodTables.servedByCounty,
          fresh: overviewPeriodTables.newByCounty,
        },
      ],
    },
    {
      headingId: 'prevention-heading',
      heading: 'Prevention and training',
      charts: [
        trainingsAndOutreachChart(overviewSeriesTables),
        {
          kind: 'trend',
          title: 'Community members reached by outreach',
          main: {
            table: overviewSeriesTables.communityReached,
            key: 'reached',
            label: 'Community members reached',
          },
          unit: 'people',
        },
        {
          kind: 'series-bars',
          table: overviewSeriesTables.professionalsTrained,
          title: 'Professionals trained, by discipline',
          category: 'discipline',
          unit: 'people',
        },
      ],
    },
  ];
}

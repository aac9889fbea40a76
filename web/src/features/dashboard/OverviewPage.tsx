import { intervalOf, periodLabel, previousPeriod, sameLastYear } from './periods';
import {
  byQuarterTable,
  type OverviewView,
  overviewPeriodTables,
  overviewSeriesTables,
  seriesPath,
  tablePath,
} from './requests';
import {
  CountyComparisonSlot,
  PeriodBarsSlot,
  SeriesPeriodBarsSlot,
  StackSlot,
  TileSlot,
  TrendSlot,
} from './slots';
import { geoName } from './view';

/**
 * The overview of one period and geography: headline tiles, survivors by quarter, who was served,
 * services, referrals, context, counties of service, prevention and training. It fetches exactly
 * `overviewRequestPaths(view)` (the tables list through the page), each piece its own request.
 */
export function Overview({ view }: { view: OverviewView }) {
  const interval = intervalOf(view.period);
  const series = (table: string) => seriesPath(table, view.geo, interval);
  const table = (code: string) => tablePath(code, view);

  const previous = previousPeriod(view.period);
  const lastYear = interval === 'quarter' ? sameLastYear(view.period) : null;
  const fileParts = [view.period, view.geo];
  const where = view.geo === 'coalition' ? 'across the coalition' : `in ${geoName(view.geo)}`;

  const tiles = [
    { table: overviewSeriesTables.survivorsServed, label: 'Survivors served', people: true },
    { table: overviewSeriesTables.newSurvivors, label: 'New survivors', people: false },
    { table: overviewSeriesTables.trainings, label: 'Trainings delivered', people: false },
    { table: overviewSeriesTables.professionalsTrained, label: 'Professionals trained', people: false },
  ];

  return (
    <>
      <section className="section" aria-labelledby="headline-heading">
        <h2 id="headline-heading">Headline figures</h2>
        <p className="muted">
          {periodLabel(view.period)}, {where}. Each agency counts a survivor once per quarter; a survivor
          served by two agencies is counted by both.
        </p>
        <div className="tiles">
          {tiles.map((tile) => (
            <TileSlot
              key={tile.table}
              path={series(tile.table)}
              label={tile.label}
              period={view.period}
              previous={previous}
              lastYear={lastYear}
              people={tile.people}
            />
          ))}
        </div>
      </section>

      <section className="section" aria-labelledby="quarters-heading">
        <h2 id="quarters-heading" className="visually-hidden">
          Survivors served over time
        </h2>
        <StackSlot
          path={seriesPath(byQuarterTable, view.geo, 'quarter')}
          title="Survivors served by quarter, by type of trafficking"
          description={`Every published quarter ${where}. ${interval === 'quarter' ? 'The chosen quarter is' : 'The quarters of the chosen year are'} marked in the table.`}
          category="trafficking_type"
          current={view.period}
          fileParts={fileParts}
        />
      </section>

      <section className="section" aria-labelledby="demographics-heading">
        <h2 id="demographics-heading">Who was served</h2>
        <div className="chart-grid">
          <PeriodBarsSlot
            path={table(overviewPeriodTables.typeAge)}
            title="Age group"
            what="survivors by age group"
            category="age_group"
            fileParts={fileParts}
          />
          <SeriesPeriodBarsSlot
            path={series(overviewSeriesTables.survivorsServed)}
            period={view.period}
            title="Gender identity"
            what="survivors by gender identity"
            category="gender"
            fileParts={fileParts}
          />
          <PeriodBarsSlot
            path={table(overviewPeriodTables.citizenship)}
            title="Citizenship"
            what="survivors by citizenship"
            category="citizenship"
            fileParts={fileParts}
          />
          <PeriodBarsSlot
            path={table(overviewPeriodTables.raceEthnicity)}
            title="Race and ethnicity"
            what="survivors by race and ethnicity"
            description="A survivor may be counted in more than one group, so these can add up to more than the total."
            category="race_ethnicity"
            fileParts={fileParts}
          />
        </div>
      </section>

      <section className="section" aria-labelledby="services-heading">
        <h2 id="services-heading">Services, referrals and context</h2>
        <div className="chart-grid">
          <PeriodBarsSlot
            path={table(overviewPeriodTables.services)}
            title="Services provided"
            description="Survivors receiving each service; one survivor often receives several."
            category="service"
            fileParts={fileParts}
          />
          <PeriodBarsSlot
            path={table(overviewPeriodTables.referrals)}
            title="Referral sources"
            description="Who referred survivors to member agencies."
            category="referral_source"
            unit="referrals"
            fileParts={fileParts}
          />
          <PeriodBarsSlot
            path={table(overviewPeriodTables.context)}
            title="Trafficking context"
            description="Survivors by the venue or industry where they were trafficked, where it is known. A survivor may be counted in more than one."
            category="venue"
            fileParts={fileParts}
            labelWidth={230}
          />
          <CountyComparisonSlot
            servedPath={table(overviewPeriodTables.servedByCounty)}
            newPath={table(overviewPeriodTables.newByCounty)}
            fileParts={fileParts}
          />
        </div>
      </section>

      <section className="section" aria-labelledby="prevention-heading">
        <h2 id="prevention-heading">Prevention and training</h2>
        <div className="chart-grid">
          <TrendSlot
            title="Trainings and outreach events"
            main={{
              path: series(overviewSeriesTables.trainings),
              key: 'trainings',
              label: 'Trainings delivered',
            }}
            other={{
              path: series(overviewSeriesTables.outreachEvents),
              key: 'outreach',
              label: 'Outreach events',
            }}
            unit="events"
            current={view.period}
            fileParts={fileParts}
          />
          <TrendSlot
            title="Community members reached by outreach"
            main={{
              path: series(overviewSeriesTables.communityReached),
              key: 'reached',
              label: 'Community members reached',
            }}
            unit="people"
            current={view.period}
            fileParts={fileParts}
          />
          <SeriesPeriodBarsSlot
            path={series(overviewSeriesTables.professionalsTrained)}
            period={view.period}
            title="Professionals trained, by discipline"
            category="discipline"
            unit="people"
            fileParts={fileParts}
          />
        </div>
      </section>
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { intervalNames } from '../../../../api/domain/periods';
import { ChartFrame } from '../../charts/ChartFrame';
import { DeferredDrawing } from '../../charts/DeferredDrawing';
import { completenessNote, provisionalNote, releaseFootnote } from '../../charts/format';
import { TrendChartView } from '../../charts/lazyViews';
import { FilterSelect } from '../../components/FilterSelect';
import { LoadError, Loading } from '../../components/QueryStatus';
import { usePageTitle } from '../../components/usePageTitle';
import { listWords } from '../../lib/text';
import { useCoalitionTimeZone } from '../auth/useCoalitionToday';
import { LineChart } from './charts';
import { DashboardTabs } from './DashboardPage';
import { agencyJoinedNotes } from './joined';
import { ChartSlot, NothingPublished } from './parts';
import { intervalWord } from './published';
import { statsSeriesQuery, statsTablesQuery } from './queries';
import {
  multiplesTableModel,
  publishedDimensions,
  type SeriesData,
  smallMultiples,
  trendModel,
} from './shape';
import { releasesOf } from './slots';
import {
  intervalNotice,
  resolveTrendsView,
  type TrendsView,
  trendFileParts,
  trendIntervals,
  trendsSearch,
  unduplicatedNotes,
} from './trends';
import type { StatsSeries, StatsTableInfo } from './types';
import { coalitionGeo, geoName, geoShortName, publishedCube } from './view';
import './dashboard.css';

/**
 * `/dashboard/trends?table=survivors_served&interval=quarter&geo=SCL&compare=SBN`: any published
 * table over the intervals it is published at (quarters, half-years, years or fiscal years), with
 * another geography to compare, and small multiples of its categories. Lines break where a figure
 * is hidden or not every agency reported.
 */
export function TrendsPage() {
  usePageTitle('Trends');
  const [searchParams, setSearchParams] = useSearchParams();
  const tables = useQuery(statsTablesQuery());
  const view = tables.data
    ? resolveTrendsView(
        {
          table: searchParams.get('table'),
          interval: searchParams.get('interval'),
          geo: searchParams.get('geo'),
          compare: searchParams.get('compare'),
        },
        tables.data,
      )
    : null;
  const search = searchParams.get('period') ? `?period=${searchParams.get('period')}` : '';
  const info = view ? tables.data?.tables.find((t) => t.code === view.table) : undefined;
  const notice = view ? intervalNotice(searchParams.get('interval'), view, info) : null;

  return (
    <div className="dashboard">
      <h1>Trends</h1>
      <p className="lede">
        Any published figure over time. A line breaks where a figure is hidden to protect privacy, and a
        period in which not every agency reported is drawn apart as a hollow dot.
      </p>
      <DashboardTabs search={search} />
      {tables.isPending ? (
        <Loading label="Loading the published tables…" />
      ) : tables.isError ? (
        <LoadError
          what="the published tables"
          error={tables.error}
          onRetry={() => void tables.refetch()}
          retrying={tables.isFetching}
        />
      ) : !view ? (
        <NothingPublished />
      ) : (
        <>
          <TrendFilters
            tables={tables.data.tables}
            geos={publishedCube(tables.data).geos}
            view={view}
            onChange={(next) => setSearchParams(new URLSearchParams(trendsSearch(next)))}
          />
          {notice ? <p className="notice notice--info">{notice}</p> : null}
          <Trends view={view} info={info} />
        </>
      )}
    </div>
  );
}

function TrendFilters({
  tables,
  geos,
  view,
  onChange,
}: {
  tables: readonly StatsTableInfo[];
  geos: readonly string[];
  view: TrendsView;
  onChange: (view: TrendsView) => void;
}) {
  const id = useId();
  const geoOptions = geos.map((g) => ({ value: g, label: geoName(g) }));
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const compare = String(form.get('compare') ?? '');
    onChange({
      table: String(form.get('table') ?? view.table),
      interval: (String(form.get('interval') ?? view.interval) as TrendsView['interval']) ?? 'quarter',
      geo: String(form.get('geo') ?? view.geo),
      compare: compare === '' ? null : compare,
    });
  }
  return (
    <form className="filter-bar" onSubmit={handleSubmit} aria-label="Choose a trend" key={trendsSearch(view)}>
      <FilterSelect
        id={`${id}-table`}
        label="Figure"
        name="table"
        defaultValue={view.table}
        options={tables.map((t) => ({ value: t.code, label: t.name }))}
      />
      <FilterSelect
        id={`${id}-interval`}
        label="Over"
        name="interval"
        defaultValue={view.interval}
        options={trendIntervals(tables.find((t) => t.code === view.table)).map((interval) => ({
          value: interval,
          label: intervalNames[interval],
        }))}
      />
      <FilterSelect id={`${id}-geo`} label="Area" name="geo" defaultValue={view.geo} options={geoOptions} />
      <FilterSelect
        id={`${id}-compare`}
        label="Compare with"
        name="compare"
        defaultValue={view.compare ?? ''}
        options={[{ value: '', label: 'Nothing' }, ...geoOptions]}
      />
      <div className="filter-bar__actions">
        <button type="submit" className="button">
          Show
        </button>
      </div>
    </form>
  );
}

function Trends({ view, info }: { view: TrendsView; info: StatsTableInfo | undefined }) {
  const main = useQuery(statsSeriesQuery({ table: view.table, geo: view.geo, interval: view.interval }));
  const compare = useQuery({
    ...statsSeriesQuery({ table: view.table, geo: view.compare ?? view.geo, interval: view.interval }),
    enabled: view.compare !== null,
  });
  const name = info?.name ?? view.table;
  const elementName = name.split(' · ')[0] ?? name;
  const unit = info?.kind === 'activity' ? 'count' : 'people';

  return (
    <ChartSlot query={main} what={`${elementName.toLowerCase()} over time`}>
      {(mainData) =>
        mainData.periods.length === 0 ? (
          <div className="notice notice--info dashboard-empty">
            <h2 className="notice__title">Nothing published for this choice yet</h2>
            <p>
              {name} has no published figures for{' '}
              {view.geo === coalitionGeo ? 'the whole coalition' : geoName(view.geo)} by{' '}
              {intervalWord(view.interval)}.{' '}
              {view.geo === coalitionGeo
                ? 'A calendar year appears once its fourth quarter is published, a fiscal year once its last quarter is.'
                : 'A county’s figures are published for fewer kinds of period than the coalition’s: try calendar years, or the whole coalition.'}
            </p>
            {info?.notes.map((note) => (
              <p key={note}>{note}</p>
            ))}
          </div>
        ) : view.compare && compare.isPending ? (
          <Loading label="Loading the comparison…" />
        ) : view.compare && compare.isError ? (
          <LoadError
            what="the comparison"
            error={compare.error}
            onRetry={() => void compare.refetch()}
            retrying={compare.isFetching}
          />
        ) : (
          <TrendCharts
            view={view}
            main={mainData}
            comparison={view.compare ? compare.data : undefined}
            notes={info?.notes ?? []}
            elementName={elementName}
            unit={unit}
            fileParts={trendFileParts(view, [mainData, view.compare ? compare.data : undefined])}
          />
        )
      }
    </ChartSlot>
  );
}

function TrendCharts({
  view,
  main,
  comparison,
  notes,
  elementName,
  unit,
  fileParts,
}: {
  view: TrendsView;
  main: StatsSeries;
  comparison: StatsSeries | undefined;
  /** What the publication plan says about the table. */
  notes: readonly string[];
  elementName: string;
  unit: string;
  fileParts: readonly string[];
}) {
  const labels = useMemo(
    () => ({ rowHeading: intervalNames[view.interval].replace(/s$/, '').replace(/ies$/, 'y'), unit }),
    [view.interval, unit],
  );
  const model = useMemo(() => {
    const notes = unduplicatedNotes(main);
    const total = trendModel(
      { key: view.geo, label: geoShortName(view.geo), series: main },
      comparison && view.compare
        ? { key: view.compare, label: geoShortName(view.compare), series: comparison }
        : undefined,
      {},
      { ...labels, rowHeading: 'Period' },
    );
    return {
      ...total,
      rows: total.rows.map((row) => {
        const extra = notes.get(row.key);
        return extra ? { ...row, note: [row.note, extra].filter(Boolean).join(' ') } : row;
      }),
    };
  }, [main, comparison, view.geo, view.compare, labels]);
  const latest = main.periods.at(-1);
  // A category this interval doesn't publish (age groups by half-year) is named, not drawn empty.
  const drawn = publishedDimensions(main);
  const unpublished = main.dimensions.filter((d) => !drawn.includes(d));
  // A comparison with nothing published at this interval (a county's quarters) says so, not a blank line.
  const comparisonMissing =
    view.compare && comparison && comparison.periods.length === 0
      ? `${geoName(view.compare)} has no published figures by ${intervalWord(view.interval)}.`
      : null;
  return (
    <>
      <section className="section" aria-labelledby="trend-total-heading">
        <h2 id="trend-total-heading" className="visually-hidden">
          {elementName}: the total
        </h2>
        <LineChart
          title={`${elementName} by ${intervalWord(view.interval)}`}
          description={
            main.kind === 'people'
              ? 'Totals add up each agency’s count: a survivor served by two agencies is counted twice. The table gives the range of different people where it is published.'
              : undefined
          }
          model={model}
          completeness={latest?.completeness}
          extraNotes={[
            ...(latest ? [`Latest period: ${latest.period}.`, provisionalNote(latest)] : []),
            comparisonMissing,
            ...notes,
            ...agencyJoinedNotes(main.periods, main.kind === 'people' ? 'survivors' : 'activity'),
          ]}
          releases={releasesOf(main)}
          fileParts={fileParts}
          headingLevel={3}
        />
      </section>
      {unpublished.length > 0 ? (
        <p className="notice notice--info">
          {listWords(unpublished.map((d) => d.name))} {unpublished.length === 1 ? 'is' : 'are'} not published
          by {intervalWord(view.interval)}: choose another period in “Over” to see{' '}
          {unpublished.length === 1 ? 'it' : 'them'}.
        </p>
      ) : null}
      {drawn.length > 0 ? (
        <section className="section" aria-labelledby="trend-multiples-heading">
          <h2 id="trend-multiples-heading">By {drawn.map((d) => d.name.toLowerCase()).join(' and by ')}</h2>
          <Multiples
            series={main}
            labels={labels}
            view={view}
            elementName={elementName}
            fileParts={fileParts}
          />
        </section>
      ) : null}
    </>
  );
}

const multipleHeight = 170;

function Multiples({
  series,
  labels,
  view,
  elementName,
  fileParts,
}: {
  series: SeriesData;
  labels: { rowHeading: string; unit: string };
  view: TrendsView;
  elementName: string;
  fileParts: readonly string[];
}) {
  const multiples = useMemo(() => smallMultiples(series, labels), [series, labels]);
  const table = useMemo(() => multiplesTableModel(series, labels), [series, labels]);
  const latest = series.periods.at(-1);
  const timeZone = useCoalitionTimeZone();
  return (
    <ChartFrame
      title={`${elementName} in ${view.geo === coalitionGeo ? 'the whole coalition' : geoName(view.geo)}, one chart per group`}
      description="Each small chart has its own scale. Hatched bands mark periods where the figure is hidden."
      model={table}
      notes={[completenessNote(latest?.completeness, latest?.period), provisionalNote(latest)]}
      footnote={releaseFootnote(releasesOf(series), timeZone)}
      fileParts={['groups', ...fileParts]}
      legend={false}
      headingLevel={3}
    >
      {(chartId) => (
        <ul className="multiples" aria-label="One chart per group">
          {multiples.map((multiple, i) => (
            <li className="multiples__item" key={multiple.key}>
              <h4 className="multiples__title" data-image-label>
                {multiple.title}
              </h4>
              <DeferredDrawing height={multipleHeight}>
                <TrendChartView
                  chartId={`${chartId}-${i}`}
                  model={multiple.model}
                  summary={`Line chart: ${multiple.title}`}
                  height={multipleHeight}
                  compact
                />
              </DeferredDrawing>
            </li>
          ))}
        </ul>
      )}
    </ChartFrame>
  );
}

/**
 * The overview's and public page's pieces, each fetching its own published table. A piece re-renders
 * only when its own request answers, so sixteen answers arriving one by one don't redraw the whole
 * page sixteen times, and the headline tiles show as soon as theirs are in.
 */
import { type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ReleaseRef } from '../../charts/format';
import { BarsChart, LineChart, lineChartHeight, StackChart, stackChartHeight } from './charts';
import { ChartSlot } from './parts';
import { statsSeriesQuery, statsTableQuery } from './queries';
import type { SeriesRequest, TableRequest } from './requests';
import {
  breakdownModel,
  headline,
  type PeriodTable,
  periodOfSeries,
  type SeriesData,
  stackedModel,
  trendModel,
} from './shape';
import { HeadlineTile, TileSkeleton } from './Tiles';
import { useStarted } from './useTurn';

/** The release behind one table, for the footnote. */
export function releaseOf(
  table: { period: string; release: Omit<ReleaseRef, 'period'> } | undefined,
): ReleaseRef[] {
  return table ? [{ ...table.release, period: table.period }] : [];
}

/** The releases behind every period of a series. */
export function releasesOf(series: SeriesData | undefined): ReleaseRef[] {
  return (series?.periods ?? []).map((p) => ({ ...p.release, period: p.period }));
}

/**
 * A published table's query, started in this piece's turn (see useTurn) so a dozen requests don't
 * all start in one task. Answers already in the cache show at once.
 */
function useStats<T, Key extends QueryKey>(options: UseQueryOptions<T, Error, T, Key>) {
  const started = useStarted();
  return useQuery({ ...options, enabled: started });
}

/** A period's table as the stats API sends it, with the release it comes from. */
type PeriodTableWithRelease = PeriodTable & { release: Omit<ReleaseRef, 'period'> };

// What a chart frame adds around its drawing (title, notes, legend, footnote, buttons): a loading
// frame holds about the chart's height, so the page below moves little when it arrives.
const frameAllowance = 220;

type TileProps = {
  label: string;
  period: string;
  previous: string;
  lastYear: string | null;
  people?: boolean;
};

/** A headline tile for the chosen period, from a series' grand totals. */
export function TileSlot({ request, ...tile }: TileProps & { request: SeriesRequest }) {
  const query = useStats(statsSeriesQuery(request));
  return (
    <ChartSlot
      query={query}
      what={tile.label.toLowerCase()}
      skeleton={<TileSkeleton label={tile.label} comparisons={tile.lastYear ? 2 : 1} />}
    >
      {(series) => <Tile {...tile} series={series} />}
    </ChartSlot>
  );
}

function Tile({
  series,
  label,
  period,
  previous,
  lastYear,
  people = false,
}: TileProps & { series: SeriesData }) {
  const figures = useMemo(
    () => headline(series, period, previous, lastYear),
    [series, period, previous, lastYear],
  );
  return <HeadlineTile label={label} period={period} people={people} headline={figures} />;
}

type BarsProps = {
  title: string;
  /** Completes "We couldn't load …" (the title, in lower case, if left out). */
  what?: string;
  description?: string;
  category: string;
  unit?: string;
  fileParts: readonly string[];
  labelWidth?: number;
};

/** Bars of one category of one period's table. */
export function PeriodBarsSlot({ request, what, ...props }: BarsProps & { request: TableRequest }) {
  const query = useStats(statsTableQuery(request));
  return (
    <ChartSlot query={query} what={what ?? props.title.toLowerCase()} minHeight={320}>
      {(table) => <PeriodBars {...props} table={table} releases={releaseOf(table)} />}
    </ChartSlot>
  );
}

/** Bars of one category of the chosen period, read from a series (its other periods feed the tiles). */
export function SeriesPeriodBarsSlot({
  request,
  period,
  what,
  ...props
}: BarsProps & { request: SeriesRequest; period: string }) {
  const query = useStats(statsSeriesQuery(request));
  return (
    <ChartSlot query={query} what={what ?? props.title.toLowerCase()} minHeight={320}>
      {(series) => (
        <PeriodBars
          {...props}
          table={periodOfSeries(series, period)}
          releases={releaseOf(series.periods.find((p) => p.period === period))}
        />
      )}
    </ChartSlot>
  );
}

function PeriodBars({
  title,
  description,
  category,
  unit = 'survivors',
  fileParts,
  labelWidth,
  table,
  releases,
}: BarsProps & { table: ReturnType<typeof periodOfSeries>; releases: ReleaseRef[] }) {
  const model = useMemo(
    () => breakdownModel([{ key: 'value', label: 'Count', table }], category, { rowHeading: title, unit }),
    [table, category, title, unit],
  );
  return (
    <BarsChart
      title={title}
      description={description}
      model={model}
      completeness={table?.completeness}
      releases={releases}
      fileParts={fileParts}
      labelWidth={labelWidth}
    />
  );
}

type CountyComparisonProps = { title: string; description: string; fileParts: readonly string[] };

/** Two tables' breakdowns side by side: survivors served and new survivors by county. */
export function CountyComparisonSlot({
  served: servedRequest,
  fresh: freshRequest,
  ...comparison
}: CountyComparisonProps & { served: TableRequest; fresh: TableRequest }) {
  const served = useStats(statsTableQuery(servedRequest));
  const fresh = useStats(statsTableQuery(freshRequest));
  return (
    <ChartSlot query={served} what="survivors by county of service" minHeight={320}>
      {(servedData) => (
        <ChartSlot query={fresh} what="new survivors by county of service" minHeight={320}>
          {(freshData) => <CountyComparison {...comparison} served={servedData} fresh={freshData} />}
        </ChartSlot>
      )}
    </ChartSlot>
  );
}

function CountyComparison({
  title,
  description,
  fileParts,
  served,
  fresh,
}: CountyComparisonProps & { served: PeriodTableWithRelease; fresh: PeriodTableWithRelease }) {
  const model = useMemo(
    () =>
      breakdownModel(
        [
          { key: 'served', label: 'Survivors served', table: served },
          { key: 'new', label: 'New survivors', table: fresh },
        ],
        'county',
        { rowHeading: 'County of service', unit: 'survivors' },
      ),
    [served, fresh],
  );
  return (
    <BarsChart
      title={title}
      description={description}
      model={model}
      completeness={served.completeness}
      releases={releaseOf(served)}
      fileParts={fileParts}
    />
  );
}

type StackProps = {
  title: string;
  description: string;
  category: string;
  current: string;
  fileParts: readonly string[];
};

/** Survivors by quarter, stacked by one category. */
export function StackSlot({ request, ...stack }: StackProps & { request: SeriesRequest }) {
  const query = useStats(statsSeriesQuery(request));
  return (
    <ChartSlot query={query} what={stack.title.toLowerCase()} minHeight={stackChartHeight + frameAllowance}>
      {(series) => <Stack {...stack} series={series} />}
    </ChartSlot>
  );
}

function Stack({
  series,
  title,
  description,
  category,
  current,
  fileParts,
}: StackProps & { series: SeriesData }) {
  const model = useMemo(
    () => stackedModel(series, category, { rowHeading: 'Quarter', unit: 'survivors' }, current),
    [series, category, current],
  );
  return (
    <StackChart
      title={title}
      description={description}
      model={model}
      releases={releasesOf(series)}
      fileParts={fileParts}
    />
  );
}

type TrendLine = { request: SeriesRequest; key: string; label: string };

type TrendProps<Line> = {
  title: string;
  description?: string;
  main: Line;
  other?: Line;
  unit: string;
  current: string;
  fileParts: readonly string[];
};

/** One or two series' grand totals over time (the second compared with the first). */
export function TrendSlot({ main, other, ...trend }: TrendProps<TrendLine>) {
  const mainQuery = useStats(statsSeriesQuery(main.request));
  // Without a second line this is the same request as the first, answered from the cache.
  const otherQuery = useStats(statsSeriesQuery(other?.request ?? main.request));
  const minHeight = lineChartHeight + frameAllowance;
  return (
    <ChartSlot query={mainQuery} what={main.label.toLowerCase()} minHeight={minHeight}>
      {(mainData) => (
        <ChartSlot query={otherQuery} what={(other ?? main).label.toLowerCase()} minHeight={minHeight}>
          {(otherData) => (
            <Trend
              {...trend}
              main={{ key: main.key, label: main.label, series: mainData }}
              other={other ? { key: other.key, label: other.label, series: otherData } : undefined}
            />
          )}
        </ChartSlot>
      )}
    </ChartSlot>
  );
}

type TrendSource = { key: string; label: string; series: SeriesData };

function Trend({ title, description, main, other, unit, current, fileParts }: TrendProps<TrendSource>) {
  const [mainKey, mainLabel, mainSeries] = [main.key, main.label, main.series];
  const [otherKey, otherLabel, otherSeries] = [other?.key, other?.label, other?.series];
  const model = useMemo(
    () =>
      trendModel(
        { key: mainKey, label: mainLabel, series: mainSeries },
        otherKey && otherLabel && otherSeries
          ? { key: otherKey, label: otherLabel, series: otherSeries }
          : undefined,
        {},
        { rowHeading: 'Period', unit },
        current,
      ),
    [mainKey, mainLabel, mainSeries, otherKey, otherLabel, otherSeries, unit, current],
  );
  return (
    <LineChart
      title={title}
      description={description}
      model={model}
      releases={releasesOf(mainSeries)}
      fileParts={fileParts}
    />
  );
}

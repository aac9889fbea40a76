/**
 * A page's layout for one view: the tiles and charts that have published figures for the chosen
 * period and place, and one notice in place of the breakdowns (and one for the headline figures)
 * that don't, saying why and what to open instead. A table the plan doesn't publish to this
 * audience is simply left out. Pure, and the source of the page's requests (see requests.ts).
 */
import { type Interval, intervalOf } from '../../../../api/domain/periods';
import {
  breakdownNotice,
  intervalWord,
  isPublishedAt,
  joinWithheld,
  type Published,
  publishedIntervals,
  totalsNotice,
  type Withheld,
  type WithheldBreakdown,
  type WithheldNotice,
  withheld,
  yearKinds,
} from './published';
import type { ChartSectionSpec, ChartSpec, ShownChart, TileSpec } from './sectionSpecs';
import { coalitionGeo, geoName } from './view';

/** The view a layout is for. */
export type LayoutView = { period: string; geo: string };

/** A section of charts the view draws. */
export type ShownSection = Omit<ChartSectionSpec, 'charts'> & { charts: ShownChart[] };

/** What the page draws, in order: sections of charts, and the notice standing in for the breakdowns. */
export type LayoutBlock =
  | { kind: 'section'; section: ShownSection }
  | { kind: 'notice'; id: string; notice: WithheldNotice };

export type PageLayout = {
  tiles: TileSpec[];
  /** In place of the headline figures a county doesn't publish for this kind of period. */
  tilesNotice: WithheldNotice | null;
  blocks: LayoutBlock[];
};

const titleAt = (chart: ChartSpec, interval: Interval) =>
  typeof chart.title === 'string' ? chart.title : chart.title(interval);

const describeAt = (chart: ChartSpec, interval: Interval) =>
  typeof chart.description === 'function' ? chart.description(interval) : chart.description;

/**
 * The interval a chart over time steps through: the one it asks for when published here, else the
 * chosen period's, else the first of the years published here. Undefined when none is.
 */
function trendInterval(
  published: Published,
  tables: readonly string[],
  preferred: Interval,
  view: LayoutView,
) {
  const here = (interval: Interval) =>
    tables.every((code) => publishedIntervals(published, code, view.geo).includes(interval));
  const chosen = intervalOf(view.period);
  return [preferred, chosen, ...yearKinds].find(here);
}

/** A chart as the view draws it, or why it isn't drawn (null: not published to this audience at all). */
export function resolveChart(
  chart: ChartSpec,
  published: Published,
  view: LayoutView,
): ShownChart | Withheld | null {
  const chosen = intervalOf(view.period);
  switch (chart.kind) {
    case 'trend': {
      const tables = [chart.main.table, ...(chart.other ? [chart.other.table] : [])];
      const preferred = chart.over ?? chosen;
      const interval = trendInterval(published, tables, preferred, view);
      if (!interval) return null;
      // A county published by year rather than by quarter says so beside the yearly chart.
      const instead =
        interval === preferred
          ? undefined
          : `${geoName(view.geo)}'s figures are published by ${intervalWord(interval)}, not by ${intervalWord(preferred)}.`;
      return {
        ...chart,
        title: titleAt(chart, interval),
        description: [describeAt(chart, interval), instead].filter(Boolean).join(' ') || undefined,
        interval,
      };
    }
    case 'county-comparison': {
      const tables = [chart.served, chart.fresh];
      if (tables.every((code) => isPublishedAt(published, code, view.period, view.geo, 'county')))
        return {
          ...chart,
          title: titleAt(chart, chosen),
          description: describeAt(chart, chosen),
          interval: chosen,
        };
      return withheld(published, [tables], view.period, view.geo, 'county');
    }
    case 'stack': {
      if (isPublishedAt(published, chart.table, view.period, view.geo, chart.category))
        return {
          ...chart,
          title: titleAt(chart, chosen),
          description: describeAt(chart, chosen),
          interval: chosen,
        };
      return withheld(published, [[chart.table]], view.period, view.geo, chart.category);
    }
    case 'period-bars':
    case 'series-bars': {
      const { or = [], ...bars } = chart;
      const candidates = [{ table: chart.table, description: describeAt(chart, chosen) }, ...or];
      const found = candidates.find((c) =>
        isPublishedAt(published, c.table, view.period, view.geo, chart.category),
      );
      if (found)
        return {
          ...bars,
          table: found.table,
          description: found.description ?? describeAt(chart, chosen),
          title: titleAt(chart, chosen),
          interval: chosen,
        };
      return withheld(
        published,
        candidates.map((c) => [c.table]),
        view.period,
        view.geo,
        chart.category,
      );
    }
  }
}

const isShown = (resolved: ShownChart | Withheld | null): resolved is ShownChart =>
  resolved !== null && 'kind' in resolved;

/**
 * The page for a view: its tiles (with a notice for those a county doesn't publish for this kind
 * of period), and its sections with the charts published here, one notice standing where the first
 * breakdown left out would have been.
 */
export function pageLayout(
  page: { tiles: readonly TileSpec[]; sections: readonly ChartSectionSpec[] },
  published: Published,
  view: LayoutView,
): PageLayout {
  const tiles: TileSpec[] = [];
  const tileReasons: Withheld[] = [];
  const tilesWithheld: string[] = [];
  for (const tile of page.tiles) {
    if (isPublishedAt(published, tile.table, view.period, view.geo)) {
      tiles.push(tile);
      continue;
    }
    const reason = withheld(published, [[tile.table]], view.period, view.geo);
    if (reason) {
      tileReasons.push(reason);
      tilesWithheld.push(tile.label);
    }
  }
  const tilesReason = joinWithheld(tileReasons);

  const blocks: LayoutBlock[] = [];
  const left: WithheldBreakdown[] = [];
  // Whether a section draws some breakdowns and leaves others out: the notice then names the latter.
  let someShown = false;
  let noticeAt: number | undefined;
  const chosen = intervalOf(view.period);
  for (const section of page.sections) {
    const charts: ShownChart[] = [];
    let leftHere = 0;
    for (const chart of section.charts) {
      const resolved = resolveChart(chart, published, view);
      if (isShown(resolved)) charts.push(resolved);
      else if (resolved) {
        left.push({ name: chart.name ?? titleAt(chart, chosen), section: chart.section, reason: resolved });
        leftHere++;
        noticeAt ??= blocks.length;
      }
    }
    if (charts.length > 0 && leftHere > 0) someShown = true;
    if (charts.length > 0) blocks.push({ kind: 'section', section: { ...section, charts } });
  }
  const counties = new Set(published.list.tables.flatMap((t) => t.geographies));
  counties.delete(coalitionGeo);
  const notice = breakdownNotice(left, view, {
    countyBreakdowns: published.list.countyBreakdowns,
    counties: counties.size,
    someShown,
  });
  if (notice && noticeAt !== undefined)
    blocks.splice(noticeAt, 0, { kind: 'notice', id: 'breakdowns-notice-heading', notice });
  return {
    tiles,
    tilesNotice: tilesReason ? totalsNotice(tilesReason, view, tilesWithheld) : null,
    blocks,
  };
}

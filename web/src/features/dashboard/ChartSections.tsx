import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { intervalOf, previousPeriod, sameTimeLastYear } from '../../../../api/domain/periods';
import type { LayoutBlock } from './layout';
import type { OpenInstead, WithheldNotice } from './published';
import type { ChartSource, ShownChart, TileSpec } from './sectionSpecs';
import {
  CountyComparisonSlot,
  PeriodBarsSlot,
  SeriesPeriodBarsSlot,
  StackSlot,
  TileSlot,
  TrendSlot,
} from './slots';

/** The address of a view a notice offers to open. */
export type ViewHref = (view: { period: string; geo: string }) => string;

/**
 * The headline tiles of the chosen period, each compared with the period before and, for a quarter
 * or half-year, the same period a year earlier. `children` (an introduction) go between the heading
 * and the tiles; `notice` stands in for tiles not published for this kind of period here.
 */
export function HeadlineFigures({
  headingId,
  tiles,
  notice = null,
  source,
  hrefOf,
  children,
}: {
  headingId: string;
  tiles: readonly TileSpec[];
  notice?: WithheldNotice | null;
  source: ChartSource;
  hrefOf: ViewHref;
  children?: ReactNode;
}) {
  const { period } = source;
  const interval = intervalOf(period);
  const previous = previousPeriod(period);
  const lastYear = interval === 'quarter' || interval === 'half' ? sameTimeLastYear(period) : null;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>Headline figures</h2>
      {children}
      {notice ? (
        <div className="notice notice--info withheld-notice">
          {notice.paragraphs.map((text) => (
            <p key={text}>{text}</p>
          ))}
          <OpenLinks links={notice.open} hrefOf={hrefOf} />
        </div>
      ) : null}
      {tiles.length > 0 ? (
        <div className="tiles">
          {tiles.map((tile) => (
            <TileSlot
              key={tile.table}
              request={source.series(tile.table, interval)}
              label={tile.label}
              period={period}
              previous={previous}
              lastYear={lastYear}
              people={tile.people}
            />
          ))}
        </div>
      ) : null}
    </section>
  );
}

/** The views a notice offers instead, as links. */
function OpenLinks({ links, hrefOf }: { links: readonly OpenInstead[]; hrefOf: ViewHref }) {
  if (links.length === 0) return null;
  return (
    <ul className="withheld-notice__links">
      {links.map((link) => (
        <li key={`${link.period}/${link.geo}`}>
          <Link to={hrefOf(link)}>{link.label}</Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * The one notice standing in for every breakdown a view doesn't publish: why, in plain words, and
 * the views where they are published.
 */
export function WithheldSection({
  id,
  notice,
  hrefOf,
}: {
  id: string;
  notice: WithheldNotice;
  hrefOf: ViewHref;
}) {
  return (
    <section className="section" aria-labelledby={id}>
      <div className="notice notice--info withheld-notice">
        <h2 id={id} className="notice__title">
          {notice.title}
        </h2>
        {notice.paragraphs.map((text) => (
          <p key={text}>{text}</p>
        ))}
        <OpenLinks links={notice.open} hrefOf={hrefOf} />
      </div>
    </section>
  );
}

/**
 * The layout's sections of charts, each chart fetching its own table from the source, and the
 * notice where the breakdowns not published would have been. Wide charts span the page; the
 * others sit in a grid.
 */
export function ChartSections({
  blocks,
  source,
  hrefOf,
}: {
  blocks: readonly LayoutBlock[];
  source: ChartSource;
  hrefOf: ViewHref;
}) {
  return blocks.map((block) => {
    if (block.kind === 'notice')
      return <WithheldSection key={block.id} id={block.id} notice={block.notice} hrefOf={hrefOf} />;
    const { section } = block;
    return (
      <section key={section.headingId} className="section" aria-labelledby={section.headingId}>
        <h2 id={section.headingId} className={section.headingHidden ? 'visually-hidden' : undefined}>
          {section.heading}
        </h2>
        {groupRuns(section.charts).flatMap((run) =>
          run.wide
            ? run.charts.map((chart) => chartSlot(chart, source))
            : [
                <div key={`grid-${run.charts[0]?.title}`} className="chart-grid">
                  {run.charts.map((chart) => chartSlot(chart, source))}
                </div>,
              ],
        )}
      </section>
    );
  });
}

/** Consecutive charts grouped into runs: each wide one alone, the rest together in a grid. */
function groupRuns(charts: readonly ShownChart[]): Array<{ wide: boolean; charts: ShownChart[] }> {
  const runs: Array<{ wide: boolean; charts: ShownChart[] }> = [];
  for (const chart of charts) {
    const wide = chart.wide === true;
    const last = runs.at(-1);
    if (last && !wide && !last.wide) last.charts.push(chart);
    else runs.push({ wide, charts: [chart] });
  }
  return runs;
}

/** The slot that fetches and draws one chart; its requests are `chartPaths` of the same chart. */
function chartSlot(chart: ShownChart, source: ChartSource) {
  const { period, fileParts } = source;
  switch (chart.kind) {
    case 'period-bars': {
      const { kind, table, interval, section, wide, ...bars } = chart;
      return (
        <PeriodBarsSlot key={chart.title} {...bars} request={source.table(table)} fileParts={fileParts} />
      );
    }
    case 'series-bars': {
      const { kind, table, interval, section, wide, ...bars } = chart;
      return (
        <SeriesPeriodBarsSlot
          key={chart.title}
          {...bars}
          request={source.series(table, interval)}
          period={period}
          fileParts={fileParts}
        />
      );
    }
    case 'stack': {
      const { kind, table, interval, section, wide, ...stack } = chart;
      return (
        <StackSlot
          key={chart.title}
          {...stack}
          description={stack.description ?? ''}
          request={source.series(table, interval)}
          current={period}
          fileParts={fileParts}
        />
      );
    }
    case 'trend': {
      const { kind, main, other, interval, section, wide, over, ...trend } = chart;
      const line = (spec: typeof main) => ({
        request: source.series(spec.table, interval),
        key: spec.key,
        label: spec.label,
      });
      return (
        <TrendSlot
          key={chart.title}
          {...trend}
          main={line(main)}
          other={other && line(other)}
          current={period}
          fileParts={fileParts}
        />
      );
    }
    case 'county-comparison': {
      const { kind, served, fresh, interval, section, wide, ...comparison } = chart;
      return (
        <CountyComparisonSlot
          key={chart.title}
          {...comparison}
          description={comparison.description ?? ''}
          served={source.table(served)}
          fresh={source.table(fresh)}
          fileParts={fileParts}
        />
      );
    }
  }
}

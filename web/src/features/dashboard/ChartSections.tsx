import type { ReactNode } from 'react';
import { intervalOf, previousPeriod, sameTimeLastYear } from '../../../../api/domain/periods';
import type { ChartSectionSpec, ChartSource, ChartSpec, HeadlineTables } from './sectionSpecs';
import { headlineTiles } from './sectionSpecs';
import {
  CountyComparisonSlot,
  PeriodBarsSlot,
  SeriesPeriodBarsSlot,
  StackSlot,
  TileSlot,
  TrendSlot,
} from './slots';

/**
 * The headline tiles of the chosen period, each compared with the period before and, for a quarter,
 * the same quarter a year earlier. `children` (an introduction) go between the heading and the tiles.
 */
export function HeadlineFigures({
  headingId,
  tables,
  source,
  children,
}: {
  headingId: string;
  tables: HeadlineTables;
  source: ChartSource;
  children?: ReactNode;
}) {
  const { period } = source;
  const previous = previousPeriod(period);
  const lastYear = intervalOf(period) === 'quarter' ? sameTimeLastYear(period) : null;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>Headline figures</h2>
      {children}
      <div className="tiles">
        {headlineTiles(tables).map((tile) => (
          <TileSlot
            key={tile.table}
            request={source.series(tile.table)}
            label={tile.label}
            period={period}
            previous={previous}
            lastYear={lastYear}
            people={tile.people}
          />
        ))}
      </div>
    </section>
  );
}

/** Sections of charts, each chart fetching its own table from the source. */
export function ChartSections({
  sections,
  source,
}: {
  sections: readonly ChartSectionSpec[];
  source: ChartSource;
}) {
  return sections.map((section) => {
    const charts = section.charts.map((chart) => chartSlot(chart, source));
    return (
      <section key={section.headingId} className="section" aria-labelledby={section.headingId}>
        <h2 id={section.headingId} className={section.headingHidden ? 'visually-hidden' : undefined}>
          {section.heading}
        </h2>
        {section.wide ? charts : <div className="chart-grid">{charts}</div>}
      </section>
    );
  });
}

/** The slot that fetches and draws one chart. */
function chartSlot(chart: ChartSpec, source: ChartSource) {
  const { period, fileParts } = source;
  switch (chart.kind) {
    case 'period-bars': {
      const { kind, table, ...bars } = chart;
      return (
        <PeriodBarsSlot key={chart.title} {...bars} request={source.table(table)} fileParts={fileParts} />
      );
    }
    case 'series-bars': {
      const { kind, table, ...bars } = chart;
      return (
        <SeriesPeriodBarsSlot
          key={chart.title}
          {...bars}
          request={source.series(table)}
          period={period}
          fileParts={fileParts}
        />
      );
    }
    case 'stack': {
      const { kind, table, ...stack } = chart;
      // Quarter by quarter, whatever the chosen period's interval.
      const request = source.series(table, 'quarter');
      return (
        <StackSlot key={chart.title} {...stack} request={request} current={period} fileParts={fileParts} />
      );
    }
    case 'trend': {
      const { kind, main, other, ...trend } = chart;
      const line = (spec: typeof main) => ({
        request: source.series(spec.table),
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
      const { kind, served, fresh, ...comparison } = chart;
      return (
        <CountyComparisonSlot
          key={chart.title}
          {...comparison}
          served={source.table(served)}
          fresh={source.table(fresh)}
          fileParts={fileParts}
        />
      );
    }
  }
}

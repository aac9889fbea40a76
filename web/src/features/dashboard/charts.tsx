/**
 * The dashboard's charts, each a ChartFrame around a drawing, built from a shaped model. Shared by
 * the overview, the trends page and the public page.
 */
import type { ReactNode } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { barChartHeight } from '../../charts/draw';
import { completenessNote, type ReleaseRef, releaseFootnote, unduplicatedNote } from '../../charts/format';
import { BarChartView, StackedChartView, TrendChartView } from '../../charts/lazyViews';
import type { ChartModel } from '../../charts/types';
import { useNarrow } from '../../charts/useNarrow';
import { usePublicTimeZone } from '../auth/useCoalitionToday';
import '../../charts/charts.css';

export type ChartContext = {
  /** Words for file names: the period and geography. */
  fileParts: readonly string[];
  headingLevel?: 2 | 3;
};

type CommonProps = ChartContext & {
  title: string;
  description?: ReactNode;
  model: ChartModel;
  completeness?: { reported: number; expected: number };
  unduplicated?: { lower: number; upper: number } | { suppressed: true } | null;
  releases: readonly ReleaseRef[];
  extraNotes?: ReadonlyArray<string | null>;
};

function notesOf(props: CommonProps): Array<string | null> {
  return [
    completenessNote(props.completeness),
    unduplicatedNote(props.unduplicated),
    ...(props.extraNotes ?? []),
  ];
}

/**
 * The frame's props every chart kind sets the same way: its words, notes, footnote and file names.
 * The public page shares these charts, so the footnote's publication day may be read by no one signed in.
 */
function useFrame(props: CommonProps) {
  const timeZone = usePublicTimeZone();
  return {
    title: props.title,
    description: props.description,
    model: props.model,
    notes: notesOf(props),
    footnote: releaseFootnote(props.releases, timeZone),
    fileParts: props.fileParts,
    headingLevel: props.headingLevel,
  };
}

/** The drawing heights of the stacked and line charts, held while they load. */
export const stackChartHeight = 300;
export const lineChartHeight = 280;

/** Horizontal bars of a breakdown (one or several series). */
export function BarsChart(props: CommonProps & { labelWidth?: number }) {
  const frame = useFrame(props);
  const narrow = useNarrow();
  return (
    <ChartFrame
      {...frame}
      legend={props.model.series.length > 1}
      drawingHeight={barChartHeight(props.model, narrow)}
    >
      {(chartId) => (
        <BarChartView
          chartId={chartId}
          model={props.model}
          summary={`Bar chart: ${props.title}`}
          labelWidth={props.labelWidth}
        />
      )}
    </ChartFrame>
  );
}

/** Stacked bars over periods. */
export function StackChart(props: CommonProps) {
  const frame = useFrame(props);
  return (
    <ChartFrame {...frame} drawingHeight={stackChartHeight}>
      {(chartId) => (
        <StackedChartView
          chartId={chartId}
          model={props.model}
          summary={`Stacked bar chart: ${props.title}`}
          height={stackChartHeight}
        />
      )}
    </ChartFrame>
  );
}

/** A trend over periods (one line per series), breaking where a figure is hidden or missing. */
export function LineChart(props: CommonProps & { height?: number }) {
  const frame = useFrame(props);
  const incomplete = props.model.rows.some((row) => row.incomplete);
  return (
    <ChartFrame
      {...frame}
      drawingHeight={props.height ?? lineChartHeight}
      extraLegend={
        incomplete ? (
          <li>
            <span className="chart-legend__dot" aria-hidden="true" />
            Not every agency reported (not joined to the line)
          </li>
        ) : null
      }
    >
      {(chartId) => (
        <TrendChartView
          chartId={chartId}
          model={props.model}
          summary={`Line chart: ${props.title}`}
          height={props.height ?? lineChartHeight}
        />
      )}
    </ChartFrame>
  );
}

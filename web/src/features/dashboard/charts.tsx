/**
 * The dashboard's charts, each a ChartFrame around a drawing, built from a shaped model. Shared by
 * the overview, the trends page and the public page.
 */
import type { ReactNode } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { barChartHeight } from '../../charts/draw';
import { completenessNote, type ReleaseRef, releaseFootnote, unduplicatedNote } from '../../charts/format';
import { HatchSwatch } from '../../charts/Hatch';
import { BarChartView, StackedChartView, TrendChartView } from '../../charts/lazyViews';
import type { ChartModel, StackRest } from '../../charts/types';
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

/** Stacked bars over periods, each standing at its published total. */
export function StackChart(props: CommonProps) {
  const frame = useFrame(props);
  const kinds = new Set(props.model.rows.map((row) => row.stack?.rest.kind));
  return (
    <ChartFrame
      {...frame}
      drawingHeight={stackChartHeight}
      hiddenLegend={(chartId) => <StackHiddenLegend chartId={chartId} kinds={kinds} />}
    >
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

/**
 * What a stack's hidden marks mean, one entry for each way this chart draws them: the hidden parts
 * together (total minus the parts shown), a hidden total, and hidden parts with no total to draw.
 */
function StackHiddenLegend({
  chartId,
  kinds,
}: {
  chartId: string;
  kinds: ReadonlySet<StackRest['kind'] | undefined>;
}) {
  return (
    <>
      {kinds.has('remainder') ? (
        <li>
          <HatchSwatch chartId={chartId} />
          Hidden to protect privacy: the hidden parts together (the total minus the parts shown)
        </li>
      ) : null}
      {kinds.has('total-hidden') ? (
        <li>
          <HatchSwatch chartId={chartId} faint />
          Total hidden to protect privacy: its height is not shown (never a zero)
        </li>
      ) : null}
      {kinds.has('overlapping') ? (
        <li>
          “… hidden” above a bar: how many parts are hidden to protect privacy. Parts can overlap, so they
          have no total to draw
        </li>
      ) : null}
      {kinds.has('unknown') ? (
        <li>
          “… hidden” above a bar: how many parts are hidden to protect privacy. Their sum is not published, so
          it is not drawn
        </li>
      ) : null}
    </>
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

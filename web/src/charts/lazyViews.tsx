/**
 * The chart drawings, loaded on demand: Recharts is most of the charting pages' JavaScript, and a
 * page can show its headings, figures and tiles before any chart is near the screen. Use inside
 * <Suspense> (ChartFrame provides one). One lazy component serves all three, so once the first
 * chart has loaded them, every other chart (and printing) draws at once.
 */
import { type ComponentProps, lazy } from 'react';
import type { BarChartView as Bar } from './BarChartView';
import type { StackedChartView as Stacked } from './StackedChartView';
import type { TrendChartView as Trend } from './TrendChartView';

const ChartDrawing = lazy(() => import('./views'));

export function BarChartView(props: ComponentProps<typeof Bar>) {
  return <ChartDrawing kind="bar" {...props} />;
}

export function StackedChartView(props: ComponentProps<typeof Stacked>) {
  return <ChartDrawing kind="stack" {...props} />;
}

export function TrendChartView(props: ComponentProps<typeof Trend>) {
  return <ChartDrawing kind="trend" {...props} />;
}

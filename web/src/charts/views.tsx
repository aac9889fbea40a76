/**
 * Every Recharts drawing behind one component, so they load as one chunk and, once it is here,
 * any chart draws without waiting (see lazyViews.tsx).
 */
import type { ComponentProps } from 'react';
import { BarChartView } from './BarChartView';
import { StackedChartView } from './StackedChartView';
import { TrendChartView } from './TrendChartView';

export type DrawingProps =
  | ({ kind: 'bar' } & ComponentProps<typeof BarChartView>)
  | ({ kind: 'stack' } & ComponentProps<typeof StackedChartView>)
  | ({ kind: 'trend' } & ComponentProps<typeof TrendChartView>);

export default function ChartDrawing(props: DrawingProps) {
  switch (props.kind) {
    case 'bar':
      return <BarChartView {...props} />;
    case 'stack':
      return <StackedChartView {...props} />;
    case 'trend':
      return <TrendChartView {...props} />;
  }
}

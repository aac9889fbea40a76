import { useMemo } from 'react';
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { bandKey, incompleteKey, trendRows } from './draw';
import { HatchPattern } from './Hatch';
import { hatchId, seriesColour } from './palette';
import { ModelTooltip } from './Tooltip';
import type { ChartModel } from './types';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * A trend over periods: a line per series, broken where a figure is hidden or missing, with a
 * hatched band where the first series is hidden and a hollow, unjoined dot where fewer agencies
 * reported than expected.
 */
export function TrendChartView({
  chartId,
  model,
  summary,
  height = 280,
  compact = false,
}: {
  chartId: string;
  model: ChartModel;
  summary: string;
  height?: number;
  /** Small multiples: fewer ticks, no tooltip cursor band. */
  compact?: boolean;
}) {
  const { rows, axisMax, ticks } = useMemo(() => trendRows(model), [model]);
  return (
    <ComposedChart
      data={rows}
      responsive
      style={{ width: '100%', height }}
      margin={{ top: 8, right: 12, bottom: 4, left: 0 }}
      barCategoryGap={2}
      title={summary}
      desc="Use the arrow keys to move between periods. Show as table lists every number."
    >
      <defs>
        <HatchPattern chartId={chartId} />
      </defs>
      <CartesianGrid vertical={false} stroke="#d6d3cc" />
      <XAxis
        dataKey="label"
        tick={{ fill: '#1b1b1b', fontSize: compact ? 11 : 12 }}
        interval="preserveStartEnd"
        minTickGap={compact ? 12 : 4}
      />
      <YAxis
        domain={[0, axisMax]}
        ticks={ticks}
        allowDecimals={false}
        width={compact ? 36 : 44}
        tickFormatter={(v: number) => integer.format(v)}
        tick={ticks.length > 0 ? { fill: '#4a4a4a', fontSize: compact ? 11 : 12 } : false}
      />
      <Tooltip
        cursor={{ stroke: '#6b6b6b', strokeDasharray: '3 3' }}
        content={(props) => <ModelTooltip model={model} active={props.active} label={props.label} />}
      />
      <Bar
        dataKey={bandKey}
        name="Hidden"
        fill={`url(#${hatchId(chartId)})`}
        fillOpacity={0.4}
        isAnimationActive={false}
      />
      {model.series.map((series, i) => [
        <Line
          key={series.key}
          dataKey={series.key}
          name={series.label}
          type="linear"
          stroke={seriesColour(i)}
          strokeWidth={i === 0 ? 3 : 2}
          strokeDasharray={i === 0 ? undefined : '6 4'}
          dot={{ r: 4, fill: seriesColour(i), stroke: seriesColour(i) }}
          connectNulls={false}
          isAnimationActive={false}
        />,
        <Line
          key={incompleteKey(series.key)}
          dataKey={incompleteKey(series.key)}
          name={`${series.label} (not every agency reported)`}
          stroke="none"
          dot={{ r: 5, fill: '#ffffff', stroke: seriesColour(i), strokeWidth: 2 }}
          activeDot={false}
          legendType="none"
          isAnimationActive={false}
        />,
      ])}
    </ComposedChart>
  );
}

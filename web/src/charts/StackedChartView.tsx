import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { capKey, stackRows } from './draw';
import { HatchPattern } from './Hatch';
import { hatchId, hatchInk, seriesColour } from './palette';
import { ModelTooltip } from './Tooltip';
import type { ChartModel } from './types';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Bars over periods, each stacked by the model's series. Published segments stack; a stack with a
 * hidden segment gets a small hatched cap of fixed height (it says "something here is hidden", not how much).
 */
export function StackedChartView({
  chartId,
  model,
  summary,
  height = 300,
}: {
  chartId: string;
  model: ChartModel;
  summary: string;
  height?: number;
}) {
  const { rows, axisMax, ticks } = useMemo(() => stackRows(model), [model]);
  return (
    <BarChart
      data={rows}
      responsive
      style={{ width: '100%', height }}
      margin={{ top: 8, right: 8, bottom: 4, left: 0 }}
      title={summary}
      desc="Use the arrow keys to move between periods. Show as table lists every number."
    >
      <defs>
        <HatchPattern chartId={chartId} />
      </defs>
      <CartesianGrid vertical={false} stroke="#d6d3cc" />
      <XAxis
        dataKey="label"
        tick={{ fill: '#1b1b1b', fontSize: 12 }}
        interval="preserveStartEnd"
        minTickGap={4}
      />
      <YAxis
        domain={[0, axisMax]}
        ticks={ticks}
        allowDecimals={false}
        width={44}
        tickFormatter={(v: number) => integer.format(v)}
        tick={ticks.length > 0 ? { fill: '#4a4a4a', fontSize: 12 } : false}
      />
      <Tooltip
        cursor={{ fill: '#f1efe9' }}
        content={(props) => <ModelTooltip model={model} active={props.active} label={props.label} />}
      />
      {model.series.map((series, i) => (
        <Bar
          key={series.key}
          dataKey={series.key}
          name={series.label}
          stackId="stack"
          fill={seriesColour(i)}
          stroke="#ffffff"
          strokeWidth={1}
          isAnimationActive={false}
        />
      ))}
      <Bar
        dataKey={capKey}
        name="Hidden"
        stackId="stack"
        fill={`url(#${hatchId(chartId)})`}
        stroke={hatchInk}
        isAnimationActive={false}
      />
    </BarChart>
  );
}

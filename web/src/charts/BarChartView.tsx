import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { barChartHeight, barRows, hiddenKey, hiddenLabelKey, zeroKey } from './draw';
import { HatchPattern } from './Hatch';
import { hatchId, hatchInk, seriesColour } from './palette';
import { ModelTooltip } from './Tooltip';
import type { ChartModel } from './types';
import { useNarrow } from './useNarrow';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Horizontal bars, one row per option (several series side by side): a published value is a bar
 * with its number; a hidden one is a short hatched stub labelled "Hidden", never a zero bar.
 */
export function BarChartView({
  chartId,
  model,
  summary,
  labelWidth = 190,
}: {
  chartId: string;
  model: ChartModel;
  /** What the chart shows, for screen readers (the table alternative has the numbers). */
  summary: string;
  labelWidth?: number;
}) {
  const { rows, axisMax, ticks } = useMemo(() => barRows(model), [model]);
  // On a phone the labels get less room, so the bars keep enough to be read.
  const narrow = useNarrow();
  const height = barChartHeight(model, narrow);
  return (
    <BarChart
      layout="vertical"
      data={rows}
      responsive
      style={{ width: '100%', height }}
      margin={{ top: 4, right: narrow ? 56 : 64, bottom: 4, left: 4 }}
      barCategoryGap={6}
      title={summary}
      desc="Use the arrow keys to move between bars. Show as table lists every number."
    >
      <defs>
        <HatchPattern chartId={chartId} />
      </defs>
      <CartesianGrid horizontal={false} stroke="#d6d3cc" />
      <XAxis
        type="number"
        domain={[0, axisMax]}
        ticks={ticks}
        tick={ticks.length > 0 ? { fill: '#4a4a4a', fontSize: 13 } : false}
        allowDecimals={false}
        tickFormatter={(v: number) => integer.format(v)}
      />
      <YAxis
        type="category"
        dataKey="label"
        width={narrow ? Math.min(labelWidth, 128) : labelWidth}
        interval={0}
        tick={{ fill: '#1b1b1b', fontSize: narrow ? 12 : 13 }}
      />
      <Tooltip
        cursor={{ fill: '#f1efe9' }}
        content={(props) => <ModelTooltip model={model} active={props.active} label={props.label} />}
      />
      {model.series.map((series, i) => [
        <Bar
          key={series.key}
          dataKey={series.key}
          name={series.label}
          stackId={series.key}
          fill={seriesColour(i)}
          isAnimationActive={false}
        >
          <LabelList
            dataKey={series.key}
            position="right"
            fill="#1b1b1b"
            fontSize={13}
            formatter={(v: unknown) => (typeof v === 'number' ? integer.format(v) : '')}
          />
        </Bar>,
        <Bar
          key={zeroKey(series.key)}
          dataKey={zeroKey(series.key)}
          name={`${series.label} (zero)`}
          stackId={series.key}
          fill="transparent"
          isAnimationActive={false}
        >
          <LabelList
            dataKey={zeroKey(series.key)}
            position="right"
            fill="#1b1b1b"
            fontSize={13}
            formatter={(v: unknown) => (typeof v === 'number' ? '0' : '')}
          />
        </Bar>,
        <Bar
          key={hiddenKey(series.key)}
          dataKey={hiddenKey(series.key)}
          name={`${series.label} (hidden)`}
          stackId={series.key}
          fill={`url(#${hatchId(chartId)})`}
          stroke={hatchInk}
          isAnimationActive={false}
        >
          <LabelList dataKey={hiddenLabelKey(series.key)} position="right" fill="#1b1b1b" fontSize={13} />
        </Bar>,
      ])}
    </BarChart>
  );
}

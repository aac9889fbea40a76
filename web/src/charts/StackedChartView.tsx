import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { bandKey, hiddenCountKey, hiddenLabelKey, restKey, stackRows } from './draw';
import { HatchPattern } from './Hatch';
import { hatchId, hatchInk, seriesColour } from './palette';
import { ModelTooltip } from './Tooltip';
import type { ChartModel } from './types';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Bars over periods, each stacked by the model's series, standing at the published total. Where some
 * parts are hidden and their sum is published (the total minus the parts shown), that sum stacks on
 * top, hatched and labelled; where the total is hidden, a faint hatched band marks the period without
 * claiming a height. See stackRows.
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
  const hatch = `url(#${hatchId(chartId)})`;
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
        dataKey={restKey}
        name="Hidden parts"
        stackId="stack"
        fill={hatch}
        stroke={hatchInk}
        isAnimationActive={false}
      >
        <LabelList
          dataKey={restKey}
          content={(props) => (
            <BoxedLabel
              {...boxOf(props.viewBox)}
              wordings={
                typeof props.value === 'number'
                  ? [['hidden:', `${integer.format(props.value)} in all`], [integer.format(props.value)]]
                  : []
              }
            />
          )}
        />
      </Bar>
      <Bar
        dataKey={bandKey}
        name="Total hidden"
        stackId="stack"
        fill={hatch}
        fillOpacity={0.4}
        isAnimationActive={false}
      >
        <LabelList
          dataKey={bandKey}
          content={(props) => <BoxedLabel {...boxOf(props.viewBox)} wordings={[['Total', 'hidden']]} />}
        />
      </Bar>
      <Bar
        dataKey={hiddenCountKey}
        name="Hidden parts (no total)"
        stackId="stack"
        fill="transparent"
        isAnimationActive={false}
      >
        <LabelList dataKey={hiddenLabelKey(hiddenCountKey)} position="top" fill="#1b1b1b" fontSize={12} />
      </Bar>
    </BarChart>
  );
}

type Box = { x: number; y: number; width: number; height: number };

/** A bar's box from a label's view box (Recharts gives one for every cartesian label). */
function boxOf(viewBox: unknown): Box {
  const box = (viewBox ?? {}) as Partial<Box>;
  return { x: box.x ?? 0, y: box.y ?? 0, width: box.width ?? 0, height: box.height ?? 0 };
}

const fontSize = 11;
const lineHeight = 13;
// About the width of a character at 11px: enough to size the label's backing box.
const characterWidth = 6.4;

/**
 * Words centred on a hatched mark, on a white box so they read over the stripes: the first of
 * `wordings` that fits the mark (a narrow bar gets the shorter one), none where nothing fits (the
 * tooltip and the table say the same).
 */
function BoxedLabel({ x, y, width, height, wordings }: Box & { wordings: ReadonlyArray<readonly string[]> }) {
  const sized = wordings.map((lines) => ({
    lines,
    boxWidth: Math.max(...lines.map((l) => l.length)) * characterWidth + 6,
    boxHeight: lines.length * lineHeight + 6,
  }));
  const fitting = sized.find(
    (w) => w.lines.length > 0 && w.boxWidth <= width - 2 && w.boxHeight <= height - 2,
  );
  if (!fitting) return null;
  const { lines, boxWidth, boxHeight } = fitting;
  const centreX = x + width / 2;
  const top = y + (height - boxHeight) / 2;
  return (
    <g>
      <rect
        x={centreX - boxWidth / 2}
        y={top}
        width={boxWidth}
        height={boxHeight}
        rx={3}
        fill="#ffffff"
        stroke={hatchInk}
      />
      <text x={centreX} y={top + 3} textAnchor="middle" fill="#1b1b1b" fontSize={fontSize}>
        {lines.map((line, i) => (
          <tspan key={line} x={centreX} dy={i === 0 ? fontSize : lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/**
 * Turning a chart model into the rows Recharts draws. Hidden figures never become a value: a hidden bar
 * gets a separate hatched mark of a fixed, small size (a stub), and the tooltip and labels say
 * "Hidden"; a stack's hidden parts are drawn only together, where their sum is published.
 * Pure, so what is drawn is tested without a browser.
 */
import type { ChartModel, ChartRow, StackRest } from './types';

/** The key of the hatched stub drawn for a hidden figure of a series. */
export const hiddenKey = (seriesKey: string) => `${seriesKey}__hidden`;
/** The key of the invisible sliver that carries a zero's label ("0"): a zero is a zero, never hidden. */
export const zeroKey = (seriesKey: string) => `${seriesKey}__zero`;
/** The key of the label drawn at the end of a hidden stub ("Hidden"). */
export const hiddenLabelKey = (seriesKey: string) => `${seriesKey}__label`;
/** The key of a trend's value where fewer agencies reported than expected (drawn as a hollow dot, unjoined). */
export const incompleteKey = (seriesKey: string) => `${seriesKey}__incomplete`;
/** The key of the full-height band where a trend's first series, or a stack's total, is hidden. */
export const bandKey = '__hiddenBand';
/** The key of a stack's hatched remainder: its hidden parts together (total − parts shown), at true size. */
export const restKey = '__hiddenRest';
/**
 * The key of the invisible sliver atop a stack whose hidden parts have no honest total (they can
 * overlap, or the total was not published); its label says how many are hidden ("3 hidden").
 */
export const hiddenCountKey = '__hiddenCount';

export type DrawnRow = { key: string; label: string } & Record<string, string | number | null>;

/** The largest published value of the model (0 when nothing is published). */
export function largestValue(model: Pick<ChartModel, 'rows'>): number {
  let largest = 0;
  for (const row of model.rows)
    for (const figure of Object.values(row.values))
      if (figure.value !== null && figure.value > largest) largest = figure.value;
  return largest;
}

/** The length of a hidden stub: a small, fixed share of the axis, so it never reads as a count. */
export function stubLength(axisMax: number): number {
  return axisMax * 0.04;
}

/** A round step for the value axis: about five ticks from zero to just above the largest value. */
export function axisStep(largest: number): number {
  if (largest <= 0) return 2;
  const padded = largest * 1.05;
  const magnitude = 10 ** Math.floor(Math.log10(padded));
  for (const factor of [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10]) {
    const step = Math.max(1, magnitude * factor);
    // Counts are whole numbers: a step of 2.5 would print ticks as 3, 5, 8.
    if (!Number.isInteger(step)) continue;
    if (Math.ceil(padded / step) <= 6) return step;
  }
  return magnitude * 10;
}

/** The top of the value axis: a whole number of steps above the largest value, 10 when nothing is published. */
export function axisTop(largest: number): number {
  if (largest <= 0) return 10;
  const step = axisStep(largest);
  return Math.ceil((largest * 1.05) / step) * step;
}

/** The ticks of the value axis: 0, one step, … up to the top. None when nothing is published (no scale to read). */
export function axisTicks(largest: number): number[] {
  if (largest <= 0) return [];
  const step = axisStep(largest);
  const top = axisTop(largest);
  const ticks: number[] = [];
  for (let tick = 0; tick <= top + 1e-9; tick += step) ticks.push(Math.round(tick * 100) / 100);
  return ticks;
}

/**
 * The height of a bar chart in pixels: a row per option, taller for more series side by side and on a
 * phone, where labels wrap onto more lines. Known before drawing, so the space is held while it loads.
 */
export function barChartHeight(model: Pick<ChartModel, 'rows' | 'series'>, narrow: boolean): number {
  const seriesCount = Math.max(1, model.series.length);
  return Math.max(120, model.rows.length * (14 + 16 * seriesCount + (narrow ? 12 : 0)) + 50);
}

/** Bars (one or several series side by side): each published value, and a stub where a figure is hidden. */
export function barRows(model: ChartModel): { rows: DrawnRow[]; axisMax: number; ticks: number[] } {
  const largest = largestValue(model);
  const axisMax = axisTop(largest);
  const stub = stubLength(axisMax);
  const rows = model.rows.map((row) => {
    const drawn: DrawnRow = { key: row.key, label: row.label };
    for (const series of model.series) {
      const figure = row.values[series.key];
      const hidden = figure?.suppressed === true;
      drawn[series.key] = hidden || !figure || figure.value === 0 ? null : figure.value;
      drawn[zeroKey(series.key)] = figure?.value === 0 ? axisMax / 1000 : null;
      drawn[hiddenKey(series.key)] = hidden ? stub : null;
      drawn[hiddenLabelKey(series.key)] = hidden ? 'Hidden' : null;
    }
    return drawn;
  });
  return { rows, axisMax, ticks: axisTicks(largest) };
}

/**
 * What a stack's hidden parts come to: from the shaped model, or (a model without totals) only how
 * many there are.
 */
function restOf(row: ChartRow): StackRest {
  if (row.stack) return row.stack.rest;
  const hiddenParts = Object.values(row.values).filter((f) => f.suppressed).length;
  return hiddenParts > 0 ? { kind: 'unknown', hiddenParts } : { kind: 'none' };
}

/**
 * Stacked bars. The published parts stack; where the hidden parts' sum is published (the total minus
 * the parts shown) it stacks on top, hatched, so the bar stands at the published total. Where the total
 * is hidden, no parts are drawn (they would make a short bar that reads as the total): a faint hatched
 * band spans the period, claiming no height. Where hidden parts have no honest total, nothing is drawn
 * for them; a label above the parts says how many are hidden.
 */
export function stackRows(model: ChartModel): { rows: DrawnRow[]; axisMax: number; ticks: number[] } {
  const rests = model.rows.map(restOf);
  let largest = 0;
  model.rows.forEach((row, i) => {
    const rest = rests[i] as StackRest;
    if (rest.kind === 'total-hidden') return;
    const shown = Object.values(row.values).reduce((sum, f) => sum + (f.suppressed ? 0 : (f.value ?? 0)), 0);
    const height = shown + (rest.kind === 'remainder' ? rest.value : 0);
    if (height > largest) largest = height;
  });
  const axisMax = axisTop(largest);
  const rows = model.rows.map((row, i) => {
    const rest = rests[i] as StackRest;
    const totalHidden = rest.kind === 'total-hidden';
    const drawn: DrawnRow = { key: row.key, label: row.label };
    for (const series of model.series) {
      const figure = row.values[series.key];
      drawn[series.key] = !totalHidden && figure && !figure.suppressed ? figure.value : null;
    }
    drawn[restKey] = rest.kind === 'remainder' ? rest.value : null;
    drawn[bandKey] = totalHidden ? axisMax : null;
    const uncounted = rest.kind === 'overlapping' || rest.kind === 'unknown';
    drawn[hiddenCountKey] = uncounted ? axisMax / 1000 : null;
    drawn[hiddenLabelKey(hiddenCountKey)] = uncounted ? `${rest.hiddenParts} hidden` : null;
    return drawn;
  });
  return { rows, axisMax, ticks: axisTicks(largest) };
}

/**
 * A trend: each series' published values, joined only between periods every expected agency reported.
 * Where fewer reported, the value is drawn apart (a hollow dot); where the first series is hidden, a
 * hatched band spans the period; where a figure is hidden or missing, the line breaks.
 */
export function trendRows(model: ChartModel): { rows: DrawnRow[]; axisMax: number; ticks: number[] } {
  const largest = largestValue(model);
  const axisMax = axisTop(largest);
  const first = model.series[0]?.key;
  const rows = model.rows.map((row) => {
    const drawn: DrawnRow = { key: row.key, label: row.label };
    for (const series of model.series) {
      const figure = row.values[series.key];
      const value = figure && !figure.suppressed && !figure.missing ? figure.value : null;
      const apart = series.key === first && row.incomplete === true;
      drawn[series.key] = apart ? null : value;
      drawn[incompleteKey(series.key)] = apart ? value : null;
    }
    drawn[bandKey] = first !== undefined && row.values[first]?.suppressed ? axisMax : null;
    return drawn;
  });
  return { rows, axisMax, ticks: axisTicks(largest) };
}

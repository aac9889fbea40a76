/**
 * The shapes every chart draws from. Pure data-shaping functions (in the features) build them from
 * published cells; chart components only draw what they are given.
 */

/**
 * One figure as published: a value, or hidden (`suppressed`, value `null`). `missing` means there is
 * no published figure at all (no release for that period): drawn as a gap, never as zero.
 */
export type Figure = {
  value: number | null;
  suppressed: boolean;
  missing?: boolean;
  /** Its period was published provisional (too few agencies reported): it is compared with nothing. */
  provisional?: boolean;
};

/** A published cell exactly as the chart shows it and the CSV download writes it. */
export type ChartCell = {
  table: string;
  period: string;
  geo: string;
  /** The cell's option along each category of its table (`_total` for a total). */
  coords: Readonly<Record<string, string>>;
  value: number | null;
  suppressed: boolean;
};

/** One thing drawn in a colour: a bar series, a stack segment, a line. */
export type ChartSeries = { key: string; label: string };

/** One row of the chart: a bar, a stack, a period of a trend. */
export type ChartRow = {
  key: string;
  label: string;
  values: Readonly<Record<string, Figure>>;
  /** Why this row deserves a word of caution: "5 of 6 agencies reported". */
  note?: string;
  /** True when not every agency expected had reported: a trend breaks its line here. */
  incomplete?: boolean;
  /** Marked as the period the page is about. */
  current?: boolean;
  /** A stack's published total and what its hidden parts come to (stacked charts only). */
  stack?: StackTotal;
};

/**
 * What a stack's hidden parts come to, as far as published figures say:
 * - `remainder`: the total and every other part are published and the parts add up to the total, so
 *   the hidden parts together are the total minus the parts shown. That number is derivable from
 *   published figures, so it may be drawn (at its true height) and said; the hidden parts one by one never.
 * - `total-hidden`: the total is hidden too, so the stack's height is unknown.
 * - `overlapping`: a person can be in more than one part (a multi-select category), so the parts
 *   need not add up to the total and the hidden ones have no honest total.
 * - `unknown`: the total, or a part, was not published at all.
 */
export type StackRest =
  | { kind: 'none' }
  | { kind: 'remainder'; hiddenParts: number; value: number }
  | { kind: 'total-hidden'; hiddenParts: number }
  | { kind: 'overlapping'; hiddenParts: number }
  | { kind: 'unknown'; hiddenParts: number };

export type StackTotal = {
  /** The stack's published total: its height, the same figure as the headline tile's. */
  total: Figure;
  rest: StackRest;
  /** The rest in words, the same in the tooltip and the table: "3 parts hidden: 47 in all". */
  words: string;
};

/**
 * Everything a chart and its alternatives need: the series and rows (for the chart and its table)
 * and the published cells behind them (for the CSV download).
 */
export type ChartModel = {
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  cells: readonly ChartCell[];
  /** The row heading of the table alternative: "Quarter", "Gender identity". */
  rowHeading: string;
  /** What the numbers count, for the table caption and axis: "survivors", "trainings". */
  unit: string;
};

/** Whether any figure of a model is hidden, so the legend says what the hatching means. */
export function hasHidden(model: Pick<ChartModel, 'rows'>): boolean {
  return model.rows.some(
    (row) => row.stack?.total.suppressed || Object.values(row.values).some((figure) => figure.suppressed),
  );
}

/** Whether a model has at least one figure published with a value. */
export function hasValues(model: Pick<ChartModel, 'rows'>): boolean {
  return model.rows.some((row) => Object.values(row.values).some((figure) => figure.value !== null));
}

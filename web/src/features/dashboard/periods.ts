/**
 * Published periods as the dashboard names and steps through them: quarters (`2026Q2`), calendar
 * years (`2025`) and federal fiscal years (`FY2025`, October to September). Pure, no React.
 */

/** How a trend steps through time, as the series API names it. */
export type Interval = 'quarter' | 'year' | 'fy';

const quarterPattern = /^(\d{4})Q([1-4])$/;
const yearPattern = /^(\d{4})$/;
const fiscalPattern = /^FY(\d{4})$/;

/** Whether a code is a period the stats API can serve: a quarter, a calendar year or a federal fiscal year. */
export function isStatsPeriod(code: string | null | undefined): code is string {
  return (
    typeof code === 'string' &&
    (quarterPattern.test(code) || yearPattern.test(code) || fiscalPattern.test(code))
  );
}

/** The interval a period belongs to. */
export function intervalOf(period: string): Interval {
  if (quarterPattern.test(period)) return 'quarter';
  if (fiscalPattern.test(period)) return 'fy';
  return 'year';
}

/** Whether a string names an interval. */
export function isInterval(value: string | null | undefined): value is Interval {
  return value === 'quarter' || value === 'year' || value === 'fy';
}

/** The period just before this one, of the same interval: 2026Q1 → 2025Q4, 2025 → 2024, FY2025 → FY2024. */
export function previousPeriod(period: string): string {
  const quarter = quarterPattern.exec(period);
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
  }
  const fiscal = fiscalPattern.exec(period);
  if (fiscal) return `FY${Number(fiscal[1]) - 1}`;
  return String(Number(period) - 1);
}

/** The same period a year earlier: 2026Q2 → 2025Q2; for a year or fiscal year, the one before. */
export function sameLastYear(period: string): string {
  const quarter = quarterPattern.exec(period);
  if (quarter) return `${Number(quarter[1]) - 1}Q${quarter[2]}`;
  return previousPeriod(period);
}

const quarterMonths = ['January to March', 'April to June', 'July to September', 'October to December'];
const quarterShortMonths = ['Jan–Mar', 'Apr–Jun', 'Jul–Sep', 'Oct–Dec'];

/** In words: "April to June 2026 (2026Q2)", "Calendar year 2025", "Federal fiscal year 2025 (Oct 2024 – Sep 2025)". */
export function periodLabel(period: string): string {
  const quarter = quarterPattern.exec(period);
  if (quarter) return `${quarterMonths[Number(quarter[2]) - 1]} ${quarter[1]} (${period})`;
  const fiscal = fiscalPattern.exec(period);
  if (fiscal) {
    const year = Number(fiscal[1]);
    return `Federal fiscal year ${year} (Oct ${year - 1} – Sep ${year})`;
  }
  return `Calendar year ${period}`;
}

/** Short, for chart axes: "2026 Q2", "2025", "FY2025". */
export function periodShortLabel(period: string): string {
  const quarter = quarterPattern.exec(period);
  if (quarter) return `${quarter[1]} Q${quarter[2]}`;
  return period;
}

/** Short with months, for tooltips and tables: "2026 Q2 (Apr–Jun)". */
export function periodMediumLabel(period: string): string {
  const quarter = quarterPattern.exec(period);
  if (quarter) return `${quarter[1]} Q${quarter[2]} (${quarterShortMonths[Number(quarter[2]) - 1]})`;
  const fiscal = fiscalPattern.exec(period);
  if (fiscal) return `Fiscal year ${fiscal[1]}`;
  return `Year ${period}`;
}

/** Interval names for filters and headings. */
export const intervalNames: Record<Interval, string> = {
  quarter: 'Quarters',
  year: 'Calendar years',
  fy: 'Federal fiscal years',
};

/** Whether period `inner` (a quarter) falls within period `outer` (a year or fiscal year, or itself). */
export function periodContains(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  const quarter = quarterPattern.exec(inner);
  if (!quarter) return false;
  const year = Number(quarter[1]);
  const q = Number(quarter[2]);
  if (yearPattern.test(outer)) return Number(outer) === year;
  const fiscal = fiscalPattern.exec(outer);
  if (fiscal) {
    const fy = Number(fiscal[1]);
    return (year === fy - 1 && q === 4) || (year === fy && q <= 3);
  }
  return false;
}

/**
 * The periods a release publishes, in words. A quarter's release also publishes the calendar year
 * it completes (Q4) or the federal fiscal year it completes (Q3), and admins should see that before
 * they publish, in months rather than codes alone.
 */
import { describePeriod } from '../../../../api/domain/periods';
import { agenciesReported } from '../../charts/format';
import { listWords } from '../../lib/text';

/** "This release will publish 2026Q3 (July to September 2026) and federal fiscal year FY2026 (…)." */
export function publishesSentence(periods: readonly string[]): string {
  if (periods.length === 0) return '';
  return `This release will publish ${listWords(periods.map(describePeriod))}.`;
}

/**
 * Why a year comes with the quarter: its figures are only complete once the year's last quarter is
 * in. Empty when the release publishes the quarter alone.
 */
export function yearNote(quarter: string, periods: readonly string[]): string {
  const years = periods.filter((period) => period !== quarter);
  if (years.length === 0) return '';
  return `${quarter} completes ${listWords(years.map(describePeriod))}, so the year's figures are published with it. They are protected together with the quarters already published for that year.`;
}

/**
 * "Provisional: 2026Q3 (8 of 14 agencies reported) and FY2026 (7 of 14 agencies reported)." for a
 * release that published provisional periods; empty for one that did not.
 */
export function provisionalPeriodsSentence(
  provisional: ReadonlyArray<{ period: string; reported: number; expected: number }>,
): string {
  if (provisional.length === 0) return '';
  const each = provisional.map((p) => `${p.period} (${agenciesReported(p)})`);
  return `Provisional: ${listWords(each)}. Too few agencies had reported, so these are marked provisional wherever they appear and no change is shown against them.`;
}

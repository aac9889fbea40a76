/**
 * Words and numbers for charts: how complete a figure is, the unduplicated range, the release
 * footnote, changes between periods. Pure, so every sentence is tested.
 */
import { formatDayOf } from '../lib/dates';
import type { Figure } from './types';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The word shown instead of a hidden figure, everywhere (tables, tooltips, tiles). */
export const hiddenLabel = 'Hidden';

/** The legend and footnote for hidden figures. */
export const hiddenExplanation =
  'Hidden to protect privacy: the count is small, or could be worked out from other published numbers.';

/** A figure for reading: "1,234", "Hidden", or "No data" when nothing was published. */
export function formatFigure(figure: Figure | undefined): string {
  if (!figure || figure.missing) return 'No data';
  if (figure.suppressed || figure.value === null) return hiddenLabel;
  return integer.format(figure.value);
}

/** "13 of 15 agencies reported for 2026Q3" (the period is left out when the chart already names it). */
export function completenessNote(
  completeness: { reported: number; expected: number } | undefined,
  period?: string,
): string | null {
  if (!completeness || completeness.expected === 0) return null;
  const { reported, expected } = completeness;
  const agencies = expected === 1 ? 'agency' : 'agencies';
  const when = period ? ` for ${period}` : '';
  if (reported >= expected) return `All ${integer.format(expected)} ${agencies} expected reported${when}.`;
  return `${integer.format(reported)} of ${integer.format(expected)} ${agencies} reported${when}.`;
}

/** How complete a period is across the coalition, and whether that made it provisional. */
export type PeriodStanding = {
  completeness?: { reported: number; expected: number };
  provisional?: boolean;
  coalitionCompleteness?: { reported: number; expected: number } | null;
};

/**
 * "Provisional: 8 of 14 agencies reported." for a period published provisional (counted across the
 * coalition, which is what makes it provisional); null for any other.
 */
export function provisionalNote(period: Omit<PeriodStanding, 'completeness'> | undefined): string | null {
  if (!period?.provisional) return null;
  const counts = period.coalitionCompleteness;
  return `Provisional: ${counts ? agenciesReported(counts) : 'too few agencies reported'}.`;
}

/** "8 of 14 agencies reported". */
export function agenciesReported(counts: { reported: number; expected: number }): string {
  const agencies = counts.expected === 1 ? 'agency' : 'agencies';
  return `${integer.format(counts.reported)} of ${integer.format(counts.expected)} ${agencies} reported`;
}

/**
 * The word of caution beside one period in a chart's rows: provisional first, then how many agencies
 * reported here when not all did. Undefined when there is nothing to say.
 */
export function periodNote(period: PeriodStanding | undefined): string | undefined {
  const notes = [
    provisionalNote(period),
    isIncomplete(period?.completeness) ? completenessNote(period?.completeness) : null,
  ].filter((note): note is string => note !== null);
  return notes.length > 0 ? notes.join(' ') : undefined;
}

/** Whether a period is drawn apart: provisional, or not every agency expected reported. */
export function needsCaution(period: PeriodStanding | undefined): boolean {
  return period?.provisional === true || isIncomplete(period?.completeness);
}

/** Whether fewer agencies reported than expected. */
export function isIncomplete(completeness: { reported: number; expected: number } | undefined): boolean {
  return (
    completeness !== undefined && completeness.expected > 0 && completeness.reported < completeness.expected
  );
}

export type Unduplicated = { lower: number; upper: number } | { suppressed: true } | null | undefined;

/**
 * The sentence beside a cross-agency total of people: survivors served by several members are
 * counted once by each, so the number of different people lies in a range.
 */
export function unduplicatedNote(range: Unduplicated): string | null {
  if (!range) return null;
  if ('suppressed' in range)
    return 'Some survivors are served by more than one member agency; the estimate of different people is hidden to protect privacy.';
  const span =
    range.lower === range.upper
      ? integer.format(range.lower)
      : `between ${integer.format(range.lower)} and ${integer.format(range.upper)}`;
  return `Some survivors are served by more than one member agency, so this total counts them more than once. Different people served: ${span}.`;
}

export type ReleaseRef = {
  period: string;
  sequence: number;
  catalogVersion: number;
  publishedAt: string | null;
};

/**
 * The footnote naming where the figures come from: "From the 2026Q2 release 1 (published July 3,
 * 2026), catalog version 1." Several releases (a trend) are summarised.
 */
export function releaseFootnote(releases: readonly ReleaseRef[], timeZone: string): string | null {
  if (releases.length === 0) return null;
  const versions = [...new Set(releases.map((r) => r.catalogVersion))].sort((a, b) => a - b);
  const catalog =
    versions.length === 1
      ? `catalog version ${versions[0]}`
      : `catalog versions ${versions.slice(0, -1).join(', ')} and ${versions.at(-1)}`;
  if (releases.length === 1) {
    const release = releases[0] as ReleaseRef;
    const published = release.publishedAt ? ` (published ${formatDayOf(release.publishedAt, timeZone)})` : '';
    return `From the ${release.period} release ${release.sequence}${published}, ${catalog}.`;
  }
  const corrected = releases.filter((r) => r.sequence > 1).map((r) => `${r.period} (release ${r.sequence})`);
  const corrections =
    corrected.length > 0 ? ` Corrected since first published: ${corrected.join(', ')}.` : '';
  return `From ${releases.length} published releases, ${releases[0]?.period} to ${releases.at(-1)?.period}, ${catalog}.${corrections}`;
}

export type Change =
  | { kind: 'change'; difference: number; percent: number | null }
  | { kind: 'hidden'; reason: string }
  | { kind: 'unavailable'; reason: string };

/**
 * The change from an earlier figure to a later one. No change is shown when either side is hidden
 * (a difference would give a hidden number away), was not published, or is provisional (too few
 * agencies reported for a fair comparison); the reason says which. The percentage is left out when
 * the earlier figure is zero.
 */
export function changeBetween(current: Figure | undefined, earlier: Figure | undefined): Change {
  if (current?.provisional || earlier?.provisional) return { kind: 'unavailable', reason: 'provisional' };
  if (!current || current.missing || !earlier || earlier.missing)
    return { kind: 'unavailable', reason: 'not published for both periods' };
  if (current.suppressed || earlier.suppressed || current.value === null || earlier.value === null)
    return { kind: 'hidden', reason: 'one of the two figures is hidden' };
  const difference = current.value - earlier.value;
  const percent = earlier.value === 0 ? null : Math.round((difference / earlier.value) * 100);
  return { kind: 'change', difference, percent };
}

/** "up 12 (+15%)", "down 3 (−4%)", "no change", or the reason none is shown. */
export function changeText(change: Change): string {
  if (change.kind !== 'change') return `no comparison: ${change.reason}`;
  if (change.difference === 0) return 'no change';
  const direction = change.difference > 0 ? 'up' : 'down';
  const amount = integer.format(Math.abs(change.difference));
  if (change.percent === null) return `${direction} ${amount}`;
  const sign = change.percent > 0 ? '+' : change.percent < 0 ? '−' : '±';
  return `${direction} ${amount} (${sign}${Math.abs(change.percent)}%)`;
}

/**
 * A share (percent) of a part in a whole; hidden when either is hidden (DISCLOSURE: derived figures),
 * missing when either is missing, and missing when the whole is zero.
 */
export function shareOf(part: Figure | undefined, whole: Figure | undefined): Figure {
  if (!part || !whole || part.missing || whole.missing)
    return { value: null, suppressed: false, missing: true };
  if (part.suppressed || whole.suppressed || part.value === null || whole.value === null)
    return { value: null, suppressed: true };
  if (whole.value === 0) return { value: null, suppressed: false, missing: true };
  return { value: Math.round((part.value / whole.value) * 1000) / 10, suppressed: false };
}

/**
 * Where more agencies were expected to report than the period before, a trend's rise may be new
 * reporting rather than a real change. Read only from the coverage each published period already
 * carries (agencies expected and reported), so it shows nothing the release doesn't.
 */
import { choose } from '../../lib/text';

/**
 * One sentence per period in which the agencies expected rose from the period before, oldest
 * first: "2026Q2: 1 more agency expected to report (an agency joined), so part of the rise may be
 * new reporting rather than more survivors." `what` names what the figures count.
 */
export function agencyJoinedNotes(
  periods: ReadonlyArray<{ period: string; completeness: { expected: number } }>,
  what = 'survivors',
): string[] {
  return periods.slice(1).flatMap((point, i) => {
    const before = periods[i] as (typeof periods)[number];
    const more = point.completeness.expected - before.completeness.expected;
    if (before.completeness.expected === 0 || more <= 0) return [];
    const joined = choose(more, 'an agency joined', 'agencies joined');
    return [
      `${point.period}: ${more} more ${choose(more, 'agency', 'agencies')} expected to report (${joined}), so part of the rise may be new reporting rather than more ${what}.`,
    ];
  });
}

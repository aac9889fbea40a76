/**
 * Shapes the completeness summary into what a coalition admin needs to act on: which quarter to
 * chase, how many agencies that means, and what is waiting for review.
 */
import type { QuarterCompleteness } from '../../api/types';
import { formatDate } from '../../lib/dates';
import { choose, countOf } from '../../lib/text';
import { agenciesInStatePath } from '../completeness/filters';
import { newestFirst } from '../submissions/status';

/** Agencies that owe a report for this quarter: not started, or a draft not yet submitted. */
export function notSubmittedCount(quarter: Pick<QuarterCompleteness, 'notStarted' | 'draft'>): number {
  return Math.max(0, quarter.notStarted) + Math.max(0, quarter.draft);
}

/** Agencies whose report has reached the coalition at least once: approved, awaiting review or returned. */
export function submittedSoFar(
  quarter: Pick<QuarterCompleteness, 'approved' | 'submitted' | 'returned'>,
): number {
  return Math.max(0, quarter.approved) + Math.max(0, quarter.submitted) + Math.max(0, quarter.returned);
}

/**
 * The quarter to put in front of the admin: the newest one whose deadline has passed (that is where
 * chasing matters), otherwise the one open for entry, otherwise the newest.
 */
export function highlightedQuarter(
  quarters: readonly QuarterCompleteness[],
): QuarterCompleteness | undefined {
  const sorted = newestFirst(quarters);
  return sorted.find((q) => q.pastDeadline) ?? sorted.find((q) => q.open) ?? sorted[0];
}

/** "3 agencies have not submitted 2026Q3." — the headline of who still needs chasing. */
export function chaseSentence(quarter: QuarterCompleteness): string {
  if (quarter.expected <= 0) return `No agencies are expected to report for ${quarter.period}.`;
  const owing = notSubmittedCount(quarter);
  if (owing === 0) return `Every agency expected to report has submitted ${quarter.period}.`;
  return `${countOf(owing, 'agency', 'agencies')} ${choose(owing, 'has', 'have')} not submitted ${quarter.period}.`;
}

/**
 * Splits the agencies still owing a report into not started and draft, because the follow-up
 * differs: a reminder for one, a nudge to press submit for the other. Null when no one is owing.
 */
export function chaseBreakdown(quarter: Pick<QuarterCompleteness, 'notStarted' | 'draft'>): string | null {
  const notStarted = Math.max(0, quarter.notStarted);
  const draft = Math.max(0, quarter.draft);
  if (notStarted > 0 && draft > 0) {
    return `Of these, ${notStarted} ${choose(notStarted, 'has', 'have')} not started and ${draft} ${choose(draft, 'has', 'have')} a draft saved.`;
  }
  if (notStarted > 0) return notStarted === 1 ? 'It has not been started.' : 'None of them has been started.';
  if (draft > 0) return draft === 1 ? 'It has a draft saved.' : 'Each of them has a draft saved.';
  return null;
}

/** A sentence for the admin and, where one page lists exactly what it counts, the link to it. */
export type FollowUp = { text: string; to: string | null };

/** The review queue for one quarter: every report awaiting review comes first. */
export const reviewQueuePath = (period: string) => `/review?${new URLSearchParams({ period })}`;

/** Other things that need the admin's attention for a quarter, as short sentences; empty when none. */
export function followUps(quarter: QuarterCompleteness): FollowUp[] {
  const notes: FollowUp[] = [];
  if (quarter.submitted > 0) {
    notes.push({
      text: `${countOf(quarter.submitted, 'report is', 'reports are')} waiting for your review.`,
      to: reviewQueuePath(quarter.period),
    });
  }
  if (quarter.returned > 0) {
    notes.push({
      text:
        quarter.returned === 1
          ? '1 report was returned and is waiting for the agency to correct it.'
          : `${quarter.returned} reports were returned and are waiting for the agencies to correct them.`,
      to: agenciesInStatePath(quarter.period, 'returned'),
    });
  }
  if (quarter.late > 0) {
    notes.push({
      text: `${countOf(quarter.late, 'agency', 'agencies')} submitted after the deadline.`,
      to: null,
    });
  }
  return notes;
}

/**
 * One line on the quarter open for entry: "2026Q4 is open until January 30, 2027. 2 of 12 agencies
 * have submitted so far."
 */
export function openQuarterProgress(quarter: QuarterCompleteness): string {
  const opening = `${quarter.period} is open for entry until ${formatDate(quarter.deadline)}.`;
  if (quarter.expected <= 0) return `${opening} No agencies are expected to report for it.`;
  const done = submittedSoFar(quarter);
  if (done === 0) return `${opening} No agency has submitted yet.`;
  return `${opening} ${done} of ${countOf(quarter.expected, 'agency', 'agencies')} ${choose(done, 'has', 'have')} submitted so far.`;
}

/**
 * Shapes one quarter's submissions into a review queue: what needs the admin first, how many stand
 * where, and which quarter to open when the address doesn't say.
 */
import { comparePeriods, periodKindOf } from '../../../../api/domain/periods';
import type { SubmissionStatus } from '../../api/types';
import { choose, countOf } from '../../lib/text';
import { lateNote } from '../submissions/status';
import type { QueueEntry } from './types';

/** Awaiting review first (that is the admin's job here), then what is still with the agencies, approved last. */
const reviewOrder: Record<SubmissionStatus, number> = {
  submitted: 0,
  returned: 1,
  draft: 2,
  not_started: 3,
  approved: 4,
};

/**
 * The queue in working order: reports awaiting review first, the longest-waiting at the top; then
 * returned, draft, not started and approved, each by agency name.
 */
export function sortForReview(entries: readonly QueueEntry[]): QueueEntry[] {
  return [...entries].sort((a, b) => {
    const byStatus = reviewOrder[a.status] - reviewOrder[b.status];
    if (byStatus !== 0) return byStatus;
    if (a.status === 'submitted' && a.submittedAt && b.submittedAt && a.submittedAt !== b.submittedAt) {
      return a.submittedAt < b.submittedAt ? -1 : 1;
    }
    return a.agency.name.localeCompare(b.agency.name, 'en');
  });
}

/** How many agencies stand where for the quarter. `late` (submitted after the deadline) overlaps the others. */
export type QueueCounts = Record<SubmissionStatus, number> & { total: number; late: number };

/** Adds up the queue by status, and how many reports came in late. */
export function countQueue(entries: readonly QueueEntry[]): QueueCounts {
  const counts: QueueCounts = {
    total: entries.length,
    submitted: 0,
    returned: 0,
    draft: 0,
    not_started: 0,
    approved: 0,
    late: 0,
  };
  for (const entry of entries) {
    counts[entry.status]++;
    if (entry.late) counts.late++;
  }
  return counts;
}

/** The queue's headline: what is waiting for the admin, or that nothing is. */
export function queueHeadline(counts: QueueCounts, periodCode: string): string {
  if (counts.total === 0) return `No agencies are expected to report for ${periodCode}.`;
  if (counts.submitted > 0) {
    return `${countOf(counts.submitted, 'report is', 'reports are')} waiting for your review.`;
  }
  if (counts.approved === counts.total) return `Every report for ${periodCode} is approved.`;
  return `Nothing for ${periodCode} is waiting for your review right now.`;
}

/** The counts as short labelled figures for the summary at the top, in queue order; zeros left out except "awaiting review". */
export function queueFigures(counts: QueueCounts): Array<{ count: number; label: string }> {
  const figures = [
    { count: counts.submitted, label: 'awaiting review' },
    { count: counts.returned, label: 'returned for correction' },
    { count: counts.draft, label: choose(counts.draft, 'draft', 'drafts') },
    { count: counts.not_started, label: 'not started' },
    { count: counts.approved, label: 'approved' },
    { count: counts.late, label: 'submitted late' },
  ];
  return figures.filter((figure, index) => index === 0 || figure.count > 0);
}

/**
 * "Submitted late" for a report that came in after the deadline; "Not submitted by the deadline"
 * for one never submitted once the deadline has passed (the server only flags submissions as late,
 * so the page works out the overdue ones from the deadline); otherwise null.
 */
export function timelinessNote(
  entry: Pick<QueueEntry, 'late' | 'submittedAt' | 'status'>,
  pastDeadline: boolean,
): string | null {
  const note = lateNote(entry);
  if (note) return note;
  const neverSubmitted = entry.status === 'not_started' || entry.status === 'draft';
  return neverSubmitted && pastDeadline ? 'Not submitted by the deadline' : null;
}

/** Whether `value` is a quarter code (`2026Q3`). */
export function isPeriodCode(value: string | null | undefined): value is string {
  return typeof value === 'string' && periodKindOf(value) === 'quarter';
}

/**
 * The quarter to show when the address doesn't name one: the newest whose deadline has passed or
 * that has reports awaiting review, else the newest of all. `awaiting` maps a quarter to how many
 * reports await review (missing means unknown, taken as none).
 */
export function defaultReviewPeriod(
  periods: ReadonlyArray<{ period: string; deadline: string }>,
  awaiting: ReadonlyMap<string, number>,
  today: string,
): string | undefined {
  const newest = [...periods].sort((a, b) => comparePeriods(b.period, a.period));
  const due = newest.find((p) => p.deadline < today || (awaiting.get(p.period) ?? 0) > 0);
  return (due ?? newest[0])?.period;
}

/**
 * The quarters offered in the picker: the `count` newest, plus the one being shown if it is older,
 * so the picker always reflects the page.
 */
export function pickerPeriods<T extends { period: string }>(
  periods: readonly T[],
  current: string | undefined,
  count = 8,
): string[] {
  const codes = [...new Set(periods.map((p) => p.period))]
    .sort((a, b) => comparePeriods(b, a))
    .slice(0, count);
  if (current && !codes.includes(current)) codes.push(current);
  return codes;
}

/**
 * How a submission's state reads to people. The API's status codes (`not_started`, `returned`) are
 * turned into plain words here, in one place, so every screen says the same thing.
 */
import { comparePeriods } from '../../../../api/domain/periods';
import type { AgencyQuarter, SubmissionStatus } from '../../api/types';
import { describeDeadline, formatDate, formatDayOf } from '../../lib/dates';

/**
 * A status's visual family. Each tone has its own colour and border style in styles.css, but the
 * label is always shown too, so nothing depends on telling colours apart.
 */
export type StatusTone = 'not-started' | 'draft' | 'waiting' | 'returned' | 'approved';

const statusWords: Record<SubmissionStatus, { label: string; tone: StatusTone }> = {
  not_started: { label: 'Not started', tone: 'not-started' },
  draft: { label: 'Draft', tone: 'draft' },
  submitted: { label: 'Submitted — awaiting review', tone: 'waiting' },
  returned: { label: 'Returned for correction', tone: 'returned' },
  approved: { label: 'Approved', tone: 'approved' },
};

/** The plain-language label and tone for a submission status. */
export function describeStatus(status: SubmissionStatus): { label: string; tone: StatusTone } {
  return statusWords[status];
}

/**
 * "Submitted late" when a report came in after its deadline. `late` comes from the server, which
 * owns the rule; a late flag on something never submitted is described as a missed deadline instead.
 */
export function lateNote(quarter: Pick<AgencyQuarter, 'late' | 'submittedAt'>): string | null {
  if (!quarter.late) return null;
  return quarter.submittedAt === null ? 'Not submitted by the deadline' : 'Submitted late';
}

/** "Submitted October 28, 2026", or null when it has never been submitted. */
export function submittedOn(submittedAt: string | null, timeZone: string): string | null {
  return submittedAt === null ? null : `Submitted ${formatDayOf(submittedAt, timeZone)}`;
}

/**
 * What the agency's reporter should do next for this quarter, in one or two calm sentences. A
 * missed deadline is stated plainly, without blame: late reports still count.
 */
export function nextStepFor(
  quarter: Pick<AgencyQuarter, 'period' | 'deadline' | 'open' | 'status'>,
  today: string,
): string {
  const deadline = describeDeadline(quarter.deadline, today);
  const due = formatDate(quarter.deadline);
  switch (quarter.status) {
    case 'approved':
      return 'Nothing more to do. The coalition has approved this report.';
    case 'submitted':
      return 'Nothing more to do for now. The coalition will review your report and let you know if anything needs correcting.';
    case 'returned':
      return "The coalition has asked for a correction. Read the reviewer's comment, correct the report and submit it again.";
    case 'draft':
    case 'not_started': {
      if (!quarter.open) {
        return `${quarter.period} is closed for entry. If your agency still needs to report for it, contact the coalition.`;
      }
      const started = quarter.status === 'draft';
      if (deadline.passed) {
        return started
          ? `Your draft is saved but not yet submitted. The deadline was ${due}; please submit it as soon as you can.`
          : `The deadline was ${due}. Please enter your agency's counts for ${quarter.period} and submit them as soon as you can.`;
      }
      return started
        ? `Your draft is saved. Check it and submit it by ${due}.`
        : `Enter your agency's counts for ${quarter.period} and submit them by ${due}.`;
    }
  }
}

/** A copy sorted newest quarter first (`2026Q4` before `2026Q3`), whatever order the input was in. */
export function newestFirst<T extends { period: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => comparePeriods(b.period, a.period));
}

/** The quarter a reporter should see first: the newest one open for entry, if any. */
export function openQuarter<T extends { period: string; open: boolean }>(
  quarters: readonly T[],
): T | undefined {
  return newestFirst(quarters).find((quarter) => quarter.open);
}

/**
 * Who still needs a nudge for the quarter being chased. The list is for the admin's eyes; the
 * reminder text built from it (reminder.ts) never names an agency or anything about its report.
 */
import type { SubmissionStatus } from '../../api/types';
import { daysBetween, describeDeadline, formatDate } from '../../lib/dates';
import { choose, countOf } from '../../lib/text';
import type { CompletenessAgency, CompletenessPeriod } from './types';

/** From this many days before the deadline, the open quarter is chased. */
export const nearDeadlineDays = 14;

/**
 * The quarter to chase: an open quarter whose deadline has passed (the newest, if several), or else
 * the open quarter whose deadline is within `nearDays` days. Undefined when no open quarter is
 * close enough to its deadline for a reminder to be worth sending.
 */
export function chaseQuarter(
  periods: readonly CompletenessPeriod[],
  today: string,
  nearDays: number = nearDeadlineDays,
): CompletenessPeriod | undefined {
  const open = periods.filter((p) => p.open).sort((a, b) => (a.code < b.code ? 1 : a.code > b.code ? -1 : 0));
  const overdue = open.find((p) => p.pastDeadline);
  if (overdue) return overdue;
  return open
    .filter((p) => {
      const days = daysBetween(today, p.deadline);
      return days !== undefined && days <= nearDays;
    })
    .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0))[0];
}

/** Statuses that still need something from the agency before the quarter is complete. */
export type MissingStatus = Extract<SubmissionStatus, 'not_started' | 'draft' | 'returned'>;

/** An agency still to hear from, with why. */
export type MissingAgency = Pick<CompletenessAgency, 'code' | 'name' | 'type' | 'county'> & {
  status: MissingStatus;
};

const missingOrder: Record<MissingStatus, number> = { not_started: 0, draft: 1, returned: 2 };

function isMissing(status: SubmissionStatus): status is MissingStatus {
  return Object.hasOwn(missingOrder, status);
}

/**
 * Agencies with nothing submitted for `periodCode` (not started, or a draft) or whose report was
 * returned and not yet resubmitted. Not started first, since they are furthest from done; then by name.
 */
export function missingAgencies(
  agencies: readonly CompletenessAgency[],
  periodCode: string,
): MissingAgency[] {
  const missing: MissingAgency[] = [];
  for (const agency of agencies) {
    const status = agency.cells[periodCode]?.status;
    if (status === undefined || !isMissing(status)) continue;
    missing.push({ code: agency.code, name: agency.name, type: agency.type, county: agency.county, status });
  }
  return missing.sort(
    (a, b) => missingOrder[a.status] - missingOrder[b.status] || a.name.localeCompare(b.name, 'en'),
  );
}

/**
 * "4 agencies still need to send their 2026Q3 report: 2 haven't started, 1 has a draft saved and
 * 1 was returned for correction."
 */
export function missingSummary(missing: readonly MissingAgency[], periodCode: string): string {
  if (missing.length === 0) return `Every agency shown has sent its ${periodCode} report.`;
  const count = (status: MissingStatus) => missing.filter((m) => m.status === status).length;
  const parts: string[] = [];
  const notStarted = count('not_started');
  const draft = count('draft');
  const returned = count('returned');
  if (notStarted > 0) parts.push(`${notStarted} ${choose(notStarted, "hasn't", "haven't")} started`);
  if (draft > 0) parts.push(`${draft} ${choose(draft, 'has', 'have')} a draft saved`);
  if (returned > 0) parts.push(`${returned} ${choose(returned, 'was', 'were')} returned for correction`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  const owners = choose(missing.length, 'its', 'their');
  return `${countOf(missing.length, 'agency', 'agencies')} still ${choose(missing.length, 'needs', 'need')} to send ${owners} ${periodCode} report: ${list}.`;
}

/**
 * Shown when no quarter is being chased yet: when the open quarter is due, and that the list will
 * appear nearer the time. Null when no quarter is open at all.
 */
export function notYetChasingNote(
  periods: readonly CompletenessPeriod[],
  today: string,
  nearDays: number = nearDeadlineDays,
): string | null {
  const next = periods
    .filter((p) => p.open)
    .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0))[0];
  if (!next) return null;
  const { relative } = describeDeadline(next.deadline, today);
  return `${next.code} is open for entry and due ${formatDate(next.deadline)}${relative ? ` (${relative})` : ''}. From ${nearDays} days before its deadline, this page lists who hasn't sent a report yet and drafts a reminder for them.`;
}

/**
 * Which report needs the reporter now, for "This quarter's report": not simply the newest quarter
 * (on 1 December that is a quarter still under way), but what is waiting on them.
 */
import { comparePeriods } from '../../../../api/domain/periods';
import type { AgencyQuarter } from '../../api/types';

/** Why a report is the one to do now. */
export type NeedReason = 'returned' | 'overdue' | 'due';

/** The report that needs the reporter now, and why. */
export type Need<Q> = { quarter: Q; reason: NeedReason };

type NeedFields = Pick<AgencyQuarter, 'period' | 'deadline' | 'status' | 'open'>;

const oldestFirst = <Q extends NeedFields>(quarters: readonly Q[]) =>
  [...quarters].sort((a, b) => comparePeriods(a.period, b.period));

const unsent = (q: NeedFields) => q.status === 'not_started' || q.status === 'draft';

/** Reports the coalition returned for correction, oldest first. */
export function returnedReports<Q extends NeedFields>(quarters: readonly Q[]): Q[] {
  return oldestFirst(quarters).filter((q) => q.status === 'returned');
}

/**
 * Reports past their deadline (as of `today`, the coalition's day) and not sent yet, that the
 * reporter can still send: their quarter is open for entry. Oldest first.
 */
export function overdueReports<Q extends NeedFields>(quarters: readonly Q[], today: string): Q[] {
  return oldestFirst(quarters).filter((q) => unsent(q) && q.open && q.deadline < today);
}

/**
 * The report due next: not sent yet, its deadline today or later. It may not be open for entry yet
 * (a quarter still under way), which the reporter still wants to know about.
 */
export function nextDueReport<Q extends NeedFields>(quarters: readonly Q[], today: string): Q | undefined {
  return oldestFirst(quarters).find((q) => unsent(q) && q.deadline >= today);
}

/**
 * The report that needs the reporter now: a returned one first (the coalition is waiting on a
 * correction), then an overdue one, then the one due next. Undefined when nothing is waiting on them.
 */
export function reportNeedingReporter<Q extends NeedFields>(
  quarters: readonly Q[],
  today: string,
): Need<Q> | undefined {
  const returned = returnedReports(quarters)[0];
  if (returned) return { quarter: returned, reason: 'returned' };
  const overdue = overdueReports(quarters, today)[0];
  if (overdue) return { quarter: overdue, reason: 'overdue' };
  const due = nextDueReport(quarters, today);
  return due ? { quarter: due, reason: 'due' } : undefined;
}

/**
 * Opening a quarter for entry: each period's entry window as of today, and an admin opening a
 * quarter early (for every agency at once) or closing it again, recorded in the audit log.
 */
import type { Db } from '../db';
import { type Clock, formatCalendarDate, todayOf } from '../domain/clock';
import { type EntryWindow, entryWindow, hasNotEnded } from '../domain/entry';
import { ApiError, forbidden, notFound } from '../errors';
import { canOpenPeriodEarly } from '../permissions';
import { recordAudit } from '../queries/audit';
import { getPeriodByCode, listPeriods, type ReportingPeriod, setOpenedEarly } from '../queries/periods';
import type { User } from '../queries/users';

/** A period as the API describes it: its dates and whether it is open for entry today. */
export type PeriodEntry = {
  period: string;
  startDate: string;
  endDate: string;
  deadline: string;
} & EntryWindow;

/** A period's dates and entry window as of `today`. */
export function describePeriodEntry(period: ReportingPeriod, today: string): PeriodEntry {
  return {
    period: period.code,
    startDate: period.startDate,
    endDate: period.endDate,
    deadline: period.deadline,
    ...entryWindow(period, today),
  };
}

/** Every period's entry window as of `today`, by period code. */
export function entryWindowsByCode(db: Db, today: string): Map<string, EntryWindow> {
  return new Map(listPeriods(db).map((p) => [p.code, entryWindow(p, today)]));
}

/**
 * Items that name a period (`period` or `code`) with `open` replaced by the period's entry window as
 * of `today`, so every answer that says "open" means "reporters may enter it today".
 */
export function withEntryWindows<T extends { open: boolean }>(
  db: Db,
  items: readonly T[],
  codeOf: (item: T) => string,
  today: string,
): Array<T & EntryWindow> {
  const windows = entryWindowsByCode(db, today);
  return items.map((item) => {
    const window = windows.get(codeOf(item));
    return { ...item, ...(window ?? { open: false, opensOn: '', openedEarly: false }) };
  });
}

function periodToChange(db: Db, user: User, code: string, today: string): ReportingPeriod {
  if (!canOpenPeriodEarly(user)) throw forbidden('Only coalition admins open quarters for entry early.');
  const period = getPeriodByCode(db, code);
  if (!period) throw notFound(`There is no reporting period ${code}.`);
  if (!hasNotEnded(period, today))
    throw new ApiError(
      409,
      'period-ended',
      `${period.code} ended on ${formatCalendarDate(period.endDate)}, so opening it early no longer applies.`,
    );
  if (!period.open)
    throw new ApiError(403, 'period-closed', `${period.code} is closed for entry by the coalition.`);
  return period;
}

/**
 * Opens a quarter that hasn't ended for entry by every agency, now. Opening one that is already open
 * early changes nothing and records nothing.
 */
export function openPeriodEarly(db: Db, user: User, code: string, clock: Clock): PeriodEntry {
  return changeOpenedEarly(db, user, code, clock, {
    opened: { at: clock.now.toISOString(), userId: user.id },
    action: 'open-entry-early',
  });
}

/**
 * Closes a quarter opened early until it ends. Drafts already saved stay as they are; reporters can
 * change them again once the quarter opens. Closing one that isn't open early changes nothing.
 */
export function closePeriodEarly(db: Db, user: User, code: string, clock: Clock): PeriodEntry {
  return changeOpenedEarly(db, user, code, clock, { opened: null, action: 'close-entry-early' });
}

/** Stores `opened` on the period and, only when that changed something, records `action` in the audit log. */
function changeOpenedEarly(
  db: Db,
  user: User,
  code: string,
  clock: Clock,
  change: { opened: Parameters<typeof setOpenedEarly>[2]; action: 'open-entry-early' | 'close-entry-early' },
): PeriodEntry {
  const today = todayOf(clock);
  return db.transaction(() => {
    const period = periodToChange(db, user, code, today);
    if (setOpenedEarly(db, period.id, change.opened))
      recordAudit(db, {
        userId: user.id,
        action: change.action,
        entityType: 'period',
        entityId: period.id,
        details: { period: period.code },
        at: clock.now.toISOString(),
      });
    return describePeriodEntry(getPeriodByCode(db, period.code) as ReportingPeriod, today);
  })();
}

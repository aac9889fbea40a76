/**
 * When reporters may enter a quarter's counts. A quarter opens for entry the day after it ends (a
 * reporter can't submit 2026Q4 on 1 December 2026: the quarter still has a month to run), unless a
 * coalition admin opens it early for every agency. It stays open until the coalition closes it after
 * its reporting cycle. Days are the coalition's calendar days (see clock.ts).
 */
import { dayAfter, formatCalendarDate } from './clock';

/** What the entry rule needs to know about a quarter. */
export type EntryPeriod = {
  code: string;
  endDate: string;
  /** Not yet closed by the coalition after its reporting cycle. */
  open: boolean;
  /** An admin opened it before it ended. */
  openedEarly: boolean;
};

/** Whether a quarter is open for entry today, and from when. */
export type EntryWindow = {
  /** Reporters may save, upload and submit today. */
  open: boolean;
  /** The day entry opens without an admin: the day after the quarter's last day. */
  opensOn: string;
  /** A coalition admin opened it before `opensOn`. */
  openedEarly: boolean;
};

/** The first day a quarter is open for entry without an admin opening it early. */
export const entryOpensOn = (period: Pick<EntryPeriod, 'endDate'>): string => dayAfter(period.endDate);

/** True while a quarter has not ended as of `today` (YYYY-MM-DD). */
export const hasNotEnded = (period: Pick<EntryPeriod, 'endDate'>, today: string): boolean =>
  today <= period.endDate;

/** Where a quarter stands for entry on `today` (YYYY-MM-DD, the coalition's day). */
export function entryWindow(period: EntryPeriod, today: string): EntryWindow {
  const openedEarly = period.openedEarly && hasNotEnded(period, today);
  return {
    open: period.open && (openedEarly || !hasNotEnded(period, today)),
    opensOn: entryOpensOn(period),
    openedEarly,
  };
}

/**
 * Why a quarter that hasn't ended can't take reports yet, in words a reporter can act on: "2026Q4
 * ends on December 31, 2026; reports open for entry on January 1, 2027. Your coalition admin can
 * open it early."
 */
export function notOpenYetMessage(period: Pick<EntryPeriod, 'code' | 'endDate'>): string {
  return `${period.code} ends on ${formatCalendarDate(period.endDate)}; reports open for entry on ${formatCalendarDate(entryOpensOn(period))}. Your coalition admin can open it early.`;
}

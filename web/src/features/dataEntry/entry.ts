/**
 * Whether reporters may enter a quarter, in words. The server decides (`open`, `opensOn`); this
 * only tells a quarter that hasn't opened yet from one the coalition has closed, since the two call
 * for different words: one is a date to wait for, the other a reason to contact the coalition.
 */
import { formatDate } from '../../lib/dates';

/** What the server says about a quarter's entry window. */
export type EntryFields = { open: boolean; opensOn: string };

/** Open now; not open yet (the quarter is still under way); or closed by the coalition. */
export type EntryState = 'open' | 'not-yet' | 'closed';

/** Where a quarter stands for entry on `today` (the coalition's day, YYYY-MM-DD). */
export function entryState(period: EntryFields, today: string): EntryState {
  if (period.open) return 'open';
  return period.opensOn > today ? 'not-yet' : 'closed';
}

/** "Open for entry", "Opens for entry January 1, 2027" or "Closed for entry". */
export function entryLabel(period: EntryFields, today: string): string {
  switch (entryState(period, today)) {
    case 'open':
      return 'Open for entry';
    case 'not-yet':
      return `Opens for entry ${formatDate(period.opensOn)}`;
    case 'closed':
      return 'Closed for entry';
  }
}

/**
 * The calm explanation on a quarter that hasn't opened yet: "2026Q4 is not open for entry yet. It
 * opens on January 1, 2027, the day after the quarter ends, and is due by January 30, 2027."
 */
export function notOpenYetSentence(period: { code: string; opensOn: string; deadline: string }): string {
  return `${period.code} is not open for entry yet. It opens on ${formatDate(period.opensOn)}, the day after the quarter ends, and is due by ${formatDate(period.deadline)}.`;
}

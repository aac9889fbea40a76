/**
 * Dates and times as people read them, in one place: "January 30, 2027", "Oct 30, 2026",
 * "2:05 PM". Deadlines and quarter boundaries are calendar dates (YYYY-MM-DD) with no time of day,
 * formatted as written whatever the reader's time zone. Timestamps (when a report was submitted, a
 * release published) are moments, and read as the day and time on the coalition's clock, the one
 * the server counts lateness by: every timestamp formatter takes that zone, with no default, so no
 * page can fall back to the reader's browser zone. (What day it is today comes from
 * `useCoalitionToday`.)
 */
import { formatCalendarDate, isCalendarDate } from '../../../api/domain/clock';

// The US form, month spelled out first: Scope serves a Californian coalition, and a spelled-out
// month can't be misread as 01/30 vs 30/01. Times likewise: "2:05 PM".
const locale = 'en-US';
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = 24 * 60 * 60 * 1000;

// Making an Intl.DateTimeFormat is slow next to using one; a table of timestamps formats many.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(kind: 'day' | 'time', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      kind === 'day' ? { dateStyle: 'long', timeZone } : { hour: 'numeric', minute: '2-digit', timeZone },
    );
    formats.set(key, format);
  }
  return format;
}

/**
 * A calendar date (YYYY-MM-DD) as "October 30, 2026", never shifted by a time zone. Anything else
 * comes back unchanged, so a bad value never blanks a page. A timestamp does too: which day it falls
 * on depends on the zone, so it goes through {@link formatDayOf}.
 */
export function formatDate(date: string): string {
  return formatCalendarDate(date);
}

/**
 * The day an ISO timestamp falls on in `timeZone` (the coalition's), as "October 30, 2026": a
 * report submitted at 03:00 UTC on October 31 was submitted on October 30 in California. A plain
 * YYYY-MM-DD date is formatted as written, never shifted; anything else is returned unchanged.
 */
export function formatDayOf(timestamp: string, timeZone: string): string {
  if (dateOnly.test(timestamp)) return formatCalendarDate(timestamp);
  const at = new Date(timestamp);
  if (Number.isNaN(at.getTime())) return timestamp;
  return formatIn('day', timeZone).format(at);
}

/** "2:05 PM" on the clock of `timeZone` (the coalition's). */
export function formatTime(at: Date, timeZone: string): string {
  return formatIn('time', timeZone).format(at);
}

/**
 * "November 3, 2026 at 2:05 PM" on the clock of `timeZone` (the coalition's). Returns the input
 * unchanged when it is not a timestamp.
 */
export function formatDateTime(timestamp: string, timeZone: string): string {
  const at = new Date(timestamp);
  if (Number.isNaN(at.getTime())) return timestamp;
  return `${formatDayOf(timestamp, timeZone)} at ${formatTime(at, timeZone)}`;
}

const shortDay = new Intl.DateTimeFormat(locale, {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * "Oct 30, 2026" for a YYYY-MM-DD date: short enough for a column heading in a wide grid. A value
 * that isn't a date is returned unchanged.
 */
export function formatShortDate(date: string): string {
  return isCalendarDate(date) ? shortDay.format(new Date(`${date}T00:00:00Z`)) : date;
}

/**
 * Whole calendar days from `today` to `date` (both YYYY-MM-DD): 0 on the day itself, negative once
 * it has passed. Undefined if either is not a valid date.
 */
export function daysBetween(today: string, date: string): number | undefined {
  if (!dateOnly.test(today) || !dateOnly.test(date)) return undefined;
  const from = Date.parse(`${today}T00:00:00Z`);
  const to = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to)) return undefined;
  return Math.round((to - from) / dayMs);
}

/** How a deadline reads on screen, relative to today. */
export type DeadlineDescription = {
  /** "Due January 30, 2027" before or on the day; "Was due October 30, 2026" after. */
  label: string;
  /** "in 12 days", "tomorrow", "today", "yesterday", "29 days ago"; empty if the date is invalid. */
  relative: string;
  /** True once the deadline day is over. */
  passed: boolean;
};

/** Describes a deadline (YYYY-MM-DD) as of `today` (YYYY-MM-DD, the coalition's day). */
export function describeDeadline(deadline: string, today: string): DeadlineDescription {
  const days = daysBetween(today, deadline);
  const date = formatDate(deadline);
  if (days === undefined) return { label: `Due ${date}`, relative: '', passed: false };
  const passed = days < 0;
  return { label: passed ? `Was due ${date}` : `Due ${date}`, relative: relativeDays(days), passed };
}

function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 1 ? `in ${days} days` : `${-days} days ago`;
}

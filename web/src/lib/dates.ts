/**
 * Dates and times as people read them, in one place: "January 30, 2027", "Oct 30, 2026",
 * "2:05 PM", and what day it is. Deadlines and quarter boundaries are calendar dates (YYYY-MM-DD)
 * with no time of day, formatted as written whatever the reader's time zone. "Today" is the
 * coalition's day (its time zone comes with the signed-in person), the same day the server counts
 * from, not the day in whichever zone the reader's browser is in.
 */
import { formatCalendarDate, isCalendarDate, todayIn } from '../../../api/domain/clock';

// The US form, month spelled out first: Scope serves a Californian coalition, and a spelled-out
// month can't be misread as 01/30 vs 30/01. Times likewise: "2:05 PM".
const locale = 'en-US';
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = 24 * 60 * 60 * 1000;

/**
 * Today's date (YYYY-MM-DD) in the coalition's time zone: the day deadlines, lateness and entry
 * are counted from, on the server and here alike.
 */
export function coalitionToday(timeZone: string, now: Date = new Date()): string {
  return todayIn(timeZone, now);
}

// Making an Intl.DateTimeFormat is slow next to using one; a table of timestamps formats many.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(kind: 'day' | 'time', timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone ?? ''}`;
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
 * Formats a YYYY-MM-DD date or an ISO timestamp as "October 30, 2026". A timestamp is shown as the
 * calendar day in `timeZone` (the reader's own, unless given); a plain date is never shifted.
 * Returns the input unchanged when it is not a date, so a bad value never blanks a page.
 */
export function formatDate(value: string, timeZone?: string): string {
  if (dateOnly.test(value)) return formatCalendarDate(value);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return formatIn('day', timeZone).format(date);
}

/** "2:05 PM" in the reader's time zone (or `timeZone`). */
export function formatTime(at: Date, timeZone?: string): string {
  return formatIn('time', timeZone).format(at);
}

/**
 * "November 3, 2026 at 2:05 PM", in the reader's time zone unless given. Returns the input
 * unchanged when it is not a timestamp.
 */
export function formatDateTime(value: string, timeZone?: string): string {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  return `${formatDate(value, timeZone)} at ${formatTime(at, timeZone)}`;
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

const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
const monthAndYear = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The months a period covers, e.g. "October to December 2026", so "2026Q4" means something to
 * someone who doesn't think in quarter codes. Falls back to "start to end" as full dates when the
 * span crosses a year; returns an empty string when either date is invalid.
 */
export function describeSpan(startDate: string, endDate: string): string {
  if (!dateOnly.test(startDate) || !dateOnly.test(endDate)) return '';
  const start = new Date(`${startDate}T00:00:00Z`);
  const end = new Date(`${endDate}T00:00:00Z`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return '';
  if (start.getUTCFullYear() !== end.getUTCFullYear()) {
    return `${formatDate(startDate)} to ${formatDate(endDate)}`;
  }
  if (start.getUTCMonth() === end.getUTCMonth()) return monthAndYear.format(start);
  return `${monthName.format(start)} to ${monthAndYear.format(end)}`;
}

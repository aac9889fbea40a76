/**
 * Dates as people read them: "30 January 2027". Deadlines and quarter boundaries are calendar
 * dates (YYYY-MM-DD) with no time of day, so they are formatted in UTC to stop a browser's time zone
 * from shifting them by a day.
 */

// Day-month-year with the month spelled out reads the same to everyone and can't be misread as
// 01/30 vs 30/01. One formatter for the whole app keeps it consistent.
const locale = 'en-GB';
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = 24 * 60 * 60 * 1000;

/**
 * Formats a YYYY-MM-DD date or an ISO timestamp as "30 October 2026". A timestamp is shown as the
 * calendar day in `timeZone` (the reader's own, unless given); a plain date is never shifted.
 * Returns the input unchanged when it is not a date, so a bad value never blanks a page.
 */
export function formatDate(value: string, timeZone?: string): string {
  const isDateOnly = dateOnly.test(value);
  const date = new Date(isDateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeZone: isDateOnly ? 'UTC' : timeZone,
  }).format(date);
}

/** Today's date where the reader is, as YYYY-MM-DD. */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
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
  /** "Due 30 January 2027" before or on the day; "Was due 30 October 2026" after. */
  label: string;
  /** "in 12 days", "tomorrow", "today", "yesterday", "29 days ago"; empty if the date is invalid. */
  relative: string;
  /** True once the deadline day is over. */
  passed: boolean;
};

/** Describes a deadline (YYYY-MM-DD) as of `today` (YYYY-MM-DD, the reader's local date). */
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

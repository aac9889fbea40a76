/**
 * The coalition's calendar: what day it is, and how a day is written. Deadlines, quarter ends and
 * "late" are calendar days in the coalition's time zone (SCOPE_TIME_ZONE), not in UTC and not in
 * whichever zone a reader's browser is in, so the server and the web app agree on "today" even at
 * 11:30 pm on a deadline day. Plain TypeScript with only `Intl`: the web app imports it too.
 */

/** A moment, and the time zone whose calendar says which day it falls on. */
export type Clock = Readonly<{ now: Date; timeZone: string }>;

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

// Making an Intl.DateTimeFormat costs far more than using one; "today" is asked for on every request.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** SCOPE_TIME_ZONE's default, and the zone signed-out pages read timestamps in: the South Bay coalition's. */
export const defaultCoalitionTimeZone = 'America/Los_Angeles';

/**
 * The calendar day (YYYY-MM-DD) it is at `now` in `timeZone`: at 23:30 UTC on 30 January 2027 it
 * is still 30 January in Los Angeles. Throws a RangeError for a zone `Intl` does not know.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = dayFormatIn(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** The day `clock.now` falls on in the clock's time zone. */
export const todayOf = (clock: Clock): string => todayIn(clock.timeZone, clock.now);

/**
 * The IANA name `Intl` uses for a time zone (`america/los_angeles` → `America/Los_Angeles`), or
 * undefined when it isn't one `Intl` accepts.
 */
export function canonicalTimeZone(timeZone: string): string | undefined {
  if (timeZone.trim() === '') return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** True for YYYY-MM-DD that names a real day (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!dateOnly.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day after a YYYY-MM-DD day. */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

// The US form, "January 30, 2027": the coalition is Californian, and a month spelled out can't be
// misread the way 01/30 and 30/01 can. A calendar day has no time of day, so it is formatted in UTC,
// where a YYYY-MM-DD midnight can't shift to the day before.
const calendarDay = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * A calendar day (YYYY-MM-DD) as people read it: "January 30, 2027". Anything that isn't such a day
 * comes back unchanged, so a bad value never blanks a message.
 */
export function formatCalendarDate(date: string): string {
  return isCalendarDate(date) ? calendarDay.format(new Date(`${date}T00:00:00Z`)) : date;
}

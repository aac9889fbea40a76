import { describe, expect, test } from 'vitest';
import { canonicalTimeZone, dayAfter, formatCalendarDate, isCalendarDate, todayIn, todayOf } from './clock';

describe('todayIn', () => {
  test.each([
    // The 4 pm Pacific case: UTC has moved on to the next day, Los Angeles has not.
    ['2027-01-30T23:30:00Z', 'America/Los_Angeles', '2027-01-30'],
    ['2027-01-30T23:30:00Z', 'UTC', '2027-01-30'],
    ['2027-01-31T07:59:00Z', 'America/Los_Angeles', '2027-01-30'],
    ['2027-01-31T08:00:00Z', 'America/Los_Angeles', '2027-01-31'],
    ['2027-01-31T00:30:00Z', 'UTC', '2027-01-31'],
    // Summer time: Los Angeles is seven hours behind UTC, not eight.
    ['2026-07-01T06:59:00Z', 'America/Los_Angeles', '2026-06-30'],
    ['2026-07-01T07:00:00Z', 'America/Los_Angeles', '2026-07-01'],
    // A zone ahead of UTC is already on the next day.
    ['2026-12-31T12:00:00Z', 'Pacific/Auckland', '2027-01-01'],
  ])('at %s it is %s … %s', (instant, zone, day) => {
    expect(todayIn(zone, new Date(instant))).toBe(day);
  });

  test('a clock says the same day', () => {
    expect(todayOf({ now: new Date('2027-01-30T23:30:00Z'), timeZone: 'America/Los_Angeles' })).toBe(
      '2027-01-30',
    );
  });

  test('an unknown zone is an error, not a guess', () => {
    expect(() => todayIn('Pacific', new Date())).toThrow(RangeError);
  });
});

describe('time zones', () => {
  test.each([
    ['America/Los_Angeles', 'America/Los_Angeles'],
    ['america/los_angeles', 'America/Los_Angeles'],
    ['UTC', 'UTC'],
    ['Pacific', undefined],
    ['', undefined],
    ['Mars/Olympus_Mons', undefined],
  ])('%s → %s', (zone, canonical) => expect(canonicalTimeZone(zone)).toBe(canonical));
});

describe('calendar days', () => {
  test.each([
    ['2027-01-30', 'January 30, 2027'],
    ['2026-12-31', 'December 31, 2026'],
    ['2027-01-01', 'January 1, 2027'],
    ['2026-02-30', '2026-02-30'],
    ['soon', 'soon'],
  ])('%s reads "%s"', (date, words) => expect(formatCalendarDate(date)).toBe(words));

  test('real days only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-1-30')).toBe(false);
  });

  test.each([
    ['2026-12-31', '2027-01-01'],
    ['2026-09-30', '2026-10-01'],
    ['2028-02-28', '2028-02-29'],
  ])('the day after %s is %s', (date, next) => expect(dayAfter(date)).toBe(next));
});

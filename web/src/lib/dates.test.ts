import { describe, expect, test } from 'vitest';
import { todayIn } from '../../../api/domain/clock';
import {
  daysBetween,
  describeDeadline,
  formatDate,
  formatDateTime,
  formatDayOf,
  formatShortDate,
  formatTime,
} from './dates';

describe('formatDate', () => {
  test.each([
    { value: '2026-10-30', expected: 'October 30, 2026' },
    { value: '2027-01-30', expected: 'January 30, 2027' },
    { value: '2026-01-01', expected: 'January 1, 2026' },
    { value: '2026-02-30', expected: '2026-02-30' },
    // A timestamp's day depends on a time zone, which only formatDayOf is given.
    { value: '2026-10-31T03:00:00Z', expected: '2026-10-31T03:00:00Z' },
    { value: 'not a date', expected: 'not a date' },
    { value: '', expected: '' },
  ])('formatDate($value) → $expected', ({ value, expected }) => {
    expect(formatDate(value)).toBe(expected);
  });
});

describe('formatDayOf', () => {
  test.each([
    // A timestamp shows the day on the coalition's clock: 03:00 UTC is still the evening before in
    // California, so a report the server counted as on time on January 30 reads as January 30.
    { value: '2027-01-31T03:00:00Z', timeZone: 'America/Los_Angeles', expected: 'January 30, 2027' },
    { value: '2027-01-31T03:00:00Z', timeZone: 'UTC', expected: 'January 31, 2027' },
    { value: '2026-10-31T03:00:00Z', timeZone: 'America/Los_Angeles', expected: 'October 30, 2026' },
    // A calendar date never moves, whatever zone is asked for.
    { value: '2026-01-01', timeZone: 'America/Los_Angeles', expected: 'January 1, 2026' },
    { value: '2026-01-01', timeZone: 'Pacific/Kiritimati', expected: 'January 1, 2026' },
    { value: 'not a date', timeZone: 'UTC', expected: 'not a date' },
    { value: '', timeZone: 'UTC', expected: '' },
  ])('formatDayOf($value, $timeZone) → $expected', ({ value, timeZone, expected }) => {
    expect(formatDayOf(value, timeZone)).toBe(expected);
  });
});

describe('daysBetween', () => {
  test.each([
    { today: '2026-11-28', date: '2027-01-30', expected: 63 },
    { today: '2026-11-28', date: '2026-11-28', expected: 0 },
    { today: '2026-11-28', date: '2026-10-30', expected: -29 },
    // Across the spring daylight-saving change the answer is still whole days.
    { today: '2026-03-07', date: '2026-03-09', expected: 2 },
    { today: '2028-02-28', date: '2028-03-01', expected: 2 },
    { today: '2026-11-28', date: '30/01/2027', expected: undefined },
    { today: '', date: '2026-11-28', expected: undefined },
  ])('from $today to $date is $expected', ({ today, date, expected }) => {
    expect(daysBetween(today, date)).toBe(expected);
  });
});

describe('describeDeadline', () => {
  test.each([
    {
      deadline: '2027-01-30',
      today: '2026-11-28',
      expected: { label: 'Due January 30, 2027', relative: 'in 63 days', passed: false },
    },
    {
      deadline: '2026-12-10',
      today: '2026-11-28',
      expected: { label: 'Due December 10, 2026', relative: 'in 12 days', passed: false },
    },
    {
      deadline: '2026-11-29',
      today: '2026-11-28',
      expected: { label: 'Due November 29, 2026', relative: 'tomorrow', passed: false },
    },
    {
      deadline: '2026-11-28',
      today: '2026-11-28',
      expected: { label: 'Due November 28, 2026', relative: 'today', passed: false },
    },
    {
      deadline: '2026-11-27',
      today: '2026-11-28',
      expected: { label: 'Was due November 27, 2026', relative: 'yesterday', passed: true },
    },
    {
      deadline: '2026-10-30',
      today: '2026-11-28',
      expected: { label: 'Was due October 30, 2026', relative: '29 days ago', passed: true },
    },
    {
      deadline: 'soon',
      today: '2026-11-28',
      expected: { label: 'Due soon', relative: '', passed: false },
    },
  ])('$deadline as of $today', ({ deadline, today, expected }) => {
    expect(describeDeadline(deadline, today)).toEqual(expected);
  });

  test('the evening of a deadline day in Los Angeles, the deadline is today, as the server says', () => {
    const today = todayIn('America/Los_Angeles', new Date('2027-01-31T07:30:00Z'));
    expect(describeDeadline('2027-01-30', today)).toEqual({
      label: 'Due January 30, 2027',
      relative: 'today',
      passed: false,
    });
  });
});

describe('times', () => {
  test.each([
    { value: '2026-11-03T22:05:00Z', timeZone: 'America/Los_Angeles', time: '2:05 PM' },
    { value: '2026-11-03T22:05:00Z', timeZone: 'UTC', time: '10:05 PM' },
    { value: '2026-11-04T07:30:00Z', timeZone: 'UTC', time: '7:30 AM' },
  ])('$value in $timeZone is $time', ({ value, timeZone, time }) => {
    expect(formatTime(new Date(value), timeZone)).toBe(time);
  });

  test('a moment reads as its day and time in the zone asked for', () => {
    expect(formatDateTime('2026-11-04T01:05:00Z', 'America/Los_Angeles')).toBe('November 3, 2026 at 5:05 PM');
    expect(formatDateTime('2026-11-04T01:05:00Z', 'UTC')).toBe('November 4, 2026 at 1:05 AM');
    expect(formatDateTime('whenever', 'UTC')).toBe('whenever');
  });

  test.each([
    ['2026-10-30', 'Oct 30, 2026'],
    ['2027-01-01', 'Jan 1, 2027'],
    ['later', 'later'],
    ['2026-13-45', '2026-13-45'],
  ])('the short form of %s is %s', (date, short) => expect(formatShortDate(date)).toBe(short));
});

import { describe, expect, test } from 'vitest';
import { daysBetween, describeDeadline, describeSpan, formatDate, localIsoDate } from './dates';

describe('formatDate', () => {
  test.each([
    { value: '2026-10-30', timeZone: undefined, expected: '30 October 2026' },
    { value: '2027-01-30', timeZone: undefined, expected: '30 January 2027' },
    // A calendar date never moves, whatever zone is asked for.
    { value: '2026-01-01', timeZone: 'America/Los_Angeles', expected: '1 January 2026' },
    // A timestamp shows the day where the reader is: 03:00 UTC is still the evening before in California.
    { value: '2026-10-31T03:00:00Z', timeZone: 'America/Los_Angeles', expected: '30 October 2026' },
    { value: '2026-10-31T03:00:00Z', timeZone: 'UTC', expected: '31 October 2026' },
    { value: 'not a date', timeZone: undefined, expected: 'not a date' },
    { value: '', timeZone: undefined, expected: '' },
  ])('formatDate($value, $timeZone) → $expected', ({ value, timeZone, expected }) => {
    expect(formatDate(value, timeZone)).toBe(expected);
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
      expected: { label: 'Due 30 January 2027', relative: 'in 63 days', passed: false },
    },
    {
      deadline: '2026-12-10',
      today: '2026-11-28',
      expected: { label: 'Due 10 December 2026', relative: 'in 12 days', passed: false },
    },
    {
      deadline: '2026-11-29',
      today: '2026-11-28',
      expected: { label: 'Due 29 November 2026', relative: 'tomorrow', passed: false },
    },
    {
      deadline: '2026-11-28',
      today: '2026-11-28',
      expected: { label: 'Due 28 November 2026', relative: 'today', passed: false },
    },
    {
      deadline: '2026-11-27',
      today: '2026-11-28',
      expected: { label: 'Was due 27 November 2026', relative: 'yesterday', passed: true },
    },
    {
      deadline: '2026-10-30',
      today: '2026-11-28',
      expected: { label: 'Was due 30 October 2026', relative: '29 days ago', passed: true },
    },
    {
      deadline: 'soon',
      today: '2026-11-28',
      expected: { label: 'Due soon', relative: '', passed: false },
    },
  ])('$deadline as of $today', ({ deadline, today, expected }) => {
    expect(describeDeadline(deadline, today)).toEqual(expected);
  });
});

describe('describeSpan', () => {
  test.each([
    { start: '2026-10-01', end: '2026-12-31', expected: 'October to December 2026' },
    { start: '2026-01-01', end: '2026-03-31', expected: 'January to March 2026' },
    { start: '2026-07-01', end: '2026-07-31', expected: 'July 2026' },
    { start: '2025-10-01', end: '2026-09-30', expected: '1 October 2025 to 30 September 2026' },
    { start: '', end: '2026-12-31', expected: '' },
    { start: '2026-10-01', end: 'later', expected: '' },
  ])('$start – $end → "$expected"', ({ start, end, expected }) => {
    expect(describeSpan(start, end)).toBe(expected);
  });
});

describe('localIsoDate', () => {
  test.each([
    { date: new Date(2026, 10, 28, 9, 30), expected: '2026-11-28' },
    { date: new Date(2027, 0, 5, 23, 59), expected: '2027-01-05' },
    { date: new Date(2026, 11, 31, 0, 0), expected: '2026-12-31' },
  ])('the local calendar day of $date is $expected', ({ date, expected }) => {
    expect(localIsoDate(date)).toBe(expected);
  });
});

import { expect, test } from 'vitest';
import {
  intervalOf,
  isStatsPeriod,
  periodContains,
  periodLabel,
  periodMediumLabel,
  periodShortLabel,
  previousPeriod,
  sameLastYear,
} from './periods';

test.each([
  ['2026Q2', 'quarter', '2026Q1', '2025Q2', 'April to June 2026 (2026Q2)', '2026 Q2', '2026 Q2 (Apr–Jun)'],
  ['2026Q1', 'quarter', '2025Q4', '2025Q1', 'January to March 2026 (2026Q1)', '2026 Q1', '2026 Q1 (Jan–Mar)'],
  ['2025', 'year', '2024', '2024', 'Calendar year 2025', '2025', 'Year 2025'],
  [
    'FY2025',
    'fy',
    'FY2024',
    'FY2024',
    'Federal fiscal year 2025 (Oct 2024 – Sep 2025)',
    'FY2025',
    'Fiscal year 2025',
  ],
])('%s', (period, interval, previous, lastYear, label, short, medium) => {
  expect(isStatsPeriod(period)).toBe(true);
  expect(intervalOf(period)).toBe(interval);
  expect(previousPeriod(period)).toBe(previous);
  expect(sameLastYear(period)).toBe(lastYear);
  expect(periodLabel(period)).toBe(label);
  expect(periodShortLabel(period)).toBe(short);
  expect(periodMediumLabel(period)).toBe(medium);
});

test.each([null, '', '2026Q5', '2026-04', 'FY26', '2026Q1..2026Q2'])('%j is not a period', (code) => {
  expect(isStatsPeriod(code)).toBe(false);
});

test.each([
  ['2025', '2025Q1', true],
  ['2025', '2026Q1', false],
  ['FY2025', '2024Q4', true],
  ['FY2025', '2025Q3', true],
  ['FY2025', '2025Q4', false],
  ['2026Q2', '2026Q2', true],
  ['2026Q2', '2026Q1', false],
])('periodContains(%s, %s) = %s', (outer, inner, contains) => {
  expect(periodContains(outer, inner)).toBe(contains);
});

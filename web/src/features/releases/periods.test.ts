import { expect, test } from 'vitest';
import { listWords } from '../../lib/text';
import { publishesSentence, yearNote } from './periods';

test.each([
  { items: [], expected: '' },
  { items: ['a'], expected: 'a' },
  { items: ['a', 'b'], expected: 'a and b' },
  { items: ['a', 'b', 'c'], expected: 'a, b and c' },
])('listWords($items)', ({ items, expected }) => {
  expect(listWords(items)).toBe(expected);
});

test.each([
  { periods: [], expected: '' },
  { periods: ['2026Q2'], expected: 'This release will publish 2026Q2 (April to June 2026).' },
  {
    periods: ['2026Q3', 'FY2026'],
    expected:
      'This release will publish 2026Q3 (July to September 2026) and federal fiscal year FY2026 (October 2025 to September 2026).',
  },
])('publishesSentence($periods)', ({ periods, expected }) => {
  expect(publishesSentence(periods)).toBe(expected);
});

test.each([
  { quarter: '2026Q2', periods: ['2026Q2'], expected: '' },
  {
    quarter: '2026Q4',
    periods: ['2026Q4', '2026'],
    expected:
      "2026Q4 completes calendar year 2026, so the year's figures are published with it. They are protected together with the quarters already published for that year.",
  },
])('yearNote($quarter)', ({ quarter, periods, expected }) => {
  expect(yearNote(quarter, periods)).toBe(expected);
});

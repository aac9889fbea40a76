import { describe, expect, test } from 'vitest';
import { agencyJoinedNotes } from './joined';

const periods = (...expected: number[]) =>
  expected.map((n, i) => ({ period: `2026Q${i + 1}`, completeness: { expected: n } }));

describe('agencyJoinedNotes', () => {
  test.each([
    { name: 'no periods', given: periods(), notes: [] },
    { name: 'one period', given: periods(4), notes: [] },
    { name: 'the same agencies throughout', given: periods(4, 4, 4), notes: [] },
    { name: 'an agency leaves', given: periods(5, 4), notes: [] },
    { name: 'nobody was expected before (no trend to explain)', given: periods(0, 3), notes: [] },
    {
      name: 'one agency joins',
      given: periods(4, 5, 5),
      notes: [
        '2026Q2: 1 more agency expected to report (an agency joined), so part of the rise may be new reporting rather than more survivors.',
      ],
    },
    {
      name: 'two join at once, later one more',
      given: periods(3, 5, 5, 6),
      notes: [
        '2026Q2: 2 more agencies expected to report (agencies joined), so part of the rise may be new reporting rather than more survivors.',
        '2026Q4: 1 more agency expected to report (an agency joined), so part of the rise may be new reporting rather than more survivors.',
      ],
    },
  ])('$name', ({ given, notes }) => {
    expect(agencyJoinedNotes(given)).toEqual(notes);
  });

  test('names what the figures count', () => {
    expect(agencyJoinedNotes(periods(1, 2), 'services')[0]).toMatch(/rather than more services\.$/);
  });
});

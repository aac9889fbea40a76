import { describe, expect, test } from 'vitest';
import { entryLabel, entryState } from './entry';

describe('entry in words', () => {
  test.each([
    {
      period: { open: true, opensOn: '2027-01-01' },
      today: '2026-12-01',
      state: 'open',
      label: 'Open for entry',
    },
    {
      period: { open: false, opensOn: '2027-01-01' },
      today: '2026-12-01',
      state: 'not-yet',
      label: 'Opens for entry January 1, 2027',
    },
    {
      period: { open: false, opensOn: '2027-01-01' },
      today: '2026-12-31',
      state: 'not-yet',
      label: 'Opens for entry January 1, 2027',
    },
    {
      period: { open: false, opensOn: '2026-10-01' },
      today: '2026-12-01',
      state: 'closed',
      label: 'Closed for entry',
    },
  ] as const)('$period.open from $period.opensOn, on $today: $label', ({ period, today, state, label }) => {
    expect(entryState(period, today)).toBe(state);
    expect(entryLabel(period, today)).toBe(label);
  });
});

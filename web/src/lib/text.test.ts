import { describe, expect, test } from 'vitest';
import { choose, countOf, humanizeCode } from './text';

describe('countOf', () => {
  test.each([
    { count: 0, expected: '0 agencies' },
    { count: 1, expected: '1 agency' },
    { count: 2, expected: '2 agencies' },
    { count: 15, expected: '15 agencies' },
  ])('$count → $expected', ({ count, expected }) => {
    expect(countOf(count, 'agency', 'agencies')).toBe(expected);
  });
});

describe('choose', () => {
  test.each([
    { count: 0, expected: 'have' },
    { count: 1, expected: 'has' },
    { count: 3, expected: 'have' },
  ])('$count → $expected', ({ count, expected }) => {
    expect(choose(count, 'has', 'have')).toBe(expected);
  });
});

describe('humanizeCode', () => {
  test.each([
    { code: 'victim_services', expected: 'Victim services' },
    { code: 'legal-aid', expected: 'Legal aid' },
    { code: 'shelter', expected: 'Shelter' },
    { code: 'Victim services', expected: 'Victim services' },
    { code: 'Law enforcement (local)', expected: 'Law enforcement (local)' },
    { code: '  health_care ', expected: 'Health care' },
    { code: '', expected: '' },
  ])('"$code" → "$expected"', ({ code, expected }) => {
    expect(humanizeCode(code)).toBe(expected);
  });
});

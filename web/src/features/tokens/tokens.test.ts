import { describe, expect, test } from 'vitest';
import {
  apiExamples,
  createdBy,
  lastUsed,
  sortTokens,
  tokenExpiry,
  tokenNameProblem,
  tokenState,
} from './tokens';
import type { ApiToken } from './types';

function token(id: number, overrides: Partial<ApiToken> = {}): ApiToken {
  return {
    id,
    name: `Token ${id}`,
    nameId: id + 100,
    prefix: 'scp_ab12',
    createdAt: '2026-11-01T17:00:00Z',
    createdBy: null,
    lastUsedAt: null,
    expiresAt: '2027-11-01T17:00:00Z',
    revokedAt: null,
    ...overrides,
  };
}

describe('tokenNameProblem', () => {
  test.each([
    { name: 'Case management export', problem: null },
    { name: '  Apricot nightly sync  ', problem: null },
    {
      name: '',
      problem: 'Give the token a name that says where it is used, for example “Case management export”.',
    },
    {
      name: '   ',
      problem: 'Give the token a name that says where it is used, for example “Case management export”.',
    },
    { name: 'x'.repeat(80), problem: null },
    { name: 'x'.repeat(81), problem: 'Keep the name to 80 characters or fewer (it has 81).' },
  ])('"$name"', ({ name, problem }) => {
    expect(tokenNameProblem(name)).toBe(problem);
  });
});

describe('sortTokens', () => {
  test.each([
    { name: 'empty', tokens: [], expected: [] },
    {
      name: 'active before revoked, newest first within each',
      tokens: [
        token(1, { createdAt: '2026-01-01T00:00:00Z' }),
        token(2, { createdAt: '2026-03-01T00:00:00Z', revokedAt: '2026-04-01T00:00:00Z' }),
        token(3, { createdAt: '2026-05-01T00:00:00Z' }),
        token(4, { createdAt: '2026-06-01T00:00:00Z', revokedAt: '2026-07-01T00:00:00Z' }),
      ],
      expected: [3, 1, 4, 2],
    },
  ])('$name', ({ tokens, expected }) => {
    expect(sortTokens(tokens).map((t) => t.id)).toEqual(expected);
  });
});

describe('token wording', () => {
  test.each([
    { overrides: {}, state: 'Active', used: 'Never used', created: 'November 1, 2026' },
    {
      overrides: { lastUsedAt: '2026-11-20T20:00:00Z', createdBy: 'Marisol Tran-Ibarra' },
      state: 'Active',
      used: 'November 20, 2026',
      created: 'November 1, 2026 by Marisol Tran-Ibarra',
    },
    {
      overrides: { revokedAt: '2026-11-25T18:00:00Z', lastUsedAt: '2026-11-24T18:00:00Z' },
      state: 'Revoked November 25, 2026',
      used: 'November 24, 2026',
      created: 'November 1, 2026',
    },
  ])('$state, $used', ({ overrides, state, used, created }) => {
    const t = token(1, overrides);
    expect(tokenState(t, new Date('2026-12-01T18:00:00Z'), 'America/Los_Angeles')).toBe(state);
    expect(lastUsed(t, 'America/Los_Angeles')).toBe(used);
    expect(createdBy(t, 'America/Los_Angeles')).toBe(created);
  });
});

describe('tokenExpiry and tokenState, on the coalition calendar', () => {
  // 10:00 in California on January 10, 2027.
  const now = new Date('2027-01-10T18:00:00Z');
  test.each([
    { expiresAt: '2028-01-10T18:00:00Z', expiry: 'January 10, 2028 (in 365 days)', state: 'Active' },
    // 23:30 UTC is still January 10 in California.
    { expiresAt: '2027-01-10T23:30:00Z', expiry: 'January 10, 2027 (today)', state: 'Active' },
    { expiresAt: '2027-01-11T09:00:00Z', expiry: 'January 11, 2027 (tomorrow)', state: 'Active' },
    { expiresAt: '2027-01-10T18:00:00Z', expiry: 'Expired January 10, 2027', state: 'Expired' },
    { expiresAt: '2026-12-01T18:00:00Z', expiry: 'Expired December 1, 2026', state: 'Expired' },
  ])('$expiresAt: $expiry', ({ expiresAt, expiry, state }) => {
    const t = token(1, { expiresAt });
    expect(tokenExpiry(t, now, 'America/Los_Angeles')).toBe(expiry);
    expect(tokenState(t, now, 'America/Los_Angeles')).toBe(state);
  });

  test('a revoked token says so, whether or not it has also expired', () => {
    const t = token(1, { expiresAt: '2026-12-01T18:00:00Z', revokedAt: '2026-11-25T18:00:00Z' });
    expect(tokenState(t, now, 'America/Los_Angeles')).toBe('Revoked November 25, 2026');
  });
});

describe('apiExamples', () => {
  const examples = apiExamples({
    origin: 'https://scope.example.org',
    agencyCode: 'QUAILCREST',
    periodCode: '2026Q4',
  });

  test('use this agency and quarter, and the bearer header', () => {
    expect(examples.map((e) => e.id)).toEqual(['status', 'values', 'upload']);
    for (const example of examples) {
      expect(example.command).toContain('https://scope.example.org/api/submissions/QUAILCREST/2026Q4');
      expect(example.command).toContain('-H "Authorization: Bearer <token>"');
    }
  });

  test.each([
    {
      id: 'status',
      contains:
        'curl -H "Authorization: Bearer <token>" \\\n  https://scope.example.org/api/submissions/QUAILCREST/2026Q4',
    },
    {
      id: 'values',
      contains:
        '-d \'{"values": {"survivors_served": 12}}\' \\\n  https://scope.example.org/api/submissions/QUAILCREST/2026Q4/values',
    },
    {
      id: 'upload',
      contains: '"https://scope.example.org/api/submissions/QUAILCREST/2026Q4/upload?dryRun=true"',
    },
  ])('$id', ({ id, contains }) => {
    expect(examples.find((e) => e.id === id)?.command).toContain(contains);
  });

  test('never hold a real secret', () => {
    for (const example of examples) expect(example.command).not.toMatch(/Bearer (?!<token>)/);
  });
});

import { describe, expect, test } from 'vitest';
import { newPasswordProblem } from './NewPassword';
import { accessLabel, filterPeople, openInvitations, readFilters, roleInSentence } from './people';
import type { Invitation, Person } from './types';

const person = (id: number, overrides: Partial<Person>): Person => ({
  id,
  name: `Person ${id}`,
  email: `p${id}@test.example`,
  role: 'viewer',
  agency: null,
  active: true,
  twoFactor: false,
  lastSignInAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});
const river = { code: 'RIVER', name: 'River Street Advocates' };
const people = [
  person(1, { role: 'admin' }),
  person(2, { role: 'reporter', agency: river }),
  person(3, { role: 'reporter', agency: { code: 'HILLS', name: 'Hills Family Clinic' } }),
  person(4, {}),
];

describe('the people page’s filters', () => {
  test.each([
    ['nothing', '', [1, 2, 3, 4]],
    ['an agency, in any letter case', '?agency=river', [2]],
    ['a role', '?role=reporter', [2, 3]],
    ['both', '?agency=HILLS&role=reporter', [3]],
    ['an agency nobody is in', '?agency=GONE', []],
    ['a role Scope doesn’t have, ignored', '?role=owner', [1, 2, 3, 4]],
  ])('%s', (_, query, ids) => {
    const shown = filterPeople(people, readFilters(new URLSearchParams(query)));
    expect(shown.map((p) => p.id)).toEqual(ids);
  });
});

test('the invitations still waiting are the pending and expired ones', () => {
  const invitation = (id: number, state: Invitation['state']): Invitation => ({
    id,
    email: `i${id}@test.example`,
    role: 'viewer',
    agency: null,
    invitedBy: 'Dana',
    createdAt: '2027-01-01T00:00:00.000Z',
    expiresAt: '2027-01-08T00:00:00.000Z',
    state,
  });
  const all = [
    invitation(1, 'pending'),
    invitation(2, 'accepted'),
    invitation(3, 'expired'),
    invitation(4, 'withdrawn'),
  ];
  expect(openInvitations(all).map((i) => i.id)).toEqual([1, 3]);
});

test.each([
  ['reporter', river, 'Reporter, River Street Advocates', 'a reporter for River Street Advocates'],
  ['viewer', null, 'Viewer (commission workgroup)', 'a viewer (read-only, for the commission workgroup)'],
  ['admin', null, 'Admin', 'a coalition admin'],
] as const)('a %s is named in the coalition’s words', (role, agency, label, sentence) => {
  expect(accessLabel({ role, agency })).toBe(label);
  expect(roleInSentence(role, agency?.name ?? null)).toBe(sentence);
});

test.each([
  ['too short', 'short', 'short', 'Use at least 12 characters.'],
  [
    'typed differently',
    'lantern orchard pebble',
    'lantern orchard pebbles',
    'The two passwords are different.',
  ],
  ['fine', 'lantern orchard pebble', 'lantern orchard pebble', null],
])('a new password %s', (_, password, again, problem) => {
  const found = newPasswordProblem(password, again);
  if (problem === null) expect(found).toBeNull();
  else expect(found).toContain(problem);
});

import { Outlet, Route, Routes } from 'react-router';
import { describe, expect, test } from 'vitest';
import { renderCached, person as signedIn } from '../../testing';
import { authKeys } from '../auth/queries';
import { PeoplePage } from './PeoplePage';
import { peopleKeys } from './queries';
import type { PeopleResponse } from './types';

// Renders the page to HTML with the API's answers already in the cache, as it looks once loaded.

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

const admin = signedIn('admin');
const river = { code: 'RIVER', name: 'River Street Advocates' };

const answer: PeopleResponse = {
  people: [
    {
      id: 1,
      name: 'Dana',
      email: 'admin@scope.demo',
      role: 'admin',
      agency: null,
      active: true,
      twoFactor: true,
      lastSignInAt: '2027-01-09T17:00:00.000Z',
      createdAt: '2026-01-01T00:00:00.000Z',
    },
    {
      id: 3,
      name: 'Marisol',
      email: 'marisol@river.example',
      role: 'reporter',
      agency: river,
      active: true,
      twoFactor: false,
      lastSignInAt: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    },
    {
      id: 4,
      name: 'Omar',
      email: 'omar@hills.example',
      role: 'reporter',
      agency: { code: 'HILLS', name: 'Hills Family Clinic' },
      active: false,
      twoFactor: false,
      lastSignInAt: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    },
  ],
  invitations: [
    {
      id: 7,
      email: 'lucia@river.example',
      role: 'reporter',
      agency: river,
      invitedBy: 'Dana',
      createdAt: '2027-01-05T17:00:00.000Z',
      expiresAt: '2027-01-12T17:00:00.000Z',
      state: 'pending',
    },
    {
      id: 6,
      email: 'gone@river.example',
      role: 'viewer',
      agency: null,
      invitedBy: 'Dana',
      createdAt: '2027-01-01T17:00:00.000Z',
      expiresAt: '2027-01-08T17:00:00.000Z',
      state: 'withdrawn',
    },
  ],
  agencies: [river, { code: 'HILLS', name: 'Hills Family Clinic' }],
};

function render(path = '/people') {
  return renderCached(
    <Routes>
      <Route element={<Outlet context={admin} />}>
        <Route path="people" element={<PeoplePage />} />
      </Route>
    </Routes>,
    [
      [authKeys.me(), admin],
      [peopleKeys.list(), answer],
    ],
    path,
  );
}

describe('PeoplePage', () => {
  test('an invite form with a labelled email, role and agency, reporters first', () => {
    const html = render();
    expect(html).toContain('<label for="invite-email">Email address</label>');
    expect(html).toContain('<label for="invite-role">Role</label>');
    expect(html).toContain('<label for="invite-agency">Agency</label>');
    const text = textOf(html);
    expect(text).toContain('Reporter Viewer (commission workgroup) Admin');
    expect(text).toContain('a link that works once, for 7 days');
  });

  test('lists the invitations still waiting, each with named Send again and Withdraw buttons', () => {
    const text = textOf(render());
    expect(text).toContain('lucia@river.example Reporter, River Street Advocates Dana');
    expect(text).toContain('Send again to lucia@river.example');
    expect(text).toContain('Withdraw the invitation for lucia@river.example');
    expect(text).not.toContain('gone@river.example');
  });

  test('lists everyone in words, with a Manage button named for each person', () => {
    const text = textOf(render());
    expect(text).toContain('All 3 people, active first');
    expect(text).toMatch(/Dana admin@scope\.demo Admin Active Two-factor on Jan 9, 2027/);
    expect(text).toContain(
      'Marisol marisol@river.example Reporter, River Street Advocates Active Password only Never',
    );
    expect(text).toContain('Omar omar@hills.example Reporter, Hills Family Clinic Deactivated');
    expect(text).toContain('Manage Marisol');
  });

  test('?agency= shows one agency’s people, and the filter says so', () => {
    const html = render('/people?agency=river');
    const text = textOf(html);
    expect(text).toContain('1 of 3 people, active first');
    expect(text).toContain('Marisol');
    expect(text).not.toContain('Omar omar@hills.example');
    expect(html).toMatch(/<option value="RIVER" selected="">River Street Advocates<\/option>/);
  });

  test('?role= shows one role', () => {
    const text = textOf(render('/people?role=admin'));
    expect(text).toContain('1 of 3 people');
    expect(text).not.toContain('Marisol marisol@river.example');
  });
});

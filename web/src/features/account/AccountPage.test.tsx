import { Outlet, Route, Routes } from 'react-router';
import { describe, expect, test } from 'vitest';
import type { Me } from '../../api/types';
import { person, renderCached } from '../../testing';
import { authKeys } from '../auth/queries';
import { AccountPage } from './AccountPage';
import { accountKeys } from './queries';

// The account page rendered to HTML with the API's answers already in the cache.

const session = (id: string, current: boolean, browser: string) => ({
  id,
  startedAt: '2027-01-10T16:00:00.000Z',
  lastActiveAt: '2027-01-10T16:45:00.000Z',
  address: '203.0.113.7',
  browser,
  twoFactor: current,
  current,
});

function render(me: Me, twoFactor: object, sessions = [session('a1', true, 'Firefox on Linux')]) {
  return renderCached(
    <Routes>
      <Route element={<Outlet context={me} />}>
        <Route path="account" element={<AccountPage />} />
      </Route>
    </Routes>,
    [
      [authKeys.me(), me],
      [accountKeys.sessions(), { sessions }],
      [accountKeys.twoFactor(), twoFactor],
    ],
    '/account',
  );
}

const off = { enabled: false, enabledAt: null, recoveryCodesLeft: 0, requiredForYou: false };
const on = {
  enabled: true,
  enabledAt: '2027-01-02T18:00:00.000Z',
  recoveryCodesLeft: 7,
  requiredForYou: false,
};

describe('the account page', () => {
  test('says who the person is and states the password policy beside the new password', () => {
    const html = render(person('reporter'), off);
    expect(html).toContain('<h1>Your account</h1>');
    expect(html).toContain('reporter1@scope.demo');
    expect(html).toContain('Quailcrest Survivor Advocacy Center');
    expect(html).toContain('<p id="password-policy">Use at least 12 characters.');
    expect(html).toMatch(/<input id="new-password"[^>]*aria-describedby="password-policy"/);
  });

  test('with two-factor off, offers to set it up', () => {
    const html = render(person('viewer'), off);
    expect(html).toContain('Two-factor sign-in is <strong>off</strong>');
    expect(html).toContain('>Set up two-factor sign-in</button>');
  });

  test('with two-factor on, says how many recovery codes are left and offers new ones and turning it off', () => {
    const html = render(person('viewer'), on);
    expect(html).toContain('Two-factor sign-in is <strong>on</strong>');
    expect(html).toContain('<strong>7 recovery codes</strong>');
    expect(html).toContain('Get new recovery codes</h3>');
    expect(html).toContain('Turn off two-factor sign-in</h3>');
  });

  test('an admin the coalition requires it of is told it can’t be turned off, and offered no form', () => {
    const html = render(person('admin'), { ...on, requiredForYou: true });
    expect(html).toContain('so you can&#x27;t turn it off');
    expect(html).not.toContain('Turn off two-factor sign-in</h3>');
  });

  test('lists the sessions, marks this one, and offers to sign out each and everywhere else', () => {
    const html = render(person('admin'), off, [
      session('a1', true, 'Firefox on Linux'),
      session('b2', false, 'Safari on iPhone'),
    ]);
    expect(html).toContain('<caption id="sessions-caption">Your sessions, newest first</caption>');
    expect(html).toContain('Firefox on Linux<strong> (this one)</strong>');
    expect(html).toContain('Safari on iPhone');
    expect(html).toContain('Password only');
    expect(html.match(/>Sign out<span class="visually-hidden">/g)).toHaveLength(2);
    expect(html).toContain('>Sign out everywhere else</button>');
  });

  test('with only this session, says so instead of offering to sign out elsewhere', () => {
    const html = render(person('admin'), off);
    expect(html).toContain('You are signed in only here.');
    expect(html).not.toContain('Sign out everywhere else');
  });
});

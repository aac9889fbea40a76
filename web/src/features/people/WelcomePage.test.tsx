import { Route, Routes } from 'react-router';
import { describe, expect, test } from 'vitest';
import { renderCached } from '../../testing';
import { authKeys } from '../auth/queries';
import { accountLinkKeys } from './queries';
import { ResetPasswordPage } from './ResetPasswordPage';
import type { InvitationWelcome } from './types';
import { AccountReady, WelcomePage } from './WelcomePage';

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

const invitation: InvitationWelcome = {
  email: 'lucia@river.example',
  role: 'reporter',
  agency: { code: 'RIVER', name: 'River Street Advocates' },
  coalitionName: 'South Bay Coalition to End Human Trafficking',
  expiresAt: '2027-01-17T17:00:00.000Z',
};

const pages = (
  <Routes>
    <Route path="welcome/:token" element={<WelcomePage />} />
    <Route path="reset-password/:token" element={<ResetPasswordPage />} />
  </Routes>
);

describe('WelcomePage', () => {
  test('says who the invitation is for and asks for a name and a password, stating the policy', () => {
    const html = renderCached(
      pages,
      [
        [authKeys.me(), null],
        [accountLinkKeys.invitation('abc'), invitation],
      ],
      '/welcome/abc',
    );
    const text = textOf(html);
    expect(text).toContain(
      'You are invited to join South Bay Coalition to End Human Trafficking as a reporter for River Street Advocates , signing in as lucia@river.example',
    );
    expect(html).toContain('<label for="welcome-name">Your name</label>');
    expect(html).toContain('<label for="new-password">New password</label>');
    expect(html).toContain('<label for="new-password-again">Type it again</label>');
    expect(text).toContain('Use at least 12 characters.');
    expect(html).toMatch(/autocomplete="new-password"/i);
    expect(text).toContain('Make my account');
  });

  test('once made, the account leads to signing in', () => {
    const html = renderCached(<AccountReady email="lucia@river.example" />);
    expect(textOf(html)).toContain('Your account is ready Sign in with lucia@river.example');
    expect(html).toContain('href="/sign-in"');
  });
});

describe('ResetPasswordPage', () => {
  test('names the account and says every session ends', () => {
    const text = textOf(
      renderCached(
        pages,
        [
          [
            accountLinkKeys.reset('xyz'),
            { email: 'river@test.example', expiresAt: '2027-01-11T17:00:00.000Z' },
          ],
        ],
        '/reset-password/xyz',
      ),
    );
    expect(text).toContain('Choose a new password For river@test.example');
    expect(text).toContain('you are signed out everywhere');
    expect(text).toContain('Change my password');
  });
});

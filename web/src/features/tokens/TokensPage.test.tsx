import { Outlet, Route, Routes } from 'react-router';
import { describe, expect, test } from 'vitest';
import type { Me } from '../../api/types';
import { agencySubmissions, person, renderCached } from '../../testing';
import { authKeys } from '../auth/queries';
import { submissionKeys } from '../submissions/queries';
import { tokenKeys } from './queries';
import { TokensPage } from './TokensPage';
import type { TokenListResponse } from './types';

// Renders the page to HTML with the API's answers already in the cache, as it looks once loaded.

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

const reporter = person('reporter');
const admin = person('admin');
const viewer = person('viewer');

const tokens: TokenListResponse = {
  tokens: [
    {
      id: 1,
      name: 'Old export',
      nameId: 101,
      prefix: 'scp_9f3a',
      createdAt: '2026-01-10T18:00:00Z',
      createdBy: 'Marisol Tran-Ibarra',
      lastUsedAt: '2026-04-02T18:00:00Z',
      expiresAt: '2099-01-10T18:00:00Z',
      revokedAt: '2026-05-01T18:00:00Z',
    },
    {
      id: 3,
      name: 'Trial export',
      nameId: 103,
      prefix: 'scp_04de',
      createdAt: '2020-03-01T18:00:00Z',
      createdBy: 'Marisol Tran-Ibarra',
      lastUsedAt: null,
      expiresAt: '2020-03-31T18:00:00Z',
      revokedAt: null,
    },
    {
      id: 2,
      name: 'Case management export',
      nameId: 102,
      prefix: 'scp_71bc',
      createdAt: '2026-11-01T18:00:00Z',
      createdBy: null,
      lastUsedAt: null,
      expiresAt: '2099-11-01T18:00:00Z',
      revokedAt: null,
    },
  ],
};

function render(me: Me, path: string) {
  return renderCached(
    <Routes>
      <Route element={<Outlet context={me} />}>
        <Route path="agency/tokens" element={<TokensPage />} />
        <Route path="agencies/:agency/tokens" element={<TokensPage />} />
      </Route>
    </Routes>,
    [
      [authKeys.me(), me],
      [submissionKeys.byAgency('QUAILCREST'), agencySubmissions()],
      [tokenKeys.byAgency('QUAILCREST'), tokens],
    ],
    path,
  );
}

describe('TokensPage', () => {
  test("a reporter sees what a token is for, in their agency's name", () => {
    const text = textOf(render(reporter, '/agency/tokens'));
    expect(text).toContain('API access Quailcrest Survivor Advocacy Center');
    expect(text).toContain('it can send them to Scope directly');
    expect(text).toContain('that only works for Quailcrest Survivor Advocacy Center');
  });

  test('a labelled form to create a token, with an example name', () => {
    const html = render(reporter, '/agency/tokens');
    expect(html).toContain('<label for="token-name">Token name</label>');
    expect(textOf(html)).toContain('for example “Case management export”');
    expect(html).toMatch(/aria-describedby="token-name-hint"/);
    expect(textOf(html)).toContain('Create token');
  });

  test('lists tokens active first, never a secret, with a Revoke button named for each active one', () => {
    const html = render(reporter, '/agency/tokens');
    const text = textOf(html);
    expect(text.indexOf('Case management export scp_71bc…')).toBeLessThan(
      text.indexOf('Old export scp_9f3a…'),
    );
    expect(text).toMatch(
      /Never used November 1, 2099 \(in \d+ days\) Active Revoke “Case management export”/,
    );
    expect(text).toMatch(
      /Old export scp_9f3a… January 10, 2026 by Marisol Tran-Ibarra April \S+, 2026 January 10, 2099 \(in \d+ days\) Revoked May \S+, 2026/,
    );
    expect(html.match(/>Revoke</g)).toHaveLength(1);
    expect(html).toContain('<caption id="tokens-caption">');
  });

  test('says when each token expires, and an expired one can no longer be revoked', () => {
    const html = render(reporter, '/agency/tokens');
    const text = textOf(html);
    expect(html).toContain('<th scope="col">Expires</th>');
    expect(text).toMatch(
      /Trial export scp_04de… March 1, 2020 by Marisol Tran-Ibarra Never used Expired March 31, 2020 Expired(?! Revoke)/,
    );
  });

  test('a reporter chooses how long a new token works: a year unless they pick less', () => {
    const html = render(reporter, '/agency/tokens');
    expect(html).toContain('<label for="token-lifetime">Works for</label>');
    expect(textOf(html)).toContain('30 days 90 days 1 year');
    expect(html).toMatch(/<option value="365" selected="">1 year<\/option>/);
  });

  test('examples use the agency and the open quarter, and link the API reference', () => {
    const html = render(reporter, '/agency/tokens');
    const text = textOf(html);
    expect(text).toContain('/api/submissions/QUAILCREST/2026Q4/values');
    expect(text).toContain('-H "Authorization: Bearer <token>"');
    expect(html).toContain('href="/api/docs"');
  });

  test("an admin can open any agency's tokens by its address, to see and revoke them but not create one", () => {
    const text = textOf(render(admin, '/agencies/QUAILCREST/tokens'));
    expect(text).toContain('Quailcrest Survivor Advocacy Center');
    expect(text).toContain("Only Quailcrest Survivor Advocacy Center's own reporters can create its tokens");
    expect(text).not.toContain('Create a token');
    expect(text).toContain('Revoke “Case management export”');
  });

  test.each([
    { name: 'a viewer', me: viewer, path: '/agency/tokens' },
    { name: "a reporter, for another agency's address", me: reporter, path: '/agencies/TRESROBLES/tokens' },
  ])('$name gets a calm explanation instead', ({ me, path }) => {
    const text = textOf(render(me, path));
    expect(text).toContain("This page is for an agency's reporters and for coalition admins.");
    expect(text).not.toContain('Create a token');
  });
});

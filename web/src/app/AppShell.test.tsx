import { Outlet, Route, Routes } from 'react-router';
import { describe, expect, test } from 'vitest';
import { AdminOnly } from '../App';
import type { Me } from '../api/types';
import { authKeys } from '../features/auth/queries';
import { coalitionKeys } from '../features/coalition/queries';
import { submissionKeys } from '../features/submissions/queries';
import { agencyQuarter, agencySubmissions, person, renderCached } from '../testing';
import { AppShell } from './AppShell';

// Renders the shell around a stand-in page, for each role, and reads the main navigation's markup.

function render(me: Me, path: string, withQuarters = true, agencyQuarters = agencySubmissions()) {
  return renderCached(
    <Routes>
      <Route element={<AppShell />}>
        <Route element={<Outlet context={me} />}>
          <Route element={<AdminOnly />}>
            <Route path="review" element={<p>The review page</p>} />
            <Route path="releases" element={<p>The releases page</p>} />
          </Route>
          <Route path="*" element={<p>A page</p>} />
        </Route>
      </Route>
    </Routes>,
    [
      [authKeys.me(), me],
      ...(withQuarters ? [[submissionKeys.byAgency('QUAILCREST'), agencyQuarters] as const] : []),
    ],
    path,
  );
}

/** The links in the main navigation as `label → href`, with `(current)` on the current page. */
function navLinks(html: string): string[] {
  const nav = html.slice(html.indexOf('<nav aria-label="Main">'), html.indexOf('</nav>'));
  return [...nav.matchAll(/<a([^>]*)>([^<]*)<\/a>/g)].map(([, attributes = '', label]) => {
    const href = /href="([^"]*)"/.exec(attributes)?.[1];
    const current = attributes.includes('aria-current="page"') ? ' (current)' : '';
    return `${label?.replace('&#x27;', "'")} → ${href}${current}`;
  });
}

describe('main navigation', () => {
  test.each<{ role: Me['role']; path: string; expected: string[] }>([
    {
      role: 'admin',
      path: '/review',
      expected: [
        'Home → /',
        'Dashboard → /dashboard',
        'Grant reports → /reports',
        'Review → /review (current)',
        'Completeness → /completeness',
        'Releases → /releases',
        'Audit log → /audit',
        'Agencies → /agencies',
        'People → /people',
        'Settings → /settings',
        'API docs → /api/docs',
      ],
    },
    {
      role: 'admin',
      path: '/',
      expected: [
        'Home → / (current)',
        'Dashboard → /dashboard',
        'Grant reports → /reports',
        'Review → /review',
        'Completeness → /completeness',
        'Releases → /releases',
        'Audit log → /audit',
        'Agencies → /agencies',
        'People → /people',
        'Settings → /settings',
        'API docs → /api/docs',
      ],
    },
    {
      role: 'admin',
      path: '/releases',
      expected: [
        'Home → /',
        'Dashboard → /dashboard',
        'Grant reports → /reports',
        'Review → /review',
        'Completeness → /completeness',
        'Releases → /releases (current)',
        'Audit log → /audit',
        'Agencies → /agencies',
        'People → /people',
        'Settings → /settings',
        'API docs → /api/docs',
      ],
    },
    {
      role: 'reporter',
      path: '/report/QUAILCREST/2026Q4',
      expected: [
        'Home → /',
        'Dashboard → /dashboard',
        'Grant reports → /reports',
        "This quarter's report → /report/QUAILCREST/2026Q4 (current)",
        'API access → /agency/tokens',
      ],
    },
    {
      role: 'reporter',
      path: '/agency/tokens',
      expected: [
        'Home → /',
        'Dashboard → /dashboard',
        'Grant reports → /reports',
        "This quarter's report → /report/QUAILCREST/2026Q4",
        'API access → /agency/tokens (current)',
      ],
    },
    {
      role: 'viewer',
      path: '/',
      expected: ['Home → / (current)', 'Dashboard → /dashboard', 'Grant reports → /reports'],
    },
    {
      role: 'viewer',
      path: '/dashboard/trends?period=2026Q2',
      expected: ['Home → /', 'Dashboard → /dashboard (current)', 'Grant reports → /reports'],
    },
  ])('$role on $path', ({ role, path, expected }) => {
    expect(navLinks(render(person(role), path))).toEqual(expected);
  });

  test('the report link leads to a returned report before the quarter that is due next', () => {
    const returned = agencyQuarter({ period: '2026Q3', deadline: '2026-10-30', status: 'returned' });
    const links = navLinks(
      render(person('reporter'), '/', true, agencySubmissions([agencyQuarter(), returned])),
    );
    expect(links).toContain("This quarter's report → /report/QUAILCREST/2026Q3");
  });

  test("before the agency's quarters load, the report link leads home without claiming to be current", () => {
    expect(navLinks(render(person('reporter'), '/', false))).toEqual([
      'Home → / (current)',
      'Dashboard → /dashboard',
      'Grant reports → /reports',
      "This quarter's report → /",
      'API access → /agency/tokens',
    ]);
  });
});

test('signed out, the header leads to the public figures and to signing in', () => {
  const html = renderCached(
    <Routes>
      <Route element={<AppShell />}>
        <Route path="*" element={<p>A page</p>} />
      </Route>
    </Routes>,
    [[authKeys.me(), null]],
    '/public',
  );
  expect(navLinks(html)).toEqual(['Public figures → /public (current)', 'Sign in → /sign-in']);
});

describe('AdminOnly', () => {
  test('lets an admin through', () => {
    const html = render(person('admin'), '/review');
    expect(html).toContain('The review page');
  });

  test.each([
    { role: 'reporter' as const, path: '/review', page: 'The review page' },
    { role: 'viewer' as const, path: '/review', page: 'The review page' },
    { role: 'reporter' as const, path: '/releases', page: 'The releases page' },
    { role: 'viewer' as const, path: '/releases', page: 'The releases page' },
  ])('shows a $role a calm explanation instead of $path', ({ role, path, page }) => {
    const html = render(person(role), path);
    expect(html).toContain('<h1>This page is for coalition admins</h1>');
    expect(html).not.toContain(page);
  });
});

describe('the coalition’s name', () => {
  const page = (coalition?: {
    name: string | null;
    shortName: string | null;
    counties: string[];
    states: string[];
  }) =>
    renderCached(
      <Routes>
        <Route element={<AppShell />}>
          <Route path="*" element={<p>A page</p>} />
        </Route>
      </Routes>,
      [[authKeys.me(), null], ...(coalition ? [[coalitionKeys.all, coalition] as const] : [])],
      '/public',
    );

  test('heads every page and signs the footer with the counties it serves', () => {
    const html = page({
      name: 'Bay Coalition Against Trafficking',
      shortName: 'Bay Coalition',
      counties: ['San Benito County', 'Santa Clara County'],
      states: ['California'],
    });
    expect(html).toContain('<span class="brand__coalition">Bay Coalition Against Trafficking</span>');
    expect(html).toContain(
      'Bay Coalition Against Trafficking · San Benito and Santa Clara counties, California',
    );
  });

  test('is Scope alone while it loads, and before the coalition is set up', () => {
    for (const html of [page(), page({ name: null, shortName: null, counties: [], states: [] })]) {
      expect(html).toContain('<span class="brand__product">Scope</span>');
      expect(html).not.toContain('brand__coalition');
      expect(html).not.toContain('South Bay');
    }
  });
});

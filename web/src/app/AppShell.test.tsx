import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter, Outlet, Route, Routes } from 'react-router';
import { describe, expect, test } from 'vitest';
import { AdminOnly } from '../App';
import type { AgencySubmissionsResponse, Me } from '../api/types';
import { authKeys } from '../features/auth/queries';
import { submissionKeys } from '../features/submissions/queries';
import { AppShell } from './AppShell';

// Renders the shell around a stand-in page, for each role, and reads the main navigation's markup.

const agency = {
  code: 'QUAILCREST',
  name: 'Quailcrest Survivor Advocacy Center',
  type: 'victim_services' as const,
};
const people: Record<Me['role'], Me> = {
  admin: {
    id: 1,
    email: 'admin@scope.demo',
    name: 'Dana',
    role: 'admin',
    agency: null,
    timeZone: 'America/Los_Angeles',
  },
  reporter: {
    id: 3,
    email: 'reporter1@scope.demo',
    name: 'Marisol',
    role: 'reporter',
    agency,
    timeZone: 'America/Los_Angeles',
  },
  viewer: {
    id: 2,
    email: 'viewer@scope.demo',
    name: 'Rafael',
    role: 'viewer',
    agency: null,
    timeZone: 'America/Los_Angeles',
  },
};

const quarters: AgencySubmissionsResponse = {
  agency,
  quarters: [
    {
      period: '2026Q4',
      startDate: '2026-10-01',
      endDate: '2026-12-31',
      deadline: '2027-01-30',
      open: true,
      opensOn: '2027-01-01',
      openedEarly: false,
      status: 'draft',
      late: false,
      submittedAt: null,
      revision: 0,
      returnComment: null,
    },
  ],
};

function render(me: Me, path: string, withQuarters = true, agencyQuarters = quarters) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(authKeys.me(), me);
  if (withQuarters) client.setQueryData(submissionKeys.byAgency('QUAILCREST'), agencyQuarters);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[path]}>
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
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
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
        'Review → /review (current)',
        'Completeness → /completeness',
        'Releases → /releases',
        'API docs → /api/docs',
      ],
    },
    {
      role: 'admin',
      path: '/',
      expected: [
        'Home → / (current)',
        'Dashboard → /dashboard',
        'Review → /review',
        'Completeness → /completeness',
        'Releases → /releases',
        'API docs → /api/docs',
      ],
    },
    {
      role: 'admin',
      path: '/releases',
      expected: [
        'Home → /',
        'Dashboard → /dashboard',
        'Review → /review',
        'Completeness → /completeness',
        'Releases → /releases (current)',
        'API docs → /api/docs',
      ],
    },
    {
      role: 'reporter',
      path: '/report/QUAILCREST/2026Q4',
      expected: [
        'Home → /',
        'Dashboard → /dashboard',
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
        "This quarter's report → /report/QUAILCREST/2026Q4",
        'API access → /agency/tokens (current)',
      ],
    },
    { role: 'viewer', path: '/', expected: ['Home → / (current)', 'Dashboard → /dashboard'] },
    {
      role: 'viewer',
      path: '/dashboard/trends?period=2026Q2',
      expected: ['Home → /', 'Dashboard → /dashboard (current)'],
    },
  ])('$role on $path', ({ role, path, expected }) => {
    expect(navLinks(render(people[role], path))).toEqual(expected);
  });

  test('the report link leads to a returned report before the quarter that is due next', () => {
    const returned = {
      ...(quarters.quarters[0] as AgencySubmissionsResponse['quarters'][number]),
      period: '2026Q3',
      deadline: '2026-10-30',
      status: 'returned' as const,
    };
    const links = navLinks(
      render(people.reporter, '/', true, { ...quarters, quarters: [...quarters.quarters, returned] }),
    );
    expect(links).toContain("This quarter's report → /report/QUAILCREST/2026Q3");
  });

  test("before the agency's quarters load, the report link leads home without claiming to be current", () => {
    expect(navLinks(render(people.reporter, '/', false))).toEqual([
      'Home → / (current)',
      'Dashboard → /dashboard',
      "This quarter's report → /",
      'API access → /agency/tokens',
    ]);
  });
});

test('signed out, the header leads to the public figures and to signing in', () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(authKeys.me(), null);
  const html = renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/public']}>
        <Routes>
          <Route element={<AppShell />}>
            <Route path="*" element={<p>A page</p>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  expect(navLinks(html)).toEqual(['Public figures → /public (current)', 'Sign in → /sign-in']);
});

describe('AdminOnly', () => {
  test('lets an admin through', () => {
    const html = render(people.admin, '/review');
    expect(html).toContain('The review page');
  });

  test.each([
    { role: 'reporter' as const, path: '/review', page: 'The review page' },
    { role: 'viewer' as const, path: '/review', page: 'The review page' },
    { role: 'reporter' as const, path: '/releases', page: 'The releases page' },
    { role: 'viewer' as const, path: '/releases', page: 'The releases page' },
  ])('shows a $role a calm explanation instead of $path', ({ role, path, page }) => {
    const html = render(people[role], path);
    expect(html).toContain('<h1>This page is for coalition admins</h1>');
    expect(html).not.toContain(page);
  });
});

/**
 * Fixtures for web tests: the people the API says are signed in, an agency's quarters, and rendering
 * to HTML with the API's answers already cached, the way a page looks once its requests have
 * answered. The environment is node (no DOM), so tests read the markup.
 *
 * Each call builds fresh objects and a fresh `QueryClient`, so no test can leave anything behind for
 * another; a test says only what matters to it through `overrides`.
 */
import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import type { AgencyQuarter, AgencySubmissionsResponse, Me } from './api/types';

/** Quailcrest, the agency the tests' reporter works for. */
export function testAgency(): NonNullable<Me['agency']> {
  return { code: 'QUAILCREST', name: 'Quailcrest Survivor Advocacy Center', type: 'victim_services' };
}

/** Someone signed in, as `GET /api/auth/me` describes them: Dana the admin, Marisol at Quailcrest, Rafael the viewer. */
export function person(role: Me['role'], overrides: Partial<Me> = {}): Me {
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
      agency: testAgency(),
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
  return { ...people[role], ...overrides };
}

const dates = {
  '2026Q2': { startDate: '2026-04-01', endDate: '2026-06-30', deadline: '2026-07-30', opensOn: '2026-07-01' },
  '2026Q3': { startDate: '2026-07-01', endDate: '2026-09-30', deadline: '2026-10-30', opensOn: '2026-10-01' },
  '2026Q4': { startDate: '2026-10-01', endDate: '2026-12-31', deadline: '2027-01-30', opensOn: '2027-01-01' },
} as const;

/** A quarter's first and last days, its deadline and the day it opens for entry (the day after it ends). */
export function quarterDates(code: keyof typeof dates) {
  return { ...dates[code] };
}

/** One of an agency's quarters: 2026Q4, open for entry, with a draft saved. */
export function agencyQuarter(overrides: Partial<AgencyQuarter> = {}): AgencyQuarter {
  return {
    period: '2026Q4',
    ...quarterDates('2026Q4'),
    open: true,
    openedEarly: false,
    status: 'draft',
    late: false,
    submittedAt: null,
    revision: 0,
    returnComment: null,
    ...overrides,
  };
}

/** An agency's quarters as `GET /api/agencies/:agency/submissions` answers: Quailcrest's 2026Q4 draft unless told. */
export function agencySubmissions(
  quarters: AgencyQuarter[] = [agencyQuarter()],
  agency = testAgency(),
): AgencySubmissionsResponse {
  return { agency, quarters };
}

/** The API's answers already in the cache, each under its query key. */
export type Cached = ReadonlyArray<readonly [QueryKey, unknown]>;

/** A client of the test's own: no retries, and the answers cached here never go stale. */
export function testQueryClient(cached: Cached = []): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  for (const [key, data] of cached) client.setQueryData(key, data);
  return client;
}

/** `ui` rendered to HTML at `path` in the router, with these answers cached in a fresh client. */
export function renderCached(ui: ReactNode, cached: Cached = [], path = '/'): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={testQueryClient(cached)}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}

import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  agencySubmissionsQuery,
  completenessKeys,
  completenessSummaryQuery,
  periodKeys,
  periodsQuery,
  submissionKeys,
} from './queries';

describe('query keys', () => {
  // Invalidating a parent key must reach every child, so each child key starts with its parent.
  test.each([
    { parent: submissionKeys.all, child: submissionKeys.byAgency('ASH') },
    { parent: completenessKeys.all, child: completenessKeys.summary(4) },
    { parent: periodKeys.all, child: periodKeys.list() },
  ])('$child sits under $parent', ({ parent, child }) => {
    expect(child.slice(0, parent.length)).toEqual([...parent]);
  });

  test.each([
    { a: submissionKeys.byAgency('ASH'), b: submissionKeys.byAgency('LAC') },
    { a: completenessKeys.summary(4), b: completenessKeys.summary(8) },
  ])('$a and $b are cached separately', ({ a, b }) => {
    expect(a).not.toEqual(b);
  });
});

describe('query functions call the agreed endpoints', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function stubFetch(body: unknown) {
    const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => Response.json(body));
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  }

  test.each([
    {
      name: "an agency's submissions, with its code escaped",
      options: () => agencySubmissionsQuery('A/B 1'),
      path: '/api/agencies/A%2FB%201/submissions',
    },
    {
      name: 'the completeness summary for four quarters',
      options: () => completenessSummaryQuery(4),
      path: '/api/completeness/summary?quarters=4',
    },
    { name: 'the reporting periods', options: () => periodsQuery(), path: '/api/periods' },
  ])('$name', async ({ options, path }) => {
    const body = { marker: path };
    const fetchMock = stubFetch(body);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // The union of option types is too wide for fetchQuery's overloads; each member is valid on its own.
    const data = await queryClient.fetchQuery(options() as ReturnType<typeof periodsQuery>);
    expect(fetchMock.mock.calls[0]?.[0]).toBe(path);
    expect(data).toEqual(body);
  });
});

import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { completenessKeys } from '../home/queries';
import type { CompletenessFilters } from './filters';
import { completenessMatrixKeys, completenessMatrixQuery } from './queries';

describe('completenessMatrixKeys', () => {
  const filters: CompletenessFilters = { county: 'SCL', type: 'education', quarters: 8 };

  test('every matrix sits under completeness, so invalidating completeness refreshes it', () => {
    const key = completenessMatrixKeys.matrix(filters);
    expect(key.slice(0, completenessKeys.all.length)).toEqual([...completenessKeys.all]);
    expect(key.slice(0, completenessMatrixKeys.matrices().length)).toEqual([
      ...completenessMatrixKeys.matrices(),
    ]);
  });

  test.each<CompletenessFilters>([
    { county: 'SBN', type: 'education', quarters: 8 },
    { county: 'SCL', type: null, quarters: 8 },
    { county: 'SCL', type: 'education', quarters: 4 },
  ])('a different filter is cached separately: %o', (other) => {
    expect(completenessMatrixKeys.matrix(other)).not.toEqual(completenessMatrixKeys.matrix(filters));
  });
});

describe('completenessMatrixQuery', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test.each<{ filters: CompletenessFilters; path: string }>([
    { filters: { county: null, type: null, quarters: 8 }, path: '/api/completeness?quarters=8' },
    {
      filters: { county: 'SBN', type: 'shelter_housing', quarters: 4 },
      path: '/api/completeness?county=SBN&type=shelter_housing&quarters=4',
    },
  ])('asks for $path', async ({ filters, path }) => {
    const body = { periods: [], counties: [], agencies: [] };
    const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => Response.json(body));
    vi.stubGlobal('fetch', fetchMock);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await expect(client.fetchQuery(completenessMatrixQuery(filters))).resolves.toEqual(body);
    expect(fetchMock.mock.calls[0]?.[0]).toBe(path);
  });
});

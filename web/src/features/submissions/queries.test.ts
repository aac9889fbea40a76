import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  catalogKeys,
  catalogVersionQuery,
  diffQuery,
  revisionsQuery,
  submissionDetailQuery,
  submissionKeys,
  submissionListQuery,
  submissionPath,
} from './queries';

function startsWith(key: readonly unknown[], prefix: readonly unknown[]) {
  return prefix.every((part, index) => key[index] === part);
}

describe('submissionKeys', () => {
  test.each([
    { parent: submissionKeys.all, child: submissionKeys.byAgency('ASH') },
    { parent: submissionKeys.byAgency('ASH'), child: submissionKeys.detail('ASH', '2026Q4') },
    { parent: submissionKeys.detail('ASH', '2026Q4'), child: submissionKeys.revisions('ASH', '2026Q4') },
    {
      parent: submissionKeys.detail('ASH', '2026Q4'),
      child: submissionKeys.diff('ASH', '2026Q4', 1, 'draft'),
    },
    { parent: submissionKeys.all, child: submissionKeys.list('2026Q4') },
    { parent: submissionKeys.lists(), child: submissionKeys.list('2026Q4') },
  ])('$child sits under $parent', ({ parent, child }) => {
    expect(startsWith(child, parent)).toBe(true);
  });

  test.each([
    { a: submissionKeys.detail('ASH', '2026Q4'), b: submissionKeys.detail('ASH', '2026Q3') },
    { a: submissionKeys.detail('ASH', '2026Q4'), b: submissionKeys.byAgency('LAC') },
    { a: submissionKeys.list('2026Q4'), b: submissionKeys.byAgency('ASH') },
    { a: submissionKeys.diff('ASH', '2026Q4', 1, 2), b: submissionKeys.diff('ASH', '2026Q4', 1, 'draft') },
  ])('$a and $b do not overlap', ({ a, b }) => {
    expect(startsWith(a, b) || startsWith(b, a)).toBe(false);
  });

  test('the detail query uses the detail key, so invalidating the agency refreshes it', () => {
    expect(submissionDetailQuery('ASH', '2026Q4').queryKey).toEqual(submissionKeys.detail('ASH', '2026Q4'));
    expect(revisionsQuery('ASH', '2026Q4').queryKey).toEqual(submissionKeys.revisions('ASH', '2026Q4'));
    expect(submissionListQuery('2026Q4').queryKey).toEqual(submissionKeys.list('2026Q4'));
    expect(catalogVersionQuery(3).queryKey).toEqual(catalogKeys.version(3));
  });

  test('catalog versions never go stale', () => {
    expect(catalogVersionQuery(1).staleTime).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('query functions call the contract paths', () => {
  afterEach(() => vi.unstubAllGlobals());

  test.each([
    { name: 'detail', options: submissionDetailQuery('ASH', '2026Q4'), path: '/api/submissions/ASH/2026Q4' },
    {
      name: 'revisions',
      options: revisionsQuery('ASH', '2026Q4'),
      path: '/api/submissions/ASH/2026Q4/revisions',
    },
    {
      name: 'diff against the draft',
      options: diffQuery('ASH', '2026Q4', 1, 'draft'),
      path: '/api/submissions/ASH/2026Q4/diff?from=1&to=draft',
    },
    { name: 'list', options: submissionListQuery('2026Q4'), path: '/api/submissions?period=2026Q4' },
    { name: 'catalog', options: catalogVersionQuery(2), path: '/api/catalog/2' },
  ])('$name → $path', async ({ options, path }) => {
    const fetchMock = vi.fn(async () => Response.json({}));
    vi.stubGlobal('fetch', fetchMock);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // biome-ignore lint/suspicious/noExplicitAny: each factory has its own data type; only the request matters here
    await client.fetchQuery(options as any);
    expect(fetchMock).toHaveBeenCalledWith(path, expect.objectContaining({ credentials: 'same-origin' }));
  });

  test('submissionPath escapes both parts', () => {
    expect(submissionPath('A/B', '2026Q4')).toBe('/api/submissions/A%2FB/2026Q4');
  });
});

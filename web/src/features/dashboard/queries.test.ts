import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { statsKeys, statsSeriesQuery, statsTableQuery, statsTablesQuery } from './queries';
import { type SeriesRequest, seriesPath, type TableRequest, tablePath } from './requests';

const quarter: TableRequest = { table: 'survivors_served.gender', period: '2026Q2', geo: 'SCL' };
const quarters: SeriesRequest = { table: 'survivors_served.gender', geo: 'SCL', interval: 'quarter' };

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) =>
  prefix.every((part, index) => key[index] === part);

describe('statsKeys', () => {
  test("a period's table is keyed by table, then period, geography and audience", () => {
    expect(statsKeys.period(quarter)).toEqual([
      'stats',
      'survivors_served.gender',
      { period: '2026Q2', geo: 'SCL', audience: undefined },
    ]);
    expect(statsKeys.period({ ...quarter, audience: 'public' })).toEqual([
      'stats',
      'survivors_served.gender',
      { period: '2026Q2', geo: 'SCL', audience: 'public' },
    ]);
  });

  // Invalidating a parent key must reach every child, so each child key starts with its parent.
  test.each([
    { parent: statsKeys.all, child: statsKeys.tableList('public') },
    { parent: statsKeys.tableLists(), child: statsKeys.tableList() },
    { parent: statsKeys.all, child: statsKeys.period(quarter) },
    { parent: statsKeys.table(quarter.table), child: statsKeys.period(quarter) },
    { parent: statsKeys.table(quarters.table), child: statsKeys.series(quarters) },
  ])('$child sits under $parent', ({ parent, child }) => {
    expect(startsWith(child, parent)).toBe(true);
  });

  test.each([
    { a: statsKeys.period(quarter), b: statsKeys.period({ ...quarter, period: '2026Q1' }) },
    { a: statsKeys.period(quarter), b: statsKeys.period({ ...quarter, geo: 'coalition' }) },
    { a: statsKeys.period(quarter), b: statsKeys.period({ ...quarter, audience: 'public' }) },
    { a: statsKeys.series(quarters), b: statsKeys.series({ ...quarters, interval: 'year' }) },
    { a: statsKeys.tableList(), b: statsKeys.tableList('public') },
    { a: statsKeys.table('survivors_served.gender'), b: statsKeys.table('survivors_served.county') },
  ])('$a and $b are cached separately', ({ a, b }) => {
    const client = new QueryClient();
    client.setQueryData(a, 'a');
    client.setQueryData(b, 'b');
    expect(client.getQueryData(a)).toBe('a');
    expect(client.getQueryData(b)).toBe('b');
  });
});

describe('stats queries call the paths the overview lists', () => {
  afterEach(() => vi.unstubAllGlobals());

  test.each([
    { name: 'tables', options: statsTablesQuery(), path: '/api/stats/tables' },
    { name: 'public tables', options: statsTablesQuery('public'), path: '/api/stats/tables?audience=public' },
    { name: 'a period', options: statsTableQuery(quarter), path: tablePath(quarter) },
    {
      name: 'a public period',
      options: statsTableQuery({ ...quarter, geo: 'coalition', audience: 'public' }),
      path: '/api/stats/survivors_served.gender?period=2026Q2&geo=coalition&audience=public',
    },
    { name: 'a series', options: statsSeriesQuery(quarters), path: seriesPath(quarters) },
  ])('$name → $path', async ({ options, path }) => {
    const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => Response.json({}));
    vi.stubGlobal('fetch', fetchMock);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // The union of option types is too wide for fetchQuery's overloads; each member is valid on its own.
    await client.fetchQuery(options as ReturnType<typeof statsTablesQuery>);
    expect(fetchMock.mock.calls[0]?.[0]).toBe(path);
  });

  test('a table code is escaped in the path', () => {
    expect(tablePath({ ...quarter, table: 'a/b' })).toBe('/api/stats/a%2Fb?period=2026Q2&geo=SCL');
  });
});

import { afterEach, expect, test, vi } from 'vitest';
import { attachmentName, csvFileName, downloadCellsCsv } from './download';

afterEach(() => vi.unstubAllGlobals());

test.each([
  { audience: 'public' as const, path: '/api/releases/12/cells?audience=public' },
  { audience: 'coalition' as const, path: '/api/releases/12/cells?audience=coalition' },
])(
  "$audience cells are asked for as CSV at $path, and a refusal is the server's error",
  async ({ audience, path }) => {
    const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) =>
      Response.json({ error: { code: 'not-found', message: 'There is no release 12.' } }, { status: 404 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const release = { id: 12, period: '2026Q3', sequence: 2, provisional: false };
    await expect(downloadCellsCsv(release, audience)).rejects.toMatchObject({
      name: 'ApiError',
      status: 404,
      code: 'not-found',
      message: 'There is no release 12.',
    });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(path);
    expect(new Headers(init?.headers).get('Accept')).toBe('text/csv');
    expect(init?.credentials).toBe('same-origin');
    expect(csvFileName(release, audience)).toBe(`scope-release-2026Q3-2-${audience}.csv`);
    expect(csvFileName({ ...release, provisional: true }, audience)).toBe(
      `scope-release-2026Q3-2-provisional-${audience}.csv`,
    );
  },
);

test.each([
  {
    disposition: 'attachment; filename="scope-release-2026Q3-1-public.csv"',
    expected: 'scope-release-2026Q3-1-public.csv',
  },
  { disposition: 'attachment; filename=cells.csv', expected: 'cells.csv' },
  { disposition: null, expected: 'fallback.csv' },
  { disposition: 'attachment', expected: 'fallback.csv' },
  { disposition: 'attachment; filename="../../etc/passwd"', expected: 'fallback.csv' },
])('attachmentName($disposition)', ({ disposition, expected }) => {
  expect(attachmentName(disposition, 'fallback.csv')).toBe(expected);
});

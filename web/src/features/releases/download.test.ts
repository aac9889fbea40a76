import { expect, test } from 'vitest';
import { attachmentName, cellsPath, csvFileName } from './download';

test.each([
  { audience: 'public' as const, path: '/api/releases/12/cells?audience=public' },
  { audience: 'coalition' as const, path: '/api/releases/12/cells?audience=coalition' },
])('$audience cells', ({ audience, path }) => {
  expect(cellsPath(12, audience)).toBe(path);
  expect(csvFileName({ period: '2026Q3', sequence: 2 }, audience)).toBe(
    `scope-release-2026Q3-2-${audience}.csv`,
  );
});

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

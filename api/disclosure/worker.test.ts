import { expect, test } from 'vitest';
import { PolicyError, protect } from './protect';
import { twoWay } from './testTables';
import { protectInWorker } from './worker';

const table = twoWay('t', [
  [{ A: 1, B: 6 }, 7, 2, { A: 3, B: 9 }],
  [4, { A: 2, B: 2 }, 12, 3],
  [6, 0, { A: 5, B: 3 }, 2],
]);
const input = {
  cells: table.cells,
  relations: table.relations,
  audience: 'coalition',
  threshold: 5,
} as const;
const withoutTime = ({ seconds: _, ...stats }: { seconds: number }) => stats;

test('protection in the worker thread gives the same pattern and reports its progress', async () => {
  const here = await protect(input);
  const progress: Array<[number, number]> = [];
  const there = await protectInWorker({
    ...input,
    onProgress: (done, total) => void progress.push([done, total]),
  });
  expect(there.status).toBe('passed');
  expect(there.cells).toEqual(here.cells);
  expect(withoutTime(there.stats)).toEqual(withoutTime(here.stats));
  expect(there.cells.some((c) => c.suppressed)).toBe(true);
  expect(progress.length).toBeGreaterThan(0);
  expect(progress.at(-1)?.[0]).toBe(progress.at(-1)?.[1]);
});

test('a policy the worker refuses comes back as a policy error', async () => {
  await expect(protectInWorker({ ...input, threshold: 2 })).rejects.toBeInstanceOf(PolicyError);
  // The worker survives a refusal: the next release is protected.
  expect((await protectInWorker(input)).status).toBe('passed');
});

test('releases protected at the same time each get their own result', async () => {
  const [coalition, publicFigures] = await Promise.all([
    protectInWorker(input),
    protectInWorker({ ...input, audience: 'public', threshold: 11 }),
  ]);
  expect(coalition.audience).toBe('coalition');
  expect(publicFigures.audience).toBe('public');
  expect(publicFigures.stats.hidden).toBeGreaterThan(coalition.stats.hidden);
});

import { expect, test } from 'vitest';
import { releaseTimeout } from '../testTimeouts';
import { auditRegion } from './audit';
import { loadHighs, PolicyError, protect } from './protect';
import { regionThread } from './regionThreads';
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

test('protection in the worker thread gives the same pattern and reports its progress', {
  timeout: releaseTimeout,
}, async () => {
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

test('a policy the worker refuses comes back as a policy error', { timeout: releaseTimeout }, async () => {
  await expect(protectInWorker({ ...input, threshold: 2 })).rejects.toBeInstanceOf(PolicyError);
  // The worker survives a refusal: the next release is protected.
  expect((await protectInWorker(input)).status).toBe('passed');
});

test('releases protected at the same time each get their own result', {
  timeout: releaseTimeout,
}, async () => {
  const [coalition, publicFigures] = await Promise.all([
    protectInWorker(input),
    protectInWorker({ ...input, audience: 'public', threshold: 11 }),
  ]);
  expect(coalition.audience).toBe('coalition');
  expect(publicFigures.audience).toBe('public');
  expect(publicFigures.stats.hidden).toBeGreaterThan(coalition.stats.hidden);
});

test('a region audited on the second thread gives the findings it gives here', {
  timeout: releaseTimeout,
}, async () => {
  const highs = await loadHighs();
  const cells = table.cells;
  const index = new Map(cells.map((c, i) => [c.id, i]));
  const at = (id: string) => index.get(id) as number;
  const rows = table.relations.flatMap((r) =>
    r.kind === 'sum'
      ? [
          {
            members: [
              { cell: at(r.total), coefficient: 1 },
              ...r.parts.map((p) => ({ cell: at(p), coefficient: -1 })),
            ],
            lower: 0,
            upper: 0,
          },
        ]
      : [],
  );
  // The small cells hidden and nothing else, so some can be narrowed down: as an outsider and as agency A.
  const small = cells.flatMap((c, i) => (c.value > 0 && c.value < 5 ? [i] : []));
  const jobs = [
    { cells: small, rows, views: [{ insider: null, targets: small }] },
    { cells: small, rows, views: [{ insider: 'A', targets: small }] },
  ];
  let lps = 0;
  const here = jobs.map((job) => auditRegion({ highs, cells, threshold: 5, countLp: () => lps++ }, job));
  expect(here.flat().length).toBeGreaterThan(0);
  const thread = regionThread(cells, 5);
  expect(thread).toBeDefined();
  try {
    const there = await thread?.solve(jobs);
    expect(there?.findings).toEqual(here);
    expect(there?.lps).toBe(lps);
  } finally {
    await thread?.close();
  }
  await expect(thread?.solve(jobs)).rejects.toThrow('closed');
});

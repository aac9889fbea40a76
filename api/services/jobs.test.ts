import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { type Db, openDatabase } from '../db';
import { defineJobKind, JobBusyError, type JobContext } from './jobs';

// A kind of job like the report rendering to come: each keeps its state in a row of its own table.
let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  db.exec(`CREATE TABLE renders (id INTEGER PRIMARY KEY, status TEXT NOT NULL, reason TEXT)`);
});
afterEach(() => db.close());

const renders = defineJobKind<number>({
  name: 'report rendering',
  recordFailure: (db, id, error) =>
    db
      .prepare(`UPDATE renders SET status = 'failed', reason = ? WHERE id = ?`)
      .run(`Rendering stopped: ${(error as Error).message}`, id),
  failInterrupted: (db) => {
    const ids = db.prepare(`SELECT id FROM renders WHERE status = 'rendering'`).pluck().all() as number[];
    db.prepare(
      `UPDATE renders SET status = 'failed', reason = 'The server stopped.' WHERE status = 'rendering'`,
    ).run();
    return ids;
  },
});

function startRender(id: number, work: (job: JobContext) => Promise<void>) {
  db.prepare(`INSERT INTO renders (id, status) VALUES (?, 'rendering')`).run(id);
  renders.start(db, id, async (job) => {
    await work(job);
    db.prepare(`UPDATE renders SET status = 'rendered' WHERE id = ?`).run(id);
  });
}
const statusOf = (id: number) =>
  db.prepare('SELECT status, reason FROM renders WHERE id = ?').get(id) as { status: string; reason: string };

/** A promise the test resolves when it wants the job to go on. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

test('a job starts after the request that started it has answered, and its progress can be read as it goes', async () => {
  const pages = gate();
  const seen: string[] = [];
  startRender(1, async (job) => {
    seen.push('work');
    job.report({ stage: 'drawing pages', done: 0, total: 3 });
    await pages.opened;
    job.report({ done: 2 });
    await job.yieldToEventLoop();
    job.report({ stage: 'saving' });
  });
  seen.push('answered');
  expect(renders.progress(db, 1)).toEqual({ stage: 'waiting', done: 0, total: 0 });
  await new Promise((resolve) => setImmediate(resolve));
  expect(seen).toEqual(['answered', 'work']);
  expect(renders.running(db)).toEqual({ id: 1, progress: { stage: 'drawing pages', done: 0, total: 3 } });
  // Readers get a copy: changing it changes nothing.
  const copy = renders.progress(db, 1);
  if (copy) copy.done = 99;
  expect(renders.progress(db, 1)).toEqual({ stage: 'drawing pages', done: 0, total: 3 });
  expect(renders.progress(db, 2)).toBeUndefined();

  pages.open();
  expect(await renders.settled(db, 1)).toEqual({ status: 'finished' });
  expect(statusOf(1).status).toBe('rendered');
  expect(renders.running(db)).toBeUndefined();
  expect(renders.progress(db, 1)).toBeUndefined();
  expect(await renders.settled(db, 1)).toBeUndefined();
});

test('one job of a kind at a time per database; the next may start once it has ended', async () => {
  const first = gate();
  startRender(1, () => first.opened);
  expect(() => renders.start(db, 2, async () => {})).toThrow(JobBusyError);
  expect(() => renders.start(db, 2, async () => {})).toThrow(
    'A report rendering job (1) is already running.',
  );

  // Another database, or another kind, is not held up.
  const other = openDatabase(':memory:');
  const exports = defineJobKind<string>({
    name: 'export',
    recordFailure: () => {},
    failInterrupted: () => [],
  });
  try {
    renders.start(other, 7, async () => {});
    exports.start(db, 'csv', async () => {});
    expect(await renders.settled(other, 7)).toEqual({ status: 'finished' });
    expect(await exports.settled(db, 'csv')).toEqual({ status: 'finished' });
  } finally {
    other.close();
  }

  first.open();
  await renders.settled(db, 1);
  startRender(2, async () => {});
  expect(await renders.settled(db, 2)).toEqual({ status: 'finished' });
  expect(statusOf(2).status).toBe('rendered');
});

test('a job whose work throws is recorded as failed by its kind, and frees its place', async () => {
  startRender(1, async (job) => {
    job.report({ stage: 'drawing pages' });
    await job.yieldToEventLoop();
    throw new Error('the chart had no data');
  });
  const outcome = await renders.settled(db, 1);
  expect(outcome).toMatchObject({ status: 'failed', error: new Error('the chart had no data') });
  expect(statusOf(1)).toEqual({ status: 'failed', reason: 'Rendering stopped: the chart had no data' });
  expect(renders.running(db)).toBeUndefined();
  startRender(2, async () => {});
  expect(await renders.settled(db, 2)).toEqual({ status: 'finished' });
});

test('a failure that cannot even be recorded is logged, and the job still ends', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    startRender(1, async () => {
      db.exec('DROP TABLE renders');
      throw new Error('the disk is full');
    });
    expect(await renders.settled(db, 1)).toMatchObject({ status: 'failed' });
    expect(logged).toHaveBeenCalledWith(
      'report rendering 1 could not be recorded as failed:',
      expect.any(Error),
    );
    expect(renders.running(db)).toBeUndefined();
  } finally {
    logged.mockRestore();
  }
});

test('settlement is awaited by everyone waiting, in the order the work ends', async () => {
  const pages = gate();
  const events: string[] = [];
  startRender(1, async () => {
    await pages.opened;
    events.push('rendered');
  });
  const waiting = [renders.settled(db, 1), renders.settled(db, 1)].map((p) =>
    p.then((outcome) => events.push(`settled: ${outcome?.status}`)),
  );
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(events).toEqual([]);
  pages.open();
  await Promise.all(waiting);
  expect(events).toEqual(['rendered', 'settled: finished', 'settled: finished']);
});

test('jobs a stopped process left unfinished are failed at start-up, but never a job running here', async () => {
  db.prepare(`INSERT INTO renders (id, status) VALUES (1, 'rendering'), (2, 'rendered')`).run();
  expect(renders.failInterrupted(db)).toEqual([1]);
  expect(statusOf(1)).toEqual({ status: 'failed', reason: 'The server stopped.' });

  const live = gate();
  startRender(3, () => live.opened);
  expect(() => renders.failInterrupted(db)).toThrow(JobBusyError);
  expect(statusOf(3).status).toBe('rendering');
  live.open();
  await renders.settled(db, 3);
  expect(statusOf(3).status).toBe('rendered');
});

/**
 * Background jobs: work too long for a request (computing a release; rendering a report next). The
 * request that starts one answers at once; the work runs after it, one job of a kind at a time per
 * database, saying how far it has got. What a job is, where its outcome is stored and how its
 * failure is worded belong to its kind's own module: the runner knows none of them. No HTTP here.
 */
import type { Db } from '../db';

/** How far a job has got: what it is doing, and of how many steps of that it has done. */
export type JobProgress = { stage: string; done: number; total: number };

/** How a job ended: its work returned, or threw (and the kind recorded the failure). */
export type JobOutcome = { status: 'finished' } | { status: 'failed'; error: unknown };

/** What a job's work is given. */
export type JobContext = {
  /** Updates the progress readers see; what is left out keeps its value. */
  report(progress: Partial<JobProgress>): void;
  /** Lets waiting requests be answered before the work goes on. */
  yieldToEventLoop(): Promise<void>;
};

/** Thrown by `start` while a job of the kind runs for that database. */
export class JobBusyError extends Error {
  constructor(
    readonly kind: string,
    readonly running: string | number,
  ) {
    super(`A ${kind} job (${running}) is already running.`);
  }
}

/** One kind of background job (releases, reports), each job known by the id of what it makes. */
export type JobKind<Id extends string | number> = {
  readonly name: string;
  /**
   * Runs `work` after the current request has answered. Throws `JobBusyError` if a job of this kind
   * runs for this database; check `running` first to refuse in the caller's own words.
   */
  start(db: Db, id: Id, work: (job: JobContext) => Promise<void>): void;
  /** The job of this kind running for this database, if any, with a copy of its progress. */
  running(db: Db): { id: Id; progress: JobProgress } | undefined;
  /** A copy of this job's progress while it runs in this process; undefined otherwise. */
  progress(db: Db, id: Id): JobProgress | undefined;
  /** Waits for this job to end, if it runs in this process; undefined if it does not (or no longer). */
  settled(db: Db, id: Id): Promise<JobOutcome | undefined>;
  /**
   * Marks the jobs a stopped process left unfinished as failed, and returns their ids: call at
   * start-up. Refused while a job of this kind runs here, since it would fail a live one.
   */
  failInterrupted(db: Db): Id[];
};

type Running<Id> = { id: Id; progress: JobProgress; outcome: Promise<JobOutcome> };

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Defines a kind of background job. Its module says how a failure is stored, so that nothing of a
 * failed job is served, and how to find the jobs a stopped process left behind (they can never end).
 */
export function defineJobKind<Id extends string | number>(kind: {
  /** What the kind is called in messages ("release"). */
  name: string;
  /** Stores that the job failed with an error its work did not handle. */
  recordFailure: (db: Db, id: Id, error: unknown) => void;
  /** Marks the jobs left unfinished by a stopped process as failed; returns their ids. */
  failInterrupted: (db: Db) => Id[];
}): JobKind<Id> {
  // Per database, so tests with their own databases don't wait on each other.
  const jobs = new WeakMap<Db, Running<Id>>();

  async function run(db: Db, job: Running<Id>, work: (job: JobContext) => Promise<void>) {
    // Let the request that started the job answer first.
    await yieldToEventLoop();
    const context: JobContext = {
      report: (progress) => Object.assign(job.progress, progress),
      yieldToEventLoop,
    };
    try {
      await work(context);
      return { status: 'finished' } as const;
    } catch (error) {
      try {
        kind.recordFailure(db, job.id, error);
      } catch (unrecorded) {
        // Only if even recording the failure failed (the database was closed under it, say).
        console.error(`${kind.name} ${job.id} could not be recorded as failed:`, unrecorded);
      }
      return { status: 'failed', error } as const;
    } finally {
      jobs.delete(db);
    }
  }

  return {
    name: kind.name,
    start(db, id, work) {
      const busy = jobs.get(db);
      if (busy) throw new JobBusyError(kind.name, busy.id);
      const job: Running<Id> = {
        id,
        progress: { stage: 'waiting', done: 0, total: 0 },
        outcome: Promise.resolve({ status: 'finished' }),
      };
      jobs.set(db, job);
      job.outcome = run(db, job, work);
    },
    running(db) {
      const job = jobs.get(db);
      return job && { id: job.id, progress: { ...job.progress } };
    },
    progress(db, id) {
      const job = jobs.get(db);
      return job?.id === id ? { ...job.progress } : undefined;
    },
    async settled(db, id) {
      const job = jobs.get(db);
      return job?.id === id ? await job.outcome : undefined;
    },
    failInterrupted(db) {
      const busy = jobs.get(db);
      if (busy) throw new JobBusyError(kind.name, busy.id);
      return kind.failInterrupted(db);
    },
  };
}

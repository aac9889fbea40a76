/**
 * Protection off the API's thread. A statewide release keeps the LP solver busy for minutes; run in
 * the server's own thread it would stop every other request for that long. One worker thread, started
 * on first use and kept for the next release (the solver loads once), runs `protect()` itself and
 * reports progress back as messages. It holds the process open only while it has work.
 */
import type { Worker } from 'node:worker_threads';
import { PolicyError, type ProtectInput } from './protect';
import type { ProtectionResult } from './types';
import { startTypeScriptWorker } from './typescriptWorker';

/** What the worker is sent: the input without its progress callback (which stays here). */
export type WorkerRequest = { id: number; input: Omit<ProtectInput, 'onProgress'> };
export type WorkerMessage =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'result'; result: ProtectionResult }
  | { id: number; kind: 'error'; message: string; policy: boolean };

type Pending = {
  resolve: (result: ProtectionResult) => void;
  reject: (error: Error) => void;
  onProgress: ProtectInput['onProgress'];
};

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function protectionWorker(): Worker {
  if (worker) return worker;
  const started = startTypeScriptWorker(
    new URL('./workerThread.ts', import.meta.url),
    'disclosure protection',
  );
  started.unref();
  started.on('message', (message: WorkerMessage) => {
    const job = pending.get(message.id);
    if (!job) return;
    if (message.kind === 'progress') {
      void job.onProgress?.(message.done, message.total);
      return;
    }
    settle(message.id);
    if (message.kind === 'result') job.resolve(message.result);
    else job.reject(message.policy ? new PolicyError(message.message) : new Error(message.message));
  });
  // A crashed worker fails every job it held (the releases fail closed); the next job starts a new one.
  const abandon = (error: Error) => {
    if (worker === started) worker = undefined;
    for (const [id, job] of pending) {
      settle(id);
      job.reject(error);
    }
  };
  started.on('error', abandon);
  started.on('exit', (code) => abandon(new Error(`the protection worker stopped (exit code ${code})`)));
  worker = started;
  return started;
}

function settle(id: number) {
  pending.delete(id);
  if (pending.size === 0) worker?.unref();
}

/** `protect()`, in the worker thread: the same result, without blocking this thread. */
export function protectInWorker(input: ProtectInput): Promise<ProtectionResult> {
  const { onProgress, ...rest } = input;
  const id = nextId++;
  const thread = protectionWorker();
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    thread.ref();
    thread.postMessage({ id, input: rest } satisfies WorkerRequest);
  });
}

/**
 * Protection off the API's thread. A statewide release keeps the LP solver busy for minutes; run in
 * the server's own thread it would stop every other request for that long. One worker thread, started
 * on first use and kept for the next release (the solver loads once), runs `protect()` itself and
 * reports progress back as messages. It holds the process open only while it has work.
 */
import type { Worker } from 'node:worker_threads';
import { PolicyError, type ProtectInput } from './protect';
import type { ProtectionResult } from './types';
import { startTypeScriptWorker, WaitingRequests } from './typescriptWorker';

/** What the worker is sent: the input without its progress callback (which stays here). */
export type WorkerRequest = { id: number; input: Omit<ProtectInput, 'onProgress'> };
export type WorkerMessage =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'result'; result: ProtectionResult }
  | { id: number; kind: 'error'; message: string; policy: boolean };

let worker: Worker | undefined;
const pending = new WaitingRequests<ProtectionResult, ProtectInput['onProgress']>();

function protectionWorker(): Worker {
  if (worker) return worker;
  const started = startTypeScriptWorker(
    new URL('./workerThread.ts', import.meta.url),
    'disclosure protection',
  );
  started.unref();
  started.on('message', (message: WorkerMessage) => {
    if (message.kind === 'progress') {
      void pending.extra(message.id)?.(message.done, message.total);
      return;
    }
    if (message.kind === 'result') pending.resolve(message.id, message.result);
    else
      pending.reject(
        message.id,
        message.policy ? new PolicyError(message.message) : new Error(message.message),
      );
    if (pending.size === 0) worker?.unref();
  });
  // A crashed worker fails every job it held (the releases fail closed); the next job starts a new one.
  const abandon = (error: Error) => {
    if (worker === started) worker = undefined;
    pending.rejectAll(error);
  };
  started.on('error', abandon);
  started.on('exit', (code) => abandon(new Error(`the protection worker stopped (exit code ${code})`)));
  worker = started;
  return started;
}

/** `protect()`, in the worker thread: the same result, without blocking this thread. */
export function protectInWorker(input: ProtectInput): Promise<ProtectionResult> {
  const { onProgress, ...rest } = input;
  const thread = protectionWorker();
  const { id, settled } = pending.add(onProgress);
  thread.ref();
  thread.postMessage({ id, input: rest } satisfies WorkerRequest);
  return settled;
}

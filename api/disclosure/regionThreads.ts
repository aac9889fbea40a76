/**
 * A second thread for a large component's regions. Regions are independent (each is its own model),
 * so while this thread audits half of a round's regions, the other thread audits the rest: on a
 * machine with two cores the statewide benchmark's release took two-thirds as long (552 s → 367 s).
 * The thread gets the cube's cells once, then batches of regions; it answers with each region's
 * findings.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { RegionJob, RegionSolver } from './audit';
import type { AuditFinding, CubeCell } from './types';
import { startTypeScriptWorker, WaitingRequests } from './typescriptWorker';

export type RegionRequest =
  | { kind: 'cells'; cells: readonly CubeCell[]; threshold: number }
  | { kind: 'regions'; id: number; jobs: RegionJob[] };
export type RegionReply =
  | { kind: 'regions'; id: number; findings: AuditFinding[][]; lps: number }
  | { kind: 'error'; id: number; message: string };

export type RegionThread = { solve: RegionSolver; close: () => Promise<void> };

/**
 * Starts the thread on first use (a release with no large component never starts it). None on a
 * machine with one core: there is nothing to gain.
 */
export function regionThread(cells: readonly CubeCell[], threshold: number): RegionThread | undefined {
  if (availableParallelism() < 2) return undefined;
  let worker: Worker | undefined;
  let failure: Error | undefined;
  const waiting = new WaitingRequests<{ findings: AuditFinding[][]; lps: number }>();
  const fail = (error: Error) => {
    failure = error;
    waiting.rejectAll(error);
  };
  const started = () => {
    if (worker) return worker;
    worker = startTypeScriptWorker(new URL('./regionThread.ts', import.meta.url), 'disclosure regions');
    worker.on('message', (reply: RegionReply) => {
      if (reply.kind === 'regions') waiting.resolve(reply.id, { findings: reply.findings, lps: reply.lps });
      else waiting.reject(reply.id, new Error(reply.message));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the region thread stopped (exit code ${code})`)));
    worker.postMessage({ kind: 'cells', cells, threshold } satisfies RegionRequest);
    return worker;
  };
  return {
    solve: (jobs) => {
      if (failure) return Promise.reject(failure);
      const { id, settled } = waiting.add(undefined);
      started().postMessage({ kind: 'regions', id, jobs } satisfies RegionRequest);
      return settled;
    },
    close: async () => {
      const running = worker;
      worker = undefined;
      failure = new Error('the region thread was closed');
      if (running) {
        running.removeAllListeners('exit');
        await running.terminate();
      }
    },
  };
}

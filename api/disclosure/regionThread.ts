/** The region thread's side (see `regionThreads.ts`): audits the regions it is sent, in turn. */
import { parentPort } from 'node:worker_threads';
import { auditRegion } from './audit';
import { loadHighs } from './protect';
import type { RegionReply, RegionRequest } from './regionThreads';
import type { CubeCell } from './types';
import { answerInTurn, messageOf } from './typescriptWorker';

const port = parentPort;
if (!port) throw new Error('regionThread.ts runs only as a worker thread');

let cube: { cells: readonly CubeCell[]; threshold: number } | undefined;
const audit = answerInTurn<Extract<RegionRequest, { kind: 'regions' }>>(
  async ({ id, jobs }): Promise<RegionReply> => {
    if (!cube) throw new Error('regions arrived before the cells');
    const highs = await loadHighs();
    let lps = 0;
    const context = { highs, ...cube, countLp: () => lps++ };
    const findings = jobs.map((job) => auditRegion(context, job));
    return { kind: 'regions', id, findings, lps };
  },
  (id, error): RegionReply => ({ kind: 'error', id, message: messageOf(error) }),
  (reply) => port.postMessage(reply),
);
port.on('message', (request: RegionRequest) => {
  if (request.kind === 'cells') cube = { cells: request.cells, threshold: request.threshold };
  else audit(request);
});

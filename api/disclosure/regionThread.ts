/** The region thread's side (see `regionThreads.ts`): audits the regions it is sent, in turn. */
import { parentPort } from 'node:worker_threads';
import { auditRegion } from './audit';
import { loadHighs } from './protect';
import type { RegionReply, RegionRequest } from './regionThreads';
import type { CubeCell } from './types';

const port = parentPort;
if (!port) throw new Error('regionThread.ts runs only as a worker thread');
const send = (reply: RegionReply) => port.postMessage(reply);

let cube: { cells: readonly CubeCell[]; threshold: number } | undefined;
let queue = Promise.resolve();
port.on('message', (request: RegionRequest) => {
  if (request.kind === 'cells') {
    cube = { cells: request.cells, threshold: request.threshold };
    return;
  }
  queue = queue.then(async () => {
    try {
      if (!cube) throw new Error('regions arrived before the cells');
      const highs = await loadHighs();
      let lps = 0;
      const context = { highs, ...cube, countLp: () => lps++ };
      const findings = request.jobs.map((job) => auditRegion(context, job));
      send({ kind: 'regions', id: request.id, findings, lps });
    } catch (error) {
      send({
        kind: 'error',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  });
});

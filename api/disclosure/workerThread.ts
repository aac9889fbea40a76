/** The protection worker thread's side (see `worker.ts`): one `protect()` per request, in turn. */
import { parentPort } from 'node:worker_threads';
import { PolicyError, protect } from './protect';
import type { WorkerMessage, WorkerRequest } from './worker';

const port = parentPort;
if (!port) throw new Error('workerThread.ts runs only as a worker thread');
const send = (message: WorkerMessage) => port.postMessage(message);

let queue = Promise.resolve();
port.on('message', ({ id, input }: WorkerRequest) => {
  queue = queue.then(async () => {
    try {
      const result = await protect({
        ...input,
        onProgress: (done, total) => send({ id, kind: 'progress', done, total }),
      });
      send({ id, kind: 'result', result });
    } catch (error) {
      send({
        id,
        kind: 'error',
        message: error instanceof Error ? error.message : String(error),
        policy: error instanceof PolicyError,
      });
    }
  });
});

/** The protection worker thread's side (see `worker.ts`): one `protect()` per request, in turn. */
import { parentPort } from 'node:worker_threads';
import { PolicyError, protect } from './protect';
import { answerInTurn, messageOf } from './typescriptWorker';
import type { WorkerMessage, WorkerRequest } from './worker';

const port = parentPort;
if (!port) throw new Error('workerThread.ts runs only as a worker thread');
const send = (message: WorkerMessage) => port.postMessage(message);

port.on(
  'message',
  answerInTurn<WorkerRequest>(
    async ({ id, input }): Promise<WorkerMessage> => ({
      id,
      kind: 'result',
      result: await protect({
        ...input,
        onProgress: (done, total) => send({ id, kind: 'progress', done, total }),
      }),
    }),
    (id, error): WorkerMessage => ({
      id,
      kind: 'error',
      message: messageOf(error),
      policy: error instanceof PolicyError,
    }),
    (reply) => port.postMessage(reply),
  ),
);

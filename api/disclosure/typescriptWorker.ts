/**
 * Worker threads for the disclosure engine, whose code is TypeScript like the rest of the server, and
 * the bookkeeping both of its threads share: requests numbered on the way out, each settled by the
 * reply carrying its number; the thread's side answers them one at a time.
 */
import { Worker } from 'node:worker_threads';

/** Starts a worker thread at a TypeScript entry: it registers the loader the server runs under, then imports it. */
export function startTypeScriptWorker(entry: URL, name: string): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`,
    { eval: true, name },
  );
}

/** Requests waiting for a thread's replies. `P` is what a waiting request keeps besides its promise. */
export class WaitingRequests<T, P = undefined> {
  private readonly waiting = new Map<
    number,
    { resolve: (value: T) => void; reject: (error: Error) => void; extra: P }
  >();
  private nextId = 1;

  /** A new request's number and the promise its reply settles. */
  add(extra: P): { id: number; settled: Promise<T> } {
    const id = this.nextId++;
    const settled = new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve, reject, extra }));
    return { id, settled };
  }

  /** What a waiting request keeps (its progress callback, say); undefined once it is settled. */
  extra(id: number): P | undefined {
    return this.waiting.get(id)?.extra;
  }

  resolve(id: number, value: T) {
    this.waiting.get(id)?.resolve(value);
    this.waiting.delete(id);
  }

  reject(id: number, error: Error) {
    this.waiting.get(id)?.reject(error);
    this.waiting.delete(id);
  }

  /** The thread stopped: every request it held fails (nothing it was computing is published). */
  rejectAll(error: Error) {
    for (const id of [...this.waiting.keys()]) this.reject(id, error);
  }

  get size() {
    return this.waiting.size;
  }
}

/**
 * The thread's side: each request handled in turn (one solver, one model at a time); a request that
 * throws is answered with the error's message.
 */
export function answerInTurn<R extends { id: number }>(
  handle: (request: R) => Promise<unknown>,
  failed: (id: number, error: unknown) => unknown,
  send: (reply: unknown) => void,
): (request: R) => void {
  let queue = Promise.resolve();
  return (request) => {
    queue = queue.then(async () => {
      try {
        send(await handle(request));
      } catch (error) {
        send(failed(request.id, error));
      }
    });
  };
}

/** An error's message, for a reply. */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

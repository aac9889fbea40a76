/** Worker threads for the disclosure engine, whose code is TypeScript like the rest of the server. */
import { Worker } from 'node:worker_threads';

/** Starts a worker thread at a TypeScript entry: it registers the loader the server runs under, then imports it. */
export function startTypeScriptWorker(entry: URL, name: string): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`,
    { eval: true, name },
  );
}

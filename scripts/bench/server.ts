/** Starts Scope's real server in a child process over a given database, for the HTTP benchmarks. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A port nobody is listening on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export type RunningServer = { url: string; stop: () => Promise<void> };

/**
 * Runs `api/server.ts` in production mode (no demo seeding), with any further settings given, and
 * waits until it answers.
 */
export async function startServer(
  databasePath: string,
  sessionSecret: string,
  settings: Record<string, string> = {},
): Promise<RunningServer> {
  const port = await freePort();
  // Node itself with tsx's loader, not npx: a signal to the child then reaches the server directly.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      SCOPE_DB: databasePath,
      NODE_ENV: 'production',
      SCOPE_SESSION_SECRET: sessionSecret,
      ...settings,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('the server did not start within a minute');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Starts Scope's own server (`api/server.ts`) over a database and a chosen web folder in a child process. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sessionCookieName } from '../../api/auth/session';
import { projectRoot } from '../../api/config';
import { freePort, type RunningServer } from './server';

export type WebServerOptions = {
  databasePath: string;
  sessionSecret: string;
  /** Served for every non-API path, as `web/dist` is by the real server; needs an index.html. */
  webDistDir: string;
  /** 'production' (default) never seeds; 'development' creates and publishes the demo in an empty database. */
  nodeEnv?: 'production' | 'development';
  /** How long the first start may take (seeding and publishing the demo takes a while). */
  startSeconds?: number;
};

/** Runs the app in a child process and waits until `/api/health` answers. */
export async function startWebServer(options: WebServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('../../api/server.ts', import.meta.url))],
    {
      cwd: projectRoot,
      env: {
        ...process.env,
        PORT: String(port),
        SCOPE_DB: options.databasePath,
        NODE_ENV: options.nodeEnv ?? 'production',
        SCOPE_SESSION_SECRET: options.sessionSecret,
        SCOPE_WEB_DIST: options.webDistDir,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startSeconds ?? 60) * 1000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (exited) throw new Error('the server stopped before it answered');
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`the server did not answer within ${options.startSeconds ?? 60} s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Signs in through the API and returns the session cookie (`name=value`) for later requests. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';', 1)[0] as string)
    .find((c) => c.startsWith(`${sessionCookieName}=`));
  if (!response.ok || !cookie) throw new Error(`signing in as ${email} failed (${response.status})`);
  return cookie;
}

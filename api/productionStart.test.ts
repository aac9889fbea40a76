/**
 * A production first start as a coalition does it: the real server on an empty database prints a
 * set-up link, the link sets the coalition up over real HTTP, and a restart prints none and writes no
 * demo data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { projectRoot } from './config';
import { openDatabase } from './db';

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

type RunningServer = {
  output: () => string;
  waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>;
  stop: () => Promise<void>;
};

/** Starts `tsx api/server.ts` with this environment, collecting what it prints. */
function startServer(env: Record<string, string>): RunningServer {
  const child: ChildProcess = spawn(join(projectRoot, 'node_modules/.bin/tsx'), ['api/server.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiting = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of waiting) check();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    output: () => output,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = output.match(pattern);
          if (match) {
            waiting.delete(check);
            resolve(match);
          } else if (child.exitCode !== null) {
            waiting.delete(check);
            reject(new Error(`the server stopped before printing ${pattern}:\n${output}`));
          }
        };
        waiting.add(check);
        child.once('exit', check);
        check();
      }),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

test('a production first start prints a set-up link that works once; once set up, a restart prints none', {
  timeout: 120_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scope-production-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    NODE_ENV: 'production',
    SCOPE_DB: join(dir, 'scope.db'),
    PORT: String(port),
    SCOPE_SESSION_SECRET: 'a production secret of at least thirty-two characters',
    SCOPE_WEB_DIST: join(dir, 'no-web-app'),
  };
  const headers = { Origin: origin, 'Content-Type': 'application/json' };
  let server = startServer(env);
  try {
    const setupLink = /http:\/\/localhost:\d+\/setup\/([A-Za-z0-9_-]+)/;
    const [, first] = await server.waitFor(setupLink);
    await server.waitFor(/Scope is running/);
    expect(server.output()).toContain('within 24 hours');
    expect(server.output()).not.toContain('demo');

    // Started again before anyone set it up: a new link, and the first stops working.
    await server.stop();
    server = startServer(env);
    const [, token] = await server.waitFor(setupLink);
    await server.waitFor(/Scope is running/);
    expect(token).not.toBe(first);
    expect(await (await fetch(`${origin}/api/setup/${first}`)).json()).toMatchObject({
      usable: false,
      reason: 'revoked',
    });

    const link = await (await fetch(`${origin}/api/setup/${token}`)).json();
    expect(link).toMatchObject({ usable: true, email: null });
    const setup = {
      coalitionName: 'Sierra Foothills Anti-Trafficking Network',
      shortName: 'SFATN',
      counties: ['06017', '06061'],
      timeZone: 'America/Los_Angeles',
      deadlineDays: 30,
      firstPeriod: link.form.defaults.firstPeriod,
      adminTwoFactor: 'optional',
      adminName: 'Dana Whitfield',
      adminEmail: 'dana@sfatn.example',
      password: 'granite meadow lantern seventy',
    };
    const done = await fetch(`${origin}/api/setup/${token}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(setup),
    });
    expect(done.status).toBe(201);

    const signIn = await fetch(`${origin}/api/auth/login`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: setup.adminEmail, password: setup.password }),
    });
    expect(signIn.status).toBe(200);
    expect((await signIn.json()).user).toMatchObject({ name: 'Dana Whitfield', role: 'admin' });

    const again = await fetch(`${origin}/api/setup/${token}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(setup),
    });
    expect(again.status).toBe(410);
    expect((await again.json()).error.code).toBe('link-used');

    await server.stop();
    server = startServer(env);
    await server.waitFor(/Scope is running/);
    expect(server.output()).not.toContain('/setup/');
    await server.stop();

    const db = openDatabase(env.SCOPE_DB);
    try {
      const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
      expect(count('users')).toBe(1);
      expect(db.prepare('SELECT level, code, fips FROM org_units ORDER BY id').all()).toEqual([
        { level: 'coalition', code: 'SFATN', fips: null },
        { level: 'county', code: 'EDO', fips: '06017' },
        { level: 'county', code: 'PLA', fips: '06061' },
      ]);
      expect(count('submissions')).toBe(0);
      expect(count('releases')).toBe(0);
      expect(db.prepare('SELECT code FROM reporting_periods').pluck().all()).toEqual([setup.firstPeriod]);
    } finally {
      db.close();
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

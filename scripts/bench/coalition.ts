/**
 * Running a coalition, through Scope's real server: the admin pages' reads (agencies, people,
 * settings, completeness and the reminders list) for the demo coalition and a statewide one, each
 * beside `GET /api/me` measured in the same run; and a sign-in with a second step (TOTP) beside a
 * password-only one.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '../../api/db';
import { writeDemoCoalition } from '../../api/demo/seed';
import { formatRatio, median, printTable } from './measure';
import { startServer } from './server';
import { writeStatewideCoalition } from './statewide';

type Size = { name: string; write: (path: string) => { password: string } };

async function timedGet(url: string, cookie: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(url, { headers: { Cookie: cookie } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - start;
}

export async function runCoalitionBenchmark(options: { agencies: number; counties: number; rounds: number }) {
  const sizes: Size[] = [
    {
      name: 'demo',
      write: (path) => {
        const db = openDatabase(path);
        migrate(db);
        const demo = writeDemoCoalition(db);
        db.close();
        return demo;
      },
    },
    {
      name: `statewide (${options.agencies} agencies)`,
      write: (path) => {
        const db = openDatabase(path);
        migrate(db);
        const demo = writeStatewideCoalition(db, options);
        db.close();
        return demo;
      },
    },
  ];
  const rows = [['', 'route', 'ms', 'ratio to GET /api/me']];
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'scope-bench-coalition-'));
    try {
      const path = join(dir, 'scope.db');
      const { password } = size.write(path);
      const server = await startServer(path, randomBytes(32).toString('hex'));
      try {
        const login = await fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: 'admin@scope.demo', password }),
        });
        const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
        const routes = [
          '/api/me',
          '/api/settings',
          '/api/agencies',
          '/api/people',
          '/api/completeness?quarters=8',
          '/api/completeness/reminders?period=2026Q3',
        ];
        const times = new Map<string, number[]>();
        for (let round = 0; round < options.rounds * 5 + 2; round++)
          for (const route of routes) {
            const ms = await timedGet(`${server.url}${route}`, cookie);
            // The first two rounds warm the server's prepared statements.
            if (round >= 2) times.set(route, [...(times.get(route) ?? []), ms]);
          }
        const base = median(times.get('/api/me') ?? []);
        for (const route of routes) {
          const ms = median(times.get(route) ?? []);
          rows.push([size.name, `GET ${route}`, ms.toFixed(1), formatRatio(ms / base)]);
        }
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(
    `\nRunning a coalition: the admin pages' reads, medians of ${options.rounds * 5} requests each`,
  );
  printTable(rows);
}

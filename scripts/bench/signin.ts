/**
 * Sign-in under attack, through Scope's real server: how long a person's sign-in and an ordinary
 * signed-in page take while 120 failed sign-ins arrive at once, beside the same on an idle server.
 * Three attacks: one address guessing one account, one address trying many accounts (a spray), and
 * many addresses trying many accounts; and, for comparison, a burst of as many harmless requests.
 * The server runs with SCOPE_TRUST_PROXY=1 and every request names its address in X-Forwarded-For,
 * so attackers and the person come from different places (a server that ignores the header sees
 * them all as one). The person has signed in before from their address.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '../../api/db';
import { writeDemoCoalition } from '../../api/demo/seed';
import { formatRatio, median, printTable } from './measure';
import { startServer } from './server';

/** A burst of requests: the `i`th of round `round`, with `n` unique across the whole run. */
type Burst = { name: string; send: (i: number, round: number, n: number) => Promise<Response> };

export async function runSignInBenchmark(options: { attempts: number; rounds: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'scope-bench-signin-'));
  const databasePath = join(dir, 'scope.db');
  try {
    const db = openDatabase(databasePath);
    migrate(db);
    const demo = writeDemoCoalition(db, { agencies: 8, quarters: 4 });
    db.close();
    const server = await startServer(databasePath, randomBytes(32).toString('hex'), {
      SCOPE_TRUST_PROXY: '1',
    });
    try {
      const signIn = (address: string, email: string, password: string) =>
        fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
          body: JSON.stringify({ email, password }),
        });
      const person = () => signIn('198.51.100.10', 'admin@scope.demo', demo.password);
      const first = await person();
      const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const page = () =>
        fetch(`${server.url}/api/completeness?quarters=4`, {
          headers: { Cookie: cookie, 'X-Forwarded-For': '198.51.100.10' },
        });
      // Any answer but success to the person is counted: a quick "busy" is not a sign-in.
      let personRefused = 0;
      const timed = async (request: () => Promise<Response>) => {
        const start = performance.now();
        const response = await request();
        await response.arrayBuffer();
        if (!response.ok) personRefused++;
        return performance.now() - start;
      };

      // Warm both paths, then the idle baseline.
      for (let i = 0; i < 3; i++) await Promise.all([timed(person), timed(page)]);
      const idleSignIn: number[] = [];
      const idlePage: number[] = [];
      for (let i = 0; i < options.rounds * 3; i++) {
        idleSignIn.push(await timed(person));
        idlePage.push(await timed(page));
      }
      const baseSignIn = median(idleSignIn);
      const basePage = median(idlePage);

      const bursts: Burst[] = [
        // Any burst of requests queues behind itself: this is the cost no sign-in rule can remove.
        {
          name: 'control: as many health checks',
          send: () => fetch(`${server.url}/api/health`, { headers: { 'X-Forwarded-For': '203.0.113.6' } }),
        },
        {
          name: 'one address, one account',
          send: (_i, _round, n) => signIn('203.0.113.7', 'viewer@scope.demo', `guess-${n}`),
        },
        {
          name: 'one address, many accounts',
          send: (_i, _round, n) => signIn('203.0.113.8', `person${n}@scope.demo`, `guess-${n}`),
        },
        {
          name: 'many addresses and accounts',
          send: (i, round, n) => signIn(`192.0.${round}.${i}`, `someone${n}@scope.demo`, `guess-${n}`),
        },
      ];
      const rows = [
        [
          '',
          'sign-in ms',
          'ratio',
          'page ms',
          'ratio',
          'person refused',
          'burst answered (401/429/503)',
          'burst took s',
        ],
        [
          'idle server',
          baseSignIn.toFixed(0),
          '1.00',
          basePage.toFixed(0),
          '1.00',
          String(personRefused),
          '',
          '',
        ],
      ];
      for (const [index, burst] of bursts.entries()) {
        const signInTimes: number[] = [];
        const pageTimes: number[] = [];
        const answers = new Map<number, number>();
        const burstTimes: number[] = [];
        personRefused = 0;
        for (let round = 0; round < options.rounds; round++) {
          const start = performance.now();
          const guesses = Array.from({ length: options.attempts }, (_, i) =>
            // A fresh run of accounts each round: the accounts' counts from earlier rounds stand.
            burst.send(i, round, (index * options.rounds + round) * options.attempts + i).then(async (r) => {
              await r.arrayBuffer();
              answers.set(r.status, (answers.get(r.status) ?? 0) + 1);
            }),
          );
          // Let the guesses reach the server before the person asks.
          await new Promise((resolve) => setTimeout(resolve, 20));
          const [signInMs, pageMs] = await Promise.all([timed(person), timed(page)]);
          signInTimes.push(signInMs);
          pageTimes.push(pageMs);
          await Promise.all(guesses);
          burstTimes.push(performance.now() - start);
          // Let the server settle before the next round.
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        const signInMs = median(signInTimes);
        const pageMs = median(pageTimes);
        rows.push([
          burst.name,
          signInMs.toFixed(0),
          formatRatio(signInMs / baseSignIn),
          pageMs.toFixed(0),
          formatRatio(pageMs / basePage),
          `${personRefused} of ${options.rounds * 2}`,
          [401, 429, 503].map((s) => answers.get(s) ?? 0).join('/'),
          (median(burstTimes) / 1000).toFixed(1),
        ]);
      }
      console.log(
        `\nSign-in under attack: ${options.attempts} failed sign-ins at once, medians of ${options.rounds} rounds; meanwhile a person signs in and, at the same moment, opens a page`,
      );
      printTable(rows);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

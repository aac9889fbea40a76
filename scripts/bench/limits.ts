/**
 * What an oversized request costs everyone else, over a real HTTP server (a child process): a
 * reporter opening their quarter (`GET /api/submissions/<agency>/<quarter>`) is timed on an idle
 * server, then while one client keeps sending each of
 * - a 50 MB body to `POST /api/releases` (streamed, with no Content-Length, so the server must count),
 * - a CSV upload whose header has 100,000 columns,
 * - a CSV upload with a cell of 128,000 digits,
 * and the ratios to the idle figures are printed, beside the same client sending an ordinary upload
 * (the full template) over and over: a server that refuses oversized requests early should feel them
 * no more than that.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiTokenSecret } from '../../api/auth/session';
import { migrate, openDatabase } from '../../api/db';
import { writeDemoCoalition } from '../../api/demo/seed';
import type { AgencyType } from '../../api/domain/agencyTypes';
import { buildTemplate } from '../../api/domain/upload';
import { readDefaultCatalog } from '../../api/queries/catalog';
import { listActiveAgencies } from '../../api/queries/orgUnits';
import { listPeriods, setOpenedEarly } from '../../api/queries/periods';
import { insertApiToken } from '../../api/queries/tokens';
import { formatRatio, printTable } from './measure';
import { startServer } from './server';

/** Timed requests per condition, within at most this long: an unprotected server can stall for minutes. */
const samples = 40;
const longestCondition = 60_000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** A body of `bytes` bytes made only as it is read, sent without a Content-Length. */
function streamedBody(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

type Attack = { name: string; send: () => Promise<number> };

/** Sends `attack` over and over until stopped; counts the answers by status. */
function keepSending(attack: Attack) {
  let stopped = false;
  const statuses = new Map<string, number>();
  const done = (async () => {
    while (!stopped) {
      const status = await attack.send().then(String, () => 'connection closed');
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await done;
      return statuses;
    },
  };
}

export async function runLimitsBenchmark(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'scope-bench-limits-'));
  const databasePath = join(dir, 'scope.db');
  const secret = randomBytes(32).toString('hex');
  try {
    const db = openDatabase(databasePath);
    migrate(db);
    writeDemoCoalition(db, { agencies: 10, quarters: 8 });
    const admin = db.prepare("SELECT id FROM users WHERE role = 'admin' LIMIT 1").pluck().get() as number;
    const catalog = readDefaultCatalog();
    const found = listActiveAgencies(db).find((a) => a.type === 'victim_services');
    if (!found) throw new Error('the demo coalition has no victim-services agency');
    const agency = { ...found, type: found.type as AgencyType };
    // A token acts as its maker, so one of the agency's own reporters makes it.
    const reporter = db
      .prepare("SELECT id FROM users WHERE role = 'reporter' AND agency_id = ? LIMIT 1")
      .pluck()
      .get(agency.id) as number;
    const token = createApiTokenSecret(secret);
    insertApiToken(db, {
      agencyId: agency.id,
      name: 'benchmark',
      prefix: token.prefix,
      tokenHash: token.tokenHash,
      maker: { id: reporter, role: 'reporter', agencyId: agency.id },
      expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(),
    });
    // The newest quarter, open for entry whatever today is, so the uploads reach the file's checks.
    const period = listPeriods(db)[0];
    if (!period?.open) throw new Error('the demo coalition has no open quarter');
    setOpenedEarly(db, period.id, { at: new Date().toISOString(), userId: admin });
    db.close();

    const server = await startServer(databasePath, secret);
    try {
      const auth = { Authorization: `Bearer ${token.secret}` };
      const quarter = `${server.url}/api/submissions/${agency.code}/${period.code}`;
      const openQuarter = async () => {
        const start = performance.now();
        const response = await fetch(quarter, { headers: auth });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`opening the quarter failed with ${response.status}`);
        return performance.now() - start;
      };
      const upload = (csv: string) => () =>
        fetch(`${quarter}/upload?dryRun=true`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'text/csv' },
          body: csv,
        }).then(async (response) => {
          await response.arrayBuffer();
          return response.status;
        });
      const template = buildTemplate(catalog, agency, period.code, new Map());
      const attacks: Attack[] = [
        { name: 'a normal upload (for comparison)', send: upload(template) },
        {
          name: '50 MB body to POST /api/releases',
          send: () =>
            fetch(`${server.url}/api/releases`, {
              method: 'POST',
              headers: { ...auth, 'Content-Type': 'application/json' },
              body: streamedBody(50 * 1024 * 1024),
              duplex: 'half',
            } as RequestInit).then(async (response) => {
              await response.arrayBuffer();
              return response.status;
            }),
        },
        {
          name: 'CSV with 100,000 columns',
          send: upload(
            `agency,period,element,value${',x'.repeat(99_996)}\n${agency.code},${period.code},x,1\n`,
          ),
        },
        {
          name: 'CSV with a 128,000-digit cell',
          send: upload(
            `agency,period,element,value\n${agency.code},${period.code},x,${'9'.repeat(128_000)}\n`,
          ),
        },
      ];

      /** The quarter opened `samples` times in a row (or for at most `longestCondition`). */
      const measure = async () => {
        const times: number[] = [];
        const until = performance.now() + longestCondition;
        while (times.length < samples && performance.now() < until) times.push(await openQuarter());
        return times;
      };

      const normal = await upload(
        `agency,period,element,value\n${agency.code},${period.code},survivors_served,4\n`,
      )();
      if (normal !== 200)
        throw new Error(`a normal upload failed with ${normal}: the quarter is not editable`);
      for (let i = 0; i < 10; i++) await openQuarter();
      const idle = await measure();
      const rows = [
        [
          'while the server receives',
          'requests',
          'p50 ms',
          'p95 ms',
          'p50 ratio',
          'p95 ratio',
          'answers to the attack',
        ],
      ];
      const row = (name: string, times: number[], answers: string) => [
        name,
        String(times.length),
        percentile(times, 50).toFixed(1),
        percentile(times, 95).toFixed(1),
        formatRatio(percentile(times, 50) / percentile(idle, 50)),
        formatRatio(percentile(times, 95) / percentile(idle, 95)),
        answers,
      ];
      rows.push(row('nothing else (baseline)', idle, ''));
      for (const attack of attacks) {
        const sender = keepSending(attack);
        const times = await measure();
        const statuses = await sender.stop();
        rows.push(
          row(attack.name, times, [...statuses].map(([status, count]) => `${count}× ${status}`).join(', ')),
        );
      }
      console.log(`\nA reporter opening their quarter while one client sends oversized requests`);
      printTable(rows);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

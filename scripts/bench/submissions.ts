/**
 * Submission benchmarks over a real HTTP server (a child process), each against a baseline measured
 * in the same run:
 * - validating and storing one agency's full quarter (PUT …/values): p50 and p95 beside GET /api/health;
 * - dry-run and apply of 100 agency-quarter CSV uploads: uploads per second beside health checks per second.
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
import { insertApiToken } from '../../api/queries/tokens';
import { consistentQuarter } from '../../api/testValues';
import { formatRatio, median, printTable } from './measure';
import { startServer } from './server';

const period = '2026Q4';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function timed(request: () => Promise<Response>): Promise<number> {
  const start = performance.now();
  const response = await request();
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`the benchmark's request failed with ${response.status}`);
  return performance.now() - start;
}

export async function runSubmissionBenchmarks(options: {
  agencies: number;
  requests: number;
}): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'scope-bench-submissions-'));
  const databasePath = join(dir, 'scope.db');
  const secret = randomBytes(32).toString('hex');
  const catalog = readDefaultCatalog();
  try {
    const db = openDatabase(databasePath);
    migrate(db);
    writeDemoCoalition(db, { agencies: options.agencies, quarters: 8 });
    // Only an agency's own reporter makes its tokens; the demo has one per agency.
    const reporterOf = db
      .prepare("SELECT id FROM users WHERE role = 'reporter' AND agency_id = ? LIMIT 1")
      .pluck();
    const agencies = listActiveAgencies(db).map((agency) => {
      const token = createApiTokenSecret(secret);
      insertApiToken(db, {
        agencyId: agency.id,
        name: 'benchmark',
        prefix: token.prefix,
        tokenHash: token.tokenHash,
        maker: { id: reporterOf.get(agency.id) as number, role: 'reporter', agencyId: agency.id },
        expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(),
      });
      return { code: agency.code, type: agency.type as AgencyType, token: token.secret };
    });
    db.close();

    const server = await startServer(databasePath, secret);
    try {
      const fullQuarter =
        agencies.find((a) => a.type === 'victim_services') ?? (agencies[0] as (typeof agencies)[number]);
      const values = consistentQuarter(catalog, fullQuarter.type);
      const auth = { Authorization: `Bearer ${fullQuarter.token}` };
      const put = (served: number) =>
        fetch(`${server.url}/api/submissions/${fullQuarter.code}/${period}/values`, {
          method: 'PUT',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            values: { ...values, ...consistentQuarter(catalog, fullQuarter.type, served) },
          }),
        });
      const health = () => fetch(`${server.url}/api/health`);
      for (let i = 0; i < 20; i++) await timed(() => put(2 + (i % 5)));
      const putTimes: number[] = [];
      const healthTimes: number[] = [];
      for (let i = 0; i < options.requests; i++) {
        putTimes.push(await timed(() => put(2 + (i % 5))));
        healthTimes.push(await timed(health));
      }
      console.log(
        `\nSaving one agency's full quarter (${Object.keys(values).length} cells, validated and stored) over HTTP, ${options.requests} requests`,
      );
      printTable([
        ['request', 'p50 ms', 'p95 ms'],
        [
          'GET /api/health (baseline)',
          percentile(healthTimes, 50).toFixed(2),
          percentile(healthTimes, 95).toFixed(2),
        ],
        [
          'PUT …/values (full quarter)',
          percentile(putTimes, 50).toFixed(2),
          percentile(putTimes, 95).toFixed(2),
        ],
      ]);
      console.log(
        `  ratio to health: p50 ${formatRatio(percentile(putTimes, 50) / percentile(healthTimes, 50))}, p95 ${formatRatio(percentile(putTimes, 95) / percentile(healthTimes, 95))}`,
      );

      const uploads = agencies.slice(0, 100).map((a) => ({
        ...a,
        csv: buildTemplate(
          catalog,
          a,
          period,
          new Map(Object.entries(consistentQuarter(catalog, a.type, 3))),
        ),
      }));
      const uploadAll = async (dryRun: boolean) => {
        const start = performance.now();
        for (const u of uploads)
          await timed(() =>
            fetch(`${server.url}/api/submissions/${u.code}/${period}/upload?dryRun=${dryRun}`, {
              method: 'POST',
              headers: { Authorization: `Bearer ${u.token}`, 'Content-Type': 'text/csv' },
              body: u.csv,
            }),
          );
        return uploads.length / ((performance.now() - start) / 1000);
      };
      const healthRate = async () => {
        const start = performance.now();
        for (let i = 0; i < uploads.length; i++) await timed(health);
        return uploads.length / ((performance.now() - start) / 1000);
      };
      const baseline = [await healthRate()];
      const dryRun = await uploadAll(true);
      baseline.push(await healthRate());
      const apply = await uploadAll(false);
      baseline.push(await healthRate());
      const base = median(baseline);
      console.log(
        `\nCSV uploads: ${uploads.length} agency-quarters (${uploads[0]?.csv.split('\r\n').length ?? 0} rows for a full service agency)`,
      );
      printTable([
        ['requests', 'per second', 'share of baseline'],
        ['GET /api/health (baseline)', base.toFixed(0), '1.00'],
        ['upload, dry run', dryRun.toFixed(1), formatRatio(dryRun / base)],
        ['upload, applied', apply.toFixed(1), formatRatio(apply / base)],
      ]);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

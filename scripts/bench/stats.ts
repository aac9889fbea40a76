/**
 * The stats API under load, against the same bytes served as static files by the same server in the
 * same run:
 * - a statewide synthetic coalition (58 counties, 600 agencies, the full catalog, 2025Q1–Q4 approved)
 *   in a temporary database, with the 2025Q4 release and its year published through the releases
 *   service;
 * - the dashboard overview's full set of API requests, signed in as a viewer (the coalition
 *   audience), at 50 concurrent connections (autocannon): p50, p99 and requests per second, beside
 *   each response's bytes as a static file. Aim: ratio ≤ 1.5.
 * It prints the web app's bundle sizes first (bundle.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { migrate, openDatabase } from '../../api/db';
import { getFirstAdmin } from '../../api/queries/releases';
import { releaseSettled } from '../../api/services/releases/jobs';
import { startRelease } from '../../api/services/releases/publish';
import { getReleaseView } from '../../api/services/releases/views';
import type { Published } from '../../web/src/features/dashboard/published';
import { type OverviewView, overviewRequestPaths } from '../../web/src/features/dashboard/requests';
import { runBundleBenchmark } from './bundle';
import { formatRate, formatRatio, median, printTable } from './measure';
import type { RunningServer } from './server';
import { writeStatewideCoalition } from './statewide';
import { signIn, startWebServer } from './webServer';

export type StatsBenchOptions = {
  /** The statewide size; smaller while the statewide protection is slow (`--agencies=60 --counties=6`). */
  agencies: number;
  counties: number;
  connections: number;
  /** Seconds each measured load runs (after a short warm-up). */
  duration: number;
};

export const defaultStatsOptions: StatsBenchOptions = {
  agencies: 600,
  counties: 58,
  connections: 50,
  duration: 10,
};

/** `--agencies=N --counties=N --connections=N --duration=SECONDS` over the defaults. */
export function statsOptionsFromArgs(argv: readonly string[]): StatsBenchOptions {
  const options = { ...defaultStatsOptions };
  for (const key of Object.keys(options) as Array<keyof StatsBenchOptions>) {
    const flag = argv.find((a) => a.startsWith(`--${key}=`));
    if (!flag) continue;
    const value = Number(flag.slice(key.length + 3));
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${key} must be a positive whole number`);
    options[key] = value;
  }
  return options;
}

/** The view the overview is measured for: the release's quarter, coalition-wide. */
const overviewView: OverviewView = { period: '2025Q4', geo: 'coalition' };

const seconds = (start: number) => (performance.now() - start) / 1000;

/**
 * Writes the statewide coalition and publishes its 2025Q4 release (with the year 2025) through the
 * releases service. Returns the viewer's sign-in and how long each step took.
 */
async function createStatewide(databasePath: string, size: { agencies: number; counties: number }) {
  const db = openDatabase(databasePath);
  try {
    migrate(db);
    let started = performance.now();
    const demo = writeStatewideCoalition(db, size);
    const writeSeconds = seconds(started);
    const admin = getFirstAdmin(db);
    const viewer = demo.signIns.find((s) => s.role === 'viewer');
    if (!admin || !viewer) throw new Error('the statewide coalition has no admin or viewer');
    started = performance.now();
    // publishRelease, with a progress line every half minute: statewide protection takes a while.
    const job = startRelease(db, admin, overviewView.period, () => new Date());
    const ticker = setInterval(() => {
      const progress = getReleaseView(db, admin, job.id).progress;
      if (progress)
        console.log(
          `  … ${Math.round(seconds(started))} s: ${progress.stage}${progress.total > 0 ? ` (${progress.done} of ${progress.total})` : ''}`,
        );
    }, 30_000);
    await releaseSettled(db, job.id).finally(() => clearInterval(ticker));
    const release = getReleaseView(db, admin, job.id);
    if (release.status !== 'published')
      throw new Error(`the statewide release was not published: ${release.failureReason ?? release.status}`);
    return {
      viewer: { email: viewer.email, password: demo.password },
      writeSeconds,
      publishSeconds: seconds(started),
      release,
    };
  } finally {
    db.close();
  }
}

type Load = { p50: number; p99: number; rate: number; non2xx: number; errors: number; requests: number };

async function load(url: string, paths: string[], cookie: string, connections: number, duration: number) {
  const result = await autocannon({
    url,
    connections,
    duration,
    headers: { cookie },
    // Every connection walks the whole list in order, again and again: the overview's mix.
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rate: result.requests.average,
    non2xx: result.non2xx,
    errors: result.errors,
    requests: result.requests.total,
  } satisfies Load;
}

/** Median milliseconds of one request on an idle server, for finding the slow paths. */
async function idleMilliseconds(url: string, path: string, cookie: string, times = 10): Promise<number> {
  const spent: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await (await fetch(url + path, { headers: { cookie } })).arrayBuffer();
    spent.push(performance.now() - start);
  }
  return median(spent);
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

export async function runStatsBenchmarks(options: StatsBenchOptions = defaultStatsOptions): Promise<void> {
  await runBundleBenchmark();

  const size = `${options.agencies} agencies, ${options.counties} counties`;
  console.log(`\nStats API: the dashboard overview against a statewide synthetic release (${size})`);
  const dir = mkdtempSync(join(tmpdir(), 'scope-bench-stats-'));
  let server: RunningServer | undefined;
  try {
    const statewide = await createStatewide(join(dir, 'scope.db'), options);
    const coalition = statewide.release.audiences.coalition;
    console.log(
      `  wrote the coalition in ${statewide.writeSeconds.toFixed(1)} s; published ${statewide.release.periods.join(' and ')} in ${statewide.publishSeconds.toFixed(1)} s (coalition: ${coalition?.cells.toLocaleString('en-US')} cells, ${coalition?.hidden.toLocaleString('en-US')} hidden)`,
    );

    // The baseline's files sit in the same folder the server serves the web app from.
    const webDir = join(dir, 'web');
    const staticDir = join(webDir, 'bench');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Scope benchmark</title>\n');
    server = await startWebServer({
      databasePath: join(dir, 'scope.db'),
      sessionSecret: randomBytes(32).toString('hex'),
      webDistDir: webDir,
    });
    const { url } = server;
    const cookie = await signIn(url, statewide.viewer.email, statewide.viewer.password);

    // Exactly what the overview page fetches for this view, from the dashboard's own list: what the
    // tables list says is published for it.
    const listed = await fetch(`${url}/api/stats/tables`, { headers: { cookie } });
    if (!listed.ok) throw new Error(`the tables list answered ${listed.status}`);
    const overview = overviewRequestPaths(overviewView, (await listed.json()) as Published['list']);
    const api: string[] = [];
    const files: string[] = [];
    let bytes = 0;
    for (const path of overview) {
      const response = await fetch(url + path, { headers: { cookie } });
      const body = Buffer.from(await response.arrayBuffer());
      if (!response.ok) {
        console.log(`  left out (${response.status}, not measured): ${path}`);
        continue;
      }
      const file = `/bench/${api.length}.json`;
      writeFileSync(join(webDir, file), body);
      api.push(path);
      files.push(file);
      bytes += body.length;
    }
    if (api.length === 0) throw new Error('none of the overview requests succeeded');
    console.log(
      `  ${api.length} of the overview's ${overview.length} requests (overviewRequestPaths), ${overviewView.period}, ${overviewView.geo}, as a viewer: ${(bytes / 1000).toFixed(1)} kB of JSON per overview`,
    );

    // Warm up both (JIT, SQLite page cache), then measure each for the full duration.
    await load(url, api, cookie, options.connections, 2);
    await load(url, files, cookie, options.connections, 2);
    const measured = await load(url, api, cookie, options.connections, options.duration);
    const baseline = await load(url, files, cookie, options.connections, options.duration);

    console.log(`\n  ${options.connections} connections, ${options.duration} s each:`);
    printTable([
      ['figure', 'stats API', 'static file', 'ratio', 'aim'],
      ['p50 latency', ms(measured.p50), ms(baseline.p50), formatRatio(measured.p50 / baseline.p50), '≤ 1.5'],
      ['p99 latency', ms(measured.p99), ms(baseline.p99), formatRatio(measured.p99 / baseline.p99), '≤ 1.5'],
      [
        'requests/s',
        formatRate(measured.rate),
        formatRate(baseline.rate),
        `${formatRatio(baseline.rate / measured.rate)} (static ÷ API)`,
        '≤ 1.5',
      ],
      [
        'overviews/s',
        formatRate(measured.rate / api.length),
        formatRate(baseline.rate / files.length),
        '',
        '',
      ],
    ]);
    for (const [name, run] of [
      ['stats API', measured],
      ['static file', baseline],
    ] as const)
      if (run.non2xx > 0 || run.errors > 0)
        console.log(`  ${name}: ${run.non2xx} non-2xx responses and ${run.errors} errors of ${run.requests}`);

    const slowest: Array<{ path: string; ms: number }> = [];
    for (const path of api) slowest.push({ path, ms: await idleMilliseconds(url, path, cookie) });
    slowest.sort((a, b) => b.ms - a.ms);
    console.log('\n  slowest requests one at a time (median of 10):');
    printTable(slowest.slice(0, 5).map((s) => [s.path, ms(s.ms)]));
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

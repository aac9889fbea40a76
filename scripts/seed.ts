/**
 * `npm run seed`: writes the demo coalition into a database.
 *
 *   npm run seed -- [--agencies N] [--quarters Q] [--seed S] [--db PATH] [--force]
 *
 * Without --db it uses the configured database. It refuses a database that already holds data unless
 * --force is given, which deletes the database file and starts again. It never runs in production.
 */
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '../api/config';
import { migrate, openDatabase } from '../api/db';
import { formatDemoReleases, formatSignIns, publishDemoReleases, writeDemoCoalition } from '../api/demo/seed';
import { hasScopeData } from '../api/queries/demo';

const usage = 'Usage: npm run seed -- [--agencies N] [--quarters Q] [--seed S] [--db PATH] [--force]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) fail(`--${flag} takes a whole number, not "${value}".\n${usage}`);
  return Number(value);
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        agencies: { type: 'string' },
        quarters: { type: 'string' },
        seed: { type: 'string' },
        db: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
}

const args = readArgs();
if (args.help) {
  console.log(usage);
  process.exit(0);
}

const settings = config();
if (settings.isProduction)
  fail('npm run seed refuses to run in production: demo accounts must never exist there.');

const databasePath = args.db === undefined ? settings.databasePath : resolve(args.db);
const options = {
  agencies: wholeNumber('agencies', args.agencies),
  quarters: wholeNumber('quarters', args.quarters),
  seed: wholeNumber('seed', args.seed),
  deadlineDays: settings.deadlineDays,
};

if (databasePath !== ':memory:' && existsSync(databasePath)) {
  if (args.force) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${databasePath}${suffix}`, { force: true });
  } else {
    const existing = openDatabase(databasePath);
    migrate(existing);
    const filled = hasScopeData(existing);
    existing.close();
    if (filled)
      fail(`${databasePath} already holds data. Pass --force to delete it and write the demo afresh.`);
  }
}

const started = performance.now();
const db = openDatabase(databasePath);
migrate(db);
let summary: ReturnType<typeof writeDemoCoalition>;
try {
  summary = writeDemoCoalition(db, options);
} catch (error) {
  db.close();
  fail(`Could not write the demo coalition: ${(error as Error).message}`);
}
const releases = await publishDemoReleases(db);
db.pragma('wal_checkpoint(TRUNCATE)');
db.close();
const seconds = (performance.now() - started) / 1000;

console.log(`Wrote the demo coalition (seed ${summary.seed}) to ${databasePath}:`);
console.log(
  `  ${summary.agencies} agencies, ${summary.users} users, ${summary.periods} periods (the last open for entry),`,
);
console.log(
  `  ${summary.submissions} submissions, ${summary.revisions} revisions, ${summary.values.toLocaleString('en-US')} data values.`,
);
console.log(`  ${formatDemoReleases(releases)}`);
console.log(formatSignIns(summary));
console.log(`Done in ${seconds.toFixed(1)} s.`);

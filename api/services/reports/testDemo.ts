/**
 * Test support, imported only by tests: the demo coalition with its releases published, as
 * `npm start` makes it, for tests of grant reports. Publishing a dozen releases takes a while, so
 * the finished database file is kept under the system's temporary folder, keyed by a hash of
 * everything it is made from; every caller gets its own copy of it.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../config';
import { migrate, openDatabase } from '../../db';
import { readDemoInputs } from '../../demo/inputs';
import { publishDemoReleases, writeDemoCoalition } from '../../demo/seed';
import { listPublishedPeriods } from '../../queries/releases';
import type { TestDb } from '../../testing';
import { releaseTimeout } from '../../testTimeouts';

/** The quarters grant-report tests read, each published: eight quarters up to 2026Q2. */
export const demoReportQuarters = [
  '2024Q3',
  '2024Q4',
  '2025Q1',
  '2025Q2',
  '2025Q3',
  '2025Q4',
  '2026Q1',
  '2026Q2',
] as const;

/**
 * For a hook that calls `demoWithReleases`: the first call in a fresh temporary folder publishes one
 * release a demo quarter, each of which may take up to `releaseTimeout`; twice that, for room.
 */
export const demoWithReleasesTimeout = releaseTimeout * readDemoInputs().quarters * 2;

// What the demo database is made from: the schema, the catalog and its plan, the demo's inputs, and
// the code that writes the demo and computes its releases.
const sources = [
  'data/migrations',
  'data/catalog',
  'data/demo',
  'api/demo',
  'api/disclosure',
  'api/services/releases',
];

function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const dir of sources) {
    const files = readdirSync(join(projectRoot, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => !name.endsWith('.test.ts'))
      .sort();
    for (const name of files) {
      const path = join(projectRoot, dir, name);
      let text: Buffer;
      try {
        text = readFileSync(path);
      } catch {
        continue; // a folder
      }
      hash.update(`${dir}/${name}\0`).update(text).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Writes the demo and its releases into a new file and moves it into place whole. */
async function writeCachedDemo(target: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'scope-report-demo-build-'));
  try {
    const path = join(dir, 'scope.db');
    const db = openDatabase(path);
    try {
      migrate(db);
      writeDemoCoalition(db);
      const { failed } = await publishDemoReleases(db);
      if (failed.length > 0) throw new Error(`demo releases failed: ${failed.join(', ')}`);
      const published = new Set(listPublishedPeriods(db).map((p) => p.period));
      const missing = demoReportQuarters.filter((q) => !published.has(q));
      if (missing.length > 0) throw new Error(`the demo did not publish ${missing.join(', ')}`);
    } finally {
      // Closing checkpoints the write-ahead log into the file, so the file alone is the database.
      db.close();
    }
    // A rename within one file system is atomic: a test in another fork sees no file or a whole one.
    const staged = `${target}.${process.pid}.tmp`;
    copyFileSync(path, staged);
    renameSync(staged, target);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A copy of the demo coalition with a release published for every quarter in which every agency's
 * report is approved (2023Q4 to 2026Q2), oldest first, by the code `npm start` uses. Made once per
 * set of sources and kept; give the hook that calls this `demoWithReleasesTimeout`.
 */
export async function demoWithReleases(): Promise<TestDb> {
  const cached = join(tmpdir(), `scope-report-demo-${sourcesHash()}.db`);
  if (!existsSync(cached)) await writeCachedDemo(cached);
  const dir = mkdtempSync(join(tmpdir(), 'scope-test-'));
  const path = join(dir, 'scope.db');
  copyFileSync(cached, path);
  const db = openDatabase(path);
  return {
    db,
    path,
    dir,
    cleanup: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

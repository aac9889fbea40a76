/**
 * One coalition's release history for the visibility benchmark, in its own process so the parent can
 * stop it when it runs over its budget: `visibilityChild.ts <demo|statewide> <database> <agencies> <counties>`.
 * Writes the coalition into the new database, then publishes every complete quarter oldest first, as
 * the first `npm start` does (`publishDemoReleases`), printing progress every half minute.
 */
import { migrate, openDatabase } from '../../api/db';
import { defaultDeadlineDays } from '../../api/demo/generate';
import { publishDemoReleases, seedDemoIfEmpty } from '../../api/demo/seed';
import { getComputingRelease } from '../../api/queries/releases';
import { releaseJobs } from '../../api/services/releases/jobs';
import { writeStatewideCoalition } from './statewide';

export type HistoryMessage =
  | { type: 'written'; seconds: number; agencies: number }
  | { type: 'published'; releases: number; failed: string[]; seconds: number };

const [kind, databasePath, agencies, counties] = process.argv.slice(2) as [string, string, string, string];
const send = (message: HistoryMessage) => process.send?.(message);

const db = openDatabase(databasePath);
migrate(db);
const writing = performance.now();
// The demo exactly as the first start of `npm start` writes it (api/server.ts).
const summary =
  kind === 'demo'
    ? seedDemoIfEmpty(db, { isProduction: false, deadlineDays: defaultDeadlineDays })
    : // Eight quarters, one more than the stats benchmark's, so the history publishes a federal fiscal
      // year (FY2025) as well as the calendar year 2025 that overlaps it.
      writeStatewideCoalition(db, { agencies: Number(agencies), counties: Number(counties) }, 8);
if (!summary) throw new Error('the benchmark database was not empty');
send({ type: 'written', seconds: (performance.now() - writing) / 1000, agencies: summary.agencies });

const publishing = performance.now();
const ticker = setInterval(() => {
  const release = getComputingRelease(db);
  const progress = release && releaseJobs.progress(db, release.id);
  const step = progress
    ? `${progress.stage}${progress.total > 0 ? ` (${progress.done} of ${progress.total})` : ''}`
    : 'between releases';
  console.log(
    `  … ${Math.round((performance.now() - publishing) / 1000)} s: ${release?.period ?? ''} ${step}`,
  );
}, 30_000);
const history = await publishDemoReleases(db).finally(() => clearInterval(ticker));
send({ type: 'published', ...history });
db.close();
process.disconnect?.();

/** Starts Scope: migrates the database, creates the demo coalition on first start, and listens. */
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { config } from './config';
import { migrate, openDatabase } from './db';
import { formatDemoReleases, formatSignIns, publishDemoReleases, seedDemoIfEmpty } from './demo/seed';
import { deleteExpiredSessions } from './queries/sessions';
import { failInterrupted } from './services/releases/jobs';
import { assertSessionSecret } from './services/secret';

const settings = config();
const db = openDatabase(settings.databasePath);
const applied = migrate(db);
if (applied.length > 0) console.log(`Database ${settings.databasePath}: applied ${applied.join(', ')}`);
assertSessionSecret(db, settings.sessionSecret, settings.sessionSecretFile);
const interrupted = failInterrupted(db);
if (interrupted.length > 0)
  console.log(`Marked ${interrupted.length} release(s) left computing by a stopped server as failed.`);

const demo = seedDemoIfEmpty(db, {
  isProduction: settings.isProduction,
  deadlineDays: settings.deadlineDays,
});
if (demo) {
  console.log(`Created the demo coalition: ${demo.agencies} agencies, ${demo.values} data values.`);
  console.log(formatSignIns(demo));
  // Before listening, so the first page anyone opens already has published figures.
  console.log(formatDemoReleases(await publishDemoReleases(db)));
}

deleteExpiredSessions(db, new Date().toISOString());
const sweep = setInterval(() => deleteExpiredSessions(db, new Date().toISOString()), 60 * 60 * 1000);
sweep.unref();

const app = createApp({ db, config: settings, webDistDir: settings.webDistDir });
const server = serve({ fetch: app.fetch, port: settings.port }, (info) => {
  console.log(`Scope is running at http://localhost:${info.port}`);
});

function shutdown() {
  clearInterval(sweep);
  server.close(() => {
    db.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

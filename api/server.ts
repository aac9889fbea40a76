/**
 * Starts Scope: migrates the database, creates the demo coalition on first start (never in
 * production), prints a set-up link while the coalition is still to be set up, adds the quarters
 * due, and listens.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { config } from './config';
import { migrate, openDatabase } from './db';
import { formatDemoReleases, formatSignIns, publishDemoReleases, seedDemoIfEmpty } from './demo/seed';
import { deleteExpiredSessions } from './queries/sessions';
import { accountLinkUrl } from './services/accountLinks';
import { failInterrupted } from './services/releases/jobs';
import { ensureCoalitionPeriods } from './services/reportingPeriods';
import { failInterruptedReports } from './services/reports/history';
import { closeReportBrowser } from './services/reports/pdf';
import { assertSessionSecret } from './services/secret';
import { createSetupLink, needsSetup } from './services/setup';

const settings = config();
const db = openDatabase(settings.databasePath);
const applied = migrate(db);
if (applied.length > 0) console.log(`Database ${settings.databasePath}: applied ${applied.join(', ')}`);
assertSessionSecret(db, settings.sessionSecret, settings.sessionSecretFile);
const interrupted = failInterrupted(db);
if (interrupted.length > 0)
  console.log(`Marked ${interrupted.length} release(s) left computing by a stopped server as failed.`);
const interruptedReports = failInterruptedReports(db);
if (interruptedReports.length > 0)
  console.log(`Marked ${interruptedReports.length} report(s) left rendering by a stopped server as failed.`);

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

/** Hourly upkeep, and once at start: expired sessions go, and a quarter that has begun is added. */
function upkeep() {
  const now = new Date();
  deleteExpiredSessions(db, now.toISOString());
  const added = ensureCoalitionPeriods(db, settings, now);
  if (added.length > 0) console.log(`Added the reporting period(s) ${added.join(', ')}.`);
}
upkeep();
const sweep = setInterval(upkeep, 60 * 60 * 1000);
sweep.unref();

// Only someone who can read this machine's log gets the link; a fresh one each start while the
// coalition is still to be set up, and the one printed before stops working.
const setupLink = needsSetup(db)
  ? accountLinkUrl(settings, 'setup', createSetupLink(db, settings, { now: new Date() }).token)
  : null;

const app = createApp({ db, config: settings, webDistDir: settings.webDistDir });
const loopback = ['127.0.0.1', '::1', 'localhost'].includes(settings.host);
const everywhere = ['0.0.0.0', '::'].includes(settings.host);
const shownHost =
  loopback || everywhere ? 'localhost' : settings.host.includes(':') ? `[${settings.host}]` : settings.host;
const server = serve({ fetch: app.fetch, port: settings.port, hostname: settings.host }, (info) => {
  const reach = loopback ? ' (from this machine only: HOST=0.0.0.0 opens it to the network)' : '';
  console.log(`Scope is running at http://${shownHost}:${info.port}${reach}`);
  if (setupLink)
    console.log(
      [
        '',
        'Your coalition is not set up yet. To set it up and make its first admin, open this link',
        'within 24 hours. It works once:',
        '',
        `  ${setupLink}`,
        '',
        'Keep it to yourself: whoever opens it first becomes the admin. Each start prints a new link',
        'and the one before stops working; `npm run admin -- create EMAIL` makes one from the shell.',
        'The link starts with SCOPE_PUBLIC_URL: set it if people reach Scope at another address.',
        '',
      ].join('\n'),
    );
});

function shutdown() {
  clearInterval(sweep);
  server.close(async () => {
    // The warm Chromium that prints reports is a process of its own.
    await closeReportBrowser();
    db.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

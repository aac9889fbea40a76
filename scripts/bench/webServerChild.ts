/**
 * `api/server.ts` with the web folder given: `webServerChild.ts <webDistDir>`. The same app
 * (`createApp`), the same Node adapter, configuration from the environment; only the folder of the
 * built web app differs, so benchmarks can serve a build (and extra static files) from a temporary
 * folder without touching `web/dist`. Like the real server, it creates and publishes the demo on
 * the first start of an empty database outside production.
 */
import { serve } from '@hono/node-server';
import { createApp } from '../../api/app';
import { config } from '../../api/config';
import { migrate, openDatabase } from '../../api/db';
import { publishDemoReleases, seedDemoIfEmpty } from '../../api/demo/seed';

const webDistDir = process.argv[2];
if (!webDistDir) throw new Error('usage: webServerChild.ts <webDistDir>');

const settings = config();
const db = openDatabase(settings.databasePath);
migrate(db);
if (seedDemoIfEmpty(db, { isProduction: settings.isProduction, deadlineDays: settings.deadlineDays }))
  await publishDemoReleases(db);

const app = createApp({ db, config: settings, webDistDir });
const server = serve({ fetch: app.fetch, port: settings.port, hostname: '127.0.0.1' });

function shutdown() {
  server.close(() => {
    db.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

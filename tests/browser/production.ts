/**
 * The second server the browser tests start: Scope in production over an empty database, as a new
 * coalition first runs it. Shared by the Playwright config, which starts it, and the journey that
 * sets the coalition up.
 */
import { join } from 'node:path';

export function productionTestServer(demoPort: number, databaseDir = '.tmp/browser-tests') {
  const port = demoPort + 1;
  return { port, url: `http://localhost:${port}`, database: join(databaseDir, 'production.db') };
}

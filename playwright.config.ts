import { rmSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { headlessChromiumArgs } from './api/chromium';
import { productionTestServer } from './tests/browser/production';

// Each run starts the real server over a new database, so the demo coalition is created fresh.
const databaseDir = '.tmp/browser-tests';
// Only in the runner: each worker loads this file too, after the servers have opened their databases.
if (process.env.TEST_WORKER_INDEX === undefined) rmSync(databaseDir, { recursive: true, force: true });

// Another port lets a second checkout's browser tests run at the same time (a busy-machine check).
const port = Number(process.env.SCOPE_BROWSER_TEST_PORT ?? 8788);
const productionServer = productionTestServer(port, databaseDir);

export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    // Debian's Chromium: the project never downloads a browser. A missing one fails the run.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: headlessChromiumArgs,
    },
    trace: 'off',
  },
  webServer: [
    {
      command: 'tsx api/server.ts',
      url: `http://localhost:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { PORT: String(port), SCOPE_DB: `${databaseDir}/scope.db`, NODE_ENV: 'test' },
      stdout: 'pipe',
    },
    // A new coalition's first start in production: an empty database, no demo, set up through a link.
    {
      command: 'tsx api/server.ts',
      url: `${productionServer.url}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(productionServer.port),
        SCOPE_DB: productionServer.database,
        NODE_ENV: 'production',
        SCOPE_PUBLIC_URL: productionServer.url,
      },
      stdout: 'pipe',
    },
  ],
});

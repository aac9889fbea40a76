import { rmSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { headlessChromiumArgs } from './api/chromium';

// Each run starts the real server over a new database, so the demo coalition is created fresh.
const databaseDir = '.tmp/browser-tests';
rmSync(databaseDir, { recursive: true, force: true });

// Another port lets a second checkout's browser tests run at the same time (a busy-machine check).
const port = Number(process.env.SCOPE_BROWSER_TEST_PORT ?? 8788);

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
  webServer: {
    command: 'tsx api/server.ts',
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(port), SCOPE_DB: `${databaseDir}/scope.db`, NODE_ENV: 'test' },
    stdout: 'pipe',
  },
});

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const webRoot = fileURLToPath(new URL('./web', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./web/dist', import.meta.url)),
    emptyOutDir: true,
    // .vite/manifest.json: the bundle benchmark reads each route's first-load chunks from it.
    manifest: true,
  },
  server: {
    proxy: {
      // The Host header is left alone (no changeOrigin) so the API sees the same origin the browser
      // used, and its same-origin checks and session cookie behave as they will in production.
      '/api': { target: 'http://localhost:8787' },
    },
  },
  test: {
    // The Vite root is web/, but the test globs cover api/ and scripts/ too, so they resolve from the project root.
    root: projectRoot,
    include: ['api/**/*.test.ts', 'web/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is a native module; separate processes keep each test file's database handle isolated.
    pool: 'forks',
    // With both cores busy the slowest test that computes no release (ten sign-ins against the lockout,
    // each hashing a password) took 10 s, twice vitest's default 5 s: this leaves room for a machine
    // twice as slow. Tests and hooks that compute a release ask for `releaseTimeout`
    // (api/testTimeouts.ts) themselves.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

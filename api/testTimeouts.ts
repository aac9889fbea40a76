/**
 * How long a test that computes a release may run before vitest calls it hung. The suite runs on
 * two-core machines that are often busy with something else (another test run, a type check), and
 * computing a release is CPU-bound: on a busy machine it takes several times as long as on a quiet one.
 * The limit leaves room for a machine twice as slow as the slowest run measured while the machine was
 * busy (issue 12); raise it only with a new measurement, never to hide a test that hangs. Other tests
 * get the default in vite.config.ts.
 *
 * No imports, so the disclosure engine's tests can read it without loading the app.
 */

/**
 * For a test or hook that computes a release: `publishRelease`, `publishCompleteQuarters`, `protect()`
 * on a real cube, the LP audit of a large table. The slowest took 12 s on a busy machine.
 */
export const releaseTimeout = 30_000;

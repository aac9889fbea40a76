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
 * on a real cube, the LP audit of a large table. With both cores busy (load 6 to 9, two spinning
 * processes besides the suite) the slowest took 22 s (the six-county certificate audit) and "a year
 * total is audited with its quarters", 6.4 s when issue 12 was filed, 19 s.
 */
export const releaseTimeout = 60_000;

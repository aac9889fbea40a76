/**
 * `npm run bench [name…]`: runs Scope's benchmarks (all of them, or those named) and prints each
 * figure beside a baseline measured in the same run. Not part of `npm test`.
 */
import { runBundleBenchmark } from './bundle';
import { runCoalitionBenchmark } from './coalition';
import { runDisclosureBenchmarks } from './disclosure';
import { runImportBenchmark } from './import';
import { runLimitsBenchmark } from './limits';
import { runReportsBenchmark } from './reports';
import { runScanBenchmark } from './scan';
import { runSignInBenchmark } from './signin';
import { runStatsBenchmarks, statsOptionsFromArgs } from './stats';
import { runSubmissionBenchmarks } from './submissions';
import { runVisibilityBenchmark } from './visibility';

const benchmarks: Record<string, () => void | Promise<void>> = {
  import: () => runImportBenchmark({ agencies: 600, quarters: 40, rounds: 3 }),
  submissions: () => runSubmissionBenchmarks({ agencies: 100, requests: 300 }),
  scan: runScanBenchmark,
  // The statewide release takes long: each audience's protection stops after --budget=SECONDS (default an hour).
  disclosure: () => runDisclosureBenchmarks({ budgetSeconds: budgetFromArgs() ?? 3600 }),
  bundle: async () => void (await runBundleBenchmark()),
  limits: runLimitsBenchmark,
  signin: () => runSignInBenchmark({ attempts: 120, rounds: 3 }),
  // The statewide size by default; --agencies=N --counties=N make a smaller one while protection is slow.
  stats: () => runStatsBenchmarks(statsOptionsFromArgs(process.argv)),
  // The demo's and a statewide coalition's whole release history; --budget=SECONDS stops waiting for
  // each (default an hour), --agencies=N --counties=N make the statewide one smaller.
  visibility: () => {
    const { agencies, counties } = statsOptionsFromArgs(process.argv);
    return runVisibilityBenchmark({ agencies, counties, budgetSeconds: budgetFromArgs() ?? 3600 });
  },
  // The annual coalition report for the demo and a statewide coalition (--agencies=N --counties=N), its PDF with Chromium at SCOPE_CHROMIUM_PATH.
  reports: () =>
    runReportsBenchmark({
      ...statsOptionsFromArgs(process.argv),
      chromiumPath: process.env.SCOPE_CHROMIUM_PATH ?? '/usr/bin/chromium',
      rounds: 3,
    }),
  // The admin pages' reads (agencies, people, settings, completeness, reminders) for the demo and a
  // statewide coalition (--agencies=N --counties=N).
  coalition: () => runCoalitionBenchmark({ ...statsOptionsFromArgs(process.argv), rounds: 3 }),
  // Loaded only when asked for: Lighthouse is a large import. Pages: `npm run lighthouse -- <pages>`.
  lighthouse: () =>
    import('../lighthouse').then((l) => l.runLighthouse(l.lighthouseOptionsFromArgs(process.argv.slice(2)))),
};

/** `--budget=SECONDS` caps each audience's protection in the disclosure benchmark, and each history in the visibility one. */
function budgetFromArgs(): number | undefined {
  const flag = process.argv.find((a) => a.startsWith('--budget='));
  return flag ? Number(flag.slice('--budget='.length)) : undefined;
}

const requested = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark(s): ${unknown.join(', ')}. Choose from: ${Object.keys(benchmarks).join(', ')}.`,
  );
  process.exit(2);
}
console.log(`Scope benchmarks on Node ${process.version}`);
for (const name of requested.length > 0 ? requested : Object.keys(benchmarks)) await benchmarks[name]?.();

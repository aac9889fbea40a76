/**
 * `npm run lighthouse [-- pages…] [--desktop] [--save=DIR]`: Lighthouse 12.2.3 in Debian's Chromium on the built
 * app, over a fresh demo database in a temporary folder on its own port. Prints each page's
 * performance and accessibility scores (aim: ≥ 90 and 100), its metrics, and the audits that fail.
 *
 * Pages default to the overview as the demo viewer and the public page: `viewer:/dashboard /public`.
 * A page prefixed `viewer:` is loaded signed in (the session cookie sent with every request).
 * `--save=DIR` keeps each page's full report (`<page>.report.json`, viewable in the Lighthouse viewer).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { headlessChromiumArgs } from '../api/chromium';
import { buildWebApp } from './bench/bundle';
import { printTable } from './bench/measure';
import { signIn, startWebServer } from './bench/webServer';

// Lighthouse starts Chromium itself, so it asks for headless too.
const chromeFlags = ['--headless', ...headlessChromiumArgs];
const chromePath = '/usr/bin/chromium';
const demoViewer = { email: 'viewer@scope.demo', password: 'scope-demo-2026' };

export type LighthousePage = { path: string; signedIn: boolean };
export type LighthouseOptions = { pages: LighthousePage[]; desktop: boolean; saveDir?: string };

export const defaultLighthousePages: LighthousePage[] = [
  { path: '/dashboard', signedIn: true },
  { path: '/public', signedIn: false },
];

/** Pages (`/public`, `viewer:/dashboard`), `--desktop` and `--save=DIR` from the command line. */
export function lighthouseOptionsFromArgs(argv: readonly string[]): LighthouseOptions {
  const pages = argv
    .filter((a) => a.startsWith('/') || a.startsWith('viewer:/'))
    .map((a) =>
      a.startsWith('viewer:')
        ? { path: a.slice('viewer:'.length), signedIn: true }
        : { path: a, signedIn: false },
    );
  const save = argv.find((a) => a.startsWith('--save='))?.slice('--save='.length);
  return {
    pages: pages.length > 0 ? pages : defaultLighthousePages,
    desktop: argv.includes('--desktop'),
    ...(save ? { saveDir: resolve(save) } : {}),
  };
}

type PageResult = {
  page: LighthousePage;
  finalUrl: string;
  performance: number | null;
  accessibility: number | null;
  metrics: Record<string, string>;
  failing: string[];
  /** Audits Lighthouse could not run on this Chromium. */
  errored: string[];
  warnings: string[];
};

const score = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Math.round(value * 100);

const metricAudits = {
  FCP: 'first-contentful-paint',
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
  SI: 'speed-index',
};

async function audit(
  url: string,
  port: number,
  page: LighthousePage,
  cookie: string | null,
  desktop: boolean,
  saveDir: string | undefined,
): Promise<PageResult> {
  const runner = await lighthouse(
    url + page.path,
    {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    },
    desktop ? desktopConfig : undefined,
  );
  if (!runner) throw new Error(`Lighthouse gave no result for ${page.path}`);
  const { lhr } = runner;
  if (saveDir) {
    mkdirSync(saveDir, { recursive: true });
    const name = `${page.signedIn ? 'viewer' : 'public'}${page.path.replaceAll('/', '-').replace(/-$/, '') || '-home'}`;
    writeFileSync(join(saveDir, `${name}.report.json`), JSON.stringify(lhr, null, 2));
  }
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${page.path}: ${lhr.runtimeError.message}`);
  const failing: string[] = [];
  const errored: string[] = [];
  for (const category of ['performance', 'accessibility'] as const) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const result = lhr.audits[ref.id];
      if (result?.scoreDisplayMode === 'error') {
        // Lighthouse 12.2's trace engine trips over some newer Chromium traces: say so, don't hide it.
        errored.push(ref.id);
        continue;
      }
      // Metrics are listed on their own; informative and not-applicable audits have no score.
      if (!result || result.score === null || ref.group === 'metrics') continue;
      if (result.scoreDisplayMode === 'informative' || result.scoreDisplayMode === 'notApplicable') continue;
      if (result.score >= 0.9) continue;
      const display = result.displayValue ? ` (${result.displayValue})` : '';
      failing.push(`${category}: ${result.title}${display} [${ref.id}, score ${score(result.score)}]`);
    }
  }
  return {
    page,
    finalUrl: lhr.finalDisplayedUrl,
    performance: score(lhr.categories.performance?.score),
    accessibility: score(lhr.categories.accessibility?.score),
    metrics: Object.fromEntries(
      Object.entries(metricAudits).map(([name, id]) => [name, lhr.audits[id]?.displayValue ?? '—']),
    ),
    failing,
    errored,
    warnings: lhr.runWarnings,
  };
}

export async function runLighthouse(options: LighthouseOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'scope-lighthouse-'));
  let server: Awaited<ReturnType<typeof startWebServer>> | undefined;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    const webDir = join(dir, 'web');
    const built = await buildWebApp(webDir);
    // The demo is created and its releases published on the first start, as `npm start` does.
    const started = performance.now();
    server = await startWebServer({
      databasePath: join(dir, 'scope.db'),
      sessionSecret: randomBytes(32).toString('hex'),
      webDistDir: webDir,
      nodeEnv: 'development',
      startSeconds: 900,
    });
    const { url } = server;
    console.log(
      `\nLighthouse 12.2.3 (${options.desktop ? 'desktop' : 'mobile, the default'}) in ${chromePath}: the app built in ${built.seconds.toFixed(1)} s, the demo ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const cookie = options.pages.some((p) => p.signedIn)
      ? await signIn(url, demoViewer.email, demoViewer.password)
      : null;
    // A fresh profile each run: no cache, cookies or service workers left from an earlier one.
    const profile = join(dir, 'chromium-profile');
    mkdirSync(profile);
    chrome = await chromeLauncher.launch({ chromePath, chromeFlags, userDataDir: profile });
    const results: PageResult[] = [];
    for (const page of options.pages)
      results.push(
        await audit(url, chrome.port, page, page.signedIn ? cookie : null, options.desktop, options.saveDir),
      );

    printTable([
      ['page', 'as', 'performance', 'accessibility', ...Object.keys(metricAudits)],
      ...results.map((r) => [
        r.page.path,
        r.page.signedIn ? 'viewer' : 'public',
        `${r.performance ?? '—'} (aim ≥ 90)`,
        `${r.accessibility ?? '—'} (aim 100)`,
        ...Object.values(r.metrics),
      ]),
    ]);
    for (const r of results) {
      const landed = new URL(r.finalUrl).pathname;
      const moved = landed === r.page.path ? '' : ` (landed on ${landed})`;
      console.log(
        `\n  ${r.page.path}${moved}: ${r.failing.length === 0 ? 'no failing audits' : 'failing audits:'}`,
      );
      for (const line of r.failing) console.log(`    - ${line}`);
      if (r.errored.length > 0)
        console.log(
          `    ? ${r.errored.length} audits could not run on this Chromium (Lighthouse 12's trace engine fails on its traces; --save=DIR keeps the errors): ${r.errored.join(', ')}`,
        );
      for (const warning of r.warnings) console.log(`    ! ${warning}`);
    }
  } finally {
    await chrome?.kill();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  await runLighthouse(lighthouseOptionsFromArgs(process.argv.slice(2)));

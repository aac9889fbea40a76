/**
 * The web app's JavaScript as a browser downloads it: builds it with Vite (the project's own config,
 * into a temporary folder so a running server's `web/dist` is left alone), then reports the gzip
 * size of every chunk, the first-load JavaScript of the sign-in and home routes against the budget,
 * what each route loaded on demand adds, and which chunk holds Recharts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import { projectRoot } from '../../api/config';
import { printTable } from './measure';

/** First-load JavaScript of the sign-in and home routes, gzip (issue 5). */
export const firstLoadBudget = 170_000;

/** The routes held to the budget, by the module that renders each. */
const budgetedRoutes = [
  { route: '/sign-in', module: 'web/src/features/auth/SignInPage.tsx' },
  { route: '/ (home)', module: 'web/src/features/home/HomePage.tsx' },
];

type ManifestEntry = {
  file: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
};
type Manifest = Record<string, ManifestEntry>;

export type Chunk = {
  /** As served, under the dist folder: `assets/index-….js`. */
  file: string;
  bytes: number;
  gzip: number;
  isEntry: boolean;
  isDynamicEntry: boolean;
  /** Source modules bundled into it, relative to the project (`node_modules/recharts/…`). */
  modules: string[];
};

export type RouteLoad = { route: string; files: string[]; gzip: number };

export type BundleReport = {
  buildSeconds: number;
  chunks: Chunk[];
  /** Entry chunk plus its static imports, plus the route's own chunk (and its imports) if lazy. */
  firstLoad: RouteLoad[];
  /** The entry chunk and its static imports: what every page loads first. */
  entryGzip: number;
  /** Every lazily loaded route chunk: what it adds to the entry's first load. */
  onDemand: RouteLoad[];
  /** The chunk(s) that bundle Recharts; empty while nothing charts. */
  recharts: string[];
};

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Records which modules each written chunk bundles: the manifest names chunks, not their contents. */
function recordModules(into: Map<string, string[]>): Plugin {
  return {
    name: 'scope-bench-record-modules',
    apply: 'build',
    writeBundle(_options, bundle) {
      for (const output of Object.values(bundle))
        if (output.type === 'chunk')
          into.set(
            output.fileName,
            output.moduleIds.map((id) =>
              relative(projectRoot, id.replace(/^\0/, '').split('?')[0] as string),
            ),
          );
    },
  };
}

/** The chunk files a manifest entry loads before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const entry = manifest[key];
  if (!entry || into.has(entry.file)) return into;
  into.add(entry.file);
  for (const imported of entry.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

/**
 * Builds the web app with the project's Vite config into `outDir` (not `web/dist`, which a running
 * server may be serving). Returns the modules each chunk bundles and how long the build took.
 */
export async function buildWebApp(outDir: string) {
  const modulesByChunk = new Map<string, string[]>();
  const started = performance.now();
  await build({
    configFile: join(projectRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
    plugins: [recordModules(modulesByChunk)],
  });
  return { modulesByChunk, seconds: (performance.now() - started) / 1000 };
}

/** Builds the web app into a temporary folder and measures it. */
export async function measureBundle(): Promise<BundleReport> {
  const outDir = mkdtempSync(join(tmpdir(), 'scope-bench-bundle-'));
  try {
    const { modulesByChunk, seconds: buildSeconds } = await buildWebApp(outDir);
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    const byFile = new Map(Object.entries(manifest).map(([key, entry]) => [entry.file, { key, entry }]));

    const chunks: Chunk[] = [...modulesByChunk].map(([file, modules]) => {
      const bytes = readFileSync(join(outDir, file));
      const entry = byFile.get(file)?.entry;
      return {
        file,
        bytes: bytes.length,
        // Default level, as the server's compress() middleware and most CDNs send it.
        gzip: gzipSync(bytes).length,
        isEntry: entry?.isEntry ?? false,
        isDynamicEntry: entry?.isDynamicEntry ?? false,
        modules,
      };
    });
    chunks.sort((a, b) => b.gzip - a.gzip);
    const gzipOf = (files: Iterable<string>) =>
      [...files].reduce((sum, f) => sum + (chunks.find((c) => c.file === f)?.gzip ?? 0), 0);

    const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
    if (!entryKey) throw new Error('the build has no entry chunk');
    const entryFiles = staticClosure(manifest, entryKey);
    const load = (route: string, files: Set<string>): RouteLoad => ({
      route,
      files: [...files],
      gzip: gzipOf(files),
    });

    const firstLoad = budgetedRoutes.map(({ route, module }) => {
      const files = new Set(entryFiles);
      const chunk = chunks.find((c) => c.modules.includes(module));
      if (!chunk) throw new Error(`no chunk holds ${module}: has the route moved?`);
      const key = byFile.get(chunk.file)?.key;
      if (key) staticClosure(manifest, key, files);
      return load(route, files);
    });
    const onDemand = chunks
      .filter((c) => c.isDynamicEntry)
      .map((c) => {
        const key = byFile.get(c.file)?.key as string;
        const added = [...staticClosure(manifest, key)].filter((f) => !entryFiles.has(f));
        return load(manifest[key]?.name ?? c.file, new Set(added));
      })
      .sort((a, b) => b.gzip - a.gzip);
    const recharts = chunks
      .filter((c) => c.modules.some((m) => m.includes('node_modules/recharts/')))
      .map((c) => c.file);
    return { buildSeconds, chunks, firstLoad, entryGzip: gzipOf(entryFiles), onDemand, recharts };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Prints a bundle report: the chunks, the budgeted first loads, the lazy routes and Recharts. */
export function printBundleReport(report: BundleReport): void {
  console.log(
    `\nBundle: the web app's JavaScript (vite build in ${report.buildSeconds.toFixed(1)} s; 1 kB = 1000 bytes)`,
  );
  printTable([
    ['chunk', 'gzip', 'raw', 'kind'],
    ...report.chunks.map((c) => [
      c.file.replace(/^assets\//, ''),
      kB(c.gzip),
      kB(c.bytes),
      c.isEntry ? 'entry' : c.isDynamicEntry ? 'lazy route' : 'shared',
    ]),
  ]);
  console.log(`\n  first-load JavaScript (gzip), budget ${kB(firstLoadBudget)}:`);
  printTable([
    ['route', 'gzip', 'of budget', 'chunks'],
    ...report.firstLoad.map((r) => [
      r.route,
      kB(r.gzip),
      `${((r.gzip / firstLoadBudget) * 100).toFixed(0)}%${r.gzip > firstLoadBudget ? ' OVER' : ''}`,
      String(r.files.length),
    ]),
  ]);
  if (report.onDemand.length > 0) {
    console.log('\n  loaded on demand (gzip the route adds to the entry, and the total when opened first):');
    printTable([
      ['route chunk', 'adds', 'total'],
      ...report.onDemand.map((r) => [r.route, kB(r.gzip), kB(report.entryGzip + r.gzip)]),
    ]);
  }
  const firstLoadFiles = new Set(report.firstLoad.flatMap((r) => r.files));
  console.log(
    report.recharts.length === 0
      ? '\n  Recharts: in no chunk (nothing charts yet).'
      : `\n  Recharts: in ${report.recharts
          .map(
            (f) =>
              `${f.replace(/^assets\//, '')}${firstLoadFiles.has(f) ? ' (IN THE FIRST LOAD)' : ' (lazy)'}`,
          )
          .join(', ')}`,
  );
}

let measured: Promise<BundleReport> | undefined;

/**
 * `npm run bench -- bundle`. Builds once per process: when the stats benchmark follows, it reuses
 * the report rather than building again.
 */
export async function runBundleBenchmark(): Promise<BundleReport> {
  if (measured) {
    const report = await measured;
    console.log('\nBundle: as above.');
    return report;
  }
  measured = measureBundle();
  const report = await measured;
  printBundleReport(report);
  return report;
}

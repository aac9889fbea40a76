/**
 * `npm run bench -- visibility` (issue 13): how much of the published figures each audience sees, and
 * how long the whole release history takes to protect.
 * - The demo as the first `npm start` creates it, and a statewide synthetic coalition (58 counties,
 *   600 agencies, 2024Q4–2026Q2; `--agencies=N --counties=N` for a smaller one), each in a temporary database with
 *   every complete quarter published oldest first through the releases service. `--budget=SECONDS`
 *   stops waiting for a history (default an hour) and measures what was published by then.
 * - Per audience, for the latest complete quarter, the last calendar year and the last federal fiscal
 *   year: per table, the share of cells visible and the share of the count they hold; the share of the
 *   demographic count visible, coalition-wide and per county; the headline totals visible; and,
 *   over the whole history, whether members ever see less than the public.
 * Only `trueValues` knows how true values are computed; everything else reads published cells.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, openDatabase } from '../../api/db';
import { coalitionGeo, tableCategories } from '../../api/disclosure/cube';
import type { Audience } from '../../api/disclosure/types';
import { comparePeriods, type PeriodKind, periodKindOf } from '../../api/domain/periods';
import { listPublishedCells } from '../../api/queries/publishedCells';
import { getFirstAdmin, listCountyCodes, listPublishedPeriods } from '../../api/queries/releases';
import { currentCatalog } from '../../api/services/catalog';
import { historyCube } from '../../api/services/releases/history';
import { listReleaseViews } from '../../api/services/releases/views';
import { printTable } from './measure';
import type { StatewideSize } from './statewide';
import type { HistoryMessage } from './visibilityChild';
import {
  type CategoriesOf,
  compareAudiences,
  type DemographicVisibility,
  demographicElement,
  demographicVisibility,
  headlineVisibility,
  indexPublished,
  indexTruth,
  type Nesting,
  type Published,
  percent,
  type TableVisibility,
  type TrueValues,
  tableVisibility,
} from './visibilityMeasures';

export type VisibilityOptions = StatewideSize & { budgetSeconds: number };

const seconds = (start: number) => (performance.now() - start) / 1000;

/**
 * The true value of every cell of these periods (coalition and counties, every table) by cell id: the
 * cube builder over the approved values, unprotected. The only place the benchmark reads raw values
 * or builds a cube, so a change to the cube builder's input is made here alone.
 */
export function trueValues(db: Db, periods: readonly string[]): Map<string, number> {
  const wanted = new Set(periods);
  // The members' cube of every published period holds every published table (the public's too).
  const truth = new Map<string, number>();
  for (const cell of historyCube(db, 'coalition').cells)
    if (wanted.has(cell.period)) truth.set(cell.id, cell.value);
  return truth;
}

// ---- The release history, in a child process -----------------------------------------------------

type History = {
  agencies: number;
  writeSeconds: number;
  /** Seconds publishing took, or how long it ran before the budget stopped it. */
  seconds: number;
  finished: boolean;
  failed: string[];
};

/** Writes a coalition and publishes its history in a child process, stopped after the budget. */
function publishHistory(
  kind: 'demo' | 'statewide',
  databasePath: string,
  options: VisibilityOptions,
): Promise<History> {
  return new Promise((resolve, reject) => {
    const child = fork(
      fileURLToPath(new URL('./visibilityChild.ts', import.meta.url)),
      [kind, databasePath, String(options.agencies), String(options.counties)],
      { execArgv: process.execArgv },
    );
    let written: Extract<HistoryMessage, { type: 'written' }> | undefined;
    let started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    child.on('message', (message: HistoryMessage) => {
      if (message.type === 'written') {
        written = message;
        started = performance.now();
        timer = setTimeout(() => {
          settled = true;
          child.kill('SIGKILL');
          resolve({
            agencies: message.agencies,
            writeSeconds: message.seconds,
            seconds: seconds(started),
            finished: false,
            failed: [],
          });
        }, options.budgetSeconds * 1000);
      } else if (message.type === 'published' && written && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({
          agencies: written.agencies,
          writeSeconds: written.seconds,
          seconds: message.seconds,
          finished: true,
          failed: message.failed,
        });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!settled) reject(new Error(`the release history's process stopped (${code})`));
    });
  });
}

// ---- Measuring ----------------------------------------------------------------------------------

const periodKinds = [
  ['quarter', 'latest complete quarter'],
  ['year', 'last calendar year'],
  ['fy', 'last federal fiscal year'],
] as const satisfies ReadonlyArray<readonly [PeriodKind, string]>;

type Measured = {
  periods: string[];
  counties: string[];
  truth: ReturnType<typeof indexTruth>;
  published: Record<Audience, Published>;
  categoriesOf: CategoriesOf;
  /** Building every published period's full cube, unprotected; re-reading every published cell. */
  baselines: { cubes: number; reading: number };
  nesting: Nesting;
  uncovered: number;
};

function measure(db: Db): Measured | undefined {
  const publishedPeriods = listPublishedPeriods(db);
  if (publishedPeriods.length === 0) return undefined;
  const newest = (kind: PeriodKind) =>
    publishedPeriods
      .map((p) => p.period)
      .filter((p) => periodKindOf(p) === kind)
      .sort(comparePeriods)
      .at(-1);
  const periods = periodKinds.flatMap(([kind]) => newest(kind) ?? []);

  let start = performance.now();
  const truth = trueValues(
    db,
    publishedPeriods.map((p) => p.period),
  );
  const cubes = seconds(start);

  start = performance.now();
  const read = (audience: Audience) =>
    indexPublished(
      publishedPeriods.flatMap(({ period, releaseId }) =>
        listPublishedCells(db, releaseId, audience, period),
      ),
    );
  const published = { coalition: read('coalition'), public: read('public') };
  const reading = seconds(start);

  const catalog = currentCatalog(db);
  return {
    periods,
    counties: listCountyCodes(db),
    truth: indexTruth(truth),
    published,
    // A grouped table, `<element>.<combo>:<grouping>`, has its combination's categories.
    categoriesOf: (table) => tableCategories(catalog, table),
    baselines: { cubes, reading },
    nesting: compareAudiences(published.coalition, published.public),
    uncovered: uncoveredCells(published, truth),
  };
}

/** Published cells without a true value, which the shares leave out: said rather than guessed. */
function uncoveredCells(published: Record<Audience, Published>, truth: TrueValues): number {
  let missing = 0;
  for (const audience of ['coalition', 'public'] as const)
    for (const id of published[audience].cells.keys()) if (!truth.has(id)) missing++;
  return missing;
}

// ---- Printing -----------------------------------------------------------------------------------

const audienceName: Record<Audience, string> = { coalition: 'members', public: 'public' };
const columns = (periods: readonly string[]) =>
  (['coalition', 'public'] as const).flatMap((audience) =>
    periods.map((period) => ({ audience, period, title: `${audienceName[audience]} ${period}` })),
  );

function printHistory(db: Db, history: History, budgetSeconds: number) {
  const admin = getFirstAdmin(db);
  const releases = listReleaseViews(db, admin ?? null).reverse();
  const rows = releases.map((r) => {
    const wall =
      r.publishedAt === null ? '' : ((Date.parse(r.publishedAt) - Date.parse(r.createdAt)) / 1000).toFixed(1);
    const audience = (a: Audience) => r.audiences[a];
    return [
      r.period,
      r.periods.join(' '),
      // Left computing when the budget stopped the history.
      r.status === 'computing' ? 'stopped' : r.status,
      wall,
      audience('coalition')?.seconds.toFixed(1) ?? '',
      audience('public')?.seconds.toFixed(1) ?? '',
      `${audience('coalition')?.hidden ?? '—'} / ${audience('public')?.hidden ?? '—'}`,
    ];
  });
  console.log(`  wrote the coalition (${history.agencies} agencies) in ${history.writeSeconds.toFixed(1)} s`);
  console.log(
    history.finished
      ? `  published its release history, every complete quarter oldest first, in ${history.seconds.toFixed(1)} s${history.failed.length > 0 ? `; not published (protection failed): ${history.failed.join(', ')}` : ''}`
      : `  the release history did not finish in ${budgetSeconds} s: measured below is what was published by then`,
  );
  printTable([
    ['release', 'periods', 'status', 'total s', 'members s', 'public s', 'hidden (members / public)'],
    ...rows,
  ]);
  const engine = (a: Audience) => releases.reduce((sum, r) => sum + (r.audiences[a]?.seconds ?? 0), 0);
  console.log(
    `  protection in the engine: members ${engine('coalition').toFixed(1)} s, public ${engine('public').toFixed(1)} s`,
  );
}

function printBaselines(m: Measured, history: History) {
  const ratio = (baseline: number) =>
    history.finished ? `${(history.seconds / baseline).toFixed(0)}×` : '—';
  printTable([
    ['baseline (same run)', 'seconds', 'history ÷ baseline'],
    [
      "building every published period's full cube, unprotected",
      m.baselines.cubes.toFixed(2),
      ratio(m.baselines.cubes),
    ],
    [
      're-reading every published cell, both audiences',
      m.baselines.reading.toFixed(2),
      ratio(m.baselines.reading),
    ],
  ]);
}

function printTables(m: Measured) {
  const cols = columns(m.periods);
  const byColumn = cols.map(({ audience, period }) =>
    tableVisibility(m.truth, m.published[audience], period, coalitionGeo),
  );
  const tables = [...new Set(byColumn.flatMap((list) => list.map((t) => t.table)))];
  const entry = (t: TableVisibility | undefined) =>
    !t?.published
      ? 'not published'
      : `${percent(t.visibleCells, t.cells)} · ${t.count === 0 ? 'no count' : percent(t.visibleCount, t.count)}`;
  console.log('\n  Coalition-wide, per table: share of cells visible · share of the count they hold');
  printTable([
    ['table', ...cols.map((c) => c.title)],
    ...tables.map((table) => [table, ...byColumn.map((list) => entry(list.find((t) => t.table === table)))]),
  ]);
}

/** Per county, or for many counties a summary: all together, the median county, those seeing none. */
function countyRows(
  m: Measured,
  headlineCounty: string,
  share: (geo: string, period: string) => DemographicVisibility,
): string[][] {
  const all = m.counties.map((geo) => m.periods.map((period) => share(geo, period)));
  const cell = (d: DemographicVisibility) => percent(d.visible, d.total);
  if (m.counties.length <= 8)
    return m.counties.map((geo, i) => [`${geo} (members)`, ...(all[i] ?? []).map(cell)]);
  const index = m.counties.indexOf(headlineCounty);
  return [
    [
      'all counties together (members)',
      ...m.periods.map((_, p) => {
        const sum = (f: (d: DemographicVisibility) => number) =>
          all.reduce((s, county) => s + f(county[p] as DemographicVisibility), 0);
        return percent(
          sum((d) => d.visible),
          sum((d) => d.total),
        );
      }),
    ],
    [
      'median county (members)',
      ...m.periods.map((_, p) => {
        const shares = all
          .map((county) => county[p] as DemographicVisibility)
          .filter((d) => d.total > 0)
          .map((d) => d.visible / d.total)
          .sort((a, b) => a - b);
        const middle = shares[Math.floor(shares.length / 2)];
        return middle === undefined ? '—' : percent(middle, 1);
      }),
    ],
    [
      'counties seeing none of it (members)',
      ...m.periods.map(
        (_, p) =>
          `${all.filter((c) => (c[p] as DemographicVisibility).visible === 0).length} of ${m.counties.length}`,
      ),
    ],
    ...(index < 0 ? [] : [[`${headlineCounty} (members)`, ...(all[index] ?? []).map(cell)]]),
  ];
}

function printDemographics(m: Measured, headlineCounty: string) {
  const share = (audience: Audience, geo: string, period: string) =>
    demographicVisibility(m.truth, m.published[audience], m.categoriesOf, period, geo);
  console.log(
    `\n  Demographic count visible (${demographicElement}: type, age, gender, citizenship, LGBTQ+, disability;`,
  );
  console.log(
    "  each category by the audience's best table along it, inner cells of two-way tables left out)",
  );
  printTable([
    ['where (audience)', ...m.periods],
    ...(['coalition', 'public'] as const).map((audience) => [
      `coalition-wide (${audienceName[audience]})`,
      ...m.periods.map((period) => {
        const d = share(audience, coalitionGeo, period);
        return percent(d.visible, d.total);
      }),
    ]),
    ...countyRows(m, headlineCounty, (geo, period) => share('coalition', geo, period)),
  ]);
  const cols = columns(m.periods);
  const byColumn = cols.map(({ audience, period }) => share(audience, coalitionGeo, period).categories);
  console.log('\n  Coalition-wide, per category (the table counted)');
  printTable([
    ['category', ...cols.map((c) => c.title)],
    ...(byColumn[0] ?? []).map((row, i) => [
      row.category,
      ...byColumn.map((list) => {
        const c = list[i];
        return !c?.table ? 'not published' : `${percent(c.visible, c.total)} ${c.table.split('.')[1] ?? ''}`;
      }),
    ]),
  ]);
}

const headlines = (m: Measured, audience: Audience, period: string, geo: string) =>
  headlineVisibility(m.truth, m.published[audience], period, geo);

function printHeadlines(m: Measured) {
  console.log("\n  Headline totals visible (each element's grand total)");
  const count = (audience: Audience, geo: string, period: string) => {
    const list = headlines(m, audience, period, geo);
    return `${list.filter((h) => h.visible).length} of ${list.length}`;
  };
  printTable([
    ['where (audience)', ...m.periods],
    ...(['coalition', 'public'] as const).map((audience) => [
      `coalition-wide (${audienceName[audience]})`,
      ...m.periods.map((period) => count(audience, coalitionGeo, period)),
    ]),
    ...(m.counties.length <= 8
      ? m.counties.map((geo) => [
          `${geo} (members)`,
          ...m.periods.map((period) => count('coalition', geo, period)),
        ])
      : []),
  ]);
}

function printNesting(n: Nesting) {
  console.log('\n  Members against the public, cell for cell over the whole history');
  printTable([
    ['public cells', n.publicCells.toLocaleString('en-US')],
    ['  members were not given', String(n.missingForMembers)],
    [
      '  visible to the public, hidden from members',
      `${n.hiddenFromMembers} (holding a count of ${n.hiddenFromMembersCount})`,
    ],
    ['  visible to both with different values', String(n.differentValues)],
    ['table-period pairs where the public sees more', String(n.publicSeesMore.length)],
  ]);
  if (n.publicSeesMore.length > 0)
    console.log(
      `    ${n.publicSeesMore.slice(0, 12).join(', ')}${n.publicSeesMore.length > 12 ? ', …' : ''}`,
    );
}

const line = (pass: boolean, text: string) => console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${text}`);

/** The aims of issue 13 as PASS and FAIL lines: set for the demo, and the time aim for the statewide history. */
function printAims(
  m: Measured,
  headlineCounty: { code: string; name: string },
  history: History | undefined,
) {
  const [quarter, year] = (['quarter', 'year'] as const).map((kind) =>
    m.periods.find((p) => periodKindOf(p) === kind),
  );
  console.log(
    history
      ? "\n  Aims (the time aim is the statewide history's; the others are set for the demo, shown for comparison)"
      : '\n  Aims',
  );
  if (history) timeAim(history);
  if (!year) line(false, 'no calendar year was published, so the yearly aims cannot be measured');
  if (year)
    for (const [audience, aim] of [
      ['coalition', 0.85],
      ['public', 0.7],
    ] as const) {
      const d = demographicVisibility(m.truth, m.published[audience], m.categoriesOf, year, coalitionGeo);
      line(
        d.total > 0 && d.visible / d.total >= aim,
        `${audience === 'public' ? 'the public sees' : 'members see'} ${percent(d.visible, d.total)} of ${year}'s demographic count coalition-wide (aim ≥ ${aim * 100}%)`,
      );
    }
  const allVisible = (audience: Audience, period: string, geo: string, where: string) => {
    const list = headlines(m, audience, period, geo);
    // The true value beside each hidden one: a small count is hidden for itself, a large one as a complement.
    const hidden = list.filter((h) => !h.visible).map((h) => `${h.element} (${h.value})`);
    line(
      list.length > 0 && hidden.length === 0,
      `every headline total of ${period} is visible to ${audienceName[audience]} ${where} (${list.length - hidden.length} of ${list.length}${hidden.length > 0 ? `; hidden: ${hidden.join(', ')}` : ''})`,
    );
  };
  for (const period of [quarter, year])
    if (period)
      for (const audience of ['coalition', 'public'] as const)
        allVisible(audience, period, coalitionGeo, 'coalition-wide');
  if (year) allVisible('coalition', year, headlineCounty.code, `in ${headlineCounty.name}`);
  const n = m.nesting;
  line(
    n.missingForMembers + n.hiddenFromMembers + n.differentValues === 0,
    `members never see less than the public, cell for cell (${n.hiddenFromMembers} public cells hidden from members, ${n.missingForMembers} not given to them, ${n.differentValues} with other values)`,
  );
}

const timeAimSeconds = 60;
function timeAim(history: History) {
  line(
    history.finished && history.seconds < timeAimSeconds,
    history.finished
      ? `the statewide release history protects in ${history.seconds.toFixed(1)} s (aim < ${timeAimSeconds} s)`
      : `the statewide release history did not finish in ${history.seconds.toFixed(0)} s (aim < ${timeAimSeconds} s)`,
  );
}

/** What was published, measured from the database the history was written to. */
function printMeasures(m: Measured, history: History, headlineCounty: { code: string; name: string }) {
  printBaselines(m, history);
  if (m.uncovered > 0)
    console.log(
      `  ${m.uncovered} published cells have no true value (trueValues does not cover them): left out`,
    );
  const labels = periodKinds.map(
    ([kind, label]) => `${label} ${m.periods.find((p) => periodKindOf(p) === kind) ?? 'none published'}`,
  );
  console.log(`  periods measured: ${labels.join(', ')}`);
  const served = m.periods.map((period) => {
    const total = m.truth
      .get(`${period}/${coalitionGeo}`)
      ?.find((c) => c.table === demographicElement && c.optionKey === '_total');
    return `${period} ${total?.value ?? '—'}`;
  });
  console.log(`  survivors served coalition-wide (true counts): ${served.join(', ')}`);
  printTables(m);
  printDemographics(m, headlineCounty.code);
  printHeadlines(m);
  printNesting(m.nesting);
}

/** One coalition: its history published in a child process, then measured from its database. */
async function benchCoalition(
  kind: 'demo' | 'statewide',
  title: string,
  options: VisibilityOptions,
  headlineCounty: (m: Measured) => { code: string; name: string },
) {
  const dir = mkdtempSync(join(tmpdir(), 'scope-bench-visibility-'));
  try {
    const databasePath = join(dir, 'scope.db');
    // First, so the history's progress lines come under it.
    console.log(`\n${title}`);
    const history = await publishHistory(kind, databasePath, options);
    const db = openDatabase(databasePath);
    try {
      printHistory(db, history, options.budgetSeconds);
      const timed = kind === 'statewide' ? history : undefined;
      const m = measure(db);
      if (m) {
        const county = headlineCounty(m);
        printMeasures(m, history, county);
        printAims(m, county, timed);
      } else {
        console.log('  nothing was published, so there is nothing to measure');
        if (timed) timeAim(timed);
      }
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The county with the most survivors served in the last calendar year measured (the statewide's largest). */
function largestCounty(m: Measured) {
  const year = m.periods.find((p) => periodKindOf(p) === 'year') ?? m.periods[0];
  const served = (geo: string) =>
    m.truth.get(`${year}/${geo}`)?.find((c) => c.table === demographicElement && c.optionKey === '_total')
      ?.value ?? 0;
  const code = [...m.counties].sort((a, b) => served(b) - served(a))[0] ?? coalitionGeo;
  return { code, name: `the largest county, ${code}` };
}

export async function runVisibilityBenchmark(options: VisibilityOptions): Promise<void> {
  await benchCoalition(
    'demo',
    'Visibility: the demo coalition as the first `npm start` creates it',
    options,
    () => ({ code: 'SCL', name: 'Santa Clara County' }),
  );
  await benchCoalition(
    'statewide',
    `Visibility: a statewide synthetic coalition (${options.agencies} agencies, ${options.counties} counties)`,
    options,
    largestCounty,
  );
}

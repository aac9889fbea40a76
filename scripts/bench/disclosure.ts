/**
 * Disclosure protection benchmarks, each figure beside baselines measured in the same run (building
 * the cube, and solving one LP over the whole cube):
 * - one demo-coalition quarter release, and its year release, for both audiences;
 * - a statewide synthetic release: 58 counties, 600 agencies, the full catalog, four quarters and
 *   their year, for both audiences.
 * For each: seconds, cells, LPs solved, cells hidden and the information lost (hidden share of the
 * cells, and, over the people cells the release publishes, of the count and of the non-zero cells, in
 * all and per level), beside the engine before issue 13 (`legacy`) on the same cube. The textbook
 * tables of the tests are measured the same way, old against new.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase } from '../../api/db';
import { agencyQuarterValues, planDemoCoalition } from '../../api/demo/generate';
import { readDemoInputs } from '../../api/demo/inputs';
import { writeDemoCoalition } from '../../api/demo/seed';
import {
  type ApprovedValues,
  buildCube,
  type Cube,
  cellId,
  planGrains,
  releaseAggregates,
} from '../../api/disclosure/cube';
import { loadHighs, protect } from '../../api/disclosure/protect';
import { textbookTables } from '../../api/disclosure/testTables';
import type { Audience, ComplementStrategy, ProtectionResult } from '../../api/disclosure/types';
import { readDefaultCatalog, readDefaultPlan } from '../../api/queries/catalog';
import { getFirstAdmin } from '../../api/queries/releases';
import { publishRelease } from '../../api/services/releases/publish';
import { formatRatio, median, printTable } from './measure';

export const catalog = readDefaultCatalog();
export const plan = readDefaultPlan(catalog);

/** A case's cube for an audience, under the default plan: the quarter and what its release owns. */
export function caseCube(name: BenchCase, audience: Audience, size?: { agencies: number; counties: number }) {
  const { quarter, ...input } = caseInput(name, size);
  const owned = [quarter, ...releaseAggregates(quarter, [...planGrains(plan)])];
  return buildCube({ catalog, plan, audience, ...input, owned, countyBreakdownAgencies: 3 });
}

/** A small deterministic generator (the bench must give the same statewide coalition every run). */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The demo generator's approved values for some quarters: quarter → agency → cell key → value. */
export function demoValues(options: { agencies?: number; quarters?: number }, quarters: readonly string[]) {
  const plan = planDemoCoalition(readDemoInputs(), catalog, options);
  const values = new Map<string, Map<string, Map<string, number>>>();
  for (const aq of agencyQuarterValues(plan)) {
    if (!quarters.includes(aq.period) || aq.submission.status !== 'approved') continue;
    const byAgency = values.get(aq.period) ?? new Map<string, Map<string, number>>();
    values.set(aq.period, byAgency);
    byAgency.set(aq.agencyCode, aq.values);
  }
  return { plan, values };
}

const seconds = (start: number) => (performance.now() - start) / 1000;

/**
 * The baseline LP: every cell of the cube a variable (≥ 0), every relation a row, coalition-wide
 * cells fixed at their values, maximizing one county cell. The engine's LPs are over hidden cells
 * only, so they should be far smaller than this one.
 */
async function oneWholeCubeLp(cube: Cube, target: string): Promise<{ build: number; solve: number }> {
  const highs = await loadHighs();
  const index = new Map(cube.cells.map((c, i) => [c.id, i]));
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  for (const r of cube.relations) {
    const members =
      r.kind === 'sum'
        ? [[index.get(r.total), 1], ...r.parts.map((p) => [index.get(p), -1])]
        : [
            [index.get(r.cell), 1],
            [index.get(r.bound), -1],
          ];
    for (const [cell, coefficient] of members) {
      indices.push(cell as number);
      values.push(coefficient as number);
    }
    starts.push(indices.length);
    rowLower.push(r.kind === 'sum' ? 0 : -highs.infinity);
  }
  const n = cube.cells.length;
  const fixed = (i: number) => cube.cells[i]?.geo === 'coalition';
  const built = performance.now();
  const model = highs.createModel({
    numCols: n,
    numRows: cube.relations.length,
    colCost: cube.cells.map((c) => (c.id === target ? 1 : 0)),
    colLower: cube.cells.map((c, i) => (fixed(i) ? c.value : 0)),
    colUpper: cube.cells.map((c, i) => (fixed(i) ? c.value : highs.infinity)),
    rowLower,
    rowUpper: cube.relations.map(() => 0),
    matrix: { format: 'csr', numRows: cube.relations.length, numCols: n, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false });
    model.changeObjectiveSense(highs.constants.objectiveSense.maximize);
    const build = seconds(built);
    // Each solve from scratch (no basis kept), the median of three: the first pays for warming up.
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      model.clearSolver();
      const solving = performance.now();
      model.run();
      times.push(seconds(solving));
    }
    return { build, solve: median(times) };
  } finally {
    model.dispose();
  }
}

type Outcome = {
  audience: Audience;
  /** `best`: today's engine; `legacy`: the engine before issue 13. */
  engine: Engine;
  result: Pick<ProtectionResult, 'status' | 'stats'> | null;
  seconds: number;
  note: string;
};

/** Which engine a child runs: today's (`best`, its default) or the one before issue 13. */
export type Engine = 'best' | Extract<ComplementStrategy, 'legacy'>;

/** The releases the benchmark protects, each rebuilt the same way wherever it runs. */
export type BenchCase = 'demo-quarter' | 'demo-year' | 'statewide';

const year = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'];

/** A case's cube input: deterministic, so the parent and its child processes build the same cube. */
export function caseInput(name: BenchCase, size = { agencies: 600, counties: 58 }) {
  if (name !== 'statewide') {
    const demo = demoValues({}, name === 'demo-year' ? year : ['2026Q2']);
    return {
      agencies: demo.plan.agencies.map((a) => ({ code: a.code, county: a.homeCounty, type: a.type })),
      counties: demo.plan.counties.map((c) => c.code),
      values: demo.values as ApprovedValues,
      quarter: name === 'demo-year' ? '2025Q4' : '2026Q2',
    };
  }
  // The demo generator's agencies spread over generated counties: a few large, many small, as in a state.
  const state = demoValues({ agencies: size.agencies, quarters: 7 }, year);
  const random = seeded(58);
  const counties = Array.from({ length: size.counties }, (_, i) => `C${String(i + 1).padStart(2, '0')}`);
  return {
    agencies: state.plan.agencies.map((a) => ({
      code: a.code,
      type: a.type,
      county: counties[
        Math.min(counties.length - 1, Math.floor(counties.length * random() ** 1.8))
      ] as string,
    })),
    counties,
    values: state.values as ApprovedValues,
    quarter: '2025Q4',
  };
}

/**
 * Protects one case for one audience in a child process, so a run over its budget can be stopped
 * even in the middle of a long synchronous audit.
 */
function protectInChild(
  name: BenchCase,
  audience: Audience,
  engine: Engine,
  budgetSeconds: number,
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = fork(
      fileURLToPath(new URL('./disclosureChild.ts', import.meta.url)),
      [name, audience, engine],
      { execArgv: process.execArgv },
    );
    let progress = 'no component audited yet';
    let started = performance.now();
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      child.kill('SIGKILL');
      resolve({
        audience,
        engine,
        result: null,
        seconds: seconds(started),
        note: `stopped after the ${budgetSeconds} s budget (${progress})`,
      });
    }, budgetSeconds * 1000);
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'started') started = performance.now();
      else if (message.type === 'progress')
        progress = `${message.done} of ${message.total} components audited in the current round`;
      else if (message.type === 'result' && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ audience, engine, result: message.result, seconds: message.seconds, note: '' });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!settled) reject(new Error(`the benchmark's child process stopped (${code})`));
    });
  });
}

export type ChildMessage =
  | { type: 'started' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: Pick<ProtectionResult, 'status' | 'stats'>; seconds: number };

const percent = (share: number) => `${(share * 100).toFixed(share < 0.01 ? 2 : 1)}%`;
type Loss = ProtectionResult['stats']['loss'];
/** A share in all, with the coalition level's and the county level's beside it. */
const lossPair = (all: number, loss: Loss) =>
  `${percent(all)} (coalition ${percent(loss.coalition.count)}, county ${percent(loss.county.count)})`;

/**
 * The engine before issue 13 against today's, on the same cube: what each hides and loses, and
 * today's figure as a share of the old one (below 1: today's loses less).
 */
function printComparison(pairs: Array<{ label: string; old: Outcome['result']; now: Outcome['result'] }>) {
  const ratio = (now: number, old: number) => (old === 0 ? '—' : formatRatio(now / old));
  const rows: string[][] = [
    ['', 'complementary cells', 'lost: count', 'lost: non-zero cells', 'coalition level', 'county level'],
  ];
  for (const { label, old, now } of pairs) {
    if (!old || !now) {
      rows.push([label, 'unfinished', '', '', '', '']);
      continue;
    }
    const line = (name: string, r: NonNullable<Outcome['result']>) => [
      `  ${name}`,
      String(r.stats.complementary),
      percent(r.stats.loss.all.count),
      percent(r.stats.loss.all.nonZeroCells),
      `${percent(r.stats.loss.coalition.count)} / ${percent(r.stats.loss.coalition.nonZeroCells)}`,
      `${percent(r.stats.loss.county.count)} / ${percent(r.stats.loss.county.nonZeroCells)}`,
    ];
    rows.push([label, '', '', '', '', '']);
    rows.push(line('before issue 13', old));
    rows.push(line('now', now));
    rows.push([
      '  now ÷ before',
      ratio(now.stats.complementary, old.stats.complementary),
      ratio(now.stats.loss.all.count, old.stats.loss.all.count),
      ratio(now.stats.loss.all.nonZeroCells, old.stats.loss.all.nonZeroCells),
      `${ratio(now.stats.loss.coalition.count, old.stats.loss.coalition.count)} / ${ratio(now.stats.loss.coalition.nonZeroCells, old.stats.loss.coalition.nonZeroCells)}`,
      `${ratio(now.stats.loss.county.count, old.stats.loss.county.count)} / ${ratio(now.stats.loss.county.nonZeroCells, old.stats.loss.county.nonZeroCells)}`,
    ]);
  }
  console.log(
    '  before issue 13 and now, on the same cube (levels: share of the count / of non-zero cells):',
  );
  printTable(rows);
}

function printOutcomes(
  outcomes: Outcome[],
  baseline: { cube: Record<Audience, number>; lp: number; lpBuild: number },
) {
  const column = (o: Outcome, f: (r: NonNullable<Outcome['result']>) => string) =>
    o.result ? f(o.result) : '—';
  printTable([
    ['figure', ...outcomes.map((o) => o.audience)],
    ['protection (s)', ...outcomes.map((o) => `${o.seconds.toFixed(2)}${o.result ? '' : ' (unfinished)'}`)],
    [
      '  ÷ building its cube',
      ...outcomes.map((o) => `${(o.seconds / baseline.cube[o.audience]).toFixed(0)}×`),
    ],
    ['cells', ...outcomes.map((o) => column(o, (r) => r.stats.cells.toLocaleString('en-US')))],
    ['LPs solved', ...outcomes.map((o) => column(o, (r) => r.stats.lpsSolved.toLocaleString('en-US')))],
    [
      'checks settled by certificates',
      ...outcomes.map((o) => column(o, (r) => r.stats.certificates.toLocaleString('en-US'))),
    ],
    ['rounds', ...outcomes.map((o) => column(o, (r) => String(r.stats.rounds)))],
    ['hidden cells', ...outcomes.map((o) => column(o, (r) => r.stats.hidden.toLocaleString('en-US')))],
    [
      '  primary / complementary',
      ...outcomes.map((o) => column(o, (r) => `${r.stats.primary} / ${r.stats.complementary}`)),
    ],
    ['hidden share of cells', ...outcomes.map((o) => column(o, (r) => percent(r.stats.hiddenShareOfCells)))],
    [
      'hidden share of the count',
      ...outcomes.map((o) => column(o, (r) => percent(r.stats.hiddenShareOfCount))),
    ],
    [
      'lost: share of the count',
      ...outcomes.map((o) => column(o, (r) => lossPair(r.stats.loss.all.count, r.stats.loss))),
    ],
    [
      'lost: share of non-zero cells',
      ...outcomes.map((o) => column(o, (r) => percent(r.stats.loss.all.nonZeroCells))),
    ],
    ['complements chosen by', ...outcomes.map((o) => column(o, (r) => r.stats.complements))],
    ['audit', ...outcomes.map((o) => column(o, (r) => r.status))],
  ]);
  for (const o of outcomes) if (o.note) console.log(`  ${o.audience}: ${o.note}`);
  console.log(
    `  baselines: building the cube ${baseline.cube.coalition.toFixed(3)} s (coalition), ${baseline.cube.public.toFixed(3)} s (public); one LP over the whole coalition cube, from scratch, ${(baseline.lp * 1000).toFixed(1)} ms (model ${(baseline.lpBuild * 1000).toFixed(1)} ms)`,
  );
}

async function benchRelease(title: string, name: BenchCase, budgetSeconds: number) {
  const input = caseInput(name);
  const build = (audience: Audience) => {
    const start = performance.now();
    const cube = caseCube(name, audience);
    return { cube, seconds: seconds(start) };
  };
  const coalition = build('coalition');
  const cubeSeconds = { coalition: coalition.seconds, public: build('public').seconds };
  const target = cellId(input.quarter, input.counties[0] as string, 'survivors_served', '_total');
  const lp = await oneWholeCubeLp(coalition.cube, target);
  console.log(`\n${title}`);
  const outcomes: Outcome[] = [];
  const before: Outcome[] = [];
  for (const audience of ['coalition', 'public'] as const) {
    outcomes.push(await protectInChild(name, audience, 'best', budgetSeconds));
    before.push(await protectInChild(name, audience, 'legacy', budgetSeconds));
  }
  printOutcomes(outcomes, { cube: cubeSeconds, lp: lp.solve, lpBuild: lp.build });
  for (const o of before)
    console.log(
      `  ${o.audience}, the engine before issue 13: ${o.seconds.toFixed(2)} s${o.result ? '' : ` (${o.note})`}`,
    );
  printComparison(
    outcomes.map((o, k) => ({ label: o.audience, old: before[k]?.result ?? null, now: o.result })),
  );
  return outcomes;
}

/** The tests' textbook tables at T = 5, the engine before issue 13 against today's. */
async function benchTextbookTables() {
  console.log('\nDisclosure: the textbook tables of the tests, T = 5');
  const pairs: Parameters<typeof printComparison>[0] = [];
  let total = { old: 0, now: 0, count: 0 };
  for (const { name, cells, relations } of textbookTables()) {
    const run = (complements: 'legacy' | 'best') =>
      protect({ cells, relations, audience: 'coalition', threshold: 5, complements });
    const old = await run('legacy');
    const now = await run('best');
    pairs.push({ label: `${name} (${cells.length} cells)`, old, now });
    const count = cells.reduce((s, c) => s + c.value, 0);
    total = {
      old: total.old + old.stats.loss.all.count * count,
      now: total.now + now.stats.loss.all.count * count,
      count: total.count + count,
    };
  }
  printComparison(pairs);
  console.log(
    `  all tables together: ${percent(total.old / total.count)} of the count hidden before issue 13, ${percent(total.now / total.count)} now`,
  );
}

/** The demo coalition's own release through the service: load, protect both audiences, store. */
async function benchDemoService(quarter: string) {
  const dir = mkdtempSync(join(tmpdir(), 'scope-bench-disclosure-'));
  try {
    const db = openDatabase(join(dir, 'scope.db'));
    migrate(db);
    writeDemoCoalition(db, {});
    const admin = getFirstAdmin(db);
    if (!admin) throw new Error('the demo has no admin');
    const start = performance.now();
    const release = await publishRelease(db, admin, quarter);
    const total = seconds(start);
    const engine = (release.audiences.coalition?.seconds ?? 0) + (release.audiences.public?.seconds ?? 0);
    console.log(
      `  through the releases service (load, protect both, store): ${total.toFixed(2)} s, of which protection ${engine.toFixed(2)} s; ${release.status}`,
    );
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runDisclosureBenchmarks(options: { budgetSeconds: number }): Promise<void> {
  await benchRelease(
    "Disclosure: the demo coalition's 2026Q2 release (14 agencies, 2 counties)",
    'demo-quarter',
    options.budgetSeconds,
  );
  await benchDemoService('2026Q2');
  await benchTextbookTables();
  await benchRelease(
    "Disclosure: the demo coalition's 2025Q4 release with its year (five periods)",
    'demo-year',
    options.budgetSeconds,
  );
  await benchRelease(
    'Disclosure: a statewide synthetic 2025Q4 release with its year (600 agencies, 58 counties, the full catalog)',
    'statewide',
    options.budgetSeconds,
  );
}

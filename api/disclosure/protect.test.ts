import { describe, expect, test } from 'vitest';
import { agencyQuarterValues, planDemoCoalition } from '../demo/generate';
import { readDemoInputs } from '../demo/inputs';
import { readDefaultCatalog } from '../queries/catalog';
import { releaseTimeout } from '../testTimeouts';
import { buildCube } from './cube';
import { feasibilityIntervals, hidingCost, PolicyError, protect } from './protect';
import { everythingPlan } from './testPlans';
import {
  addCells,
  cell,
  expectProtected,
  geographyRelations,
  oneWay,
  sixCounties,
  textbookTables,
  twoCountiesAndCoalition,
  twoWay,
  withoutAxes,
} from './testTables';
import type { CubeCell, ProtectionResult, Relation } from './types';

const hiddenIds = (result: ProtectionResult) =>
  new Set(result.cells.filter((c) => c.suppressed).map((c) => c.id));
const run = (
  cells: CubeCell[],
  relations: Relation[],
  threshold = 5,
  audience: 'coalition' | 'public' = 'coalition',
) => protect({ cells, relations, audience, threshold });

describe('primary suppression', () => {
  test('1. public policy: 1–10 hidden, 11 shown, 0 shown, totals included', async () => {
    const table = oneWay('t', [0, 1, 5, 10, 11, 30]);
    const small = oneWay('s', [3, 4]);
    const result = await run(
      [...table.cells, ...small.cells],
      [...table.relations, ...small.relations],
      11,
      'public',
    );
    const hidden = hiddenIds(result);
    expect([...hidden].sort()).toEqual(['s/_total', 's/p1', 's/p2', 't/p2', 't/p3', 't/p4']);
    expect(hidden.has('t/p1')).toBe(false); // zero
    expect(hidden.has('t/p5')).toBe(false); // eleven
    expect(hidden.has('t/_total')).toBe(false);
    expect(result.status).toBe('passed');
    expect(result.cells.find((c) => c.id === 's/_total')?.reason).toBe('threshold');
  });

  test('activity counts need no threshold', async () => {
    const table = oneWay('t', [1, 2, 30]);
    const cells = table.cells.map((c) => ({ ...c, kind: 'activity' as const }));
    const result = await run(cells, table.relations);
    expect(hiddenIds(result).size).toBe(0);
  });

  test('thresholds below the audience minimum are refused', async () => {
    const table = oneWay('t', [1, 2]);
    await expect(run(table.cells, table.relations, 2, 'coalition')).rejects.toThrow(PolicyError);
    await expect(run(table.cells, table.relations, 4, 'public')).rejects.toThrow(/at least 5/);
  });

  test('8. a cell of 15 split 13 + 2 is hidden by the insider rule, and the insider audit passes after', async () => {
    const table = oneWay('t', [
      { A: 13, B: 2 },
      { A: 20, B: 20 },
      { A: 10, B: 20 },
    ]);
    const result = await run(table.cells, table.relations);
    expect(result.cells.find((c) => c.id === 't/p1')).toMatchObject({ suppressed: true, reason: 'insider' });
    expect(result.status).toBe('passed');
    await expectProtected(table.cells, table.relations, result, 5);
    const asA = await feasibilityIntervals(table.cells, table.relations, hiddenIds(result), 'A');
    expect(asA.get('t/p1')?.upper).toBeGreaterThanOrEqual(5);
  });
});

describe('complementary suppression', () => {
  test('2. one hidden cell with published totals gets complements in its row, column and opposite corner', async () => {
    const table = twoWay('t', [
      [2, 30, 40],
      [25, 35, 45],
      [20, 50, 60],
    ]);
    const result = await run(table.cells, table.relations);
    const hidden = hiddenIds(result);
    // Of the four rectangles through the small count, the one hiding least (2 + 30 + 25 + 35).
    expect(hidden).toEqual(new Set([table.id(0, 0), table.id(0, 1), table.id(1, 0), table.id(1, 1)]));
    const interval = (await feasibilityIntervals(table.cells, table.relations, hidden)).get(table.id(0, 0));
    expect(interval?.lower).toBe(0);
    expect(interval?.upper).toBeGreaterThan(interval?.lower ?? 0);
    expect(interval?.upper).toBeGreaterThanOrEqual(5);
    expect(result.status).toBe('passed');
  });

  test('4. two hidden cells in one relation summing to less than T force a third', async () => {
    const table = oneWay('t', [2, 2, 30, 40]);
    const result = await run(table.cells, table.relations);
    expect(hiddenIds(result)).toEqual(new Set(['t/p1', 't/p2', 't/p3']));
    expect(result.cells.find((c) => c.id === 't/p3')?.reason).toBe('complementary');
  });

  test('7. zeros are never complements, and the audit treats them as known', async () => {
    const table = oneWay('t', [2, 0, 0, 9]);
    const result = await run(table.cells, table.relations);
    expect(hiddenIds(result)).toEqual(new Set(['t/p1', 't/p4']));
    const interval = (await feasibilityIntervals(table.cells, table.relations, hiddenIds(result))).get(
      't/p1',
    );
    expect(interval).toEqual({ lower: 0, upper: 11 });
  });

  test('totals and marginals cost more than inner cells', async () => {
    // Hiding the row total (12) would be cheaper by value than 15, but totals cost more.
    const table = oneWay('t', [3, 15, 40]);
    const result = await run(table.cells, table.relations);
    expect(hiddenIds(result)).toEqual(new Set(['t/p1', 't/p2']));
  });
});

describe('the LP audit', () => {
  test('3. the tau-ARGUS manual example: X11 is proven to lie in [3, 6]', async () => {
    const table = twoWay('x', [
      [4, 3],
      [2, 1],
    ]);
    const hidden = new Set(table.inside.flat().map((c) => c.id));
    const intervals = await feasibilityIntervals(table.cells, table.relations, hidden);
    expect(intervals.get(table.id(0, 0))).toEqual({ lower: 3, upper: 6 });
    expect(intervals.get(table.id(0, 1))).toEqual({ lower: 1, upper: 4 });
    expect(intervals.get(table.id(1, 0))).toEqual({ lower: 0, upper: 3 });
    expect(intervals.get(table.id(1, 1))).toEqual({ lower: 0, upper: 3 });
  });

  test('5. a pattern that protects each county table but fails across county → coalition is caught and fixed', async () => {
    const countyA = twoWay('A', [
      [3, 20],
      [20, 30],
    ]);
    const countyB = twoWay('B', [
      [8, 30],
      [40, 50],
    ]);
    const coalition = addCells('C', [countyA.cells, countyB.cells]);
    const geo = geographyRelations(coalition, [countyA.cells, countyB.cells]);
    const cells = [...countyA.cells, ...countyB.cells, ...coalition];
    const relations = [...countyA.relations, ...countyB.relations, ...geo];
    const coalitionRelations = twoWay('C', [
      [11, 50],
      [60, 80],
    ]).relations;
    relations.push(...coalitionRelations);

    // County A's rectangle protects A's own table…
    const rectangle = new Set(countyA.inside.flat().map((c) => c.id));
    const alone = await feasibilityIntervals(countyA.cells, countyA.relations, rectangle);
    expect(alone.get(countyA.id(0, 0))?.upper).toBeGreaterThanOrEqual(5);
    // …but with B and the coalition published, A's cells are coalition − B: pinned.
    const across = await feasibilityIntervals(cells, relations, rectangle);
    expect(across.get(countyA.id(0, 0))).toEqual({ lower: 3, upper: 3 });

    const result = await run(cells, relations);
    expect(result.status).toBe('passed');
    expect(hiddenIds(result).size).toBeGreaterThan(4);
    await expectProtected(cells, relations, result, 5);
  });

  test('6. a total hidden in one table but already shown in a linked table is caught, and fails closed', async () => {
    const age = oneWay('age', [1, 3]);
    const gender = oneWay('gender', [4, 0]);
    const cells = [
      ...age.cells,
      ...gender.cells.map((c) => (c.id === 'gender/_total' ? { ...c, frozen: { suppressed: false } } : c)),
    ];
    // The two tables share their total.
    const relations = [
      ...age.relations,
      ...gender.relations,
      { kind: 'sum' as const, total: 'age/_total', parts: ['gender/_total'] },
    ];
    const result = await run(cells, relations);
    expect(result.status).toBe('failed');
    expect(result.failures.map((f) => f.cell)).toContain('age/_total');

    // Built as one shared cell, the same total is hidden everywhere it appears, and the audit passes.
    const shared = oneWay('x', [1, 3]);
    const genderParts = [cell('x/g1', 4), cell('x/g2', 0)];
    const linked = [...shared.cells, ...genderParts];
    const linkedRelations = [
      ...shared.relations,
      { kind: 'sum' as const, total: 'x/_total', parts: ['x/g1', 'x/g2'] },
    ];
    const ok = await run(linked, linkedRelations);
    expect(ok.status).toBe('passed');
    expect(hiddenIds(ok).has('x/_total')).toBe(true);
  });

  test('10. a frozen published cell stays known and a frozen hidden cell stays hidden', async () => {
    const table = oneWay('t', [6, 30, 40]);
    const cells = table.cells.map((c) => (c.id === 't/p1' ? { ...c, frozen: { suppressed: true } } : c));
    const result = await run(cells, table.relations);
    expect(result.cells.find((c) => c.id === 't/p1')).toMatchObject({ suppressed: true, reason: 'frozen' });
    expect(hiddenIds(result).size).toBe(2);
  });

  test('13. primary suppression alone is broken by LP; the full pipeline is not', {
    timeout: releaseTimeout,
  }, async () => {
    const { cells, relations } = twoCountiesAndCoalition();
    const primaryOnly = new Set(cells.filter((c) => c.value >= 1 && c.value < 5).map((c) => c.id));
    expect(primaryOnly.size).toBeGreaterThan(5);
    const attack = await feasibilityIntervals(cells, relations, primaryOnly);
    const recovered = [...attack].filter(
      ([id, i]) => i.lower === i.upper && i.lower === cells.find((c) => c.id === id)?.value,
    );
    expect(recovered.length).toBeGreaterThan(0);

    const result = await run(cells, relations);
    expect(result.status).toBe('passed');
    const after = await feasibilityIntervals(cells, relations, hiddenIds(result));
    const stillRecovered = [...after].filter(([id, i]) => {
      const value = cells.find((c) => c.id === id)?.value ?? 0;
      return value >= 1 && value < 5 && (i.lower > 0 || i.upper < 5);
    });
    expect(stillRecovered).toEqual([]);
  });
});

test('a component audited by regions passes only what the exact LP proves', {
  timeout: releaseTimeout,
}, async () => {
  // Six counties whose small cells link through the coalition table: audited region by region
  // (a county, its partners and the coalition), the result must still stand up to the exact LP.
  // Without axes there are no certificates, so every cell is left to the regions.
  const { cells, relations: withAxes } = sixCounties();
  const relations = withoutAxes(withAxes);
  const result = await protect({
    cells,
    relations,
    audience: 'coalition',
    threshold: 5,
    wholeComponentLimit: 0,
  });
  expect(result.status).toBe('passed');
  expect(result.stats.primary).toBeGreaterThan(5);
  await expectProtected(cells, relations, result, 5);
});

test('a large component of one group is still audited, not waved through', {
  timeout: releaseTimeout,
}, async () => {
  // The same two counties as the attack test, every cell in one group: no region can be formed,
  // so the component must be solved whole (without axes, no certificate proves a cell first).
  const twoCounties = twoCountiesAndCoalition();
  const cells = twoCounties.cells.map((c) => ({ ...c, group: 'coalition' }));
  const relations = withoutAxes(twoCounties.relations);
  const result = await protect({
    cells,
    relations,
    audience: 'coalition',
    threshold: 5,
    wholeComponentLimit: 0,
  });
  expect(result.status).toBe('passed');
  expect(result.stats.lpsSolved).toBeGreaterThan(0);
  await expectProtected(cells, relations, result, 5);
});

test('12. protecting twice gives the same pattern', async () => {
  const table = twoWay('t', [
    [1, 7, 2, 9],
    [4, 4, 12, 3],
    [6, 0, 8, 2],
  ]);
  const first = await run(table.cells, table.relations);
  const second = await run([...table.cells].reverse(), [...table.relations].reverse());
  expect([...hiddenIds(second)].sort()).toEqual([...hiddenIds(first)].sort());
  expect(first.status).toBe('passed');
});

test('on the textbook tables the new pattern hides no more of the count than the old one did', {
  timeout: releaseTimeout,
}, async () => {
  for (const { name, cells, relations } of textbookTables()) {
    const old = await protect({
      cells,
      relations,
      audience: 'coalition',
      threshold: 5,
      complements: 'legacy',
    });
    const now = await run(cells, relations);
    expect(now.status, name).toBe('passed');
    expect(now.stats.loss.all.count, name).toBeLessThanOrEqual(old.stats.loss.all.count);
    await expectProtected(cells, relations, now, 5);
  }
});

test("information lost is measured over the release's own people cells, by level", async () => {
  // A coalition table of two counties, one of them with a small count; the county cells of an earlier
  // quarter come along, not owned, and do not count.
  const a = oneWay('A', [2, 30]);
  const b = oneWay('B', [20, 40]);
  const coalition = addCells('C', [a.cells, b.cells]).map((c) => ({ ...c, group: 'coalition' }));
  const earlier = oneWay('E', [1, 50]).cells.map((c) => ({ ...c, owned: false }));
  const cells = [
    ...[...a.cells, ...b.cells].map((c) => ({ ...c, group: c.id[0] as string, owned: true })),
    ...coalition.map((c) => ({ ...c, owned: true })),
    ...earlier,
  ];
  const relations = [
    ...a.relations,
    ...b.relations,
    ...oneWay('E', [1, 50]).relations,
    ...geographyRelations(coalition, [a.cells, b.cells]),
  ];
  const result = await run(cells, relations);
  const hidden = hiddenIds(result);
  const owned = cells.filter((c) => c.owned && c.value > 0);
  const share = (pick: (c: CubeCell) => boolean) => {
    const mine = owned.filter(pick);
    const lost = mine.filter((c) => hidden.has(c.id));
    return {
      count: lost.reduce((s, c) => s + c.value, 0) / mine.reduce((s, c) => s + c.value, 0),
      nonZeroCells: lost.length / mine.length,
    };
  };
  expect(result.stats.loss.all).toEqual(share(() => true));
  expect(result.stats.loss.coalition).toEqual(share((c) => c.group === 'coalition'));
  expect(result.stats.loss.county).toEqual(share((c) => c.group !== 'coalition'));
  expect(result.stats.loss.county.count).toBeGreaterThan(0);
});

test('in every sum of a real cube the total costs at least as much to hide as any of its parts', () => {
  // So complements fall on county and quarter breakdowns before years, and on those before coalition
  // cells and headline totals: the demo's year release holds every kind of sum.
  const catalog = readDefaultCatalog();
  const plan = planDemoCoalition(readDemoInputs(), catalog, {});
  const values = new Map<string, Map<string, Map<string, number>>>();
  for (const aq of agencyQuarterValues(plan)) {
    if (aq.submission.status !== 'approved') continue;
    const byAgency = values.get(aq.period) ?? new Map<string, Map<string, number>>();
    values.set(aq.period, byAgency);
    byAgency.set(aq.agencyCode, aq.values);
  }
  const cube = buildCube({
    catalog,
    plan: everythingPlan(catalog),
    audience: 'coalition',
    agencies: plan.agencies.map((a) => ({ code: a.code, county: a.homeCounty, type: a.type })),
    counties: plan.counties.map((c) => c.code),
    values,
    owned: ['2025Q4', '2025H2', '2025'],
    published: ['2025H1'],
    countyBreakdownAgencies: 1,
  });
  const byId = new Map(cube.cells.map((c) => [c.id, c]));
  const cost = (id: string) => hidingCost(byId.get(id) as CubeCell);
  const cheaperTotals = cube.relations.flatMap((r) =>
    r.kind === 'sum' ? r.parts.filter((p) => cost(p) > cost(r.total)).map((p) => `${r.total} < ${p}`) : [],
  );
  expect(cheaperTotals).toEqual([]);
});

test('a count bounded by another (new survivors at most survivors served) is proven by moving both, without an LP', async () => {
  // Survivors served and new survivors, cell by cell at most the served count: raising the small new
  // count towards T lifts the served count beside it, and the served table balances the move.
  const served = twoWay('S', [
    [3, 20, 25],
    [22, 30, 18],
    [15, 26, 31],
  ]);
  const fresh = twoWay('N', [
    [2, 10, 12],
    [11, 15, 9],
    [7, 13, 16],
  ]);
  const cells = [...served.cells, ...fresh.cells].map((c) => ({ ...c, group: 'g' }));
  const relations: Relation[] = [
    ...served.relations,
    ...fresh.relations,
    ...fresh.cells.map((c) => ({ kind: 'atMost' as const, cell: c.id, bound: c.id.replace('N/', 'S/') })),
  ];
  // Left to certificates and regions, as a statewide release is.
  const result = await protect({
    cells,
    relations,
    audience: 'coalition',
    threshold: 5,
    wholeComponentLimit: 0,
  });
  expect(result.status).toBe('passed');
  expect(result.stats.lpsSolved).toBe(0);
  await expectProtected(cells, relations, result, 5);
});

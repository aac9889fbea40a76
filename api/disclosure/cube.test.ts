import { describe, expect, test } from 'vitest';
import { agencyQuarterValues, planDemoCoalition } from '../demo/generate';
import { readDemoInputs } from '../demo/inputs';
import type { Catalog } from '../domain/catalog';
import { quartersOf } from '../domain/periods';
import type { PublicationPlan } from '../domain/plan';
import { readDefaultCatalog, readDefaultPlan } from '../queries/catalog';
import {
  type ApprovedValues,
  buildCube,
  type Cube,
  type CubeAgency,
  type CubeInput,
  cellId,
  countyBreakdownGaps,
  type FrozenCell,
  publishedTables,
  releaseAggregates,
} from './cube';
import { everythingPlan } from './testPlans';

const catalog: Catalog = readDefaultCatalog();
const everything = everythingPlan(catalog);
const defaultPlan = readDefaultPlan(catalog);
const demo = planDemoCoalition(readDemoInputs(), catalog, {});
const agencies: CubeAgency[] = demo.agencies.map((a) => ({
  code: a.code,
  county: a.homeCounty,
  type: a.type,
}));
const counties = demo.counties.map((c) => c.code);

/** The demo's approved values: every cell it generates, as a real coalition would report them. */
const values: ApprovedValues = (() => {
  const byQuarter = new Map<string, Map<string, Map<string, number>>>();
  for (const aq of agencyQuarterValues(demo)) {
    if (aq.submission.status !== 'approved') continue;
    const byAgency = byQuarter.get(aq.period) ?? new Map<string, Map<string, number>>();
    byQuarter.set(aq.period, byAgency);
    byAgency.set(aq.agencyCode, aq.values);
  }
  return byQuarter;
})();

/** Everything published to members, counties included (the demo's counties have three agencies or more). */
const cubeOf = (input: Partial<CubeInput> & Pick<CubeInput, 'owned'>) =>
  buildCube({
    catalog,
    plan: everything,
    audience: 'coalition',
    agencies,
    counties,
    values,
    countyBreakdownAgencies: 1,
    ...input,
  });
const byId = (cube: Cube) => new Map(cube.cells.map((c) => [c.id, c]));
const sumsOf = (cube: Cube, total: string) =>
  cube.relations.filter((r) => r.kind === 'sum' && r.total === total) as Array<{
    total: string;
    parts: string[];
  }>;

describe('the periods of a release', () => {
  test.each([
    ['2026Q1', []],
    ['2026Q2', ['2026H1', 'SFY2026']],
    ['2026Q3', ['FY2026']],
    ['2026Q4', ['2026H2', '2026']],
  ])('a release of %s publishes with it %j', (quarter, aggregates) => {
    expect(releaseAggregates(quarter).sort()).toEqual([...aggregates].sort());
  });

  test('only the kinds a plan publishes: a plan of quarters and years publishes no half-year', () => {
    expect(releaseAggregates('2026Q4', ['quarter', 'year'])).toEqual(['2026']);
    expect(releaseAggregates('2026Q2', ['quarter', 'year'])).toEqual([]);
  });

  test('a state fiscal year runs from July, a federal one from October', () => {
    expect(quartersOf('SFY2026').map((q) => q.code)).toEqual(['2025Q3', '2025Q4', '2026Q1', '2026Q2']);
    expect(quartersOf('FY2026').map((q) => q.code)).toEqual(['2025Q4', '2026Q1', '2026Q2', '2026Q3']);
  });
});

describe('a cube of everything (2025Q4 with its half-year and year)', () => {
  const owned = ['2025Q4', '2025H2', '2025'];
  const cube = cubeOf({ owned, published: ['2025H1'] });
  const cells = byId(cube);
  const value = (id: string) => {
    const cell = cells.get(id);
    if (!cell) throw new Error(`no cell ${id}`);
    return cell.value;
  };

  test('owns its periods and holds the quarters they are made of, unowned and unknown', () => {
    expect(new Set(cube.cells.filter((c) => c.owned).map((c) => c.period))).toEqual(new Set(owned));
    const context = cube.cells.filter((c) => !c.owned);
    expect(new Set(context.map((c) => c.period))).toEqual(new Set(['2025H1', '2025Q1', '2025Q2', '2025Q3']));
    // Never published: a reader knows nothing of them, and this release doesn't publish them.
    expect(context.every((c) => c.frozen?.suppressed === true)).toBe(true);
  });

  test('unique, deterministic ids; the same input gives the same cube', () => {
    expect(cells.size).toBe(cube.cells.length);
    const again = cubeOf({ owned, published: ['2025H1'] });
    expect(again.cells.map((c) => [c.id, c.value])).toEqual(cube.cells.map((c) => [c.id, c.value]));
    expect(again.relations).toEqual(cube.relations);
  });

  test('every relation holds on the true values', () => {
    expect(cube.relations.length).toBeGreaterThan(1000);
    for (const r of cube.relations) {
      if (r.kind === 'sum')
        expect(
          r.parts.reduce((s, p) => s + value(p), 0),
          r.total,
        ).toBe(value(r.total));
      else expect(value(r.cell), r.cell).toBeLessThanOrEqual(value(r.bound));
    }
  });

  test("each agency's contributions add up to the cell's value, and only its own county's agencies contribute", () => {
    const county = new Map(agencies.map((a) => [a.code, a.county]));
    for (const cell of cube.cells) {
      expect([...cell.contributions.values()].reduce((s, v) => s + v, 0)).toBe(cell.value);
      if (cell.geo !== 'coalition')
        for (const agency of cell.contributions.keys()) expect(county.get(agency)).toBe(cell.geo);
    }
  });

  test('each coalition cell is the sum of its counties, by a relation', () => {
    // Law enforcement breakdowns are coalition-wide only: San Benito has no law enforcement member.
    const countyCells = cube.cells.filter(
      (c) => c.geo === 'coalition' && !c.table.startsWith('victims_identified.'),
    );
    expect(countyCells.length).toBeGreaterThan(1000);
    for (const cell of countyCells) {
      const parts = counties.map((g) => cellId(cell.period, g, cell.table, cell.optionKey));
      expect(
        sumsOf(cube, cell.id).some((r) => r.parts.join() === parts.join()),
        cell.id,
      ).toBe(true);
    }
  });

  test.each([
    ['new_survivors', '_total'],
    ['new_survivors.gender', 'female'],
    ['services_provided.service', 'case_management'],
    ['professionals_trained.discipline', 'education'],
  ])('%s %s: a sum element adds its quarters, and the year its halves', (table, option) => {
    const quarters = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'].map((q) => cellId(q, 'SCL', table, option));
    const halves = ['2025H1', '2025H2'].map((h) => cellId(h, 'SCL', table, option));
    const year = cellId('2025', 'SCL', table, option);
    expect(sumsOf(cube, year).map((r) => r.parts.join())).toEqual(
      expect.arrayContaining([quarters.join(), halves.join()]),
    );
  });

  test.each([
    ['survivors_served', '_total'],
    ['survivors_served.gender', 'male'],
    ['survivors_served.type_age', 'labor|_total'],
    ['survivors_served.type_age:age_minor_adult', 'minor'],
  ])('%s %s: survivors served are the first part plus new survivors after it', (table, option) => {
    const fresh = table.replace('survivors_served', 'new_survivors');
    const year = cellId('2025', 'coalition', table, option);
    const byQuarter = [
      cellId('2025Q1', 'coalition', table, option),
      ...['2025Q2', '2025Q3', '2025Q4'].map((q) => cellId(q, 'coalition', fresh, option)),
    ];
    const byHalf = [
      cellId('2025H1', 'coalition', table, option),
      cellId('2025H2', 'coalition', fresh, option),
    ];
    expect(sumsOf(cube, year).map((r) => r.parts.join())).toEqual(
      expect.arrayContaining([byQuarter.join(), byHalf.join()]),
    );
    expect(value(year)).toBe(byQuarter.reduce((s, p) => s + value(p), 0));
    // What a reader also knows: a quarter's survivors are among the year's, new ones among all.
    const bounds = cube.relations
      .filter((r) => r.kind === 'atMost' && r.bound === year)
      .map((r) => r.kind === 'atMost' && r.cell);
    expect(bounds).toContain(cellId('2025Q2', 'coalition', table, option));
    expect(bounds).toContain(cellId('2025', 'coalition', fresh, option));
  });

  test('a grouping adds up to the total, and each group to its options', () => {
    const at = (table: string, key: string) => cellId('2025', 'coalition', table, key);
    const grouped = 'survivors_served.type_age:age_minor_adult';
    expect(sumsOf(cube, at('survivors_served', '_total')).map((r) => r.parts.join())).toContainEqual(
      ['minor', 'adult', 'unknown'].map((g) => at(grouped, g)).join(),
    );
    expect(sumsOf(cube, at(grouped, 'minor'))[0]?.parts).toEqual(
      ['under_12', '12_17'].map((a) => at('survivors_served.type_age', `_total|${a}`)),
    );
    // A group of one option is the same number: an attacker knows that too.
    expect(sumsOf(cube, at(grouped, 'unknown'))[0]?.parts).toEqual([
      at('survivors_served.type_age', '_total|unknown'),
    ]);
  });

  test('a two-way table: rows and columns add up to their marginals, and both sets to the total', () => {
    const at = (key: string) => cellId('2025Q4', 'coalition', 'survivors_served.type_age', key);
    expect(sumsOf(cube, at('sex|_total'))[0]?.parts).toEqual(
      ['under_12', '12_17', '18_24', '25_59', '60_plus', 'unknown'].map((a) => at(`sex|${a}`)),
    );
    const total = cellId('2025Q4', 'coalition', 'survivors_served', '_total');
    const marginalSums = sumsOf(cube, total).filter((r) =>
      r.parts.every((p) => p.includes('/survivors_served.type_age/')),
    );
    expect(marginalSums.map((r) => r.parts.length).sort()).toEqual([4, 6]);
  });

  test('a multi-select breakdown gives "at most" relations and no sum', () => {
    const total = cellId('2025Q4', 'coalition', 'services_provided', '_total');
    expect(sumsOf(cube, total).some((r) => r.parts.some((p) => p.includes('.service/')))).toBe(false);
    expect(
      cube.relations.filter((r) => r.kind === 'atMost' && r.bound === total && r.cell.includes('.service/')),
    ).toHaveLength(15);
  });
});

describe('the publication plan decides what is in the cube', () => {
  const owned = ['2025Q4', '2025H2', '2025'];
  const members = buildCube({
    catalog,
    plan: defaultPlan,
    audience: 'coalition',
    agencies,
    counties,
    values,
    owned,
  });
  const publicCube = buildCube({
    catalog,
    plan: defaultPlan,
    audience: 'public',
    agencies,
    counties,
    values,
    owned,
  });
  const tablesIn = (cube: Cube, period: string, geo: string) =>
    new Set(cube.cells.filter((c) => c.period === period && c.geo === geo).map((c) => c.table));

  test('a table the plan leaves out is absent, not hidden', () => {
    const planned = new Set(publishedTables(catalog, defaultPlan, 'coalition').map((t) => t.code));
    for (const cell of members.cells) expect(planned.has(cell.table), cell.table).toBe(true);
    expect(
      members.cells.some((c) => c.table === 'survivors_served.type_age' && !c.optionKey.includes('_total')),
    ).toBe(false);
  });

  test('grains: breakdowns the plan publishes for half-years and years are absent from quarters', () => {
    expect(tablesIn(members, '2025', 'coalition').has('survivors_served.gender')).toBe(true);
    expect(tablesIn(members, '2025Q4', 'coalition').has('survivors_served.gender')).toBe(false);
  });

  test('the public cube is the public tables, coalition-wide; the members cube holds all of them too', () => {
    expect(publicCube.cells.every((c) => c.geo === 'coalition')).toBe(true);
    const memberIds = new Set(members.cells.map((c) => c.id));
    for (const cell of publicCube.cells) expect(memberIds.has(cell.id), cell.id).toBe(true);
    expect(publicCube.cells.some((c) => c.table === 'survivors_served.race_ethnicity')).toBe(false);
  });

  test('county breakdowns only where every county has enough reporting agencies; county totals always', () => {
    const withCounties: PublicationPlan = {
      ...defaultPlan,
      tables: [
        {
          element: 'survivors_served',
          breakdown: 'gender',
          members: { coalition: ['year'], county: ['year'] },
        },
      ],
    };
    const cube = (minimum: number) =>
      buildCube({
        catalog,
        plan: withCounties,
        audience: 'coalition',
        agencies,
        counties,
        values,
        owned,
        countyBreakdownAgencies: minimum,
      });
    const sanBenito = agencies.filter((a) => a.county === 'SBN' && a.type !== 'law_enforcement').length;
    expect(tablesIn(cube(sanBenito), '2025', 'SBN')).toEqual(
      new Set(['survivors_served', 'survivors_served.gender']),
    );
    expect(tablesIn(cube(sanBenito + 1), '2025', 'SBN')).toEqual(new Set(['survivors_served']));
    expect(tablesIn(cube(sanBenito + 1), '2025', 'coalition')).toEqual(
      new Set(['survivors_served', 'survivors_served.gender']),
    );
    const gaps = countyBreakdownGaps(catalog, agencies, counties, sanBenito + 1);
    expect(gaps.get('survivors')).toEqual([{ county: 'SBN', agencies: sanBenito }]);
  });
});

describe('what earlier releases published', () => {
  const plain = cubeOf({ owned: ['2025Q2'], published: ['2025Q1'] });
  const q1 = plain.cells.filter((c) => c.period === '2025Q1' && c.value > 0);
  const q2 = plain.cells.filter((c) => c.period === '2025Q2' && c.value > 0);
  const [hiddenBefore, shownBefore, changedSince] = q1 as [
    Cube['cells'][0],
    Cube['cells'][0],
    Cube['cells'][0],
  ];
  const [correctionHidden, correctionShown] = q2 as [Cube['cells'][0], Cube['cells'][0]];
  const frozen = new Map<string, FrozenCell>([
    [hiddenBefore.id, { suppressed: true, value: null }],
    [shownBefore.id, { suppressed: false, value: shownBefore.value }],
    [changedSince.id, { suppressed: false, value: changedSince.value + 1 }],
    [correctionHidden.id, { suppressed: true, value: null }],
    [correctionShown.id, { suppressed: false, value: correctionShown.value }],
  ]);
  const cube = cubeOf({ owned: ['2025Q2'], published: ['2025Q1'], frozen });
  const cells = byId(cube);

  test('an earlier period is in the cube, frozen: known where published and still true, unknown otherwise', () => {
    expect(cells.get(shownBefore.id)).toMatchObject({ owned: false, frozen: { suppressed: false } });
    expect(cells.get(hiddenBefore.id)).toMatchObject({ owned: false, frozen: { suppressed: true } });
    // Published with a value no longer true: unknown to the model, and not protected as hidden.
    expect(cells.get(changedSince.id)).toMatchObject({ frozen: { suppressed: true }, stale: true });
    const never = cube.cells.filter((c) => c.period === '2025Q1' && !frozen.has(c.id));
    expect(never.length).toBeGreaterThan(0);
    expect(never.every((c) => c.frozen?.suppressed === true && !c.stale)).toBe(true);
  });

  test('a correction of a period keeps what was hidden hidden, and what was shown shown while true', () => {
    expect(cells.get(correctionHidden.id)?.frozen).toEqual({ suppressed: true });
    expect(cells.get(correctionShown.id)?.frozen).toEqual({ suppressed: false });
    expect(cube.cells.filter((c) => c.owned && c.frozen)).toHaveLength(2);
  });

  test('a cell published before but no longer in the plan is still in the cube, known', () => {
    const outside = cellId('2025Q1', 'coalition', 'survivors_served.type_age', 'sex|12_17');
    const fewer = buildCube({
      catalog,
      plan: defaultPlan,
      audience: 'coalition',
      agencies,
      counties,
      values,
      owned: ['2025Q2'],
      published: ['2025Q1'],
      frozen: new Map([
        [outside, { suppressed: false, value: plain.cells.find((c) => c.id === outside)?.value ?? 0 }],
      ]),
    });
    expect(fewer.cells.find((c) => c.id === outside)).toMatchObject({
      owned: false,
      frozen: { suppressed: false },
    });
  });
});

test('cells another audience sees cost far more to hide', () => {
  const id = cellId('2025Q4', 'coalition', 'survivors_served.gender', 'female');
  const cost = (preferred?: Set<string>) =>
    cubeOf({ owned: ['2025Q4'], ...(preferred ? { preferred } : {}) }).cells.find((c) => c.id === id)
      ?.costFactor ?? 0;
  expect(cost(new Set([id]))).toBeGreaterThanOrEqual(1000 * cost());
});

test('refuses values of an agency it does not know, and an agency outside the counties', () => {
  expect(() => cubeOf({ owned: ['2025Q2'], agencies: agencies.slice(1) })).toThrow(/not in the cube/);
  expect(() => cubeOf({ owned: ['2025Q2'], counties: ['SCL'] })).toThrow(/not in the cube/);
});

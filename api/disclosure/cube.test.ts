import { describe, expect, test } from 'vitest';
import { agencyQuarterValues, planDemoCoalition } from '../demo/generate';
import { readDemoInputs } from '../demo/inputs';
import type { Catalog } from '../domain/catalog';
import { comparePeriods, quartersOf } from '../domain/periods';
import { readDefaultCatalog } from '../queries/catalog';
import {
  type ApprovedValues,
  buildCube,
  type Cube,
  type CubeAgency,
  cellId,
  cubeTables,
  type FrozenCell,
  type ReleaseCell,
  releaseAggregates,
} from './cube';

const catalog: Catalog = readDefaultCatalog();
const plan = planDemoCoalition(readDemoInputs(), catalog, {});
const agencies: CubeAgency[] = plan.agencies.map((a) => ({
  code: a.code,
  county: a.homeCounty,
  type: a.type,
}));
const counties = plan.counties.map((c) => c.code);

/** The demo's approved values: every cell it generates, as a real coalition would report them. */
const values: ApprovedValues = (() => {
  const byQuarter = new Map<string, Map<string, Map<string, number>>>();
  for (const aq of agencyQuarterValues(plan)) {
    if (aq.submission.status !== 'approved') continue;
    const byAgency = byQuarter.get(aq.period) ?? new Map<string, Map<string, number>>();
    byQuarter.set(aq.period, byAgency);
    byAgency.set(aq.agencyCode, aq.values);
  }
  return byQuarter;
})();

const elements = catalog.sections.flatMap((s) => s.elements);
const byId = (cube: Cube) => new Map(cube.cells.map((c) => [c.id, c]));

const cases = [
  { quarter: '2025Q2', scope: 'full', periods: ['2025Q2'] },
  { quarter: '2025Q3', scope: 'full', periods: ['2025Q3', 'FY2025'] },
  { quarter: '2025Q4', scope: 'full', periods: ['2025Q4', '2025'] },
  { quarter: '2025Q2', scope: 'coarse', periods: ['2025Q2'] },
  { quarter: '2025Q4', scope: 'coarse', periods: ['2025Q4', '2025'] },
] as const;

describe.each(cases)('the cube of $quarter ($scope)', ({ quarter, scope, periods }) => {
  const cube = buildCube({ catalog, agencies, counties, values, quarter, scope });
  const cells = byId(cube);
  const value = (id: string) => {
    const cell = cells.get(id);
    if (!cell) throw new Error(`no cell ${id}`);
    return cell.value;
  };
  const geos = scope === 'full' ? ['coalition', ...counties] : ['coalition'];

  test('owns exactly the release periods, and holds the quarters its years need', () => {
    expect([quarter, ...releaseAggregates(quarter)]).toEqual(periods);
    const owned = new Set(cube.cells.filter((c) => c.owned).map((c) => c.period));
    expect([...owned].sort(comparePeriods)).toEqual([...periods].sort(comparePeriods));
    const all = new Set(cube.cells.map((c) => c.period));
    const needed = new Set(periods.flatMap((p) => [p, ...quartersOf(p).map((q) => q.code)]));
    expect([...all].sort()).toEqual([...needed].sort());
  });

  test('has one cell per table position, period and geography, with unique, deterministic ids', () => {
    expect(cells.size).toBe(cube.cells.length);
    const again = buildCube({ catalog, agencies, counties, values, quarter, scope });
    expect(again.cells.map((c) => [c.id, c.value])).toEqual(cube.cells.map((c) => [c.id, c.value]));
    expect(again.relations).toEqual(cube.relations);
    const positions = elements.reduce((n, element) => {
      let count = 1;
      for (const table of cubeTables(catalog, scope).filter(
        (t) => t.element.code === element.code && t.combo,
      )) {
        const sizes = table.categories.map(
          (code) => catalog.categories.find((c) => c.code === code)?.options.length ?? 0,
        );
        const [rows = 0, columns = 0] = sizes;
        count += sizes.length === 1 ? rows : rows * columns + rows + columns;
      }
      return n + count;
    }, 0);
    const periodCount = new Set(cube.cells.map((c) => c.period)).size;
    expect(cube.cells.length).toBe(positions * geos.length * periodCount);
    expect(new Set(cube.cells.map((c) => c.geo))).toEqual(new Set(geos));
  });

  test('every relation holds on the true values', () => {
    expect(cube.relations.length).toBeGreaterThan(0);
    for (const r of cube.relations) {
      if (r.kind === 'sum')
        expect(
          r.parts.reduce((s, p) => s + value(p), 0),
          r.total,
        ).toBe(value(r.total));
      else expect(value(r.cell), r.cell).toBeLessThanOrEqual(value(r.bound));
    }
  });

  test("each agency's contributions add up to the cell's value, and only its own geography's agencies contribute", () => {
    const county = new Map(agencies.map((a) => [a.code, a.county]));
    for (const cell of cube.cells) {
      expect([...cell.contributions.values()].reduce((s, v) => s + v, 0)).toBe(cell.value);
      if (cell.geo !== 'coalition')
        for (const agency of cell.contributions.keys()) expect(county.get(agency)).toBe(cell.geo);
    }
  });

  test('marginals: any total coordinate, coalition and year cells cost more to hide', () => {
    for (const cell of cube.cells) {
      const expected =
        cell.optionKey.includes('_total') || cell.geo === 'coalition' || !/Q\d$/.test(cell.period);
      expect(cell.marginal, cell.id).toBe(expected);
    }
  });

  test('geography: the full cube adds counties into the coalition; the public cube is coalition-wide, one-way only', () => {
    if (scope === 'coarse') {
      expect(cube.cells.every((c) => c.geo === 'coalition')).toBe(true);
      expect(cube.cells.some((c) => c.optionKey.includes('|'))).toBe(false);
      expect(cube.cells.some((c) => c.table === 'survivors_served.type_age')).toBe(false);
      expect(cube.cells.some((c) => c.table === 'survivors_served.gender')).toBe(true);
      return;
    }
    const geoRelations = new Set(
      cube.relations
        .filter((r) => r.kind === 'sum' && r.total.includes('/coalition/'))
        .map((r) => r.kind === 'sum' && r.total),
    );
    const coalitionCells = cube.cells.filter((c) => c.geo === 'coalition');
    expect(coalitionCells.length).toBeGreaterThan(0);
    for (const cell of coalitionCells) {
      const parts = counties.map((g) => value(cellId(cell.period, g, cell.table, cell.optionKey)));
      expect(parts.reduce((s, v) => s + v, 0)).toBe(cell.value);
      expect(geoRelations.has(cell.id)).toBe(true);
    }
  });
});

describe('year cells', () => {
  const cube = buildCube({ catalog, agencies, counties, values, quarter: '2025Q4' });
  const cells = byId(cube);
  const value = (id: string) => cells.get(id)?.value ?? Number.NaN;
  const quarters = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'];

  test.each([
    ['new_survivors', '_total'],
    ['new_survivors.gender', 'female'],
    ['services_provided.service', 'case_management'],
    ['arrests', '_total'],
    ['professionals_trained.discipline', 'education'],
  ])('%s %s: a sum element adds its quarters', (table, option) => {
    for (const geo of ['coalition', ...counties]) {
      const year = value(cellId('2025', geo, table, option));
      expect(year).toBe(quarters.reduce((s, q) => s + value(cellId(q, geo, table, option)), 0));
      expect(
        cube.relations.some(
          (r) =>
            r.kind === 'sum' &&
            r.total === cellId('2025', geo, table, option) &&
            r.parts.join() === quarters.map((q) => cellId(q, geo, table, option)).join(),
        ),
      ).toBe(true);
    }
  });

  test.each([
    ['survivors_served', '_total'],
    ['survivors_served.gender', 'male'],
    ['survivors_served.type_age', 'labor|_total'],
    ['survivors_served.type_age', 'sex|12_17'],
    ['survivors_served.race_ethnicity', 'asian'],
  ])('%s %s: a first_plus_new element is the first quarter plus new survivors after it', (table, option) => {
    const newTable = table.replace('survivors_served', 'new_survivors');
    const parts = [
      cellId('2025Q1', 'coalition', table, option),
      ...quarters.slice(1).map((q) => cellId(q, 'coalition', newTable, option)),
    ];
    expect(value(cellId('2025', 'coalition', table, option))).toBe(parts.reduce((s, p) => s + value(p), 0));
    expect(value(cellId('2025', 'coalition', table, option))).toBeLessThan(
      quarters.reduce((s, q) => s + value(cellId(q, 'coalition', table, option)), 0),
    );
    expect(
      cube.relations.some(
        (r) =>
          r.kind === 'sum' &&
          r.total === cellId('2025', 'coalition', table, option) &&
          r.parts.join() === parts.join(),
      ),
    ).toBe(true);
  });

  test('a federal fiscal year runs from the October before', () => {
    expect(quartersOf('FY2026').map((q) => q.code)).toEqual(['2025Q4', '2026Q1', '2026Q2', '2026Q3']);
    expect(releaseAggregates('2026Q3')).toEqual(['FY2026']);
    expect(releaseAggregates('2026Q4')).toEqual(['2026']);
    expect(releaseAggregates('2026Q1')).toEqual([]);
    expect(releaseAggregates('2026Q2')).toEqual([]);
  });
});

describe('breakdowns', () => {
  const cube = buildCube({ catalog, agencies, counties, values, quarter: '2025Q2' });
  const relationsOf = (total: string) =>
    cube.relations.filter((r) => r.kind === 'sum' && r.total === total) as Array<{
      total: string;
      parts: string[];
    }>;

  test.each([
    ['survivors_served.gender', 5],
    ['survivors_served.citizenship', 3],
    ['referrals_received.referral_source', 11],
    ['victims_identified.trafficking_type', 4],
  ])('a one-way additive breakdown %s adds up to the element total', (table, options) => {
    const element = table.split('.')[0] as string;
    const total = cellId('2025Q2', 'SCL', element, '_total');
    const relation = relationsOf(total).find((r) => r.parts.every((p) => p.includes(`/${table}/`)));
    expect(relation?.parts).toHaveLength(options);
  });

  test.each([
    ['survivors_served', 'race_ethnicity', 9],
    ['services_provided', 'service', 15],
    ['trafficking_context', 'venue', 13],
  ])(
    'a multi-select breakdown of %s by %s gives "at most" relations and no sum',
    (element, combo, options) => {
      const table = `${element}.${combo}`;
      const total = cellId('2025Q2', 'coalition', element, '_total');
      expect(relationsOf(total).some((r) => r.parts.some((p) => p.includes(`/${table}/`)))).toBe(false);
      const atMost = cube.relations.filter(
        (r) => r.kind === 'atMost' && r.bound === total && r.cell.includes(`/${table}/`),
      );
      expect(atMost).toHaveLength(options);
    },
  );

  test('a two-way table: rows and columns add up to their marginals, and both sets of marginals to the total', () => {
    const at = (key: string) => cellId('2025Q2', 'coalition', 'survivors_served.type_age', key);
    const total = cellId('2025Q2', 'coalition', 'survivors_served', '_total');
    const sexRow = relationsOf(at('sex|_total'))[0];
    expect(sexRow?.parts).toEqual(
      ['under_12', '12_17', '18_24', '25_59', '60_plus', 'unknown'].map((a) => at(`sex|${a}`)),
    );
    const minorsColumn = relationsOf(at('_total|12_17'))[0];
    expect(minorsColumn?.parts).toEqual(
      ['sex', 'labor', 'sex_and_labor', 'unknown'].map((t) => at(`${t}|12_17`)),
    );
    const marginalSums = relationsOf(total).filter((r) => r.parts.every((p) => p.includes('type_age')));
    expect(marginalSums.map((r) => r.parts.length).sort()).toEqual([4, 6]);
  });

  test('the grand total exists once per period and geography, shared by every table of the element', () => {
    const totals = cube.cells.filter((c) => c.element === 'survivors_served' && c.optionKey === '_total');
    expect(totals.map((c) => c.id).sort()).toEqual(
      ['SBN', 'SCL', 'coalition'].map((g) => cellId('2025Q2', g, 'survivors_served', '_total')),
    );
  });
});

describe('frozen cells from earlier releases', () => {
  const plain = buildCube({ catalog, agencies, counties, values, quarter: '2025Q2' });
  const [hidden, unchanged, changed] = plain.cells.filter((c) => c.value > 0 && c.geo === 'SBN') as [
    ReleaseCell,
    ReleaseCell,
    ReleaseCell,
  ];
  const frozen = new Map<string, FrozenCell>([
    [hidden.id, { suppressed: true, value: null }],
    [unchanged.id, { suppressed: false, value: unchanged.value }],
    [changed.id, { suppressed: false, value: changed.value + 1 }],
  ]);
  const cube = buildCube({ catalog, agencies, counties, values, quarter: '2025Q2', frozen });
  const cells = byId(cube);

  test.each([
    ['a hidden cell stays hidden', () => hidden.id, { suppressed: true }],
    [
      'a published cell whose value did not change stays published',
      () => unchanged.id,
      { suppressed: false },
    ],
    ['a published cell whose value changed is decided again', () => changed.id, undefined],
  ])('%s', (_name, id, expected) => {
    expect(cells.get(id())?.frozen).toEqual(expected);
  });

  test('no other cell is frozen', () => {
    expect(cube.cells.filter((c) => c.frozen)).toHaveLength(2);
  });
});

describe('a year already published', () => {
  test('is audited with a later correction of one of its quarters, without being owned again', () => {
    const cube = buildCube({
      catalog,
      agencies,
      counties,
      values,
      quarter: '2025Q2',
      publishedAggregates: ['2025'],
    });
    const periods = new Set(cube.cells.map((c) => c.period));
    expect([...periods].sort()).toEqual(['2025', '2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    expect(new Set(cube.cells.filter((c) => c.owned).map((c) => c.period))).toEqual(new Set(['2025Q2']));
  });
});

test('refuses values of an agency it does not know, and an agency outside the counties', () => {
  expect(() =>
    buildCube({ catalog, agencies: agencies.slice(1), counties, values, quarter: '2025Q2' }),
  ).toThrow(/not in the cube/);
  expect(() => buildCube({ catalog, agencies, counties: ['SCL'], values, quarter: '2025Q2' })).toThrow(
    /not in the cube/,
  );
});

/** Small published tables and series for the shaping tests, built the way the stats API sends them. */
import type { Interval } from '../../../../api/domain/periods';
import type { CountyGrains } from '../plan/plan';
import type { SeriesData } from './shape';
import type { Dimension, StatsCell, StatsTableInfo, StatsTablesResponse } from './types';

export const genderDimension: Dimension = {
  category: 'gender',
  name: 'Gender identity',
  additive: true,
  options: [
    { code: 'female', name: 'Female' },
    { code: 'male', name: 'Male' },
  ],
};

export const typeDimension: Dimension = {
  category: 'trafficking_type',
  name: 'Type of trafficking',
  additive: true,
  options: [
    { code: 'sex', name: 'Sex' },
    { code: 'labor', name: 'Labor' },
  ],
};

/** A cell: a number, `'S'` for hidden. */
export type Value = number | 'S';

/** Cells of a one-way gender table: total, female, male. */
export function genderCells(total: Value, female: Value, male: Value): StatsCell[] {
  return [
    cell({ gender: '_total' }, total),
    cell({ gender: 'female' }, female),
    cell({ gender: 'male' }, male),
  ];
}

export function cell(coords: Record<string, string>, value: Value): StatsCell {
  return value === 'S'
    ? ({ ...coords, value: null, suppressed: true } as StatsCell)
    : ({ ...coords, value, suppressed: false } as StatsCell);
}

const release = (id: number) => ({
  id,
  sequence: 1,
  publishedAt: '2026-07-03T17:00:00.000Z',
  catalogVersion: 1,
});

/** A gender series: each period with its [total, female, male] and how many of 4 agencies reported. */
export function genderSeries(
  periods: ReadonlyArray<[string, Value, Value, Value, number?]>,
  geo = 'coalition',
): SeriesData {
  return {
    table: 'survivors_served.gender',
    geo,
    dimensions: [genderDimension],
    periods: periods.map(([period, total, female, male, reported = 4], i) => ({
      period,
      cells: genderCells(total, female, male),
      completeness: { reported, expected: 4 },
      release: release(i + 1),
      unduplicated: null,
    })),
  };
}

/**
 * A table as the tables list describes it: code, periods, geographies and (optionally) its
 * categories, each published for the table's periods unless its own are given.
 */
function listed(
  code: string,
  periods: readonly string[],
  geographies: readonly string[],
  categories: ReadonlyArray<string | readonly [string, readonly string[]]> = [],
  notes: readonly string[] = [],
): StatsTableInfo {
  return {
    code,
    element: code.split('.')[0] as string,
    name: code,
    kind: code.startsWith('professionals') || code.startsWith('trainings') ? 'activity' : 'people',
    dimensions: categories.map((category) => {
      const [name, along] = typeof category === 'string' ? [category, periods] : category;
      return { category: name, name, additive: true, options: [], periods: [...along] };
    }),
    periods: [...periods],
    geographies: [...geographies],
    notes: [...notes],
  };
}

/** Published periods of the demo-like history: quarters 2025Q1–2026Q2 and what they complete. */
const everyPeriod = [
  '2025Q1',
  '2025Q2',
  '2025H1',
  'SFY2025',
  '2025Q3',
  'FY2025',
  '2025Q4',
  '2025H2',
  '2025',
  '2026Q1',
  '2026Q2',
  '2026H1',
  'SFY2026',
];
const of = (...kinds: string[]) =>
  everyPeriod.filter((p) =>
    kinds.some((kind) =>
      kind === 'quarter'
        ? /Q\d$/.test(p)
        : kind === 'half'
          ? /H\d$/.test(p)
          : kind === 'year'
            ? /^\d{4}$/.test(p)
            : kind === 'fy'
              ? p.startsWith('FY')
              : p.startsWith('SFY'),
    ),
  );

/**
 * The tables list as the default plan publishes it: element totals every period coalition-wide and
 * by county; breakdowns coalition-wide by year and fiscal year (members also by California fiscal
 * year and in finer groups, and those a semiannual grant report asks for by half-year too);
 * professionals by discipline everywhere.
 */
export function planTablesList(audience: 'coalition' | 'public'): StatsTablesResponse {
  const members = audience === 'coalition';
  const geos = members ? ['coalition', 'SBN', 'SCL'] : ['coalition'];
  const years = members ? of('year', 'fy', 'sfy') : of('year', 'fy');
  const halves = members ? of('half', 'year', 'fy', 'sfy') : years;
  const coalition = ['coalition'];
  const totals = [
    'survivors_served',
    'new_survivors',
    'trainings_delivered',
    'outreach_events',
    'community_reached',
  ].map((code) => listed(code, everyPeriod, geos));
  const breakdowns = [
    listed(
      'survivors_served.type_age',
      halves,
      coalition,
      members
        ? [
            ['trafficking_type', halves],
            ['age_group', years],
          ]
        : ['trafficking_type'],
      ['Breakdowns by year and fiscal year.'],
    ),
    listed('survivors_served.type_age:age_minor_adult', halves, coalition, ['age_group']),
    ...(members ? [listed('survivors_served.gender', halves, coalition, ['gender'])] : []),
    listed('survivors_served.gender:gender_grouped', years, coalition, ['gender']),
    listed('survivors_served.citizenship', halves, coalition, ['citizenship']),
    listed('survivors_served.lgbtq', years, coalition, ['lgbtq']),
    listed('survivors_served.disability', years, coalition, ['disability']),
    ...(members
      ? [
          listed('survivors_served.race_ethnicity', years, coalition, ['race_ethnicity']),
          listed('survivors_served.county', years, coalition, ['county']),
          listed('new_survivors.county', years, coalition, ['county']),
          listed('referrals_received.referral_source', years, coalition, ['referral_source']),
          listed('trafficking_context.venue', years, coalition, ['venue']),
        ]
      : []),
    listed('services_provided.service', halves, coalition, ['service']),
    listed('referrals_received.referral_source:referral_grouped', years, coalition, ['referral_source']),
    listed('professionals_trained.discipline', everyPeriod, geos, ['discipline']),
  ];
  return { audience, tables: [...totals, ...breakdowns], countyBreakdowns: [], provisionalPeriods: [] };
}

/** The plan's county grains for members: totals by year and fiscal year, professionals every period. */
export function planCountyGrains(): CountyGrains {
  const years = new Set<Interval>(['year', 'fy', 'sfy']);
  return new Map([
    ['survivors_served', years],
    ['new_survivors', years],
    ['trainings_delivered', years],
    ['outreach_events', years],
    ['community_reached', years],
    ['professionals_trained.discipline', new Set<Interval>(['quarter', 'half', 'year', 'fy', 'sfy'])],
  ]);
}

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addQuarters,
  comparePeriods,
  describePeriod,
  intervalOf,
  intervals,
  isInterval,
  isPublishedPeriod,
  monthsOf,
  nextQuarter,
  type PeriodKind,
  parsePeriod,
  parseQuarter,
  periodContains,
  periodKinds,
  periodLabel,
  periodSchema,
  periodShortLabel,
  periodsContaining,
  previousPeriod,
  type Quarter,
  quarterDates,
  quarterDeadline,
  quarterRange,
  quartersOf,
  sameTimeLastYear,
} from './periods';

const q = (code: string) => {
  const parsed = parseQuarter(code);
  if (!parsed) throw new Error(code);
  return parsed;
};
const codes = (quarters: ReadonlyArray<{ code: string }>) => quarters.map((x) => x.code);

describe('parsePeriod', () => {
  test.each([
    ['2026Q1', 'quarter', 2026, ['2026Q1'], '2026-01-01', '2026-03-31'],
    ['2026Q2', 'quarter', 2026, ['2026Q2'], '2026-04-01', '2026-06-30'],
    ['2026Q4', 'quarter', 2026, ['2026Q4'], '2026-10-01', '2026-12-31'],
    ['2026H1', 'half', 2026, ['2026Q1', '2026Q2'], '2026-01-01', '2026-06-30'],
    ['2026H2', 'half', 2026, ['2026Q3', '2026Q4'], '2026-07-01', '2026-12-31'],
    ['2026', 'year', 2026, ['2026Q1', '2026Q2', '2026Q3', '2026Q4'], '2026-01-01', '2026-12-31'],
    ['FY2026', 'fy', 2026, ['2025Q4', '2026Q1', '2026Q2', '2026Q3'], '2025-10-01', '2026-09-30'],
    ['SFY2026', 'sfy', 2026, ['2025Q3', '2025Q4', '2026Q1', '2026Q2'], '2025-07-01', '2026-06-30'],
    ['FY2000', 'fy', 2000, ['1999Q4', '2000Q1', '2000Q2', '2000Q3'], '1999-10-01', '2000-09-30'],
    ['SFY0002', 'sfy', 2, ['0001Q3', '0001Q4', '0002Q1', '0002Q2'], '0001-07-01', '0002-06-30'],
    ['0050Q1', 'quarter', 50, ['0050Q1'], '0050-01-01', '0050-03-31'],
  ])('%s is a %s of %i: %j, %s to %s', (code, kind, year, quarters, start, end) => {
    const period = parsePeriod(code);
    expect(period).toMatchObject({ code, kind, year, start, end });
    expect(codes(period?.quarters ?? [])).toEqual(quarters);
    expect(codes(quartersOf(code))).toEqual(quarters);
  });

  test.each([
    '',
    '2026Q5',
    '2026Q0',
    '2026q3',
    '26Q1',
    '2026-Q1',
    '2026H3',
    '2026H0',
    'H1-2026',
    '2026h1',
    'FY26',
    'fy2026',
    'SFY26',
    'SFY 2026',
    'CY2026',
    ' 2026Q1',
    '2026Q1 ',
    '20261',
    '2026Q1..2026Q2',
    'FY2026Q1',
    '0000',
    '0000Q1',
    'FY0001',
    'SFY0001',
  ])('%j is not a period', (code) => {
    expect(parsePeriod(code)).toBeUndefined();
    expect(() => quartersOf(code)).toThrow(/is not a period/);
  });

  test('only quarters are quarters', () => {
    expect(parseQuarter('2026Q3')).toEqual({ code: '2026Q3', year: 2026, quarter: 3 });
    for (const code of ['2026H1', '2026', 'FY2026', 'SFY2026']) expect(parseQuarter(code)).toBeUndefined();
  });

  test('a parsed period cannot be changed by whoever holds it', () => {
    const period = parsePeriod('FY2026');
    expect(Object.isFrozen(period)).toBe(true);
    expect(Object.isFrozen(period?.quarters)).toBe(true);
    expect(() => quartersOf('FY2026').pop()).not.toThrow();
    expect(quartersOf('FY2026')).toHaveLength(4);
  });
});

describe('words', () => {
  test.each([
    ['2026Q2', 'April to June 2026 (2026Q2)', '2026 Q2', '2026Q2 (April to June 2026)'],
    ['2026Q1', 'January to March 2026 (2026Q1)', '2026 Q1', '2026Q1 (January to March 2026)'],
    ['2026Q3', 'July to September 2026 (2026Q3)', '2026 Q3', '2026Q3 (July to September 2026)'],
    ['2026H1', 'January to June 2026', '2026 H1', '2026H1 (January to June 2026)'],
    ['2026H2', 'July to December 2026', '2026 H2', '2026H2 (July to December 2026)'],
    ['2025', 'Calendar year 2025', '2025', 'calendar year 2025'],
    [
      'FY2026',
      'October 2025 to September 2026 (federal FY 2026)',
      'FY2026',
      'federal fiscal year FY2026 (October 2025 to September 2026)',
    ],
    [
      'SFY2026',
      'July 2025 to June 2026 (California FY 2025–26)',
      'CA FY 2025–26',
      'California fiscal year 2025–26 (July 2025 to June 2026)',
    ],
    [
      'SFY2000',
      'July 1999 to June 2000 (California FY 1999–00)',
      'CA FY 1999–00',
      'California fiscal year 1999–00 (July 1999 to June 2000)',
    ],
    ['H1-2026', 'H1-2026', 'H1-2026', 'H1-2026'],
  ])('%s: %s, %s, %s', (code, label, short, description) => {
    expect(periodLabel(code)).toBe(label);
    expect(periodShortLabel(code)).toBe(short);
    expect(describePeriod(code)).toBe(description);
  });

  test.each([
    ['2026Q3', 'July to September 2026'],
    ['2026H2', 'July to December 2026'],
    ['2026', 'January to December 2026'],
    ['FY2026', 'October 2025 to September 2026'],
    ['SFY2026', 'July 2025 to June 2026'],
  ])('%s covers %s', (code, months) => expect(parsePeriod(code)?.months).toBe(months));
});

describe('order', () => {
  // As time runs: by last quarter, the shorter first where two end together.
  const inOrder = [
    '2024Q4',
    '2024H2',
    '2024',
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
  ];

  test('periods sort as time runs, whatever order they came in', () => {
    expect([...inOrder].reverse().sort(comparePeriods)).toEqual(inOrder);
    const shuffled = inOrder.map((_, i) => inOrder[(i * 5) % inOrder.length] as string);
    expect(new Set(shuffled).size).toBe(inOrder.length);
    expect(shuffled.sort(comparePeriods)).toEqual(inOrder);
  });

  test.each([
    ['2025Q4', '2026Q1', -1],
    ['1999', '2000Q1', -1],
    ['2026Q3', 'FY2026', -1],
    ['FY2026', '2026Q4', -1],
    ['2026Q4', '2026', -1],
    ['FY2026', '2026', -1],
    ['SFY2026', 'FY2026', -1],
    ['2026H1', 'SFY2026', -1],
    ['2026Q2', '2026Q2', 0],
    ['2026', 'not a period', -1],
    ['a', 'b', -1],
  ])('%s against %s is %i', (a, b, sign) => {
    expect(Math.sign(comparePeriods(a, b))).toBe(sign);
    expect(Math.sign(comparePeriods(b, a))).toBe(-sign || 0);
  });
});

describe('steps', () => {
  test.each([
    ['2026Q1', '2025Q4', '2025Q1'],
    ['2026Q3', '2026Q2', '2025Q3'],
    ['2000Q1', '1999Q4', '1999Q1'],
    ['2026H1', '2025H2', '2025H1'],
    ['2026H2', '2026H1', '2025H2'],
    ['2026', '2025', '2025'],
    ['FY2026', 'FY2025', 'FY2025'],
    ['SFY2026', 'SFY2025', 'SFY2025'],
  ])('before %s is %s; a year earlier, %s', (code, previous, lastYear) => {
    expect(previousPeriod(code)).toBe(previous);
    expect(sameTimeLastYear(code)).toBe(lastYear);
  });

  test.each(['nope', '0001Q1', '0001', 'FY0002', 'SFY0002'])('there is nothing before %s', (code) => {
    expect(() => previousPeriod(code)).toThrow(RangeError);
  });

  test.each([
    ['2025', '2025Q1', true],
    ['2025', '2026Q1', false],
    ['FY2025', '2024Q4', true],
    ['FY2025', '2025Q3', true],
    ['FY2025', '2025Q4', false],
    ['SFY2026', '2025Q3', true],
    ['SFY2026', '2026Q3', false],
    ['2026H1', '2026Q2', true],
    ['2026H1', '2026Q3', false],
    ['2026', '2026H2', true],
    ['FY2026', '2026H1', true],
    ['FY2026', '2026H2', false],
    ['2026', 'FY2026', false],
    ['2026Q2', '2026Q2', true],
    ['2026Q2', '2026Q1', false],
    ['2026Q2', '2026', false],
    ['2026', 'not a period', false],
  ])('periodContains(%s, %s) is %s', (outer, inner, contains) => {
    expect(periodContains(outer, inner)).toBe(contains);
  });

  test.each([
    ['2025Q4', ['2025Q4', '2025H2', '2025', 'FY2026', 'SFY2026']],
    ['2026Q1', ['2026Q1', '2026H1', '2026', 'FY2026', 'SFY2026']],
    ['2026Q2', ['2026Q2', '2026H1', '2026', 'FY2026', 'SFY2026']],
    ['2026Q3', ['2026Q3', '2026H2', '2026', 'FY2026', 'SFY2027']],
  ])('%s falls in %j', (quarter, periods) => {
    expect(periodsContaining(quarter, periodKinds)).toEqual(periods);
  });

  test('only a quarter falls in periods', () => {
    expect(() => periodsContaining('FY2026', ['year'])).toThrow(/not a quarter/);
  });
});

describe('published periods', () => {
  test.each([
    ['2026Q3', true, 'quarter'],
    ['2026', true, 'year'],
    ['FY2026', true, 'fy'],
    ['2026H1', true, 'half'],
    ['SFY2026', true, 'sfy'],
  ])('%s is published: %s', (code, published, interval) => {
    expect(isPublishedPeriod(code)).toBe(published);
    expect(intervalOf(code)).toBe(interval);
  });

  test.each([null, undefined, '', '2026Q5', '2026-04', 'FY26', '2026Q1..2026Q2'])(
    '%j is not a published period',
    (code) => expect(isPublishedPeriod(code)).toBe(false),
  );

  test('the intervals are every kind of period the plan can publish', () => {
    expect(intervals).toEqual(['quarter', 'half', 'year', 'fy', 'sfy']);
    expect(isInterval('fy')).toBe(true);
    expect(isInterval('month')).toBe(false);
    expect(isInterval(null)).toBe(false);
  });
});

describe('periodSchema', () => {
  const schemas = {
    quarterOnly: periodSchema(['quarter']),
    published: periodSchema(intervals),
    any: periodSchema(),
    sfyOnly: periodSchema(['sfy']),
  };

  test.each([
    ['quarterOnly', '2026q3', '2026Q3'],
    ['published', 'fy2026', 'FY2026'],
    ['published', '2026', '2026'],
    ['published', '2026h1', '2026H1'],
    ['published', 'sfy2026', 'SFY2026'],
    ['any', '2026h1', '2026H1'],
    ['any', 'sfy2026', 'SFY2026'],
  ] as const)('%s accepts %s as %s', (schema, input, code) => {
    expect(schemas[schema].parse(input)).toBe(code);
  });

  const refused = (schema: ReturnType<typeof periodSchema>, input: unknown) => {
    const result = schema.safeParse(input);
    return result.success ? undefined : result.error.issues.map((i) => i.message);
  };

  test.each([
    ['quarterOnly', '2026Q5', 'Not a quarter: write it like 2026Q3.'],
    ['quarterOnly', '2026', 'Not a quarter: write it like 2026Q3.'],
    ['quarterOnly', '0000Q1', 'Not a quarter: write it like 2026Q3.'],
    [
      'published',
      '2026H3',
      'Not a period: write a quarter like 2026Q3, a half-year like 2026H1, a calendar year like 2026, a federal fiscal year like FY2026 or a California fiscal year like SFY2026.',
    ],
    ['sfyOnly', 'FY2026', 'Not a California fiscal year: write it like SFY2026.'],
  ] as const)('%s refuses %s', (schema, input, message) => {
    expect(refused(schemas[schema], input)).toEqual([message]);
  });

  test('a route can say it in its own words', () => {
    expect(refused(periodSchema(intervals, 'Not published.'), '2026-01')).toEqual(['Not published.']);
  });
});

describe('quarters', () => {
  test.each([
    ['2026Q1', '2026-01-01', '2026-03-31'],
    ['2024Q1', '2024-01-01', '2024-03-31'],
    ['2026Q3', '2026-07-01', '2026-09-30'],
    ['2026Q4', '2026-10-01', '2026-12-31'],
  ])('%s runs %s to %s', (code, start, end) => expect(quarterDates(q(code))).toEqual({ start, end }));

  test.each([
    ['2026Q3', 30, '2026-10-30'],
    ['2026Q4', 30, '2027-01-30'],
    ['2024Q1', 0, '2024-03-31'],
  ])('%s with %i days is due %s', (code, days, due) => expect(quarterDeadline(q(code), days)).toBe(due));

  test.each([
    ['2026Q4', 'October to December 2026'],
    ['FY2026', 'October 2025 to September 2026'],
    ['someday', ''],
  ])('%s covers "%s"', (code, months) => expect(monthsOf(code)).toBe(months));

  test.each([
    ['2026Q1', -1, '2025Q4'],
    ['2026Q1', 0, '2026Q1'],
    ['2025Q4', 1, '2026Q1'],
    ['2026Q3', -13, '2023Q2'],
    ['2023Q2', 14, '2026Q4'],
  ])('%s moved by %i quarters is %s', (code, n, moved) => expect(addQuarters(q(code), n).code).toBe(moved));

  test('the quarter after Q4 is Q1 of the next year', () => {
    expect(nextQuarter(q('2026Q4')).code).toBe('2027Q1');
    expect(codes(quarterRange(q('2023Q4'), 13)).at(-1)).toBe('2026Q4');
  });
});

describe('properties', () => {
  const quartersIn: Record<PeriodKind, number> = { quarter: 1, half: 2, year: 4, fy: 4, sfy: 4 };
  const codeOf = (kind: PeriodKind, year: number, index: number) => {
    const y = String(year).padStart(4, '0');
    return {
      quarter: `${y}Q${(index % 4) + 1}`,
      half: `${y}H${(index % 2) + 1}`,
      year: y,
      fy: `FY${y}`,
      sfy: `SFY${y}`,
    }[kind];
  };
  // Year 3 onwards, so every period has a previous one and a same-time-last-year.
  const period = fc
    .tuple(fc.constantFrom(...periodKinds), fc.integer({ min: 3, max: 9999 }), fc.nat(3))
    .map(([kind, year, index]) => codeOf(kind, year, index));

  test('every code the grammar allows reads back as itself, with its quarters consecutive and its dates theirs', () => {
    fc.assert(
      fc.property(period, (code) => {
        const p = parsePeriod(code);
        expect(p?.code).toBe(code);
        if (!p) return;
        expect(p.quarters).toHaveLength(quartersIn[p.kind]);
        for (let i = 1; i < p.quarters.length; i++)
          expect(nextQuarter(p.quarters[i - 1] as Quarter).code).toBe(p.quarters[i]?.code);
        expect(p.start).toBe(quarterDates(p.quarters[0] as Quarter).start);
        expect(p.end).toBe(quarterDates(p.quarters.at(-1) as Quarter).end);
        expect(periodSchema().parse(code.toLowerCase())).toBe(code);
      }),
    );
  });

  test("every quarter of a period falls in it, and it is that quarter's period of its kind", () => {
    fc.assert(
      fc.property(period, (code) => {
        for (const quarter of quartersOf(code)) {
          expect(periodContains(code, quarter.code)).toBe(true);
          expect(periodsContaining(quarter.code, [parsePeriod(code)?.kind as PeriodKind])).toEqual([code]);
        }
      }),
    );
  });

  test('the previous period ends just before this one starts; a year earlier is four quarters back', () => {
    fc.assert(
      fc.property(period, (code) => {
        const previous = previousPeriod(code);
        expect(parsePeriod(previous)?.kind).toBe(parsePeriod(code)?.kind);
        expect(nextQuarter(quartersOf(previous).at(-1) as Quarter).code).toBe(quartersOf(code)[0]?.code);
        expect(comparePeriods(previous, code)).toBeLessThan(0);
        const lastYear = quartersOf(sameTimeLastYear(code));
        expect(lastYear.map((x) => [x.year + 1, x.quarter])).toEqual(
          quartersOf(code).map((x) => [x.year, x.quarter]),
        );
      }),
    );
  });

  test('the order is a total order', () => {
    fc.assert(
      fc.property(period, period, period, (a, b, c) => {
        expect(Math.sign(comparePeriods(a, b))).toBe(-Math.sign(comparePeriods(b, a)) || 0);
        expect(comparePeriods(a, b) === 0).toBe(a === b);
        if (comparePeriods(a, b) <= 0 && comparePeriods(b, c) <= 0)
          expect(comparePeriods(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

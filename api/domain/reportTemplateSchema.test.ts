import { describe, expect, test } from 'vitest';
import { readDefaultCatalog, readDefaultPlan } from '../queries/catalog';
import { parseReportTemplate } from './reportTemplateSchema';

const catalog = readDefaultCatalog();
const plan = readDefaultPlan(catalog);

/** A small, sound template; each case changes one thing. */
const template = (changes: Record<string, unknown> = {}, sections: unknown[] = []) => ({
  code: 'test_report',
  name: 'A test report',
  version: 1,
  description: 'For the tests.',
  audience: 'funder',
  periodKinds: ['year'],
  areas: ['coalition'],
  kinds: ['protected', 'confidential'],
  sections: [
    { kind: 'table', code: 'served', title: 'Survivors served', table: { element: 'survivors_served' } },
    ...sections,
  ],
  ...changes,
});
const table = (title: string, table: Record<string, string>, more: Record<string, unknown> = {}) => ({
  kind: 'table',
  code: 'second',
  title,
  table,
  ...more,
});
/** A quarterly trend that follows other periods for a county. */
const countyTrend = (countyPeriods: unknown) => ({
  kind: 'trend',
  code: 'quarters',
  title: 'Survivors by quarter',
  elements: ['survivors_served', 'arrests'],
  periods: { kind: 'quarter', count: 8 },
  countyPeriods,
});
const problemsOf = (input: unknown) => {
  try {
    parseReportTemplate(input, catalog, plan);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('a report template', () => {
  test('a sound template is read as written', () => {
    const read = parseReportTemplate(template(), catalog, plan);
    expect(read.sections.map((s) => s.code)).toEqual(['served']);
  });

  test.each<[string, unknown, string]>([
    [
      'an unknown element, with the one it was near',
      template({}, [table('Survivors', { element: 'survivor_served' })]),
      'Section 2 (“Survivors”) names element survivor_served, which the catalog does not have; it has survivors_served.',
    ],
    [
      'a breakdown the element is not reported by',
      template({}, [table('Arrests by gender', { element: 'arrests', breakdown: 'gender' })]),
      'Section 2 (“Arrests by gender”) names breakdown gender, which arrests is not reported by; it has its total only.',
    ],
    [
      'an unknown grouping, with the one of that category',
      template({}, [
        table('Survivors by age', {
          element: 'survivors_served',
          breakdown: 'type_age',
          by: 'age_group',
          grouping: 'age_minor_adults',
        }),
      ]),
      'Section 2 (“Survivors by age”) names grouping age_minor_adults, which the catalog does not have; it has age_minor_adult.',
    ],
    [
      'a grouping of another category',
      template({}, [
        table('Gender', { element: 'survivors_served', breakdown: 'gender', grouping: 'age_minor_adult' }),
      ]),
      'Section 2 (“Gender”): grouping "age_minor_adult" groups "age_group", not "gender".',
    ],
    [
      'a section for a period kind the template does not accept',
      template({}, [table('Arrests', { element: 'arrests' }, { periodKinds: ['quarter'] })]),
      'Section 2 (“Arrests”) is shown for quarters, which the template does not accept; it accepts calendar years.',
    ],
    [
      'a row the table does not have',
      template({}, [
        table(
          'Minors and adults',
          {
            element: 'survivors_served',
            breakdown: 'type_age',
            by: 'age_group',
            grouping: 'age_minor_adult',
          },
          { rowOrder: ['minors', 'adult'] },
        ),
      ]),
      'Section 2 (“Minors and adults”) orders row minors, which the table does not have; it has minor.',
    ],
    [
      'a table the plan does not publish, in a template that may be protected',
      template({}, [table('Two-way', { element: 'survivors_served', breakdown: 'type_age' })]),
      'Section 2 (“Two-way”) needs table survivors_served.type_age, which the publication plan does not publish',
    ],
    [
      'a members-only table in a report for the public',
      template({ audience: 'public', kinds: ['protected'] }, [
        table('Race and ethnicity', { element: 'survivors_served', breakdown: 'race_ethnicity' }),
      ]),
      'Section 2 (“Race and ethnicity”) needs table survivors_served.race_ethnicity, which the plan publishes to members only',
    ],
    [
      'two sections with one code',
      template({}, [{ kind: 'completeness', code: 'served', title: 'Who reported' }]),
      'Section 2 (“Who reported”) has code served, which an earlier section has',
    ],
    [
      'a narrative without a length limit',
      template({}, [
        { kind: 'narrative', code: 'wins', title: 'Accomplishments', prompt: 'What went well?' },
      ]),
      'sections.1.maxLength: a narrative needs a maxLength',
    ],
    [
      'a report for members marked confidential, as the annual report may not be',
      template({ audience: 'members' }),
      'The template is read by coalition members, so its figures must be protected: remove "confidential" from kinds',
    ],
    [
      'an unknown period kind',
      template({ periodKinds: ['month'] }),
      'periodKinds.0: a period kind is one of quarter, half, year, fy, sfy',
    ],
    [
      'a trend by calendar year in a federal fiscal year report',
      template({ periodKinds: ['fy'] }, [
        {
          kind: 'trend',
          code: 'years',
          title: 'Five years',
          elements: ['arrests'],
          periods: { kind: 'year', count: 5 },
        },
      ]),
      'Section 2 (“Five years”) follows calendar years, which do not end where federal fiscal years end',
    ],
    [
      'a trend of an unknown element',
      template({}, [
        {
          kind: 'trend',
          code: 'q',
          title: 'Eight quarters',
          elements: ['arrest'],
          periods: { kind: 'quarter', count: 8 },
        },
      ]),
      'Section 2 (“Eight quarters”) names element arrest, which the catalog does not have; it has arrests.',
    ],
    [
      'county periods the plan does not publish for a county',
      template({ periodKinds: ['quarter'], areas: ['coalition', 'county'] }, [
        countyTrend({ kind: 'half', count: 4 }),
      ]),
      'Section 2 (“Survivors by quarter”) follows half-years for a county, but the publication plan does not publish survivors_served and arrests to members for a county by half-years; it publishes them for a county by calendar years, federal fiscal years, California fiscal years: choose period kinds the plan publishes for counties, or publish them in plan.json.',
    ],
    [
      'county periods of an unknown kind',
      template({ periodKinds: ['quarter'], areas: ['coalition', 'county'] }, [
        countyTrend({ kind: 'month', count: 3 }),
      ]),
      'sections.1.countyPeriods.kind: a period kind is one of quarter, half, year, fy, sfy',
    ],
    [
      'county periods in a template not made for a county',
      template({ periodKinds: ['quarter'] }, [countyTrend({ kind: 'sfy', count: 3 })]),
      'Section 2 (“Survivors by quarter”) has countyPeriods, but the template is not made for a county: remove countyPeriods, or add "county" to areas.',
    ],
    [
      'a chart of an unknown kind',
      template({}, [{ ...table('Arrests', { element: 'arrests' }), kind: 'chart', chart: 'pie' }]),
      'sections.1.chart: a chart is one of bar, stacked, trend',
    ],
  ])('%s is refused', (_, input, message) => {
    expect(problemsOf(input)).toContain(message);
  });

  test('a quarterly trend may follow state fiscal years for a county, which need not end with the report’s quarter', () => {
    const input = template({ periodKinds: ['quarter'], areas: ['coalition', 'county'] }, [
      countyTrend({ kind: 'sfy', count: 3 }),
    ]);
    expect(problemsOf(input)).toBe('');
    const read = parseReportTemplate(input, catalog, plan);
    expect(read.sections[1]).toMatchObject({ countyPeriods: { kind: 'sfy', count: 3 } });
  });

  test('a confidential-only template may name a table the plan does not publish', () => {
    const input = template({ kinds: ['confidential'] }, [
      table('Two-way', { element: 'survivors_served', breakdown: 'type_age' }),
    ]);
    expect(problemsOf(input)).toBe('');
  });
});

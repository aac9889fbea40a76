import { describe, expect, test } from 'vitest';
import { readDefaultCatalog, readDefaultPlan } from '../queries/catalog';
import { parseCatalog } from './catalogSchema';
import { parsePlan } from './planSchema';

const catalog = readDefaultCatalog();
const plan = (tables: unknown[]) => ({ version: 1, label: 'A plan', tables });
const members = { members: { coalition: ['year'] } };

describe('the publication plan', () => {
  test('the default plan fits the default catalog', () => {
    expect(readDefaultPlan(catalog).tables.length).toBeGreaterThan(20);
  });

  test.each<[string, unknown[], RegExp]>([
    ['an unknown element', [{ element: 'survivors', ...members }], /no data element "survivors"/],
    [
      'a breakdown the element is not reported by',
      [{ element: 'arrests', breakdown: 'gender', ...members }],
      /"arrests" is not reported by "gender"/,
    ],
    [
      'an unknown grain',
      [{ element: 'arrests', members: { coalition: ['month'] } }],
      /a period grain is one of quarter, half, year, fy, sfy/,
    ],
    [
      'an unknown geography',
      [{ element: 'arrests', members: { city: ['year'] } }],
      /a geography is "coalition" or "county"/,
    ],
    [
      'an unknown grouping',
      [{ element: 'survivors_served', breakdown: 'gender', grouping: 'gender_binary', ...members }],
      /no grouping "gender_binary"/,
    ],
    [
      'a grouping of another category',
      [{ element: 'survivors_served', breakdown: 'gender', grouping: 'age_minor_adult', ...members }],
      /groups "age_group", not "gender"/,
    ],
    [
      'a grouping of a two-way breakdown without its category',
      [{ element: 'survivors_served', breakdown: 'type_age', grouping: 'age_minor_adult', ...members }],
      /pick it with "by"/,
    ],
    [
      'a table listed twice',
      [
        { element: 'arrests', ...members },
        { element: 'arrests', ...members },
      ],
      /listed twice/,
    ],
    [
      'a table for the public by county',
      [{ element: 'arrests', public: { county: ['year'] } }],
      /public sees coalition-wide figures only/,
    ],
    ['a table with no audience', [{ element: 'arrests' }], /names no audience/],
  ])('refuses %s with a message that says what to fix', (_name, tables, message) => {
    expect(() => parsePlan(plan(tables), catalog)).toThrow(message);
  });

  test('two groupings of one category for one element are refused: the engine would miss their sums', () => {
    const twoGroupings = {
      ...catalog,
      groupings: [
        ...catalog.groupings,
        {
          code: 'gender_two',
          name: 'Female and everyone else',
          category: 'gender',
          groups: [
            { code: 'female', name: 'Female', options: ['female'] },
            {
              code: 'other',
              name: 'Everyone else',
              options: ['male', 'transgender', 'nonbinary', 'not_reported'],
            },
          ],
        },
      ],
    };
    expect(() =>
      parsePlan(
        plan([
          { element: 'survivors_served', breakdown: 'gender', grouping: 'gender_grouped', ...members },
          { element: 'survivors_served', breakdown: 'gender', grouping: 'gender_two', ...members },
        ]),
        twoGroupings,
      ),
    ).toThrow(/groups "gender" two ways/);
  });
});

describe("the catalog's publication groupings", () => {
  const withGrouping = (grouping: unknown) => parseCatalog({ ...catalog, groupings: [grouping] });
  test.each<[string, unknown, RegExp]>([
    [
      'an option in two groups',
      {
        code: 'g',
        name: 'G',
        category: 'gender',
        groups: [
          { code: 'a', name: 'A', options: ['female', 'male'] },
          { code: 'b', name: 'B', options: ['male', 'transgender', 'nonbinary', 'not_reported'] },
        ],
      },
      /puts option "male" in more than one group/,
    ],
    [
      'an option left out',
      {
        code: 'g',
        name: 'G',
        category: 'gender',
        groups: [
          { code: 'a', name: 'A', options: ['female'] },
          { code: 'b', name: 'B', options: ['male'] },
        ],
      },
      /leaves option "transgender" of "gender" out/,
    ],
    [
      'a multi-select category, whose options do not add up',
      {
        code: 'g',
        name: 'G',
        category: 'service',
        groups: [
          { code: 'a', name: 'A', options: ['case_management'] },
          { code: 'b', name: 'B', options: ['emergency_shelter'] },
        ],
      },
      /multi-select category "service"/,
    ],
    [
      'an unknown option',
      {
        code: 'g',
        name: 'G',
        category: 'lgbtq',
        groups: [
          { code: 'a', name: 'A', options: ['yes', 'no'] },
          { code: 'b', name: 'B', options: ['not_reported', 'maybe'] },
        ],
      },
      /unknown option "maybe"/,
    ],
  ])('refuses %s', (_name, grouping, message) => {
    expect(() => withGrouping(grouping)).toThrow(message);
  });
});

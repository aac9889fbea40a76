import { describe, expect, test } from 'vitest';
import {
  compareAudiences,
  demographicVisibility,
  headlineVisibility,
  indexPublished,
  indexTruth,
  type PublishedCell,
  percent,
  tableVisibility,
} from './visibilityMeasures';

// One period and place: 20 survivors served, by type × age (two types, two ages), by gender, and the
// age grouped into minors / adults; plus an activity element without breakdowns.
const truth = new Map<string, number>(
  Object.entries({
    'survivors_served/_total': 20,
    'survivors_served.type_age/sex|minor': 3,
    'survivors_served.type_age/sex|adult': 9,
    'survivors_served.type_age/labor|minor': 2,
    'survivors_served.type_age/labor|adult': 6,
    'survivors_served.type_age/sex|_total': 12,
    'survivors_served.type_age/labor|_total': 8,
    'survivors_served.type_age/_total|minor': 5,
    'survivors_served.type_age/_total|adult': 15,
    'survivors_served.type_age:grouped/_total|all': 20,
    'survivors_served.gender/female': 14,
    'survivors_served.gender/male': 6,
    'arrests/_total': 4,
  }).map(([key, value]) => [`2025/coalition/${key}`, value]),
);

const categories: Record<string, string[]> = {
  'survivors_served.type_age': ['trafficking_type', 'age_group'],
  'survivors_served.type_age:grouped': ['trafficking_type', 'age_group'],
  'survivors_served.gender': ['gender'],
};
const categoriesOf = (table: string) => categories[table] ?? [];

/** Published cells of the truth: those listed are hidden, those left out were not given at all. */
function publish(hidden: string[], leftOut: string[] = []): PublishedCell[] {
  return [...truth].flatMap(([id, value]) => {
    const [period, geo, table, optionKey] = id.split('/') as [string, string, string, string];
    const key = `${table}/${optionKey}`;
    if (leftOut.some((t) => table === t)) return [];
    const suppressed = hidden.includes(key);
    return [{ period, geo, table, optionKey, suppressed, value: suppressed ? null : value }];
  });
}

const view = (cells: PublishedCell[]) => ({ truth: indexTruth(truth), published: indexPublished(cells) });

describe('the demographic share', () => {
  test('counts marginals along each category and leaves inner cells out', () => {
    const { truth: t, published } = view(
      publish(
        ['survivors_served.type_age/sex|minor', 'survivors_served.type_age/labor|minor'],
        ['survivors_served.type_age:grouped'],
      ),
    );
    const d = demographicVisibility(t, published, categoriesOf, '2025', 'coalition');
    // Every marginal is visible: type 20, age 20, gender 20; the other three categories have no table.
    expect(d.categories.map((c) => [c.category, c.visible, c.table])).toEqual([
      ['trafficking_type', 20, 'survivors_served.type_age'],
      ['age_group', 20, 'survivors_served.type_age'],
      ['gender', 20, 'survivors_served.gender'],
      ['citizenship', 0, null],
      ['lgbtq', 0, null],
      ['disability', 0, null],
    ]);
    expect(d).toMatchObject({ visible: 60, total: 120 });
  });

  test("takes the audience's best table along a category, never both", () => {
    const hiddenAges = ['survivors_served.type_age/_total|minor', 'survivors_served.type_age/_total|adult'];
    const { truth: t, published } = view(publish(hiddenAges));
    const age = demographicVisibility(t, published, categoriesOf, '2025', 'coalition').categories[1];
    expect(age).toMatchObject({ visible: 20, table: 'survivors_served.type_age:grouped' });
  });

  test('a hidden cell counts as not seen, and a table not given counts as nothing', () => {
    const { truth: t, published } = view(
      publish(
        ['survivors_served.gender/male'],
        ['survivors_served.type_age', 'survivors_served.type_age:grouped'],
      ),
    );
    const d = demographicVisibility(t, published, categoriesOf, '2025', 'coalition');
    expect(d).toMatchObject({ visible: 14, total: 120 });
  });
});

test('per table: the share of cells seen and of the count their finest cells hold', () => {
  const { truth: t, published } = view(
    publish(
      ['survivors_served.type_age/sex|minor', 'survivors_served.type_age/labor|minor'],
      ['survivors_served.gender'],
    ),
  );
  const tables = tableVisibility(t, published, '2025', 'coalition');
  expect(tables.find((x) => x.table === 'survivors_served.type_age')).toEqual({
    table: 'survivors_served.type_age',
    published: true,
    cells: 8,
    visibleCells: 6,
    count: 20,
    visibleCount: 15,
  });
  expect(tables.find((x) => x.table === 'survivors_served.gender')).toMatchObject({
    published: false,
    visibleCells: 0,
  });
  expect(tables.find((x) => x.table === 'arrests')).toMatchObject({ cells: 1, count: 4, visibleCount: 4 });
});

test('headline totals are the elements’ grand totals', () => {
  const { truth: t, published } = view(publish(['arrests/_total']));
  expect(headlineVisibility(t, published, '2025', 'coalition')).toEqual([
    { element: 'survivors_served', value: 20, visible: true },
    { element: 'arrests', value: 4, visible: false },
  ]);
});

test('members against the public: cells the public sees and members do not are found', () => {
  const members = indexPublished(publish(['survivors_served.gender/male', 'survivors_served.gender/female']));
  const audience = indexPublished(
    publish(
      ['survivors_served.gender/female'],
      ['survivors_served.type_age', 'survivors_served.type_age:grouped'],
    ),
  );
  expect(compareAudiences(members, audience)).toEqual({
    publicCells: 4,
    missingForMembers: 0,
    hiddenFromMembers: 1,
    hiddenFromMembersCount: 6,
    differentValues: 0,
    publicSeesMore: ['survivors_served.gender 2025'],
  });
});

test.each([
  [0, 0, '—'],
  [1, 3, '33.3%'],
  [3, 3, '100.0%'],
  [19_999, 20_000, '99.9%'],
])('percent(%d, %d) is %s', (part, whole, shown) => {
  expect(percent(part, whole)).toBe(shown);
});

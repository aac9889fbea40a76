import { describe, expect, test } from 'vitest';
import { readDefaultCatalog } from '../queries/catalog';
import { type Catalog, cellKey, cellsOfElement, optionKeysOf } from './catalog';
import { catalogProblems, parseCatalog } from './catalogSchema';

const catalog = readDefaultCatalog();
const clone = (): Catalog => structuredClone(catalog);
const element = (c: Catalog, code: string) => {
  const found = c.sections.flatMap((s) => s.elements).find((e) => e.code === code);
  if (!found) throw new Error(code);
  return found;
};

describe('the default catalog', () => {
  test('is coherent: codes unique, every reference resolves, every rule parses', () => {
    expect(catalogProblems(catalog)).toEqual([]);
  });

  test('holds the domain of PRODUCT.md', () => {
    const elements = catalog.sections.flatMap((s) => s.elements.map((e) => e.code));
    expect(elements).toEqual(
      expect.arrayContaining([
        'survivors_served',
        'new_survivors',
        'survivors_shared',
        'services_provided',
        'referrals_received',
        'trafficking_context',
        'investigations_opened',
        'arrests',
        'cases_referred',
        'victims_identified',
        'continued_presence_requests',
        'trainings_delivered',
        'professionals_trained',
        'outreach_events',
        'community_reached',
      ]),
    );
    const options = (code: string) =>
      catalog.categories.find((c) => c.code === code)?.options.map((o) => o.code);
    expect(options('trafficking_type')).toEqual(['sex', 'labor', 'sex_and_labor', 'unknown']);
    expect(options('age_group')).toEqual(['under_12', '12_17', '18_24', '25_59', '60_plus', 'unknown']);
    expect(options('gender')).toEqual(['female', 'male', 'transgender', 'nonbinary', 'not_reported']);
    expect(options('citizenship')).toEqual(['us_citizen_lpr', 'foreign_national', 'unknown']);
    expect(options('county')).toEqual(['santa_clara', 'san_benito', 'other_unknown']);
    expect(options('service')).toHaveLength(15);
    expect(options('referral_source')).toHaveLength(11);
    expect(options('venue')).toHaveLength(13);
    expect(catalog.categories.find((c) => c.code === 'race_ethnicity')?.multiSelect).toBe(true);
    expect(element(catalog, 'survivors_served').disaggregations).toEqual([
      'type_age',
      'gender',
      'citizenship',
      'race_ethnicity',
      'lgbtq',
      'disability',
      'county',
    ]);
  });

  test('people counts roll up to an unduplicated year; activities sum', () => {
    expect(element(catalog, 'survivors_served')).toMatchObject({
      kind: 'people',
      periodAggregation: 'first_plus_new',
      newElement: 'new_survivors',
    });
    expect(element(catalog, 'trainings_delivered')).toMatchObject({
      kind: 'activity',
      periodAggregation: 'sum',
    });
  });

  test('cells: a total, then every option combination of each disaggregation', () => {
    const served = element(catalog, 'survivors_served');
    const cells = cellsOfElement(catalog, served);
    expect(cells[0]).toEqual({ element: 'survivors_served', combo: '', optionKey: '' });
    expect(cells.filter((c) => c.combo === 'type_age')).toHaveLength(4 * 6);
    expect(cells).toHaveLength(1 + 24 + 5 + 3 + 9 + 3 + 3 + 3);
    expect(new Set(cells.map(cellKey)).size).toBe(cells.length);
    const typeAge = catalog.categoryCombos.find((c) => c.code === 'type_age');
    expect(typeAge && optionKeysOf(catalog, typeAge).slice(0, 2)).toEqual(['sex|under_12', 'sex|12_17']);
  });
});

describe('an incoherent catalog is refused with each problem named', () => {
  test.each<[string, (c: Catalog) => void, RegExp]>([
    [
      'a duplicate element code',
      (c) => c.sections[1]?.elements.push({ ...element(c, 'arrests') }),
      /data element "arrests" is defined twice/,
    ],
    [
      'an unknown disaggregation',
      (c) => element(c, 'arrests').disaggregations.push('nope'),
      /unknown category combination "nope"/,
    ],
    [
      'a combination naming an unknown category',
      (c) => c.categoryCombos[1]?.categories.push('planet'),
      /unknown category "planet"/,
    ],
    [
      'a multi-select category crossed with another',
      (c) =>
        c.categoryCombos.push({ code: 'race_age', name: 'x', categories: ['race_ethnicity', 'age_group'] }),
      /crosses multi-select category "race_ethnicity"/,
    ],
    [
      'a rule naming an unknown element',
      (c) =>
        c.validationRules.push({
          ...(c.validationRules[0] as Catalog['validationRules'][number]),
          code: 'r',
          left: 'ghosts',
        }),
      /unknown data element "ghosts"/,
    ],
    [
      'a rule filtering on an unknown option',
      (c) =>
        c.validationRules.push({
          ...(c.validationRules[0] as Catalog['validationRules'][number]),
          code: 'r2',
          left: 'survivors_served.type_age[age_group=teen]',
        }),
      /unknown option "teen"/,
    ],
    [
      'a rule that does not parse',
      (c) =>
        c.validationRules.push({
          ...(c.validationRules[0] as Catalog['validationRules'][number]),
          code: 'r3',
          left: 'a + + b',
        }),
      /validation rule "r3"/,
    ],
    [
      'first_plus_new without a new element',
      (c) => {
        delete element(c, 'survivors_served').newElement;
      },
      /names no known new element/,
    ],
  ])('%s', (_, breakIt, problem) => {
    const broken = clone();
    breakIt(broken);
    expect(catalogProblems(broken).join('\n')).toMatch(problem);
    expect(() => parseCatalog(broken)).toThrow(problem);
  });

  test('a catalog missing required fields is refused by its schema', () => {
    expect(() => parseCatalog({ version: 1, label: 'x', categories: [] })).toThrow(/not valid/);
  });
});

import { describe, expect, test } from 'vitest';
import { sectionsFor } from '../../../../api/domain/catalog';
import {
  compareWithTotal,
  describeComparison,
  enterOrder,
  formatCount,
  type GridLayout,
  gridTotals,
  layoutElement,
  layoutSections,
  nextInOrder,
  sumOf,
} from './layout';
import { makeCatalog } from './testFixtures';

function element(code: string) {
  const catalog = makeCatalog();
  const found = catalog.sections.flatMap((s) => s.elements).find((e) => e.code === code);
  if (!found) throw new Error(code);
  return { catalog, layout: layoutElement(catalog, found) };
}

function servedGrid(): GridLayout {
  const grid = element('survivors_served').layout.disaggregations[0];
  if (grid?.kind !== 'grid') throw new Error('expected a grid');
  return grid;
}

describe('layoutElement', () => {
  test('a two-category breakdown is a grid: rows are the second category, columns the first', () => {
    const grid = servedGrid();
    expect(grid.columns.map((c) => c.name)).toEqual(['Sex trafficking', 'Labor trafficking']);
    expect(grid.rows.map((r) => r.name)).toEqual(['Under 18', '18 or older', 'Unknown']);
    // Keys keep the combination's category order (type|age) whatever the table's orientation.
    expect(grid.rows[0]?.cells.map((c) => c.key)).toEqual([
      'survivors_served.type_age.sex|under_18',
      'survivors_served.type_age.labor|under_18',
    ]);
    expect(grid.rows[0]?.cells[0]?.label).toBe('Survivors served, Sex trafficking, Under 18');
  });

  test.each([
    { code: 'survivors_served', total: 'survivors_served', kinds: ['grid', 'list'], multi: [false, false] },
    { code: 'services_provided', total: 'services_provided', kinds: ['list'], multi: [true] },
    { code: 'survivors_shared', total: 'survivors_shared', kinds: [], multi: [] },
  ])('$code: total $total, breakdowns $kinds', ({ code, total, kinds, multi }) => {
    const { layout } = element(code);
    expect(layout.total.key).toBe(total);
    expect(layout.total.label).toBe(`${layout.element.name}, total`);
    expect(layout.disaggregations.map((d) => d.kind)).toEqual(kinds);
    expect(layout.disaggregations.map((d) => d.multiSelect)).toEqual(multi);
  });

  test('a list names each cell by element, category and option', () => {
    const list = element('survivors_served').layout.disaggregations[1];
    expect(list?.kind).toBe('list');
    if (list?.kind !== 'list') return;
    expect(list.rows.map((r) => [r.cell.key, r.cell.label])).toEqual([
      ['survivors_served.gender.female', 'Survivors served, Gender identity: Female'],
      ['survivors_served.gender.male', 'Survivors served, Gender identity: Male'],
    ]);
  });

  test('an unknown combination is a catalog error, not an empty table', () => {
    const catalog = makeCatalog();
    const served = catalog.sections[0]?.elements[0];
    if (!served) throw new Error('the fixture has an element');
    const broken = { ...served, disaggregations: ['missing'] };
    expect(() => layoutElement(catalog, broken)).toThrow('unknown category combination "missing"');
  });
});

describe('layoutSections', () => {
  test.each([
    { type: 'victim_services' as const, sections: ['survivors'] },
    { type: 'law_enforcement' as const, sections: ['law_enforcement'] },
    { type: 'education' as const, sections: [] },
  ])('a $type agency sees $sections', ({ type, sections }) => {
    const catalog = makeCatalog();
    expect(layoutSections(catalog, sectionsFor(catalog, type)).map((s) => s.section.code)).toEqual(sections);
  });
});

describe('enterOrder', () => {
  const catalog = makeCatalog();
  const order = enterOrder(layoutSections(catalog, sectionsFor(catalog, 'victim_services')));

  test('goes down each column of a grid before moving to the next column', () => {
    expect(order.slice(0, 8)).toEqual([
      'survivors_served',
      'survivors_served.type_age.sex|under_18',
      'survivors_served.type_age.sex|18_plus',
      'survivors_served.type_age.sex|unknown',
      'survivors_served.type_age.labor|under_18',
      'survivors_served.type_age.labor|18_plus',
      'survivors_served.type_age.labor|unknown',
      'survivors_served.gender.female',
    ]);
  });

  test('covers every cell exactly once', () => {
    expect(new Set(order).size).toBe(order.length);
    // 1 + 6 + 2 for survivors served, 1 + 2 for services, 1 for shared.
    expect(order).toHaveLength(13);
  });

  test.each([
    {
      from: 'survivors_served.type_age.sex|unknown',
      step: 1 as const,
      to: 'survivors_served.type_age.labor|under_18',
    },
    {
      from: 'survivors_served.type_age.labor|unknown',
      step: 1 as const,
      to: 'survivors_served.gender.female',
    },
    {
      from: 'survivors_served.gender.female',
      step: -1 as const,
      to: 'survivors_served.type_age.labor|unknown',
    },
    { from: 'survivors_shared', step: 1 as const, to: undefined },
    { from: 'survivors_served', step: -1 as const, to: undefined },
    { from: 'not.a.cell', step: 1 as const, to: undefined },
  ])('$from, step $step → $to', ({ from, step, to }) => {
    expect(nextInOrder(order, from, step)).toBe(to);
  });
});

describe('sumOf', () => {
  test.each([
    { name: 'no keys', values: {}, keys: [], expected: null },
    { name: 'all blank', values: {}, keys: ['a', 'b'], expected: null },
    { name: 'zeros are counts, not blanks', values: { a: 0, b: 0 }, keys: ['a', 'b'], expected: 0 },
    { name: 'blank cells are skipped', values: { a: 3 }, keys: ['a', 'b'], expected: 3 },
    { name: 'cells outside the keys are ignored', values: { a: 3, c: 100 }, keys: ['a', 'b'], expected: 3 },
  ])('$name → $expected', ({ values, keys, expected }) => {
    expect(sumOf(new Map(Object.entries(values)), keys)).toBe(expected);
  });
});

describe('gridTotals', () => {
  test.each([
    {
      name: 'an empty grid has blank totals, not zeros',
      values: {},
      expected: { rows: [null, null, null], columns: [null, null], grand: null },
    },
    {
      name: 'a partly filled grid totals what is there',
      values: {
        'survivors_served.type_age.sex|under_18': 4,
        'survivors_served.type_age.labor|under_18': 1,
        'survivors_served.type_age.sex|18_plus': 10,
        'survivors_served.type_age.labor|unknown': 0,
      },
      expected: { rows: [5, 10, 0], columns: [14, 1], grand: 15 },
    },
    {
      name: "the element's total is not part of its grid",
      values: { survivors_served: 99, 'survivors_served.type_age.labor|18_plus': 2 },
      expected: { rows: [null, 2, null], columns: [null, 2], grand: 2 },
    },
  ])('$name', ({ values, expected }) => {
    expect(gridTotals(servedGrid(), new Map(Object.entries(values)))).toEqual(expected);
  });
});

describe('compareWithTotal and describeComparison', () => {
  test.each([
    { sum: null, total: null, multi: false, kind: 'nothing', text: 'Nothing entered yet.' },
    {
      sum: null,
      total: 0,
      multi: false,
      kind: 'no-breakdown',
      text: 'Nothing entered in this breakdown yet. The total is 0.',
    },
    {
      sum: 0,
      total: null,
      multi: false,
      kind: 'no-total',
      text: 'These add up to 0. The total above is still blank.',
    },
    { sum: 0, total: 0, multi: false, kind: 'matches', text: 'These add up to 0, the same as the total.' },
    {
      sum: 21,
      total: 23,
      multi: false,
      kind: 'fewer',
      text: 'These add up to 21: 2 fewer than the total of 23.',
    },
    {
      sum: 1204,
      total: 1200,
      multi: false,
      kind: 'more',
      text: 'These add up to 1,204: 4 more than the total of 1,200.',
    },
    {
      sum: 30,
      total: 23,
      multi: true,
      kind: 'more',
      text: "These add up to 30, more than the total of 23. That's expected when survivors are counted under more than one.",
    },
  ])('sum $sum vs total $total (multi-select $multi) → $kind', ({ sum, total, multi, kind, text }) => {
    const comparison = compareWithTotal(sum, total, multi);
    expect(comparison.kind).toBe(kind);
    expect(describeComparison(comparison)).toBe(text);
  });
});

describe('formatCount', () => {
  test.each([
    { value: null, expected: 'blank' },
    { value: undefined, expected: 'blank' },
    { value: 0, expected: '0' },
    { value: 1000000, expected: '1,000,000' },
  ])('$value → $expected', ({ value, expected }) => {
    expect(formatCount(value)).toBe(expected);
  });
});

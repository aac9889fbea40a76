import { describe, expect, test } from 'vitest';
import type { Finding } from '../../../../api/domain/validation';
import {
  anchorOf,
  cellLabel,
  countBySection,
  describeBlockers,
  describeCounts,
  describeFindingCells,
  domId,
  findingsByAnchor,
  findingsByCell,
  isBlocked,
  splitCellKey,
  submitBlockers,
} from './findings';
import { makeCatalog } from './testFixtures';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    code: 'gender_sum',
    kind: 'rule',
    severity: 'error',
    message: 'The gender breakdown must add up to survivors served.',
    detail: 'Survivors served by gender identity is 21; it should equal Survivors served (23).',
    cells: ['survivors_served.gender.female', 'survivors_served.gender.male', 'survivors_served'],
    section: 'survivors',
    ...overrides,
  };
}

describe('splitCellKey and cellLabel', () => {
  test.each([
    { key: 'survivors_served', parts: ['survivors_served', '', []], label: 'Survivors served · Total' },
    {
      key: 'survivors_served.gender.female',
      parts: ['survivors_served', 'gender', ['female']],
      label: 'Survivors served · By gender identity · Female',
    },
    {
      key: 'survivors_served.type_age.sex|under_18',
      parts: ['survivors_served', 'type_age', ['sex', 'under_18']],
      label: 'Survivors served · Type of trafficking by age group · Sex trafficking, Under 18',
    },
    {
      key: 'services_provided.service.legal',
      parts: ['services_provided', 'service', ['legal']],
      label: 'Survivors receiving services · By service · Legal help',
    },
    // A code the catalog no longer knows is shown as it is rather than dropped.
    {
      key: 'retired.gender.other',
      parts: ['retired', 'gender', ['other']],
      label: 'retired · By gender identity · other',
    },
  ])('$key', ({ key, parts, label }) => {
    const [element, combo, options] = parts;
    expect(splitCellKey(key)).toEqual({ element, combo, options });
    expect(cellLabel(makeCatalog(), key)).toBe(label);
  });
});

describe('anchorOf', () => {
  test.each([
    {
      name: 'a breakdown and its total sit by the breakdown',
      cells: finding().cells,
      expected: { element: 'survivors_served', combo: 'gender' },
    },
    {
      name: 'two totals sit by the first element',
      cells: ['survivors_shared', 'survivors_served'],
      expected: { element: 'survivors_shared', combo: null },
    },
    {
      name: 'two breakdowns sit by the first element',
      cells: ['survivors_served.gender.female', 'services_provided.service.legal'],
      expected: { element: 'survivors_served', combo: null },
    },
    {
      name: 'an outlier sits by its total',
      cells: ['survivors_served'],
      expected: { element: 'survivors_served', combo: null },
    },
    { name: 'no cells at all', cells: [], expected: { element: '', combo: null } },
  ])('$name', ({ cells, expected }) => {
    expect(anchorOf({ cells })).toEqual(expected);
  });
});

describe('findingsByCell and findingsByAnchor', () => {
  test('a cell named by two findings points at both', () => {
    const sum = finding();
    const shared = finding({ code: 'shared_within_served', cells: ['survivors_shared', 'survivors_served'] });
    const byCell = findingsByCell([sum, shared]);
    expect(byCell.get('survivors_served')?.map((f) => f.code)).toEqual([
      'gender_sum',
      'shared_within_served',
    ]);
    expect(byCell.get('survivors_served.gender.male')?.map((f) => f.code)).toEqual(['gender_sum']);
    expect(byCell.has('survivors_served.gender.other')).toBe(false);
    const byAnchor = findingsByAnchor([sum, shared]);
    expect([...byAnchor.keys()]).toEqual(['survivors_served.gender', 'survivors_shared']);
  });

  test('no findings, no marks', () => {
    expect(findingsByCell([]).size).toBe(0);
    expect(findingsByAnchor([]).size).toBe(0);
  });
});

describe('countBySection and describeCounts', () => {
  test('counts errors and warnings per section', () => {
    const counts = countBySection([
      finding(),
      finding({ code: 'services_covered', severity: 'warning' }),
      finding({ code: 'x', section: 'prevention', severity: 'warning' }),
    ]);
    expect(Object.fromEntries(counts)).toEqual({
      survivors: { errors: 1, warnings: 1 },
      prevention: { errors: 0, warnings: 1 },
    });
  });

  test.each([
    { count: undefined, expected: null },
    { count: { errors: 0, warnings: 0 }, expected: null },
    { count: { errors: 1, warnings: 0 }, expected: '1 problem to fix' },
    { count: { errors: 0, warnings: 2 }, expected: '2 warnings' },
    { count: { errors: 3, warnings: 1 }, expected: '3 problems to fix, 1 warning' },
  ])('$count → $expected', ({ count, expected }) => {
    expect(describeCounts(count)).toBe(expected);
  });
});

describe('submitBlockers and describeBlockers', () => {
  const error = finding();
  const warning = finding({ code: 'services_covered', severity: 'warning', cells: ['services_provided'] });

  test.each<{
    name: string;
    findings: Finding[];
    explanations: Record<string, string>;
    invalid: number;
    blocked: boolean;
    text: string;
  }>([
    {
      name: 'nothing wrong',
      findings: [],
      explanations: {},
      invalid: 0,
      blocked: false,
      text: 'Nothing is stopping this report from being submitted.',
    },
    {
      name: 'an explained warning does not block',
      findings: [warning],
      explanations: { services_covered: 'Referred on.' },
      invalid: 0,
      blocked: false,
      text: 'Nothing is stopping this report from being submitted.',
    },
    {
      name: 'a blank explanation does not count',
      findings: [warning],
      explanations: { services_covered: '  ' },
      invalid: 0,
      blocked: true,
      text: 'Not submitted yet: 1 warning needs a short explanation.',
    },
    {
      name: 'an error blocks',
      findings: [error],
      explanations: {},
      invalid: 0,
      blocked: true,
      text: 'Not submitted yet: 1 problem needs fixing.',
    },
    {
      name: 'boxes that are not counts block',
      findings: [],
      explanations: {},
      invalid: 2,
      blocked: true,
      text: "Not submitted yet: 2 boxes have something that isn't a count.",
    },
    {
      name: 'everything at once',
      findings: [error, warning],
      explanations: {},
      invalid: 1,
      blocked: true,
      text: "Not submitted yet: 1 box has something that isn't a count, 1 problem needs fixing and 1 warning needs a short explanation.",
    },
  ])('$name', ({ findings, explanations, invalid, blocked, text }) => {
    const blockers = submitBlockers(findings, explanations, invalid);
    expect(isBlocked(blockers)).toBe(blocked);
    expect(describeBlockers(blockers)).toBe(text);
  });
});

describe('describeFindingCells', () => {
  test.each([
    { cells: [], expected: '' },
    { cells: ['survivors_served'], expected: 'Survivors served: total' },
    {
      cells: finding().cells,
      expected: 'Survivors served, by gender identity (2 boxes); Survivors served: total',
    },
    {
      cells: ['survivors_served.type_age.sex|under_18'],
      expected: 'Survivors served, type of trafficking by age group (1 box)',
    },
  ])('$cells → $expected', ({ cells, expected }) => {
    expect(describeFindingCells(makeCatalog(), cells)).toBe(expected);
  });
});

describe('domId', () => {
  test.each([
    { code: 'gender_sum', expected: 'finding-gender_sum' },
    { code: 'outlier.survivors_served', expected: 'finding-outlier-survivors_served' },
    { code: 'survivors_served.type_age.sex|12_17', expected: 'finding-survivors_served-type_age-sex-12_17' },
  ])('$code → $expected', ({ code, expected }) => {
    expect(domId('finding', code)).toBe(expected);
  });
});

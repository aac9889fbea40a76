import { describe, expect, test } from 'vitest';
import { readDefaultCatalog } from '../queries/catalog';
import type { ValidationRule } from './catalog';
import { compileRules, parseExpression, referencesOf } from './rules';

const catalog = readDefaultCatalog();

const rule = (
  left: string,
  operator: ValidationRule['operator'],
  right: string,
  severity: 'error' | 'warning' = 'error',
) => ({
  code: 'test_rule',
  description: 'test',
  left,
  operator,
  right,
  severity,
  message: 'fix it',
});

const evaluate = (r: ValidationRule, values: Record<string, number>) =>
  compileRules(catalog, [r])[0]?.evaluate(new Map(Object.entries(values)));

describe('parsing rule expressions', () => {
  test('totals, disaggregations, filters and constants', () => {
    expect(
      referencesOf(
        parseExpression(
          'survivors_served.type_age[age_group=under_12|12_17; trafficking_type=sex] - arrests + 2',
        ),
      ),
    ).toEqual([
      {
        element: 'survivors_served',
        combo: 'type_age',
        filters: [
          { category: 'age_group', options: ['under_12', '12_17'] },
          { category: 'trafficking_type', options: ['sex'] },
        ],
      },
      { element: 'arrests', filters: [] },
    ]);
  });

  test.each(['', 'a +', 'a.b[c]', 'a.b[c=]', 'a * b', 'a.b[c=d'])('"%s" is refused', (source) => {
    expect(() => parseExpression(source)).toThrow();
  });
});

describe('evaluating rules', () => {
  test('a disaggregation must sum to its total', () => {
    const r = rule('survivors_served.gender', '==', 'survivors_served');
    const values = {
      survivors_served: 5,
      'survivors_served.gender.female': 3,
      'survivors_served.gender.male': 1,
      'survivors_served.gender.not_reported': 1,
    };
    expect(evaluate(r, values)).toMatchObject({ status: 'passed', left: 5, right: 5 });
    expect(evaluate(r, { ...values, 'survivors_served.gender.male': 2 })).toMatchObject({
      status: 'failed',
      left: 6,
      right: 5,
      severity: 'error',
    });
  });

  test('a filter picks the cells whose options match', () => {
    const r = rule('survivors_served.type_age[age_group=under_12|12_17]', '<=', 'survivors_served');
    const values = {
      survivors_served: 3,
      'survivors_served.type_age.sex|12_17': 2,
      'survivors_served.type_age.labor|under_12': 1,
      'survivors_served.type_age.labor|25_59': 9,
    };
    expect(evaluate(r, values)).toMatchObject({ status: 'passed', left: 3 });
  });

  test('blank cells count as zero, and a rule with nothing entered is skipped', () => {
    const r = rule('new_survivors', '<=', 'survivors_served');
    expect(evaluate(r, {})).toMatchObject({ status: 'skipped' });
    expect(evaluate(r, { new_survivors: 2 })).toMatchObject({ status: 'failed', right: 0 });
  });

  test('multi-select categories may exceed the total without failing a ≥ rule', () => {
    const r = rule('survivors_served.race_ethnicity', '>=', 'survivors_served', 'warning');
    expect(
      evaluate(r, {
        survivors_served: 2,
        'survivors_served.race_ethnicity.asian': 2,
        'survivors_served.race_ethnicity.white': 1,
      }),
    ).toMatchObject({ status: 'passed', left: 3, right: 2, severity: 'warning' });
  });

  test('every rule of the default catalog compiles', () => {
    expect(compileRules(catalog)).toHaveLength(catalog.validationRules.length);
  });
});

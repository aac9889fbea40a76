import { expect, test } from 'vitest';
import { countyGrains, grainsInWords, planCounts, reachInWords } from './plan';
import { testPlan } from './testFixtures';

test.each([
  [['quarter', 'half', 'year', 'fy', 'sfy'], 'every period'],
  [['year', 'fy', 'sfy'], 'calendar years, federal and California fiscal years'],
  [['quarter', 'year', 'fy', 'sfy'], 'quarters, calendar years, federal and California fiscal years'],
  [['year', 'fy'], 'calendar years and federal fiscal years'],
  [['fy', 'year'], 'calendar years and federal fiscal years'],
  [['sfy'], 'California fiscal years'],
  [[], ''],
])('grains %j read "%s"', (grains, words) => {
  expect(grainsInWords(grains)).toBe(words);
});

test('where and how often, one line per geography; nothing when not published', () => {
  const [totals, type, age] = testPlan().tables;
  expect(reachInWords(totals?.members ?? null)).toEqual([
    'Whole coalition: every period',
    'Each county: calendar years, federal and California fiscal years',
  ]);
  expect(reachInWords(type?.public ?? null)).toEqual([
    'Whole coalition: calendar years and federal fiscal years',
  ]);
  expect(reachInWords(age?.public ?? null)).toEqual([]);
});

test('a county’s grains per table, joined over the rows that share a table', () => {
  const grains = countyGrains(testPlan());
  expect([...(grains.get('survivors_served') ?? [])]).toEqual(['year', 'fy', 'sfy']);
  expect(grains.get('survivors_served.type_age')?.size).toBe(0);
  expect(grains.get('professionals_trained.discipline')?.has('quarter')).toBe(true);
});

test('how many tables each audience sees', () => {
  expect(planCounts(testPlan())).toEqual({ members: 4, public: 3 });
});

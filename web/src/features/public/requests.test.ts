import { expect, test } from 'vitest';
import { planTablesList } from '../dashboard/testFixtures';
import { publicRequestPaths } from './requests';

const everyone = { list: planTablesList('public') };

test.each([
  ['2026Q2', 'quarter'],
  ['2025', 'year'],
  ['FY2025', 'fy'],
])('the public page of %s asks only for public, coalition-wide tables', (period, interval) => {
  const paths = publicRequestPaths(period, everyone.list);
  expect(paths[0]).toBe('/api/stats/tables?audience=public');
  expect(paths).toContain(
    `/api/stats/survivors_served/series?geo=coalition&interval=${interval}&audience=public`,
  );
  expect(paths.slice(1).every((p) => p.includes('audience=public') && p.includes('geo=coalition'))).toBe(
    true,
  );
  expect(paths.some((p) => /race_ethnicity|venue|survivors_served\.gender\?/.test(p))).toBe(false);
});

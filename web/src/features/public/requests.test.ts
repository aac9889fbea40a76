import { expect, test } from 'vitest';
import { publicRequestPaths } from './requests';

test.each([
  ['2026Q2', 'quarter'],
  ['2025', 'year'],
  ['FY2025', 'fy'],
])('the public page of %s asks only for public, coalition-wide tables', (period, interval) => {
  const paths = publicRequestPaths(period);
  expect(paths[0]).toBe('/api/stats/tables?audience=public');
  expect(paths).toContain(
    `/api/stats/survivors_served.gender/series?geo=coalition&interval=${interval}&audience=public`,
  );
  expect(paths).toContain(
    `/api/stats/services_provided.service?period=${period}&geo=coalition&audience=public`,
  );
  expect(paths.every((p) => p.includes('audience=public'))).toBe(true);
  expect(paths.some((p) => /type_age|geo=S/.test(p))).toBe(false);
});

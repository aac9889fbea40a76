import { expect, test } from 'vitest';
import { overviewRequestPaths } from './requests';

test('the overview of a quarter: the tables list, series by quarter, and each breakdown of the quarter', () => {
  const paths = overviewRequestPaths({ period: '2026Q2', geo: 'coalition' });
  expect(paths[0]).toBe('/api/stats/tables');
  expect(paths).toContain('/api/stats/survivors_served.gender/series?geo=coalition&interval=quarter');
  expect(paths).toContain('/api/stats/survivors_served.type_age/series?geo=coalition&interval=quarter');
  expect(paths).toContain('/api/stats/services_provided.service?period=2026Q2&geo=coalition');
  expect(new Set(paths).size).toBe(paths.length);
});

test.each([
  ['2025', 'SCL', 'year'],
  ['FY2025', 'SBN', 'fy'],
])('the overview of %s in %s asks for series by %s, and the quarters', (period, geo, interval) => {
  const paths = overviewRequestPaths({ period, geo });
  expect(paths).toContain(`/api/stats/trainings_delivered/series?geo=${geo}&interval=${interval}`);
  expect(paths).toContain(`/api/stats/survivors_served.type_age/series?geo=${geo}&interval=quarter`);
  expect(paths).toContain(`/api/stats/survivors_served.citizenship?period=${period}&geo=${geo}`);
  expect(paths.every((p) => p.startsWith('/api/stats/'))).toBe(true);
});

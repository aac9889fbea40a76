import { describe, expect, test } from 'vitest';
import type { Published } from './published';
import { overviewRequestPaths } from './requests';
import { planCountyGrains, planTablesList } from './testFixtures';

const members: Published = { list: planTablesList('coalition'), county: planCountyGrains() };

describe('the requests follow the layout: nothing asked for that is not published', () => {
  test('a quarter coalition-wide asks for no breakdown', () => {
    const paths = overviewRequestPaths({ period: '2026Q2', geo: 'coalition' }, members.list);
    expect(paths[0]).toBe('/api/stats/tables');
    expect(paths).toContain('/api/stats/survivors_served/series?geo=coalition&interval=quarter');
    expect(paths).toContain(
      '/api/stats/professionals_trained.discipline/series?geo=coalition&interval=quarter',
    );
    expect(paths.some((p) => /type_age|gender|citizenship|service\?/.test(p))).toBe(false);
    expect(new Set(paths).size).toBe(paths.length);
  });

  test('a year coalition-wide asks for each breakdown of the year and the stack by year', () => {
    const paths = overviewRequestPaths({ period: '2025', geo: 'coalition' }, members.list);
    expect(paths).toContain('/api/stats/survivors_served.type_age/series?geo=coalition&interval=year');
    expect(paths).toContain('/api/stats/survivors_served.gender?period=2025&geo=coalition');
    expect(paths).toContain('/api/stats/survivors_served/series?geo=coalition&interval=quarter');
  });

  test('a county reads the plan and its yearly series', () => {
    const paths = overviewRequestPaths({ period: '2025Q3', geo: 'SCL' }, members.list, members.county);
    expect(paths.slice(0, 2)).toEqual(['/api/stats/tables', '/api/publication-plan']);
    expect(paths).toContain('/api/stats/survivors_served/series?geo=SCL&interval=year');
    expect(paths).not.toContain('/api/stats/survivors_served/series?geo=SCL&interval=quarter');
    expect(paths.every((p) => !p.includes('geo=coalition'))).toBe(true);
  });
});

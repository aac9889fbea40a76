import { describe, expect } from 'vitest';
import { readDefaultCatalog } from '../queries/catalog';
import { createAgency } from '../services/agencies';
import { currentCatalog } from '../services/catalog';
import { releaseCompleteness } from '../services/releases/publish';
import { apiTest, releaseTimeout, survivorsQuarter, testNow, testUser } from '../testing';

const catalog = readDefaultCatalog();

/** An agency that joins the small coalition in `firstPeriod`, added as an admin would. */
const joins = (db: Parameters<typeof createAgency>[0], adminId: number, firstPeriod: string) =>
  createAgency(
    db,
    testUser(db, adminId),
    {
      name: 'Valley Survivor Services',
      type: 'victim_services',
      homeCounty: 'SCL',
      countiesServed: [],
      firstPeriod,
    },
    testNow,
  );

describe('an agency is not expected before its first quarter', () => {
  const test = apiTest.override({ seed: 'history' });

  test('completeness: no cell before it joined, and one fewer agency expected then', async ({
    app,
    db,
    coalition,
    signIn,
  }) => {
    joins(db, coalition.users.admin, '2026Q3');
    const admin = { headers: { Cookie: await signIn('admin@test.example') } };

    const matrix = await (await app.request('/api/completeness?quarters=3', admin)).json();
    const valley = matrix.agencies.find((a: { code: string }) => a.code === 'VALLEY');
    expect(valley.firstPeriod).toBe('2026Q3');
    expect(Object.keys(valley.cells)).toEqual(['2026Q4', '2026Q3']);
    expect(valley.cells['2026Q3']).toEqual({ status: 'not_started', late: false, revision: 0 });

    const { quarters } = await (await app.request('/api/completeness/summary?quarters=3', admin)).json();
    expect(
      quarters.map((q: { period: string; expected: number; notStarted: number }) => [
        q.period,
        q.expected,
        q.notStarted,
      ]),
    ).toEqual([
      ['2026Q4', 3, 2],
      ['2026Q3', 3, 1],
      ['2026Q2', 2, 0],
    ]);

    const { periods } = await (await app.request('/api/periods', admin)).json();
    expect(periods.map((p: { period: string; expected: number }) => [p.period, p.expected])).toEqual([
      ['2026Q4', 3],
      ['2026Q3', 3],
      ['2026Q2', 2],
    ]);
  });

  test("the agency's own list of quarters starts at its first", async ({ app, db, coalition, signIn }) => {
    joins(db, coalition.users.admin, '2026Q3');
    const admin = { headers: { Cookie: await signIn('admin@test.example') } };
    const { quarters } = await (await app.request('/api/agencies/VALLEY/submissions', admin)).json();
    expect(quarters.map((q: { period: string }) => q.period)).toEqual(['2026Q4', '2026Q3']);
  });

  test('a release expects it only from its first quarter on', async ({ db, coalition }) => {
    joins(db, coalition.users.admin, '2026Q3');
    const [q2, q3] = releaseCompleteness(db, currentCatalog(db), ['2026Q2', '2026Q3'], 0.8);
    expect(q2).toMatchObject({ period: '2026Q2', expected: 2, reported: 2, missing: [] });
    expect(q3).toMatchObject({ period: '2026Q3', expected: 3, reported: 0 });
    expect(q3?.missing.map((a) => a.code)).toEqual(['HILLS', 'RIVER', 'VALLEY']);
  });
});

apiTest(
  'a published quarter before an agency joined counts the agencies expected without it',
  { timeout: releaseTimeout },
  async ({ app, db, coalition, approve, publish, signIn }) => {
    joins(db, coalition.users.admin, '2026Q3');
    approve('river', '2026Q2', survivorsQuarter(catalog, 'victim_services', 30, 6));
    approve('hills', '2026Q2', survivorsQuarter(catalog, 'health_care', 25, 8));
    // Every agency expected reported: not provisional, though Valley has no report for 2026Q2.
    expect((await publish('2026Q2')).status).toBe('published');
    const viewer = { headers: { Cookie: await signIn('viewer@test.example') } };
    const table = await (
      await app.request('/api/stats/survivors_served.gender?period=2026Q2', viewer)
    ).json();
    expect(table.completeness).toEqual({ reported: 2, expected: 2 });
    expect(table.provisional).toBe(false);
  },
);

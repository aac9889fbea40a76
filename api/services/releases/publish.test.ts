import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeDemoCoalition } from '../../demo/seed';
import { buildCube, type Cube } from '../../disclosure/cube';
import { feasibilityIntervals } from '../../disclosure/protect';
import { type Audience, defaultThresholds } from '../../disclosure/types';
import { readDefaultCatalog } from '../../queries/catalog';
import { getApprovedValues } from '../../queries/raw/approvedValues';
import { getFirstAdmin, listAgenciesWithCounty, listCountyCodes, listReleases } from '../../queries/releases';
import { createTestDb, releaseTimeout, type TestDb } from '../../testing';
import { publishCompleteQuarters } from './publish';

const catalog = readDefaultCatalog();

describe("the demo coalition's releases", () => {
  let t: TestDb;
  let published: string[];
  beforeAll(async () => {
    t = createTestDb();
    writeDemoCoalition(t.db, { quarters: 3 });
    const admin = getFirstAdmin(t.db);
    if (!admin) throw new Error('the demo has no admin');
    const result = await publishCompleteQuarters(t.db, admin);
    expect(result.failed).toEqual([]);
    published = result.published;
  }, releaseTimeout);
  afterAll(() => t.cleanup());

  test('cover every quarter in which every agency is approved, oldest first', () => {
    expect(published).toEqual(['2026Q1', '2026Q2']);
    expect(listReleases(t.db).map((r) => [r.period, r.status])).toEqual([
      ['2026Q2', 'published'],
      ['2026Q1', 'published'],
    ]);
  });

  const cubeOf = (quarter: string, audience: Audience): Cube =>
    buildCube({
      catalog,
      agencies: listAgenciesWithCounty(t.db),
      counties: listCountyCodes(t.db),
      values: getApprovedValues(t.db, [quarter]),
      quarter,
      scope: audience === 'public' ? 'coarse' : 'full',
    });

  test.each([
    ['2026Q1', 'coalition'],
    ['2026Q1', 'public'],
    ['2026Q2', 'coalition'],
    ['2026Q2', 'public'],
  ] as const)(
    '%s for the %s audience passes its own audit, re-checked from the stored cells',
    async (quarter, audience) => {
      const release = listReleases(t.db).find((r) => r.period === quarter);
      const stored = t.db
        .prepare(
          `SELECT period_code || '/' || geo_code || '/' || table_code || '/' || option_key AS id, value, suppressed
         FROM published_cells WHERE release_id = ? AND audience = ?`,
        )
        .all(release?.id, audience) as Array<{ id: string; value: number | null; suppressed: number }>;
      const cube = cubeOf(quarter, audience);
      expect(new Set(stored.map((c) => c.id))).toEqual(new Set(cube.cells.map((c) => c.id)));
      const truth = new Map(cube.cells.map((c) => [c.id, c.value]));
      for (const cell of stored) if (!cell.suppressed) expect(cell.value, cell.id).toBe(truth.get(cell.id));
      const hidden = new Set(stored.filter((c) => c.suppressed).map((c) => c.id));
      const threshold = defaultThresholds[audience];
      const exposed = (interval: { lower: number; upper: number } | undefined) =>
        !interval || interval.lower > 1e-6 || interval.upper < threshold - 1e-6;

      const outsider = await feasibilityIntervals(cube.cells, cube.relations, hidden);
      const small = cube.cells.filter((c) => c.kind === 'people' && c.value >= 1 && c.value < threshold);
      expect(small.length).toBeGreaterThan(0);
      for (const cell of small) {
        expect(hidden.has(cell.id), cell.id).toBe(true);
        expect(exposed(outsider.get(cell.id)), cell.id).toBe(false);
      }
      // Each agency knows its own numbers: the others' remainder must stay as uncertain. Re-checked
      // for the three agencies with the most such cells (all fourteen take too long for the suite).
      const insiders = listAgenciesWithCounty(t.db)
        .map(({ code }) => ({
          code,
          sensitive: cube.cells.filter((c) => {
            const own = c.contributions.get(code) ?? 0;
            return c.kind === 'people' && own > 0 && c.value - own > 0 && c.value - own < threshold;
          }),
        }))
        .filter((a) => a.sensitive.length > 0)
        .sort((a, b) => b.sensitive.length - a.sensitive.length || (a.code < b.code ? -1 : 1))
        .slice(0, 3);
      expect(insiders.length).toBeGreaterThan(0);
      for (const { code, sensitive } of insiders) {
        const insider = await feasibilityIntervals(cube.cells, cube.relations, hidden, code);
        for (const cell of sensitive) {
          expect(hidden.has(cell.id), `${cell.id} (${code})`).toBe(true);
          expect(exposed(insider.get(cell.id)), `${cell.id} (${code})`).toBe(false);
        }
      }
    },
    releaseTimeout,
  );
});

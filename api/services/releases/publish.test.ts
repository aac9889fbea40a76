import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeDemoCoalition } from '../../demo/seed';
import type { Cube } from '../../disclosure/cube';
import { feasibilityIntervals } from '../../disclosure/protect';
import { type Audience, defaultThresholds } from '../../disclosure/types';
import { getFirstAdmin, listAgenciesWithCounty, listReleases } from '../../queries/releases';
import { createTestDb, releaseTimeout, type TestDb } from '../../testing';
import { historyCube, shownTo } from './history';
import { publishCompleteQuarters } from './publish';

/**
 * The demo coalition as `npm start` creates it, every release published, read the way DISCLOSURE.md
 * says an attacker reads it: everything ever published to every audience they can see (members see
 * the public's figures too), every relation the cube knows — overlapping calendar, federal and state
 * fiscal years, half-years, groupings, counties — and, for an agency, its own numbers.
 */
describe("the demo coalition's whole release history", () => {
  let t: TestDb;
  let published: string[];
  const cubes = new Map<Audience, Cube>();
  beforeAll(async () => {
    t = createTestDb();
    writeDemoCoalition(t.db);
    const admin = getFirstAdmin(t.db);
    if (!admin) throw new Error('the demo has no admin');
    const result = await publishCompleteQuarters(t.db, admin);
    expect(result.failed).toEqual([]);
    published = result.published;
    for (const audience of ['coalition', 'public'] as const) cubes.set(audience, historyCube(t.db, audience));
  }, 4 * releaseTimeout);
  afterAll(() => t?.cleanup());

  test('covers every quarter in which every agency is approved, oldest first', () => {
    expect(published.length).toBeGreaterThanOrEqual(8);
    expect(listReleases(t.db).every((r) => r.status === 'published')).toBe(true);
  });

  test('audiences nest: every cell shown to the public is shown to members, with the same value', () => {
    const members = shownTo(t.db, 'coalition');
    const publicCells = [...shownTo(t.db, 'public')].filter(([, cell]) => !cell.suppressed);
    expect(publicCells.length).toBeGreaterThan(100);
    for (const [id, cell] of publicCells) expect(members.get(id), id).toEqual(cell);
    // And members' own stored figures agree: no cell was stored hidden for members but shown to the public.
    const stored = t.db
      .prepare(
        `SELECT m.period_code || '/' || m.geo_code || '/' || m.table_code || '/' || m.option_key AS id
         FROM published_cells p JOIN published_cells m ON m.release_id = p.release_id AND m.audience = 'coalition'
           AND m.period_code = p.period_code AND m.geo_code = p.geo_code AND m.table_code = p.table_code
           AND m.option_key = p.option_key
         WHERE p.audience = 'public' AND p.suppressed = 0 AND (m.suppressed = 1 OR m.value <> p.value)`,
      )
      .all();
    expect(stored).toEqual([]);
  });

  test.each(['public', 'coalition'] as const)(
    'every %s cell published is true, and every cell of the history was decided',
    (audience) => {
      const cube = cubes.get(audience) as Cube;
      const shown = shownTo(t.db, audience);
      for (const cell of cube.cells) {
        const seen = shown.get(cell.id);
        expect(seen, cell.id).toBeDefined();
        if (seen && !seen.suppressed) expect(seen.value, cell.id).toBe(cell.value);
      }
    },
  );

  const exposed = (interval: { lower: number; upper: number } | undefined, threshold: number) =>
    !interval || interval.lower > 1e-6 || interval.upper < threshold - 1e-6;

  test.each(['public', 'coalition'] as const)(
    'an outsider reading every %s release proves no hidden people count small',
    async (audience) => {
      const cube = cubes.get(audience) as Cube;
      const shown = shownTo(t.db, audience);
      const hidden = new Set(cube.cells.filter((c) => shown.get(c.id)?.suppressed).map((c) => c.id));
      const threshold = defaultThresholds[audience];
      const small = cube.cells.filter((c) => c.kind === 'people' && c.value >= 1 && c.value < threshold);
      expect(small.length).toBeGreaterThan(0);
      const intervals = await feasibilityIntervals(
        cube.cells,
        cube.relations,
        hidden,
        undefined,
        new Set(small.map((c) => c.id)),
      );
      for (const cell of small) {
        expect(hidden.has(cell.id), cell.id).toBe(true);
        expect(exposed(intervals.get(cell.id), threshold), cell.id).toBe(false);
      }
    },
    4 * releaseTimeout,
  );

  test.each(['public', 'coalition'] as const)(
    'no agency reading every %s release, knowing its own numbers, proves another agency’s count small',
    async (audience) => {
      const cube = cubes.get(audience) as Cube;
      const shown = shownTo(t.db, audience);
      const hidden = new Set(cube.cells.filter((c) => shown.get(c.id)?.suppressed).map((c) => c.id));
      const threshold = defaultThresholds[audience];
      let checked = 0;
      for (const { code } of listAgenciesWithCounty(t.db)) {
        const sensitive = cube.cells.filter((c) => {
          const own = c.contributions.get(code) ?? 0;
          return c.kind === 'people' && own > 0 && c.value - own > 0 && c.value - own < threshold;
        });
        if (sensitive.length === 0) continue;
        const intervals = await feasibilityIntervals(
          cube.cells,
          cube.relations,
          hidden,
          code,
          new Set(sensitive.map((c) => c.id)),
        );
        for (const cell of sensitive) {
          expect(hidden.has(cell.id), `${cell.id} (${code})`).toBe(true);
          expect(exposed(intervals.get(cell.id), threshold), `${cell.id} (${code})`).toBe(false);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    },
    8 * releaseTimeout,
  );
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { countyBreakdownGaps } from '../../disclosure/cube';
import { createTestDb, seedSmallCoalition, type TestDb } from '../../testing';
import { currentCatalogVersionIdOrFail } from '../catalog';
import { cubeSource } from './history';

describe('what a release’s cube is built from', () => {
  let database: TestDb;
  beforeEach(() => {
    database = createTestDb();
    seedSmallCoalition(database.db);
  });
  afterEach(() => database.cleanup());

  test('an agency that joins after the release’s quarters doesn’t count towards a county’s agencies', () => {
    const { db } = database;
    db.prepare("UPDATE org_units SET first_period = '2026Q3' WHERE code = 'RIVER'").run();
    const version = currentCatalogVersionIdOrFail(db);
    const before = cubeSource(db, version, ['2026Q2']);
    const joined = cubeSource(db, version, ['2026Q2', '2026Q3']);
    expect(before.agencies.find((a) => a.code === 'RIVER')?.active).toBe(false);
    expect(joined.agencies.find((a) => a.code === 'RIVER')?.active).toBe(true);
    // River is its county's only agency: before it joins, that county has none to publish breakdowns from.
    const river = joined.agencies.find((a) => a.code === 'RIVER');
    const gapsBefore = countyBreakdownGaps(before.catalog, before.agencies, before.counties, 1);
    const gapsJoined = countyBreakdownGaps(joined.catalog, joined.agencies, joined.counties, 1);
    const section =
      joined.catalog.sections.find((s) => river && s.agencyTypes.includes(river.type))?.code ?? '';
    const short = (gaps: typeof gapsBefore) => (gaps.get(section) ?? []).map((g) => g.county);
    expect(short(gapsBefore)).toContain(river?.county);
    expect(short(gapsJoined)).not.toContain(river?.county);
  });
});

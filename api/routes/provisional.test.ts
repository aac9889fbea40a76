import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { migrate, openDatabase, readMigrations } from '../db';
import type { AgencyType } from '../domain/agencyTypes';
import { readDefaultCatalog } from '../queries/catalog';
import { insertReleaseCoverage } from '../queries/releases';
import { releaseSettled } from '../services/releases/jobs';
import { publishRelease, releaseCompleteness } from '../services/releases/publish';
import {
  apiTest,
  databaseDigest,
  ensurePeriod,
  releaseTimeout,
  seedSmallCoalition,
  survivorsQuarter,
  type TestApp,
  testNow,
  testUser,
} from '../testing';

const catalog = readDefaultCatalog();

/** A quarter of survivors in one cell of every breakdown. */
const survivors = (type: AgencyType, served: number, shared = 0) =>
  survivorsQuarter(catalog, type, served, shared);

/** `post(body, cookie)`: starts a release as the signed-in admin. */
const test = apiTest.extend(
  'post',
  ({ app }) =>
    (body: unknown, cookie: string) =>
      app.request('/api/releases', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: JSON.stringify(body),
      }),
);

const get = async (app: TestApp, url: string, cookie?: string) => {
  const response = await app.request(url, { headers: cookie ? { Cookie: cookie } : {} });
  return { status: response.status, body: await response.json() };
};

describe('publishing a provisional quarter', { timeout: releaseTimeout }, () => {
  test('without confirmation it is refused with who is missing, and nothing changes', async ({
    app,
    approve,
    db,
    post,
    signIn,
  }) => {
    // One of the two members approved: 50%, below the default 80%.
    approve('river', '2026Q2', survivors('victim_services', 30, 6));
    const admin = await signIn('admin@test.example');

    const preview = await get(app, '/api/releases/preview?period=2026Q2', admin);
    expect(preview.body.provisionalShare).toBe(0.8);
    expect(preview.body.provisionalPeriods).toEqual([
      {
        period: '2026Q2',
        reported: 1,
        expected: 2,
        provisional: true,
        missing: [{ code: 'HILLS', name: 'Hills Family Clinic' }],
      },
    ]);
    expect(preview.body.warnings.join(' ')).toMatch(
      /2026Q2 would be provisional: only 1 of 2 agencies have an approved report, fewer than 80%/,
    );

    const before = databaseDigest(db);
    for (const body of [{ period: '2026Q2' }, { period: '2026Q2', confirmProvisional: false }]) {
      const refused = await post(body, admin);
      expect(refused.status).toBe(409);
      const { error } = await refused.json();
      expect(error.code).toBe('provisional-not-confirmed');
      expect(error.message).toMatch(/Not yet approved: Hills Family Clinic\./);
      expect(error.message).toMatch(/confirmProvisional/);
    }
    expect(databaseDigest(db)).toBe(before);
  });

  test('confirmed, it is published and served as provisional everywhere, and audited', async ({
    app,
    approve,
    db,
    post,
    signIn,
  }) => {
    approve('river', '2026Q2', survivors('victim_services', 30, 6));
    const admin = await signIn('admin@test.example');
    const started = await post({ period: '2026Q2', confirmProvisional: true }, admin);
    expect(started.status).toBe(202);
    const { release } = await started.json();
    expect(release).toMatchObject({
      provisional: true,
      provisionalPeriods: [{ period: '2026Q2', reported: 1, expected: 2 }],
    });
    await releaseSettled(db, release.id);

    const list = await get(app, '/api/releases');
    expect(list.body.releases).toMatchObject([
      { id: release.id, status: 'published', provisional: true, provisionalPeriods: [{ period: '2026Q2' }] },
    ]);
    const tables = await get(app, '/api/stats/tables');
    expect(tables.body.provisionalPeriods).toEqual([{ period: '2026Q2', reported: 1, expected: 2 }]);
    const table = await get(app, '/api/stats/survivors_served.gender?period=2026Q2');
    expect(table.body).toMatchObject({
      period: '2026Q2',
      provisional: true,
      coalitionCompleteness: { reported: 1, expected: 2 },
    });
    const series = await get(app, '/api/stats/survivors_served.gender/series');
    expect(series.body.periods.map((p: { provisional: boolean }) => p.provisional)).toEqual([true]);
    const cells = await get(app, `/api/releases/${release.id}/cells?audience=public`);
    expect(cells.body.release).toMatchObject({ period: '2026Q2', provisionalPeriods: ['2026Q2'] });
    const csv = await app.request(`/api/releases/${release.id}/cells?audience=public`, {
      headers: { Accept: 'text/csv' },
    });
    expect(csv.headers.get('Content-Disposition')).toBe(
      'attachment; filename="scope-release-2026Q2-1-provisional-public.csv"',
    );

    const audit = db
      .prepare(`SELECT action, details FROM audit_log WHERE entity_type = 'release' ORDER BY id`)
      .all() as Array<{ action: string; details: string }>;
    expect(audit.map((a) => a.action)).toEqual(['confirm-provisional-release', 'publish-release']);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({
      period: '2026Q2',
      provisionalShare: 0.8,
      provisional: [{ period: '2026Q2', reported: 1, expected: 2, missing: ['HILLS'] }],
    });
  });

  test('the stats default period skips a provisional quarter; a complete one is not provisional', async ({
    app,
    approve,
    coalition,
    db,
    publish,
  }) => {
    approve('river', '2026Q2', survivors('victim_services', 30, 6));
    approve('hills', '2026Q2', survivors('health_care', 25, 8));
    expect((await publish('2026Q2')).status).toBe('published');
    approve('river', '2026Q3', survivors('victim_services', 28, 5));
    const q3 = await publishRelease(db, testUser(db, coalition.users.admin), '2026Q3', () => testNow, {
      confirmProvisional: true,
    });
    expect(q3).toMatchObject({ status: 'published', provisional: true });

    const latest = await get(app, '/api/stats/survivors_served.gender');
    expect(latest.body).toMatchObject({ period: '2026Q2', provisional: false });
    const chosen = await get(app, '/api/stats/survivors_served.gender?period=2026Q3');
    expect(chosen.body).toMatchObject({ period: '2026Q3', provisional: true });
    const series = await get(app, '/api/stats/survivors_served.gender/series');
    expect(
      series.body.periods.map((p: { period: string; provisional: boolean }) => [p.period, p.provisional]),
    ).toEqual([
      ['2026Q2', false],
      ['2026Q3', true],
    ]);
    expect((await get(app, '/api/stats/tables')).body.provisionalPeriods).toEqual([
      { period: '2026Q3', reported: 1, expected: 2 },
    ]);
  });
});

describe('which periods are provisional', () => {
  test('a year is provisional when one of its quarters is, judged at the share given', ({ approve, db }) => {
    for (const quarter of ['2026Q1', '2026Q2', '2026Q3', '2026Q4']) {
      approve('river', quarter, survivors('victim_services', 3));
      if (quarter !== '2026Q2') approve('hills', quarter, survivors('health_care', 3));
    }
    const judged = (share: number) =>
      releaseCompleteness(db, catalog, ['2026Q4', '2026', 'FY2026', '2026Q2'], share).map(
        ({ period, reported, expected, provisional }) => [period, reported, expected, provisional],
      );
    expect(judged(0.8)).toEqual([
      ['2026Q4', 2, 2, false],
      ['2026', 1, 2, true],
      // 2025Q4, the fiscal year's first quarter, has no report at all.
      ['FY2026', 0, 2, true],
      ['2026Q2', 1, 2, true],
    ]);
    // At half, one of two is enough; no one at all still is not.
    expect(judged(0.5).map((p) => p[3])).toEqual([false, false, true, false]);
  });

  test('a former member is expected only where it reported', ({ approve, coalition, db }) => {
    approve('river', '2026Q2', survivors('victim_services', 3));
    db.prepare('UPDATE org_units SET active = 0 WHERE id = ?').run(coalition.agencies.hills);
    expect(releaseCompleteness(db, catalog, ['2026Q2'], 0.8)).toEqual([
      { period: '2026Q2', reported: 1, expected: 1, provisional: false, missing: [] },
    ]);
  });
});

describe('the publication settings', () => {
  test('admins read and change them; a value out of range is refused and nothing changes', async ({
    app,
    db,
    signIn,
  }) => {
    const admin = await signIn('admin@test.example');
    const put = (body: unknown, cookie = admin) =>
      app.request('/api/releases/settings', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: JSON.stringify(body),
      });
    expect((await get(app, '/api/releases/settings', admin)).body).toEqual({
      // The small test coalition has one agency per county and publishes county breakdowns from one.
      settings: { provisionalShare: 0.8, countyBreakdownAgencies: 1 },
    });

    const viewer = await signIn('viewer@test.example');
    const before = databaseDigest(db);
    for (const [body, code, message] of [
      [
        { provisionalShare: 0.3 },
        'setting-out-of-range',
        /provisionalShare must be a number from 0.5 to 1; 0.3 is not/,
      ],
      [
        { countyBreakdownAgencies: 25 },
        'setting-out-of-range',
        /countyBreakdownAgencies must be a whole number from 1 to 20/,
      ],
      [{ countyBreakdownAgencies: 2.5 }, 'invalid-request', /whole number/],
      [{ provisionalShare: '80%' }, 'invalid-request', /provisionalShare is a number/],
      [{ provisionalShare: 0.9, threshold: 3 }, 'invalid-request', /threshold/],
    ] as const) {
      const refused = await put(body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      const { error } = await refused.json();
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    }
    expect((await put({ provisionalShare: 0.9 }, viewer)).status).toBe(403);
    expect((await get(app, '/api/releases/settings', viewer)).status).toBe(403);
    expect(databaseDigest(db)).toBe(before);

    const changed = await put({ provisionalShare: 0.5 });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ settings: { provisionalShare: 0.5, countyBreakdownAgencies: 1 } });
    expect((await (await put({ countyBreakdownAgencies: 4 })).json()).settings).toEqual({
      provisionalShare: 0.5,
      countyBreakdownAgencies: 4,
    });
    expect(db.prepare(`SELECT action FROM audit_log WHERE entity_type = 'settings'`).pluck().all()).toEqual([
      'change-publication-settings',
      'change-publication-settings',
    ]);
  });

  test('at a lower share, the same quarter needs no confirmation', { timeout: releaseTimeout }, async ({
    app,
    approve,
    db,
    post,
    signIn,
  }) => {
    approve('river', '2026Q2', survivors('victim_services', 30, 6));
    const admin = await signIn('admin@test.example');
    await app.request('/api/releases/settings', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Cookie: admin },
      body: JSON.stringify({ provisionalShare: 0.5 }),
    });
    expect((await get(app, '/api/releases/preview?period=2026Q2', admin)).body.provisionalPeriods).toEqual(
      [],
    );
    const started = await post({ period: '2026Q2' }, admin);
    expect(started.status).toBe(202);
    const { release } = await started.json();
    expect(release.provisional).toBe(false);
    await releaseSettled(db, release.id);
  });
});

describe('migrating a database with releases published before provisional periods were recorded', () => {
  test('their periods get the coalition counts of their broadest section, judged at 80%', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scope-provisional-'));
    const db = openDatabase(join(dir, 'scope.db'));
    try {
      // Every migration but this one (later ones store what the coalition's set-up needs).
      migrate(
        db,
        readMigrations().filter((m) => m.version !== 5),
      );
      const coalition = seedSmallCoalition(db);
      // As the code before this migration stored a release: its periods, then its coverage per section.
      const release = (quarter: string, reported: number) => {
        const periodId = ensurePeriod(db, quarter);
        const id = Number(
          db
            .prepare(
              `INSERT INTO releases (period_id, catalog_version_id, sequence, status, created_by)
               VALUES (?, 1, 1, 'computing', ?)`,
            )
            .run(periodId, coalition.users.admin).lastInsertRowid,
        );
        db.prepare('INSERT INTO release_periods (release_id, period_code) VALUES (?, ?)').run(id, quarter);
        insertReleaseCoverage(db, id, [
          { period: quarter, geo: 'coalition', section: 'survivors', reported: 1, expected: 1 },
          { period: quarter, geo: 'coalition', section: 'prevention', reported, expected: 2 },
          { period: quarter, geo: 'SCL', section: 'prevention', reported: 1, expected: 1 },
        ]);
        db.prepare(`UPDATE releases SET status = 'published' WHERE id = ?`).run(id);
        return id;
      };
      const complete = release('2026Q1', 2);
      const partial = release('2026Q2', 1);
      expect(migrate(db)).toEqual(
        readMigrations()
          .filter((m) => m.version === 5)
          .map((m) => m.name),
      );
      const rows = db
        .prepare(
          'SELECT release_id, agencies_reported, agencies_expected, provisional FROM release_periods ORDER BY release_id',
        )
        .raw()
        .all();
      expect(rows).toEqual([
        [complete, 2, 2, 0],
        [partial, 1, 2, 1],
      ]);
      // Published periods are frozen again afterwards.
      expect(() => db.prepare('UPDATE release_periods SET provisional = 0').run()).toThrow(/frozen/);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

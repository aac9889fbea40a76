import { describe, expect } from 'vitest';
import type { AgencyType } from '../domain/agencyTypes';
import { readDefaultCatalog } from '../queries/catalog';
import { insertRelease, setDisclosurePolicySetting } from '../queries/releases';
import { failInterrupted, releaseSettled } from '../services/releases/jobs';
import { apiTest, ensurePeriod, publishTestRelease, releaseTimeout, survivorsQuarter } from '../testing';

const catalog = readDefaultCatalog();

/** A quarter of survivors in one cell of every breakdown, with some also served by the other member. */
const survivors = (type: AgencyType, served: number, shared = 0) =>
  survivorsQuarter(catalog, type, served, shared);

const test = apiTest
  .extend('approveBoth', ({ approve }) => (period: string) => {
    approve('river', period, survivors('victim_services', 30, 6));
    approve('hills', period, survivors('health_care', 25, 8));
  })
  .extend(
    'settle',
    ({ db }) =>
      (id: number) =>
        releaseSettled(db, id),
  );

const json = (body: unknown, cookie?: string) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
  body: JSON.stringify(body),
});

describe('publishing a release', { timeout: releaseTimeout }, () => {
  test('an admin starts it (202, computing, with progress), and it ends published with both audiences audited', async ({
    app,
    approveBoth,
    db,
    settle,
    signIn,
  }) => {
    approveBoth('2026Q2');
    const admin = await signIn('admin@test.example');
    const started = await app.request('/api/releases', json({ period: '2026q2' }, admin));
    expect(started.status).toBe(202);
    const { release } = await started.json();
    expect(release).toMatchObject({
      period: '2026Q2',
      sequence: 1,
      status: 'computing',
      periods: ['2026Q2'],
    });
    expect(release.progress).toEqual(expect.objectContaining({ stage: expect.any(String) }));

    const during = await (
      await app.request(`/api/releases/${release.id}`, { headers: { Cookie: admin } })
    ).json();
    expect(during.release.status).toBe('computing');
    expect(during.release.progress).not.toBeNull();

    await settle(release.id);
    const after = await (
      await app.request(`/api/releases/${release.id}`, { headers: { Cookie: admin } })
    ).json();
    expect(after.release).toMatchObject({
      status: 'published',
      progress: null,
      failureReason: null,
      createdBy: 'admin',
    });
    for (const audience of ['coalition', 'public'])
      expect(after.release.audiences[audience]).toMatchObject({
        status: 'passed',
        threshold: audience === 'public' ? 11 : 5,
        cells: expect.any(Number),
        hidden: expect.any(Number),
        lpsSolved: expect.any(Number),
        hiddenShareOfCount: expect.any(Number),
      });
    const audit = db
      .prepare(`SELECT action, entity_id FROM audit_log WHERE entity_type = 'release'`)
      .all() as Array<{ action: string; entity_id: string }>;
    expect(audit).toEqual([{ action: 'publish-release', entity_id: String(release.id) }]);
    const stored = db
      .prepare('SELECT audience, count(*) AS n FROM published_cells WHERE release_id = ? GROUP BY audience')
      .all(release.id);
    expect(stored).toEqual([
      { audience: 'coalition', n: expect.any(Number) },
      { audience: 'public', n: expect.any(Number) },
    ]);
  });

  test('only one release computes at a time', async ({ app, approveBoth, settle, signIn }) => {
    approveBoth('2026Q2');
    approveBoth('2026Q3');
    const admin = await signIn('admin@test.example');
    const first = await app.request('/api/releases', json({ period: '2026Q2' }, admin));
    expect(first.status).toBe(202);
    const second = await app.request('/api/releases', json({ period: '2026Q3' }, admin));
    expect(second.status).toBe(409);
    expect((await second.json()).error.code).toBe('release-in-progress');
    await settle((await first.json()).release.id);
    const third = await app.request('/api/releases', json({ period: '2026Q3' }, admin));
    expect(third.status).toBe(202);
    await settle((await third.json()).release.id);
  });

  test('a release left computing by another process blocks a new one; at start-up it is marked failed', async ({
    app,
    approveBoth,
    coalition,
    db,
    settle,
    signIn,
  }) => {
    approveBoth('2026Q2');
    const periodId = ensurePeriod(db, '2026Q2');
    const stale = insertRelease(db, {
      periodId,
      catalogVersionId: 1,
      createdBy: coalition.users.admin,
      at: '2026-11-01T00:00:00.000Z',
      periods: ['2026Q2'],
    });
    const admin = await signIn('admin@test.example');
    const blocked = await app.request('/api/releases', json({ period: '2026Q2' }, admin));
    expect(blocked.status).toBe(409);
    expect((await blocked.json()).error.code).toBe('release-in-progress');
    const listed = (
      await (await app.request(`/api/releases/${stale}`, { headers: { Cookie: admin } })).json()
    ).release;
    expect(listed).toMatchObject({ status: 'computing', progress: { stage: 'waiting' } });

    expect(failInterrupted(db)).toEqual([stale]);
    const failed = (
      await (await app.request(`/api/releases/${stale}`, { headers: { Cookie: admin } })).json()
    ).release;
    expect(failed.failureReason).toMatch(/server stopped/);
    const retried = await app.request('/api/releases', json({ period: '2026Q2' }, admin));
    expect(retried.status).toBe(202);
    const { release } = await retried.json();
    expect(release.sequence).toBe(2);
    await settle(release.id);
  });

  test.for<[string, Record<string, unknown>, string]>([
    ['a period with no approved report', { period: '2026Q1' }, 'nothing-to-publish'],
    ['a period that does not exist', { period: '2031Q1' }, 'invalid-request'],
    ['a date range', { period: '2026-01-01..2026-03-31' }, 'invalid-request'],
    ['anything more than a period', { period: '2026Q2', agencies: ['RIVER'] }, 'invalid-request'],
  ])('refuses %s with 400', async ([_name, body, code], { app, approveBoth, db, signIn }) => {
    approveBoth('2026Q2');
    ensurePeriod(db, '2026Q1');
    const admin = await signIn('admin@test.example');
    const response = await app.request('/api/releases', json(body, admin));
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe(code);
    expect(db.prepare('SELECT count(*) FROM releases').pluck().get()).toBe(0);
  });

  test.for<[string, string | null, number]>([
    ['signed out', null, 401],
    ['a viewer', 'viewer@test.example', 403],
    ['a reporter', 'river@test.example', 403],
  ])(
    'only admins publish: %s is refused',
    async ([_name, email, status], { app, approveBoth, db, signIn }) => {
      approveBoth('2026Q2');
      const cookie = email ? await signIn(email) : undefined;
      const response = await app.request('/api/releases', json({ period: '2026Q2' }, cookie));
      expect(response.status).toBe(status);
      const preview = await app.request('/api/releases/preview?period=2026Q2', {
        headers: cookie ? { Cookie: cookie } : {},
      });
      expect(preview.status).toBe(status);
      expect(db.prepare('SELECT count(*) FROM releases').pluck().get()).toBe(0);
    },
  );

  test('a failed protection publishes nothing and says why in plain words', async ({
    app,
    approveBoth,
    db,
    settle,
    signIn,
  }) => {
    approveBoth('2026Q2');
    // A policy stored below the minimum (as if edited by hand): the engine refuses it.
    setDisclosurePolicySetting(db, JSON.stringify({ coalition: 2, public: 11 }));
    const admin = await signIn('admin@test.example');
    const { release } = await (await app.request('/api/releases', json({ period: '2026Q2' }, admin))).json();
    await settle(release.id);
    const after = (
      await (await app.request(`/api/releases/${release.id}`, { headers: { Cookie: admin } })).json()
    ).release;
    expect(after.status).toBe('failed');
    expect(after.failureReason).toMatch(/at least 3.*Nothing from this release was published/);
    expect(db.prepare('SELECT count(*) FROM published_cells').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM release_coverage').pluck().get()).toBe(0);
    expect(db.prepare(`SELECT action FROM audit_log WHERE entity_type = 'release'`).pluck().all()).toEqual([
      'release-failed',
    ]);
    expect((await app.request(`/api/releases/${release.id}/cells?audience=public`)).status).toBe(404);
    expect((await app.request('/api/stats/survivors_served.gender?period=2026Q2')).status).toBe(400);
    const publicList = await (await app.request('/api/releases')).json();
    expect(publicList.releases).toEqual([]);
  });

  test('data the audit cannot make sense of fails closed', async ({ app, approve, db, settle, signIn }) => {
    // A breakdown that does not add up to its total (validation would refuse it; here it slipped
    // in): the relations are contradictory, so no hidden cell can be shown to be protected.
    approve('river', '2026Q2', {
      ...survivors('victim_services', 30, 6),
      'survivors_served.gender.female': 3,
    });
    approve('hills', '2026Q2', survivors('health_care', 2, 0));
    const admin = await signIn('admin@test.example');
    const { release } = await (await app.request('/api/releases', json({ period: '2026Q2' }, admin))).json();
    await settle(release.id);
    const after = (
      await (await app.request(`/api/releases/${release.id}`, { headers: { Cookie: admin } })).json()
    ).release;
    expect(after.status).toBe('failed');
    expect(after.failureReason).toMatch(/The approved numbers contradict each other in \d+ places?/);
    expect(after.failureReason).toMatch(/Survivors served/);
    expect(after.failureReason).not.toMatch(/\b(3|30)\b/);
    expect(db.prepare('SELECT count(*) FROM published_cells').pluck().get()).toBe(0);
  });

  test('a correction supersedes the earlier release of its quarter', async ({
    app,
    approve,
    approveBoth,
    coalition,
    db,
  }) => {
    approveBoth('2026Q2');
    const first = await publishTestRelease(db, coalition.users.admin, '2026Q2');
    approve('hills', '2026Q2', survivors('health_care', 26, 8));
    const second = await publishTestRelease(db, coalition.users.admin, '2026Q2');
    expect(second).toMatchObject({ status: 'published', sequence: 2 });
    const list = (await (await app.request('/api/releases')).json()).releases;
    expect(list.map((r: { id: number; status: string }) => [r.id, r.status])).toEqual([
      [second.id, 'published'],
      [first.id, 'superseded'],
    ]);
  });
});

describe('reading releases', { timeout: releaseTimeout }, () => {
  test('everyone sees published releases; only admins see failures, computing ones and the hidden share of the count', async ({
    app,
    approveBoth,
    coalition,
    db,
    signIn,
  }) => {
    approveBoth('2026Q2');
    approveBoth('2026Q3');
    const published = await publishTestRelease(db, coalition.users.admin, '2026Q2');
    setDisclosurePolicySetting(db, JSON.stringify({ public: 4 }));
    const failed = await publishTestRelease(db, coalition.users.admin, '2026Q3');
    expect(failed.status).toBe('failed');

    const anonymous = (await (await app.request('/api/releases')).json()).releases;
    expect(anonymous.map((r: { id: number }) => r.id)).toEqual([published.id]);
    expect(anonymous[0]).toMatchObject({ failureReason: null, createdBy: null, periods: ['2026Q2'] });
    expect(anonymous[0].audiences.public).not.toHaveProperty('hiddenShareOfCount');
    expect((await app.request(`/api/releases/${failed.id}`)).status).toBe(404);

    const admin = await signIn('admin@test.example');
    const all = (await (await app.request('/api/releases', { headers: { Cookie: admin } })).json()).releases;
    expect(all.map((r: { id: number; status: string }) => [r.id, r.status])).toEqual([
      [failed.id, 'failed'],
      [published.id, 'published'],
    ]);
    expect(all[0].failureReason).toMatch(/public/);
    expect(all[1].audiences.public.hiddenShareOfCount).toEqual(expect.any(Number));
  });

  test('the preview says who is missing, what the cube will publish, and what to watch for', async ({
    app,
    approve,
    db,
    signIn,
  }) => {
    approve('river', '2026Q3', survivors('victim_services', 30, 6));
    ensurePeriod(db, '2026Q1');
    ensurePeriod(db, '2026Q2');
    ensurePeriod(db, '2025Q4');
    const admin = await signIn('admin@test.example');
    const response = await app.request('/api/releases/preview?period=2026Q3', { headers: { Cookie: admin } });
    expect(response.status).toBe(200);
    const preview = await response.json();
    expect(preview).toMatchObject({
      period: '2026Q3',
      expected: 2,
      approved: 1,
      notStarted: 1,
      approvedAgencies: [{ code: 'RIVER', name: 'River Street Advocates' }],
      missingAgencies: [{ code: 'HILLS', name: 'Hills Family Clinic', status: 'not_started' }],
      previousReleases: [],
      periods: ['2026Q3', 'FY2026'],
    });
    expect(preview.warnings).toContain('1 agency has no approved report: their numbers will be missing.');
  });

  test('the preview of a quarter that has not ended says its reports cover only part of it', async ({
    app,
    approve,
    signIn,
  }) => {
    // The tests' today is 2027-01-10: 2027Q1 is under way, as when an admin opened it early.
    approve('river', '2027Q1', survivors('victim_services', 30, 6));
    const admin = await signIn('admin@test.example');
    const response = await app.request('/api/releases/preview?period=2027Q1', { headers: { Cookie: admin } });
    expect(response.status).toBe(200);
    const preview = await response.json();
    expect(preview).toMatchObject({ period: '2027Q1', open: false, opensOn: '2027-04-01' });
    expect(preview.warnings).toContain(
      '2027Q1 has not ended yet (it ends on March 31, 2027): its reports cover only part of the quarter.',
    );
  });

  test('the disclosure policy: admins may raise thresholds, never below the minimums', async ({
    app,
    approveBoth,
    coalition,
    db,
    signIn,
  }) => {
    const admin = await signIn('admin@test.example');
    const put = (body: unknown, cookie: string) =>
      app.request('/api/releases/policy', { ...json(body, cookie), method: 'PUT' });
    const weak = await put({ coalition: 2 }, admin);
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.code).toBe('policy-too-weak');
    const raised = await put({ coalition: 7 }, admin);
    expect((await raised.json()).policy).toEqual({ coalition: 7, public: 11 });
    const viewer = await signIn('viewer@test.example');
    expect((await put({ coalition: 9 }, viewer)).status).toBe(403);
    approveBoth('2026Q2');
    const release = await publishTestRelease(db, coalition.users.admin, '2026Q2');
    expect(release.audiences.coalition?.threshold).toBe(7);
  });
});

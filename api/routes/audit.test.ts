import { describe, expect } from 'vitest';
import type { Db } from '../db';
import { recordAudit } from '../queries/audit';
import { insertRelease } from '../queries/releases';
import { failInterrupted } from '../services/releases/jobs';
import { apiTest, ensurePeriod } from '../testing';

/** The small coalition's three quarters of reports, and a GET as someone signed in (or no one). */
const test = apiTest.override({ seed: 'history' }).extend('get', async ({ app, signIn }) => {
  const cookies: Record<string, string> = {};
  return async (who: string | null, path: string) => {
    if (who && !cookies[who]) cookies[who] = await signIn(`${who}@test.example`);
    return app.request(path, { headers: who ? { Cookie: cookies[who] as string } : {} });
  };
});
// biome-ignore lint/suspicious/noExplicitAny: the tests read response bodies of several shapes.
const json = async (response: Response) => (await response.json()) as Record<string, any>;

/** The actions recorded after entry `after`, oldest first. */
const actionsAfter = (db: Db, after: number) =>
  db.prepare('SELECT action FROM audit_log WHERE id > ? ORDER BY id').pluck().all(after) as string[];
const lastId = (db: Db) => db.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number;

describe('GET /api/audit-log', () => {
  test('only admins read it: not signed in 401, reporters and viewers 403', async ({ get }) => {
    expect((await get(null, '/api/audit-log')).status).toBe(401);
    for (const who of ['river', 'viewer']) {
      const refused = await get(who, '/api/audit-log');
      expect(refused.status).toBe(403);
      expect((await json(refused)).error.code).toBe('forbidden');
    }
    expect((await get('admin', '/api/audit-log')).status).toBe(200);
  });

  test('newest first, in words, with who did it; filtered by action, person, kind and day; paged', async ({
    db,
    coalition,
    get,
  }) => {
    const { admin, riverReporter } = coalition.users;
    const at = (day: string) => `2026-11-${day}T12:00:00.000Z`;
    recordAudit(db, {
      userId: riverReporter,
      action: 'submit',
      entityType: 'submission',
      entityId: 1,
      at: at('01'),
      details: { agency: 'RIVER', period: '2026Q3', revision: 2 },
    });
    recordAudit(db, {
      userId: admin,
      action: 'approve',
      entityType: 'submission',
      entityId: 1,
      at: at('02'),
      details: { agency: 'HILLS', period: '2026Q3', revision: 1 },
    });
    recordAudit(db, {
      userId: null,
      action: 'release-failed',
      entityType: 'release',
      entityId: 4,
      at: at('03'),
      details: { reason: 'The server stopped.' },
    });

    const all = await json(await get('admin', '/api/audit-log'));
    // The admin's own sign-in comes last, so first.
    expect(all.entries[0]).toMatchObject({
      action: 'sign-in',
      user: { id: admin, name: 'admin' },
      description: 'Signed in',
    });
    expect(all.entries.slice(1, 4).map((e: { description: string }) => e.description)).toEqual([
      'A release failed: The server stopped.',
      'Approved Hills Family Clinic’s 2026 Q3 report',
      'Submitted River Street Advocates’ 2026 Q3 report (revision 2)',
    ]);
    expect(all.chain).toEqual({ ok: true, checked: all.entries.length, brokenAt: null, problem: null });
    expect(all.filters.actions).toEqual(
      expect.arrayContaining(['approve', 'release-failed', 'sign-in', 'submit']),
    );
    expect(all.filters.users).toEqual(expect.arrayContaining([{ id: admin, name: 'admin' }]));

    const approvals = await json(await get('admin', '/api/audit-log?action=approve'));
    expect(approvals).toMatchObject({
      total: 1,
      entries: [{ action: 'approve', entityType: 'submission', entityId: '1' }],
    });
    const byRiver = await json(await get('admin', `/api/audit-log?user=${riverReporter}`));
    expect(byRiver.entries.map((e: { action: string }) => e.action)).toEqual(['submit']);
    const releases = await json(await get('admin', '/api/audit-log?entityType=release'));
    expect(releases.total).toBe(1);
    const days = await json(await get('admin', '/api/audit-log?from=2026-11-01&to=2026-11-02'));
    expect(days.entries.map((e: { action: string }) => e.action)).toEqual(['approve', 'submit']);
    const second = await json(
      await get('admin', '/api/audit-log?from=2026-11-01&to=2026-11-03&pageSize=2&page=2'),
    );
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2, entries: [{ action: 'submit' }] });

    const backwards = await get('admin', '/api/audit-log?from=2026-11-03&to=2026-11-01');
    expect(backwards.status).toBe(400);
    expect((await json(backwards)).error.message).toMatch(/first day must not be after the last/);
  });

  test('a page spanning a long stretch checks at most 10,000 entries, up to its newest', async ({
    db,
    get,
  }) => {
    const approve = () => recordAudit(db, { userId: null, action: 'approve', entityType: 'submission' });
    db.transaction(() => {
      approve();
      for (let i = 0; i < 10_050; i += 1)
        recordAudit(db, { userId: null, action: 'start', entityType: 'submission' });
      approve();
    })();
    const page = await json(await get('admin', '/api/audit-log?action=approve'));
    expect(page.entries).toHaveLength(2);
    expect(page.chain).toEqual({ ok: true, checked: 10_000, brokenAt: null, problem: null });
  });

  test('a page whose entries were changed behind the app’s back says where the chain breaks', async ({
    db,
    get,
  }) => {
    await get('admin', '/api/audit-log');
    db.exec(`DROP TRIGGER audit_log_no_update;
      UPDATE audit_log SET details = '{"period":"2026Q1"}' WHERE id = 1;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`);
    const page = await json(await get('admin', '/api/audit-log'));
    expect(page.chain).toMatchObject({
      ok: false,
      brokenAt: 1,
      problem: expect.stringContaining('Entry 1 was changed'),
    });
  });
});

describe('what the log records besides changes', () => {
  test('an admin reading an agency’s report, its revisions or its changes; not its own reporter', async ({
    db,
    get,
  }) => {
    await get('river', '/api/audit-log');
    await get('admin', '/api/audit-log');
    const before = lastId(db);
    for (const path of ['', '/revisions', '/revisions/1', '/diff?from=1&to=draft', '/template.csv'])
      expect((await get('river', `/api/submissions/RIVER/2026Q3${path}`)).status).toBe(200);
    expect(actionsAfter(db, before)).toEqual([]);

    for (const path of ['', '/revisions', '/revisions/1', '/diff?from=1&to=draft', '/template.csv'])
      expect((await get('admin', `/api/submissions/RIVER/2026Q3${path}`)).status).toBe(200);
    const log = await json(await get('admin', '/api/audit-log?action=view-report'));
    expect(log.entries.map((e: { description: string }) => e.description)).toEqual([
      'Downloaded River Street Advocates’ 2026 Q3 report as a filled-in template',
      'Compared revisions of River Street Advocates’ 2026 Q3 report',
      'Viewed revision 1 of River Street Advocates’ 2026 Q3 report',
      'Viewed the submitted revisions of River Street Advocates’ 2026 Q3 report',
      'Opened River Street Advocates’ 2026 Q3 report',
    ]);
    // Opening it again soon after (a page refreshing its data) adds nothing; a refused read is not a read.
    const after = lastId(db);
    expect((await get('admin', '/api/submissions/RIVER/2026Q3')).status).toBe(200);
    expect((await get('admin', '/api/submissions/NOWHERE/2026Q3')).status).toBe(404);
    expect(lastId(db)).toBe(after);
  });

  test('a draft save is one entry, however many counts it changes', async ({ app, db, signIn }) => {
    const cookie = await signIn('river@test.example');
    const before = lastId(db);
    const saved = await app.request('/api/submissions/RIVER/2026Q4/values', {
      method: 'PUT',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ values: { survivors_served: 3, new_survivors: 1, trainings_delivered: 2 } }),
    });
    expect(saved.status).toBe(200);
    expect(actionsAfter(db, before)).toEqual(['save-draft']);
    const details = JSON.parse(
      db.prepare("SELECT details FROM audit_log WHERE action = 'save-draft'").pluck().get() as string,
    );
    expect(details).toEqual({ agency: 'RIVER', period: '2026Q4', cells: 3 });
  });

  test('a release a stopped server left computing is recorded as failed', async ({ db, coalition }) => {
    const stale = insertRelease(db, {
      periodId: ensurePeriod(db, '2026Q2'),
      catalogVersionId: 1,
      createdBy: coalition.users.admin,
      at: '2026-11-01T00:00:00.000Z',
      periods: ['2026Q2'],
    });
    const before = lastId(db);
    expect(failInterrupted(db)).toEqual([stale]);
    const entry = db
      .prepare('SELECT action, entity_id AS entityId, details FROM audit_log WHERE id > ?')
      .get(before) as { action: string; entityId: string; details: string };
    expect(entry).toMatchObject({ action: 'release-failed', entityId: String(stale) });
    expect(JSON.parse(entry.details).reason).toMatch(/server stopped/);
  });
});

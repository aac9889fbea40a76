import { describe, expect } from 'vitest';
import { createApp } from '../app';
import type { Db } from '../db';
import { apiTest, databaseDigest, ensurePeriod, testConfig } from '../testing';

type Who = 'admin' | 'viewer' | 'river';

/**
 * The tests' day is 10 January 2027: 2026Q4 has ended and is open for entry; 2027Q1 runs to 31 March.
 * Three quarters of history, 2027Q1 besides, and a request to /api as someone signed in before the test.
 */
const test = apiTest
  .override({ seed: 'history' })
  .extend('nextQuarter', { auto: true }, ({ db }) => ensurePeriod(db, '2027Q1', true))
  .extend('call', async ({ app, signIn }) => {
    const cookies: Record<string, string> = {};
    for (const [who, email] of Object.entries({
      admin: 'admin@test.example',
      viewer: 'viewer@test.example',
      river: 'river@test.example',
    }))
      cookies[who] = await signIn(email);
    return (who: Who, method: string, path: string, body?: string | object, type = 'application/json') =>
      app.request(`/api${path}`, {
        method,
        headers: { Cookie: cookies[who] as string, ...(body === undefined ? {} : { 'Content-Type': type }) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
  });
// biome-ignore lint/suspicious/noExplicitAny: the tests read response bodies of several shapes.
const json = async (response: Response) => (await response.json()) as Record<string, any>;

const periodAudit = (db: Db) =>
  db
    .prepare(
      "SELECT action, user_id AS userId, details FROM audit_log WHERE entity_type = 'period' ORDER BY id",
    )
    .all() as Array<{ action: string; userId: number; details: string }>;

const notOpenYet =
  '2027Q1 ends on March 31, 2027; reports open for entry on April 1, 2027. Your coalition admin can open it early.';

describe('a quarter that has not ended is closed for entry', () => {
  test.for<[string, string, string, string | object]>([
    ['saving a draft', 'PUT', '/submissions/RIVER/2027Q1/values', { values: { trainings_delivered: 2 } }],
    ['submitting', 'POST', '/submissions/RIVER/2027Q1/submit', {}],
    ['uploading a file', 'POST', '/submissions/RIVER/2027Q1/upload?dryRun=false', 'csv'],
    ['checking a file', 'POST', '/submissions/RIVER/2027Q1/upload?dryRun=true', 'csv'],
  ])(
    '%s is refused, saying when it opens, and changes nothing',
    async ([_, method, path, body], { call, db }) => {
      const before = databaseDigest(db);
      const csv = 'agency,period,element,value\r\nRIVER,2027Q1,trainings_delivered,2\r\n';
      const response =
        body === 'csv'
          ? await call('river', method, path, csv, 'text/csv')
          : await call('river', method, path, body);
      expect(response.status).toBe(403);
      expect((await json(response)).error).toEqual({ code: 'period-not-open-yet', message: notOpenYet });
      expect(databaseDigest(db)).toBe(before);
    },
  );

  test('the report says it is not open yet, and from when', async ({ call }) => {
    const body = await json(await call('river', 'GET', '/submissions/RIVER/2027Q1'));
    expect(body.period).toEqual({
      code: '2027Q1',
      startDate: '2027-01-01',
      endDate: '2027-03-31',
      deadline: '2027-04-30',
      open: false,
      opensOn: '2027-04-01',
      openedEarly: false,
    });
    expect(body.permissions).toMatchObject({ edit: false, submit: false });
  });

  test('a quarter that has ended is open, on the day after its last day', async ({ call }) => {
    const body = await json(await call('river', 'GET', '/submissions/RIVER/2026Q4'));
    expect(body.period).toMatchObject({ open: true, opensOn: '2027-01-01', openedEarly: false });
    expect(body.permissions).toMatchObject({ edit: true });
  });

  test("on 1 December 2026 the quarter under way can't be submitted, and says when it opens", async ({
    db,
    signIn,
  }) => {
    const december = createApp({
      db: db,
      config: testConfig(),
      now: () => new Date('2026-12-01T18:00:00Z'),
    });
    const response = await december.request('/api/submissions/RIVER/2026Q4/values', {
      method: 'PUT',
      headers: { Cookie: await signIn('river@test.example', december), 'Content-Type': 'application/json' },
      body: JSON.stringify({ values: { trainings_delivered: 1 } }),
    });
    expect(response.status).toBe(403);
    expect((await json(response)).error.message).toBe(
      '2026Q4 ends on December 31, 2026; reports open for entry on January 1, 2027. Your coalition admin can open it early.',
    );
  });

  test('every list says which quarters are open for entry', async ({ call }) => {
    const periods = (await json(await call('viewer', 'GET', '/periods'))).periods;
    expect(
      periods.map((p: { period: string; open: boolean; opensOn: string }) => [p.period, p.open, p.opensOn]),
    ).toEqual([
      ['2027Q1', false, '2027-04-01'],
      ['2026Q4', true, '2027-01-01'],
      ['2026Q3', true, '2026-10-01'],
      ['2026Q2', false, '2026-07-01'],
    ]);
    const quarters = (await json(await call('river', 'GET', '/agencies/RIVER/submissions'))).quarters;
    expect(quarters.find((q: { period: string }) => q.period === '2027Q1')).toMatchObject({
      open: false,
      opensOn: '2027-04-01',
    });
    const matrix = await json(await call('admin', 'GET', '/completeness?quarters=2'));
    expect(matrix.periods.map((p: { code: string; open: boolean }) => [p.code, p.open])).toEqual([
      ['2027Q1', false],
      ['2026Q4', true],
    ]);
    const summary = (await json(await call('admin', 'GET', '/completeness/summary?quarters=2'))).quarters;
    expect(summary.map((q: { period: string; open: boolean }) => [q.period, q.open])).toEqual([
      ['2027Q1', false],
      ['2026Q4', true],
    ]);
  });
});

describe('an admin opens a quarter early, for every agency, and closes it again', () => {
  test('opening lets reporters enter it; closing stops them again; both are in the audit log', async ({
    call,
    db,
  }) => {
    let response = await call('admin', 'PUT', '/periods/2027Q1/entry');
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({
      period: '2027Q1',
      startDate: '2027-01-01',
      endDate: '2027-03-31',
      deadline: '2027-04-30',
      open: true,
      opensOn: '2027-04-01',
      openedEarly: true,
    });
    const admin = db.prepare("SELECT id FROM users WHERE email = 'admin@test.example'").pluck().get();
    expect(periodAudit(db)).toEqual([
      { action: 'open-entry-early', userId: admin, details: '{"period":"2027Q1"}' },
    ]);

    response = await call('river', 'PUT', '/submissions/RIVER/2027Q1/values', {
      values: { trainings_delivered: 2 },
    });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      status: 'draft',
      period: { open: true, openedEarly: true },
      permissions: { edit: true },
    });
    const listed = (await json(await call('river', 'GET', '/periods'))).periods[0];
    expect(listed).toMatchObject({ period: '2027Q1', open: true, openedEarly: true });

    // Opening it again changes nothing and records nothing.
    expect((await call('admin', 'PUT', '/periods/2027Q1/entry')).status).toBe(200);
    expect(periodAudit(db)).toHaveLength(1);

    response = await call('admin', 'DELETE', '/periods/2027Q1/entry');
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ period: '2027Q1', open: false, openedEarly: false });
    expect(periodAudit(db).map((e) => e.action)).toEqual(['open-entry-early', 'close-entry-early']);

    // The draft stays; the reporter can change it again once the quarter opens.
    response = await call('river', 'PUT', '/submissions/RIVER/2027Q1/values', {
      values: { trainings_delivered: 3 },
    });
    expect(response.status).toBe(403);
    expect((await json(response)).error.code).toBe('period-not-open-yet');
    const kept = await json(await call('river', 'GET', '/submissions/RIVER/2027Q1'));
    expect(kept).toMatchObject({ status: 'draft', values: { trainings_delivered: 2 } });

    expect((await call('admin', 'DELETE', '/periods/2027Q1/entry')).status).toBe(200);
    expect(periodAudit(db)).toHaveLength(2);
  });

  test.for([
    ['a reporter cannot open a quarter', 'river', 'PUT', '/periods/2027Q1/entry', 403, 'forbidden'],
    ['a viewer cannot open a quarter', 'viewer', 'PUT', '/periods/2027Q1/entry', 403, 'forbidden'],
    ['a reporter cannot close one', 'river', 'DELETE', '/periods/2027Q1/entry', 403, 'forbidden'],
    [
      'a quarter that has ended has nothing to open early',
      'admin',
      'PUT',
      '/periods/2026Q4/entry',
      409,
      'period-ended',
    ],
    ['nor to close early', 'admin', 'DELETE', '/periods/2026Q3/entry', 409, 'period-ended'],
    ['an unknown quarter', 'admin', 'PUT', '/periods/2030Q1/entry', 404, 'not-found'],
    ['something that is not a quarter', 'admin', 'PUT', '/periods/2027-01/entry', 400, 'invalid-request'],
  ] as const)('%s, and nothing changes', async ([_, who, method, path, status, code], { call, db }) => {
    const before = databaseDigest(db);
    const response = await call(who, method, path);
    expect(response.status).toBe(status);
    expect((await json(response)).error.code).toBe(code);
    expect(databaseDigest(db)).toBe(before);
  });

  test("an agency's API token cannot open a quarter", async ({ app, call, db }) => {
    const { token } = await json(
      await call('river', 'POST', '/agencies/RIVER/tokens', { name: 'Case system' }),
    );
    const response = await app.request('/api/periods/2027Q1/entry', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token.secret}` },
    });
    expect(response.status).toBe(403);
    expect(periodAudit(db)).toEqual([]);
  });
});

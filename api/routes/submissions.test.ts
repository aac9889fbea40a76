import { describe, expect } from 'vitest';
import { readDefaultCatalog } from '../queries/catalog';
import { apiTest, consistentQuarter, databaseDigest } from '../testing';

const catalog = readDefaultCatalog();

type Who = 'admin' | 'viewer' | 'river' | 'hills';

/** Three quarters of history, and a request to /api/submissions as someone signed in before the test. */
const test = apiTest.override({ seed: 'history' }).extend('call', async ({ app, signIn }) => {
  const cookies: Record<string, string> = {};
  for (const [who, email] of Object.entries({
    admin: 'admin@test.example',
    viewer: 'viewer@test.example',
    river: 'river@test.example',
    hills: 'hills@test.example',
  }))
    cookies[who] = await signIn(email);
  return (who: Who | null, method: string, path: string, body?: unknown) =>
    app.request(`/api/submissions${path}`, {
      method,
      headers: {
        ...(who ? { Cookie: cookies[who] as string } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
});
// biome-ignore lint/suspicious/noExplicitAny: the tests read response bodies of several shapes.
const json = async (response: Response) => (await response.json()) as Record<string, any>;

describe('reading a quarter', () => {
  test('a reporter sees their draft with its values, findings and what they may do', async ({ call }) => {
    const response = await call('river', 'GET', '/RIVER/2026Q4');
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({
      agency: { code: 'RIVER', type: 'victim_services' },
      period: { code: '2026Q4', deadline: '2027-01-30', open: true },
      status: 'draft',
      revision: 0,
      values: {},
      permissions: { edit: true, submit: true, review: false, reopen: false },
    });
    expect(typeof body.catalogVersionId).toBe('number');
  });

  test('letter case in the path is forgiven', async ({ call }) => {
    expect((await call('river', 'GET', '/river/2026q4')).status).toBe(200);
  });
});

describe('saving the draft', () => {
  test('values merge into the draft, null clears a cell, and findings follow', async ({ call }) => {
    let response = await call('river', 'PUT', '/RIVER/2026Q4/values', {
      values: { survivors_served: 3, 'survivors_served.gender.female': 2, new_survivors: 1 },
    });
    expect(response.status).toBe(200);
    let body = await json(response);
    expect(body.values).toEqual({
      survivors_served: 3,
      'survivors_served.gender.female': 2,
      new_survivors: 1,
    });
    const genderFinding = body.findings.find(
      (f: { code: string }) => f.code === 'survivors_served_gender_sum',
    );
    expect(genderFinding).toMatchObject({ severity: 'error', kind: 'rule', section: 'survivors' });
    expect(genderFinding.cells).toContain('survivors_served.gender.male');
    expect(genderFinding.detail).toBe(
      'Survivors served by gender identity is 2; it should equal Survivors served (3).',
    );

    response = await call('river', 'PUT', '/RIVER/2026Q4/values', {
      values: { 'survivors_served.gender.female': null },
    });
    body = await json(response);
    expect(body.values).toEqual({ survivors_served: 3, new_survivors: 1 });
  });

  test('starting a quarter that was not started makes a draft', async ({ call, db }) => {
    const response = await call('hills', 'PUT', '/HILLS/2026Q4/values', {
      values: { trainings_delivered: 2 },
    });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ status: 'draft', values: { trainings_delivered: 2 } });
    const audit = db.prepare("SELECT action FROM audit_log WHERE entity_type = 'submission'").pluck().all();
    expect(audit).toContain('start');
  });

  test.for<[string, Record<string, number>, RegExp]>([
    ['an unknown cell', { 'survivors_served.gender.robot': 1 }, /not a count your agency reports/],
    ['a cell the agency does not report', { investigations_opened: 1 }, /not a count your agency reports/],
    ['a negative count', { survivors_served: -1 }, /whole number from 0 to 1,000,000/],
    ['a fraction', { survivors_served: 1.5 }, /whole number/],
    ['an absurdly large count', { survivors_served: 5_000_000 }, /whole number/],
  ])('%s is refused, naming the cell, and nothing changes', async ([_, values, message], { call, db }) => {
    const before = databaseDigest(db);
    const response = await call('river', 'PUT', '/RIVER/2026Q4/values', {
      values: { new_survivors: 1, ...values },
    });
    expect(response.status).toBe(400);
    const { error } = await json(response);
    expect(error.code).toBe('invalid-request');
    expect(error.details[0].message).toMatch(message);
    expect(databaseDigest(db)).toBe(before);
  });

  test('an explanation with personal data is refused without repeating it', async ({ call, db }) => {
    const before = databaseDigest(db);
    const response = await call('river', 'PUT', '/RIVER/2026Q4/values', {
      values: { survivors_served: 1 },
      explanations: { 'outlier.survivors_served': 'Maria moved in, call her at 408-555-0199' },
    });
    expect(response.status).toBe(400);
    const { error } = await json(response);
    expect(error.code).toBe('personal-data');
    expect(error.message).toMatch(/phone number/);
    expect(error.details).toEqual([
      {
        field: 'outlier.survivors_served',
        message: expect.stringMatching(/^This explanation looks like it contains/),
      },
    ]);
    expect(JSON.stringify(error)).not.toContain('555');
    expect(databaseDigest(db)).toBe(before);
  });

  test('a body that is not the right shape is refused in the one error shape', async ({ call }) => {
    const response = await call('river', 'PUT', '/RIVER/2026Q4/values', {
      values: { survivors_served: 'three' },
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe('invalid-request');
  });
});

describe('the lifecycle: draft → submitted → returned → resubmitted → approved → reopened', () => {
  test('end to end, with errors blocking and warnings needing an explanation', async ({ call, db }) => {
    const values = consistentQuarter(catalog, 'victim_services');
    await call('river', 'PUT', '/RIVER/2026Q4/values', { values: { ...values, new_survivors: 5 } });

    let response = await call('river', 'POST', '/RIVER/2026Q4/submit', {});
    expect(response.status).toBe(422);
    let { error } = await json(response);
    expect(error.code).toBe('validation-failed');
    expect(error.details.map((f: { code: string }) => f.code)).toContain('new_within_served');

    // Fixed, but trainings without trainees raise a warning that needs an explanation.
    await call('river', 'PUT', '/RIVER/2026Q4/values', {
      values: { new_survivors: 2, trainings_delivered: 3 },
    });
    response = await call('river', 'POST', '/RIVER/2026Q4/submit', {});
    expect(response.status).toBe(422);
    ({ error } = await json(response));
    expect(error.message).toMatch(/1 warning to explain/);
    expect(error.details).toEqual([
      expect.objectContaining({ code: 'trainings_have_trainees', severity: 'warning' }),
    ]);

    response = await call('river', 'POST', '/RIVER/2026Q4/submit', {
      explanations: { trainings_have_trainees: 'The attendance sheets are still being counted.' },
    });
    expect(response.status).toBe(200);
    let body = await json(response);
    expect(body).toMatchObject({ status: 'submitted', revision: 1, late: false });
    expect(body.permissions).toMatchObject({ edit: false, submit: false });

    expect(
      (await call('river', 'PUT', '/RIVER/2026Q4/values', { values: { survivors_served: 9 } })).status,
    ).toBe(409);
    expect((await call('river', 'POST', '/RIVER/2026Q4/approve')).status).toBe(403);
    expect((await call('admin', 'POST', '/RIVER/2026Q4/return', { comment: '' })).status).toBe(400);

    response = await call('admin', 'POST', '/RIVER/2026Q4/return', { comment: 'Please count the trainees.' });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      status: 'returned',
      returnComment: 'Please count the trainees.',
    });

    body = await json(await call('river', 'GET', '/RIVER/2026Q4'));
    expect(body).toMatchObject({
      status: 'returned',
      returnComment: 'Please count the trainees.',
      permissions: { edit: true },
    });
    await call('river', 'PUT', '/RIVER/2026Q4/values', {
      values: { professionals_trained: 40, 'professionals_trained.discipline.health_care': 40 },
    });
    response = await call('river', 'POST', '/RIVER/2026Q4/submit', {});
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ status: 'submitted', revision: 2 });

    response = await call('admin', 'POST', '/RIVER/2026Q4/approve');
    expect(await json(response)).toMatchObject({
      status: 'approved',
      permissions: { reopen: true, review: false },
    });
    expect((await call('admin', 'POST', '/RIVER/2026Q4/approve')).status).toBe(409);
    response = await call('river', 'PUT', '/RIVER/2026Q4/values', { values: { survivors_served: 9 } });
    expect(response.status).toBe(409);
    expect((await json(response)).error.message).toMatch(/approved and is locked/);

    response = await call('admin', 'POST', '/RIVER/2026Q4/reopen', {
      reason: 'The agency found two more trainings.',
    });
    expect(await json(response)).toMatchObject({ status: 'draft', revision: 2 });
    expect(
      (await call('river', 'PUT', '/RIVER/2026Q4/values', { values: { trainings_delivered: 5 } })).status,
    ).toBe(200);

    const revisions = (await json(await call('river', 'GET', '/RIVER/2026Q4/revisions'))).revisions;
    expect(revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    expect(revisions[1].reviews).toEqual([
      expect.objectContaining({ action: 'return', comment: 'Please count the trainees.' }),
    ]);
    expect(revisions[0].reviews.map((r: { action: string }) => r.action)).toEqual(['approve', 'reopen']);
    expect(revisions[1].explanations).toEqual({
      trainings_have_trainees: 'The attendance sheets are still being counted.',
    });

    const diff = await json(await call('river', 'GET', '/RIVER/2026Q4/diff?from=1&to=2'));
    expect(diff.changes).toEqual([
      { cell: 'professionals_trained', label: 'Professionals trained', from: 0, to: 40 },
      {
        cell: 'professionals_trained.discipline.health_care',
        label: 'Professionals trained · By discipline · Health care',
        from: 0,
        to: 40,
      },
    ]);
    const draftDiff = await json(await call('river', 'GET', '/RIVER/2026Q4/diff?from=2&to=draft'));
    expect(draftDiff.changes).toEqual([
      expect.objectContaining({ cell: 'trainings_delivered', from: 3, to: 5 }),
    ]);
    const revision1 = await json(await call('river', 'GET', '/RIVER/2026Q4/revisions/1'));
    expect(revision1.values.trainings_delivered).toBe(3);

    const actions = db
      .prepare(
        "SELECT action FROM audit_log WHERE entity_type = 'submission' AND id > (SELECT max(id) - 7 FROM audit_log)",
      )
      .pluck()
      .all();
    expect(actions).toEqual(['submit', 'return', 'save-draft', 'submit', 'approve', 'reopen', 'save-draft']);
  });

  test('a submit after the deadline is marked late', async ({ call }) => {
    // RIVER's 2026Q3 was returned and its deadline (30 October 2026) has passed.
    await call('river', 'PUT', '/RIVER/2026Q3/values', {
      values: consistentQuarter(catalog, 'victim_services'),
    });
    const body = await json(await call('river', 'POST', '/RIVER/2026Q3/submit', {}));
    expect(body).toMatchObject({ status: 'submitted', revision: 2 });
    const revisions = (await json(await call('river', 'GET', '/RIVER/2026Q3/revisions'))).revisions;
    expect(revisions[0].late).toBe(true);
  });
});

describe('who may do what', () => {
  const matrix: Array<[string, Who | null, string, string, unknown, number]> = [
    ['signed out cannot read', null, 'GET', '/RIVER/2026Q4', undefined, 401],
    ['a viewer cannot read an agency', 'viewer', 'GET', '/RIVER/2026Q4', undefined, 404],
    ["a reporter cannot read another agency's quarter", 'hills', 'GET', '/RIVER/2026Q4', undefined, 404],
    [
      "a reporter cannot write another agency's quarter",
      'hills',
      'PUT',
      '/RIVER/2026Q4/values',
      { values: {} },
      404,
    ],
    ["a reporter cannot submit another agency's quarter", 'hills', 'POST', '/RIVER/2026Q4/submit', {}, 404],
    [
      "a reporter cannot see another agency's revisions",
      'hills',
      'GET',
      '/RIVER/2026Q3/revisions',
      undefined,
      404,
    ],
    [
      "a reporter cannot download another agency's template",
      'hills',
      'GET',
      '/RIVER/2026Q4/template.csv',
      undefined,
      404,
    ],
    ['a viewer cannot write', 'viewer', 'PUT', '/RIVER/2026Q4/values', { values: {} }, 404],
    ['an admin does not edit agency numbers', 'admin', 'PUT', '/RIVER/2026Q4/values', { values: {} }, 403],
    ['a reporter cannot write a closed period', 'river', 'PUT', '/RIVER/2026Q2/values', { values: {} }, 409],
    ['a reporter cannot approve', 'river', 'POST', '/RIVER/2026Q4/approve', undefined, 403],
    ['a reporter cannot reopen', 'river', 'POST', '/RIVER/2026Q2/reopen', { reason: 'x' }, 403],
    ['a viewer cannot approve', 'viewer', 'POST', '/HILLS/2026Q3/approve', undefined, 404],
    ['an admin reads any agency', 'admin', 'GET', '/HILLS/2026Q3', undefined, 200],
  ];
  test.for(matrix)('%s', async ([_, who, method, path, body, status], { call, db }) => {
    const before = databaseDigest(db);
    const response = await call(who, method, path, body);
    expect(response.status).toBe(status);
    if (status !== 200) expect(databaseDigest(db)).toBe(before);
  });

  test('a closed period that was never submitted is refused as closed', async ({ call, db }) => {
    const response = await call('hills', 'PUT', '/HILLS/2026Q2/values', { values: {} });
    // HILLS 2026Q2 is approved (locked); a closed, unstarted period is refused as closed.
    expect(response.status).toBe(409);
    db.prepare(
      "INSERT INTO reporting_periods (code, year, quarter, start_date, end_date, deadline, open) VALUES ('2026Q1', 2026, 1, '2026-01-01', '2026-03-31', '2026-04-30', 0)",
    ).run();
    const closed = await call('hills', 'PUT', '/HILLS/2026Q1/values', { values: { trainings_delivered: 1 } });
    expect(closed.status).toBe(403);
    expect((await json(closed)).error.code).toBe('period-closed');
  });

  test('reopening is a lock exception: the agency may correct a closed period', async ({ call }) => {
    expect(
      (await call('admin', 'POST', '/RIVER/2026Q2/reopen', { reason: 'Late correction from the agency.' }))
        .status,
    ).toBe(200);
    expect(
      (await call('river', 'PUT', '/RIVER/2026Q2/values', { values: { trainings_delivered: 1 } })).status,
    ).toBe(200);
  });
});

describe('the list of a period', () => {
  test('an admin sees every agency, a reporter only their own', async ({ call }) => {
    const admin = await json(await call('admin', 'GET', '?period=2026Q3'));
    expect(
      admin.submissions.map((s: { agency: { code: string }; status: string }) => [s.agency.code, s.status]),
    ).toEqual([
      ['HILLS', 'submitted'],
      ['RIVER', 'returned'],
    ]);
    const river = await json(await call('river', 'GET', '?period=2026Q3'));
    expect(river.submissions).toHaveLength(1);
    expect((await call('viewer', 'GET', '?period=2026Q3')).status).toBe(404);
    expect((await call('admin', 'GET', '?period=2026-3')).status).toBe(400);
  });
});

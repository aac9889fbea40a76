import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect } from 'vitest';
import { type Db, migrate, openDatabase, readMigrations } from '../db';
import { insertReport, markReportFailed } from '../queries/reports';
import { listRevisions } from '../queries/submissions';
import { closeReportBrowser } from '../services/reports/pdf';
import { databaseDigest, seedSmallCoalition, apiTest as testBase } from '../testing';

type Who = 'admin' | 'viewer' | 'river' | 'hills';

/**
 * Three quarters of history (RIVER's 2026Q3 returned with a comment, HILLS's 2026Q3 submitted,
 * 2026Q2 approved for both, RIVER's 2026Q4 a draft) and a JSON request as someone signed in.
 */
const test = testBase.override({ seed: 'history' }).extend('call', async ({ app, signIn }) => {
  const cookies: Record<string, string> = {};
  for (const who of ['admin', 'viewer', 'river', 'hills'] as const)
    cookies[who] = await signIn(`${who}@test.example`);
  return (who: Who, method: string, path: string, body?: unknown) =>
    app.request(`/api${path}`, {
      method,
      headers: {
        Cookie: cookies[who] as string,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
});
// A grant report made below prints with Chromium, kept warm between reports.
afterAll(closeReportBrowser);

// biome-ignore lint/suspicious/noExplicitAny: the tests read response bodies of several shapes.
const json = async (response: Response) => (await response.json()) as Record<string, any>;

const returnComment = 'Please check the county breakdown.';
const commentIdOf = (db: Db) =>
  db.prepare('SELECT id FROM free_texts WHERE text = ?').pluck().get(returnComment) as number;

const email = 'Call Maria at maria.lopez@example.org';
const phone = 'She can be reached on 408-555-0199';

/** A grant report of a quarter the history has approved reports for. */
const quarterlyReport = { template: 'quarterly_funder', period: '2026Q2', area: 'coalition' };

/**
 * Every free-text field of every route that keeps what it is given, with a request that puts text in
 * it and a request that was fine otherwise. Adding a route with a free-text field without adding it
 * here fails the enumeration test below.
 */
const guardedFields: Array<{
  field: string;
  who: Who;
  method: string;
  path: string;
  body: (text: string) => unknown;
  /** What the route needs kept first, made by the admin. */
  setup?: (db: Db, adminId: number) => void;
}> = [
  {
    field: 'PUT /api/submissions/{agency}/{period}/values explanations.*',
    who: 'river',
    method: 'PUT',
    path: '/submissions/RIVER/2026Q4/values',
    body: (text) => ({ values: { survivors_served: 1 }, explanations: { 'outlier.survivors_served': text } }),
  },
  {
    field: 'POST /api/submissions/{agency}/{period}/submit explanations.*',
    who: 'river',
    method: 'POST',
    path: '/submissions/RIVER/2026Q4/submit',
    body: (text) => ({ explanations: { trainings_have_trainees: text } }),
  },
  {
    field: 'PUT /api/submissions/{agency}/{period}/values reply',
    who: 'river',
    method: 'PUT',
    path: '/submissions/RIVER/2026Q3/values',
    body: (text) => ({ values: {}, reply: text }),
  },
  {
    field: 'POST /api/completeness/reminders note',
    who: 'admin',
    method: 'POST',
    path: '/completeness/reminders',
    body: (text) => ({ period: '2026Q4', agencies: ['RIVER'], note: text }),
  },
  {
    field: 'POST /api/submissions/{agency}/{period}/return comment',
    who: 'admin',
    method: 'POST',
    path: '/submissions/HILLS/2026Q3/return',
    body: (text) => ({ comment: text }),
  },
  {
    field: 'POST /api/submissions/{agency}/{period}/reopen reason',
    who: 'admin',
    method: 'POST',
    path: '/submissions/RIVER/2026Q2/reopen',
    body: (text) => ({ reason: text }),
  },
  {
    field: 'POST /api/agencies/{agencyCode}/tokens name',
    who: 'river',
    method: 'POST',
    path: '/agencies/RIVER/tokens',
    body: (text) => ({ name: text.slice(0, 80) }),
  },
  {
    field: 'POST /api/free-texts/{id}/redact reason',
    who: 'admin',
    method: 'POST',
    path: '/free-texts/1/redact',
    body: (text) => ({ reason: text }),
  },
  {
    field: 'PUT /api/reports/drafts texts.*',
    who: 'viewer',
    method: 'PUT',
    path: '/reports/drafts',
    body: (text) => ({ ...quarterlyReport, texts: { accomplishments: text } }),
  },
  {
    field: 'POST /api/reports/preview purpose',
    who: 'admin',
    method: 'POST',
    path: '/reports/preview',
    body: (text) => ({ ...quarterlyReport, kind: 'confidential', purpose: text.slice(0, 300) }),
  },
  {
    field: 'POST /api/reports purpose',
    who: 'admin',
    method: 'POST',
    path: '/reports',
    body: (text) => ({ ...quarterlyReport, kind: 'confidential', purpose: text.slice(0, 300) }),
  },
  {
    field: 'POST /api/reports/{id}/regenerate purpose',
    who: 'admin',
    method: 'POST',
    path: '/reports/1/regenerate',
    body: (text) => ({ purpose: text.slice(0, 300) }),
    setup: (db, adminId) => keepFailedConfidentialReport(db, adminId),
  },
];

/** Report 1: a confidential report of 2026Q2 that failed, to be made again. */
function keepFailedConfidentialReport(db: Db, adminId: number): void {
  const at = '2027-01-10T17:00:00.000Z';
  const purposeId = Number(
    db.prepare('INSERT INTO free_texts (text, created_by) VALUES (?, ?)').run('For our funder', adminId)
      .lastInsertRowid,
  );
  const id = insertReport(db, {
    templateCode: 'quarterly_funder',
    templateName: 'Quarterly funder report',
    templateVersion: 1,
    periodCode: '2026Q2',
    areaCode: 'coalition',
    areaName: 'Test Coalition',
    kind: 'confidential',
    request: { ...quarterlyReport, kind: 'confidential' },
    narrativeIds: {},
    purposeId,
    createdBy: adminId,
    createdAt: at,
    regenerationOf: null,
  });
  markReportFailed(db, { id, reason: 'A test failure.', at });
}

/** String fields of request bodies that are not free text, and what keeps them so. */
const otherStringFields: Record<string, string> = {
  'POST /api/auth/login email': 'signing in: compared, never kept',
  'POST /api/auth/login password': 'signing in: compared, never kept',
  'PUT /api/submissions/{agency}/{period}/values values{key}': 'a cell of the catalog, or refused',
  'PUT /api/submissions/{agency}/{period}/values explanations{key}': 'a warning the form shows, or refused',
  'POST /api/submissions/{agency}/{period}/submit explanations{key}': 'a warning the form shows, or refused',
  // A person's own account: compared or hashed, never kept as typed.
  'POST /api/me/password currentPassword': 'compared, never kept',
  'POST /api/me/password newPassword': 'hashed, never kept',
  'POST /api/account-links/invitation/{token} password': 'hashed, never kept',
  'POST /api/account-links/reset/{token} password': 'hashed, never kept',
  'POST /api/setup/{token} password': 'hashed, never kept',
  'DELETE /api/me/two-factor password': 'compared, never kept',
  'DELETE /api/me/two-factor code': 'a code from an authenticator app: compared, never kept',
  'POST /api/auth/two-factor/enroll/confirm code': 'a code from an authenticator app: compared, never kept',
  'POST /api/me/two-factor/confirm code': 'a code from an authenticator app: compared, never kept',
  'POST /api/me/two-factor/recovery-codes code': 'a code from an authenticator app: compared, never kept',
  // Who signs in and what the coalition and its members are called: staff and organisations, named on
  // purpose, never words about the people served.
  'POST /api/account-links/invitation/{token} name': 'the name of the person who signs in',
  'POST /api/setup/{token} adminName': 'the name of the first admin',
  'POST /api/setup/{token} adminEmail': 'the first admin’s sign-in address',
  'POST /api/setup/{token} coalitionName': 'the coalition’s own name',
  'POST /api/setup/{token} shortName': 'the coalition’s short name',
  'PATCH /api/settings name': 'the coalition’s own name',
  'PATCH /api/settings shortName': 'the coalition’s short name',
  'POST /api/agencies name': 'a member agency’s name',
  'PATCH /api/agencies/{agencyCode} name': 'a member agency’s name',
  // Checked against a list, or refused.
  'POST /api/setup/{token} timeZone': 'a time zone Scope knows, or refused',
  'PATCH /api/settings timeZone': 'a time zone Scope knows, or refused',
  'POST /api/setup/{token} firstPeriod': 'a quarter, or refused',
};

// biome-ignore lint/suspicious/noExplicitAny: a JSON Schema from the OpenAPI document.
type Schema = Record<string, any>;
const isString = (schema: Schema | undefined) =>
  schema !== undefined &&
  (schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'))) &&
  schema.pattern === undefined &&
  schema.enum === undefined;

/** The free-form string fields of a request body: properties, record values (`.*`) and record keys (`{key}`). */
function stringFields(schema: Schema, prefix = ''): string[] {
  const fields: string[] = [];
  for (const [name, property] of Object.entries<Schema>(schema.properties ?? {})) {
    const here = `${prefix}${name}`;
    if (isString(property)) fields.push(here);
    if (property.type === 'object') {
      if (isString(property.propertyNames)) fields.push(`${here}{key}`);
      if (isString(property.additionalProperties)) fields.push(`${here}.*`);
      fields.push(...stringFields(property, `${here}.`));
    }
  }
  return fields;
}

describe('every free-text field goes through the guard', () => {
  test('the routes’ free-text fields are exactly those listed here', async ({ app }) => {
    const doc = await json(await app.request('/api/openapi.json'));
    const found = Object.entries<Schema>(doc.paths).flatMap(([path, methods]) =>
      Object.entries<Schema>(methods).flatMap(([method, operation]) => {
        const body = operation.requestBody?.content?.['application/json']?.schema;
        return body ? stringFields(body).map((field) => `${method.toUpperCase()} ${path} ${field}`) : [];
      }),
    );
    expect(found.sort()).toEqual(
      [...guardedFields.map((f) => f.field), ...Object.keys(otherStringFields)].sort(),
    );
  });

  test.for(
    guardedFields.flatMap((f) => [
      { ...f, text: email },
      { ...f, text: phone },
    ]),
  )(
    '$field refuses "$text", repeating none of it, and nothing changes',
    async ({ who, method, path, body, text, setup }, { call, coalition, db }) => {
      setup?.(db, coalition.users.admin);
      const before = databaseDigest(db);
      const response = await call(who, method, path, body(text));
      expect(response.status).toBe(400);
      const { error } = await json(response);
      expect(error.code).toBe('personal-data');
      expect(error.message).toMatch(/looks like it contains an? (email address|phone number)/);
      expect(JSON.stringify(error)).not.toMatch(/maria|555/i);
      expect(databaseDigest(db)).toBe(before);
    },
  );

  test.for(guardedFields)(
    '$field keeps plain words',
    async ({ who, method, path, body, field, setup }, { call, coalition, db }) => {
      setup?.(db, coalition.users.admin);
      if (field.includes('/submit')) {
        // A quarter with a warning to explain: trainings without trainees.
        await call('river', 'PUT', '/submissions/RIVER/2026Q4/values', {
          values: { trainings_delivered: 2 },
        });
      }
      const response = await call(who, method, path, body('The sign-in sheets arrived late.'));
      expect(response.status).toBeLessThan(300);
    },
  );
});

describe('explanation keys', () => {
  test('an explanation of anything but a warning on the form is refused, and nothing is stored', async ({
    call,
    db,
  }) => {
    const before = databaseDigest(db);
    const junk = Object.fromEntries(
      Array.from({ length: 500 }, (_, i) => [`note ${i} maria.lopez@example.org`, 'x']),
    );
    for (const explanations of [
      { 'not.a.warning': 'Because.' },
      { survivors_served_gender_sum: 'An error rule is fixed, not explained.' },
      junk,
    ]) {
      const response = await call('river', 'PUT', '/submissions/RIVER/2026Q4/values', {
        values: { survivors_served: 1 },
        explanations,
      });
      expect(response.status).toBe(400);
      const { error } = await json(response);
      expect(error.code).toBe('invalid-request');
      expect(error.message).toMatch(/not for a warning on this form/);
      expect(JSON.stringify(error)).not.toMatch(/maria/);
      expect(error.details.length).toBeLessThanOrEqual(20);
      const submit = await call('river', 'POST', '/submissions/RIVER/2026Q4/submit', { explanations });
      expect(submit.status).toBe(400);
    }
    expect(databaseDigest(db)).toBe(before);
  });

  test('typed text can’t pass itself off as a removed one', async ({ call, db }) => {
    const before = databaseDigest(db);
    const response = await call('admin', 'POST', '/submissions/HILLS/2026Q3/return', {
      comment: '[removed by an administrator on 2026-01-01]',
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error.message).toMatch(/those words mark a text an admin removed/);
    expect(databaseDigest(db)).toBe(before);
  });

  test('warning rules and outlier warnings of the form can be explained', async ({ call }) => {
    const response = await call('river', 'PUT', '/submissions/RIVER/2026Q4/values', {
      values: {},
      explanations: {
        trainings_have_trainees: 'Sheets are still being counted.',
        'outlier.survivors_served': 'A new program started.',
      },
    });
    expect(response.status).toBe(200);
    expect((await json(response)).explanations).toEqual({
      trainings_have_trainees: 'Sheets are still being counted.',
      'outlier.survivors_served': 'A new program started.',
    });
  });

  test('a reworded draft explanation leaves no copy of the old words behind', async ({ call, db }) => {
    const save = (text: string | null) =>
      call('river', 'PUT', '/submissions/RIVER/2026Q4/values', {
        values: {},
        explanations: { trainings_have_trainees: text },
      });
    await save('First wording.');
    await save('Second wording.');
    await save(null);
    const kept = db.prepare('SELECT text FROM free_texts').pluck().all();
    expect(kept).not.toContain('First wording.');
    expect(kept).not.toContain('Second wording.');
  });
});

describe('removing a kept text', () => {
  test('an admin removes a token’s name: the agency’s list shows a dated note, and the token still works', async ({
    call,
    db,
  }) => {
    const made = await json(
      await call('river', 'POST', '/agencies/RIVER/tokens', { name: 'Export for the Riverside office' }),
    );
    const { nameId, secret } = made.token;
    const removed = await call('admin', 'POST', `/free-texts/${nameId}/redact`, {
      reason: 'It named a place a survivor stays.',
    });
    expect(removed.status).toBe(200);
    const listed = await json(await call('river', 'GET', '/agencies/RIVER/tokens'));
    expect(listed.tokens[0]).toMatchObject({
      nameId,
      name: expect.stringMatching(/^\[removed by an administrator on \d{4}-\d{2}-\d{2}\]$/),
    });
    expect(db.prepare('SELECT count(*) FROM free_texts WHERE text LIKE ?').pluck().get('%Riverside%')).toBe(
      0,
    );
    const reads = await call('river', 'GET', '/submissions/RIVER/2026Q3');
    expect(reads.status).toBe(200);
    expect(secret).toMatch(/^scope_/);
  });

  test('an admin removes a return comment: every reader sees a note, and the audit log names only its id', async ({
    call,
    db,
    dbPath,
  }) => {
    const id = commentIdOf(db);
    const response = await call('admin', 'POST', `/free-texts/${id}/redact`, {
      reason: 'It named a survivor.',
    });
    expect(response.status).toBe(200);
    expect((await json(response)).text).toMatchObject({ id, text: null, redactedAt: expect.any(String) });

    const note = /^\[removed by an administrator on \d{4}-\d{2}-\d{2}\]$/;
    const detail = await json(await call('river', 'GET', '/submissions/RIVER/2026Q3'));
    expect(detail.returnComment).toMatch(note);
    const revisions = (await json(await call('admin', 'GET', '/submissions/RIVER/2026Q3/revisions')))
      .revisions;
    expect(revisions[0].reviews[0]).toMatchObject({
      action: 'return',
      commentId: id,
      comment: expect.stringMatching(note),
    });
    const quarters = (await json(await call('river', 'GET', '/agencies/RIVER/submissions'))).quarters;
    expect(quarters.find((q: { period: string }) => q.period === '2026Q3').returnComment).toMatch(note);
    for (const path of [
      '/submissions/RIVER/2026Q3',
      '/submissions/RIVER/2026Q3/revisions',
      '/agencies/RIVER/submissions',
    ])
      expect(await (await call('admin', 'GET', path)).text()).not.toContain(returnComment);

    const audit = db
      .prepare(
        "SELECT user_id AS userId, entity_id AS entityId, details FROM audit_log WHERE action = 'redact'",
      )
      .all() as Array<{ userId: number; entityId: string; details: string }>;
    expect(audit).toHaveLength(1);
    expect(audit[0]?.entityId).toBe(String(id));
    const { reasonId } = JSON.parse(audit[0]?.details ?? '{}');
    expect(db.prepare('SELECT text FROM free_texts WHERE id = ?').pluck().get(reasonId)).toBe(
      'It named a survivor.',
    );
    const everything = db.prepare('SELECT details FROM audit_log').pluck().all().join('\n');
    expect(everything).not.toContain(returnComment);
    expect(db.prepare('SELECT count(*) FROM free_texts WHERE text = ?').pluck().get(returnComment)).toBe(0);
    // Nor do the words linger in the file's free space or its write-ahead log, where a copy of the
    // file, or a backup made from it, would still hold them.
    for (const file of [dbPath, `${dbPath}-wal`])
      if (existsSync(file)) expect(readFileSync(file).includes(returnComment), file).toBe(false);

    const again = await call('admin', 'POST', `/free-texts/${id}/redact`, { reason: 'Twice.' });
    expect(again.status).toBe(409);
    expect((await json(again)).error.code).toBe('already-removed');
  });

  test('a removed explanation shows as removed in the history, and its warning asks again on the form', async ({
    call,
    db,
  }) => {
    await call('river', 'PUT', '/submissions/RIVER/2026Q4/values', { values: { trainings_delivered: 2 } });
    const words = 'The sign-in sheets are still being counted.';
    const submitted = await call('river', 'POST', '/submissions/RIVER/2026Q4/submit', {
      explanations: { trainings_have_trainees: words },
    });
    expect(submitted.status).toBe(200);
    let revisions = (await json(await call('admin', 'GET', '/submissions/RIVER/2026Q4/revisions'))).revisions;
    const id = revisions[0].explanationIds.trainings_have_trainees;
    expect(revisions[0].explanations.trainings_have_trainees).toBe(words);

    expect((await call('admin', 'POST', `/free-texts/${id}/redact`, { reason: 'Not needed.' })).status).toBe(
      200,
    );
    revisions = (await json(await call('river', 'GET', '/submissions/RIVER/2026Q4/revisions'))).revisions;
    expect(revisions[0].explanations.trainings_have_trainees).toMatch(/^\[removed by an administrator/);
    const detail = await call('river', 'GET', '/submissions/RIVER/2026Q4');
    const text = await detail.clone().text();
    expect(text).not.toContain(words);
    expect((await json(detail)).explanations).toEqual({});
    expect(db.prepare('SELECT explanation_ids FROM submission_revisions').pluck().all()).toContain(
      JSON.stringify({ trainings_have_trainees: id }),
    );
  });

  test('a removed draft explanation is kept as removed, so the audit log’s record of it still resolves', async ({
    call,
    db,
  }) => {
    const save = (explanations: Record<string, string>) =>
      call('river', 'PUT', '/submissions/RIVER/2026Q4/values', { values: {}, explanations });
    await save({ trainings_have_trainees: 'Sheets are late.' });
    const id = db.prepare('SELECT id FROM free_texts WHERE text = ?').pluck().get('Sheets are late.');
    expect((await call('admin', 'POST', `/free-texts/${id}/redact`, { reason: 'A test.' })).status).toBe(200);
    const detail = await json(await save({ 'outlier.survivors_served': 'A new program.' }));
    expect(detail.explanations).toEqual({ 'outlier.survivors_served': 'A new program.' });
    expect(
      db.prepare('SELECT text, redacted_at IS NOT NULL AS removed FROM free_texts WHERE id = ?').get(id),
    ).toEqual({
      text: '',
      removed: 1,
    });
  });

  test.for<Who>(['river', 'hills', 'viewer'])(
    'is refused to %s, and nothing changes',
    async (who, { call, db }) => {
      const before = databaseDigest(db);
      const response = await call(who, 'POST', `/free-texts/${commentIdOf(db)}/redact`, {
        reason: 'Trying.',
      });
      expect(response.status).toBe(403);
      expect((await json(response)).error.code).toBe('forbidden');
      expect(databaseDigest(db)).toBe(before);
    },
  );

  test('needs a reason, and a text that exists', async ({ call, db }) => {
    const before = databaseDigest(db);
    const noReason = await call('admin', 'POST', `/free-texts/${commentIdOf(db)}/redact`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect((await json(noReason)).error.message).toMatch(/Say why the text is being removed/);
    const missing = await call('admin', 'POST', '/free-texts/99999/redact', { reason: 'Gone.' });
    expect(missing.status).toBe(404);
    expect(databaseDigest(db)).toBe(before);
  });
});

describe('the migration to kept texts', () => {
  testBase('moves explanations and comments out of drafts, revisions, reviews and the audit log', () => {
    const db = openDatabase(':memory:');
    migrate(
      db,
      readMigrations().filter((m) => m.version < 8),
    );
    try {
      const { agencies, users } = seedSmallCoalition(db);
      const catalog = db.prepare('SELECT id FROM catalog_versions').pluck().get();
      db.prepare(
        "INSERT INTO reporting_periods (id, code, year, quarter, start_date, end_date, deadline) VALUES (1, '2026Q2', 2026, 2, '2026-04-01', '2026-06-30', '2026-07-30')",
      ).run();
      const explanation = 'A new program started.';
      db.prepare(
        `INSERT INTO submissions (id, agency_id, period_id, catalog_version_id, status, latest_revision, draft_explanations, updated_at, updated_by)
         VALUES (1, ?, 1, ?, 'returned', 1, ?, '2026-07-03T00:00:00.000Z', ?)`,
      ).run(
        agencies.river,
        catalog,
        JSON.stringify({ trainings_have_trainees: explanation }),
        users.riverReporter,
      );
      db.prepare(
        `INSERT INTO submission_revisions (submission_id, revision, submitted_at, submitted_by, late, explanations)
         VALUES (1, 1, '2026-07-02T00:00:00.000Z', ?, 0, ?)`,
      ).run(users.riverReporter, JSON.stringify({ trainings_have_trainees: explanation }));
      db.prepare(
        `INSERT INTO submission_reviews (submission_id, revision, action, comment, reviewed_by, reviewed_at)
         VALUES (1, 1, 'return', ?, ?, '2026-07-04T00:00:00.000Z')`,
      ).run(returnComment, users.admin);
      db.prepare(
        `INSERT INTO audit_log (at, user_id, action, entity_type, entity_id, details)
         VALUES ('2026-07-04T00:00:00.000Z', ?, 'return', 'submission', '1', ?)`,
      ).run(
        users.admin,
        JSON.stringify({ agency: 'RIVER', period: '2026Q2', revision: 1, comment: returnComment }),
      );

      migrate(db);

      const texts = db
        .prepare(
          'SELECT id, text, created_at AS createdAt, created_by AS createdBy FROM free_texts ORDER BY id',
        )
        .all();
      expect(texts).toEqual([
        { id: 1, text: explanation, createdAt: '2026-07-02T00:00:00.000Z', createdBy: users.riverReporter },
        { id: 2, text: returnComment, createdAt: '2026-07-04T00:00:00.000Z', createdBy: users.admin },
      ]);
      expect(db.prepare('SELECT draft_explanation_ids FROM submissions').pluck().get()).toBe(
        JSON.stringify({ trainings_have_trainees: 1 }),
      );
      expect(listRevisions(db, 1)).toEqual([
        expect.objectContaining({
          explanations: { trainings_have_trainees: explanation },
          explanationIds: { trainings_have_trainees: 1 },
          reviews: [expect.objectContaining({ action: 'return', comment: returnComment, commentId: 2 })],
        }),
      ]);
      expect(JSON.parse(db.prepare('SELECT details FROM audit_log').pluck().get() as string)).toEqual({
        agency: 'RIVER',
        period: '2026Q2',
        revision: 1,
        commentId: 2,
      });
      expect(() => db.prepare("UPDATE audit_log SET details = '{}'").run()).toThrow(/append-only/);
      expect(() => db.prepare('UPDATE submission_revisions SET late = 1').run()).toThrow(/cannot be changed/);
    } finally {
      db.close();
    }
  });
});

/**
 * A reporter's reply to a return, and starting an empty report from the previous quarter's figures:
 * who may, what is kept, and that a refusal changes nothing.
 */
import { describe, expect } from 'vitest';
import type { Db } from '../db';
import { readDefaultCatalog } from '../queries/catalog';
import { apiTest, consistentQuarter, databaseDigest, ensurePeriod } from '../testing';

const catalog = readDefaultCatalog();
const figures = consistentQuarter(catalog, 'victim_services');

type Who = 'admin' | 'viewer' | 'river' | 'hills' | 'token' | 'anonymous';
const everyone: Who[] = ['admin', 'viewer', 'river', 'hills', 'token', 'anonymous'];

/**
 * Three quarters of history (RIVER's 2026Q3 returned with a comment, RIVER's 2026Q4 an empty draft)
 * and a request to /api as someone: a person signed in, RIVER's API token, or no one.
 */
const test = apiTest.override({ seed: 'history' }).extend('call', async ({ app, signIn }) => {
  const cookies: Record<string, string> = {};
  for (const who of ['admin', 'viewer', 'river', 'hills'] as const)
    cookies[who] = await signIn(`${who}@test.example`);
  const made = await app.request('/api/agencies/RIVER/tokens', {
    method: 'POST',
    headers: { Cookie: cookies.river as string, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Case management export' }),
  });
  const { secret } = ((await made.json()) as { token: { secret: string } }).token;
  // A token's first use records when it was used; at the tests' fixed time, later uses change nothing.
  await app.request('/api/submissions/RIVER/2026Q4', { headers: { Authorization: `Bearer ${secret}` } });
  return (who: Who, method: string, path: string, body?: unknown) =>
    app.request(`/api${path}`, {
      method,
      headers: {
        ...(who === 'token'
          ? { Authorization: `Bearer ${secret}` }
          : who === 'anonymous'
            ? {}
            : { Cookie: cookies[who] as string }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
});
// biome-ignore lint/suspicious/noExplicitAny: the tests read response bodies of several shapes.
const json = async (response: Response) => (await response.json()) as Record<string, any>;

const reply = 'Fixed the county breakdown: two survivors were counted in both counties.';

/** A submission's row as stored, by agency and quarter. */
const submissionRow = (db: Db, agency: string, period: string) =>
  db
    .prepare(
      `SELECT s.id, s.status, s.draft_reply_id AS draftReplyId, s.copied_from_period AS copiedFromPeriod,
              s.draft_explanation_ids AS draftExplanationIds
       FROM submissions s JOIN org_units a ON a.id = s.agency_id JOIN reporting_periods p ON p.id = s.period_id
       WHERE a.code = ? AND p.code = ?`,
    )
    .get(agency, period) as {
    id: number;
    status: string;
    draftReplyId: number | null;
    copiedFromPeriod: string | null;
    draftExplanationIds: string;
  };

const auditActions = (db: Db) =>
  db
    .prepare("SELECT action, details FROM audit_log WHERE entity_type = 'submission' ORDER BY id")
    .all() as Array<{
    action: string;
    details: string;
  }>;

describe('a reply to a return', () => {
  test('is saved with the draft, kept with the revision at submit, and read by the admin under the return', async ({
    call,
    db,
  }) => {
    let response = await call('river', 'PUT', '/submissions/RIVER/2026Q3/values', { values: figures, reply });
    expect(response.status).toBe(200);
    let body = await json(response);
    expect(body).toMatchObject({ status: 'returned', reply, permissions: { reply: true } });
    const replyId = submissionRow(db, 'RIVER', '2026Q3').draftReplyId;
    expect(db.prepare('SELECT text FROM free_texts WHERE id = ?').pluck().get(replyId)).toBe(reply);
    expect(auditActions(db).at(-1)).toMatchObject({ action: 'save-draft' });
    expect(JSON.parse(auditActions(db).at(-1)?.details ?? '{}')).toMatchObject({ reply: true });

    response = await call('river', 'POST', '/submissions/RIVER/2026Q3/submit', {});
    expect(response.status).toBe(200);
    body = await json(response);
    expect(body).toMatchObject({ status: 'submitted', revision: 2, reply: null });
    expect(submissionRow(db, 'RIVER', '2026Q3').draftReplyId).toBeNull();
    expect(
      db
        .prepare(
          `SELECT r.reply_id FROM submission_revisions r JOIN submissions s ON s.id = r.submission_id
           WHERE s.id = ? AND r.revision = 2`,
        )
        .pluck()
        .get(submissionRow(db, 'RIVER', '2026Q3').id),
    ).toBe(replyId);

    response = await call('admin', 'GET', '/submissions/RIVER/2026Q3/revisions');
    const { revisions } = await json(response);
    expect(revisions[0]).toMatchObject({ revision: 2, reply: { text: reply, textId: replyId, by: 'river' } });
    expect(revisions[1]).toMatchObject({
      revision: 1,
      reply: null,
      reviews: [{ action: 'return', comment: 'Please check the county breakdown.' }],
    });
  });

  test('rewording keeps only the latest words, and an empty reply removes it', async ({ call, db }) => {
    await call('river', 'PUT', '/submissions/RIVER/2026Q3/values', { values: {}, reply: 'First words.' });
    await call('river', 'PUT', '/submissions/RIVER/2026Q3/values', { values: {}, reply });
    const texts = () => db.prepare('SELECT text FROM free_texts').pluck().all();
    expect(texts()).toContain(reply);
    expect(texts()).not.toContain('First words.');

    const response = await call('river', 'PUT', '/submissions/RIVER/2026Q3/values', {
      values: {},
      reply: '  ',
    });
    expect((await json(response)).reply).toBeNull();
    expect(submissionRow(db, 'RIVER', '2026Q3').draftReplyId).toBeNull();
    expect(texts()).not.toContain(reply);
  });

  test('with personal data, or too long, is refused without repeating it, and nothing changes', async ({
    call,
    db,
  }) => {
    const before = databaseDigest(db);
    let response = await call('river', 'PUT', '/submissions/RIVER/2026Q3/values', {
      values: { survivors_served: 2 },
      reply: 'Maria moved out, call her at 408-555-0199',
    });
    expect(response.status).toBe(400);
    const { error } = await json(response);
    expect(error.code).toBe('personal-data');
    expect(error.details).toEqual([
      { field: 'reply', message: expect.stringMatching(/^Your reply looks like/) },
    ]);
    expect(JSON.stringify(error)).not.toContain('555');

    response = await call('river', 'PUT', '/submissions/RIVER/2026Q3/values', {
      values: {},
      reply: 'x'.repeat(1001),
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error.message).toMatch(/1,000 characters/);
    expect(databaseDigest(db)).toBe(before);
  });

  test('only the agency’s own reporters, as people, reply, and only while it is returned', async ({
    call,
    db,
  }) => {
    const expected: Record<Who, [number, string]> = {
      admin: [403, 'forbidden'],
      viewer: [404, 'not-found'],
      river: [200, ''],
      hills: [404, 'not-found'],
      token: [403, 'forbidden'],
      anonymous: [401, 'not-signed-in'],
    };
    const before = databaseDigest(db);
    for (const who of everyone.filter((w) => w !== 'river')) {
      const response = await call(who, 'PUT', '/submissions/RIVER/2026Q3/values', { values: {}, reply });
      expect([who, response.status]).toEqual([who, expected[who][0]]);
      expect((await json(response)).error.code).toBe(expected[who][1]);
      expect(databaseDigest(db)).toBe(before);
    }
    // RIVER's 2026Q4 is a draft nobody returned: there is nothing to reply to.
    const response = await call('river', 'PUT', '/submissions/RIVER/2026Q4/values', {
      values: { trainings_delivered: 1 },
      reply,
    });
    expect(response.status).toBe(409);
    expect((await json(response)).error.code).toBe('not-returned');
    expect(databaseDigest(db)).toBe(before);
    // The same token may still save counts: only the reply is a person's.
    expect((await call('token', 'PUT', '/submissions/RIVER/2026Q3/values', { values: figures })).status).toBe(
      200,
    );
  });

  test('an admin removing it blanks it in the history for everyone', async ({ call, db }) => {
    await call('river', 'PUT', '/submissions/RIVER/2026Q3/values', { values: figures, reply });
    await call('river', 'POST', '/submissions/RIVER/2026Q3/submit', {});
    const { revisions } = await json(await call('admin', 'GET', '/submissions/RIVER/2026Q3/revisions'));
    const textId = revisions[0].reply.textId;
    const response = await call('admin', 'POST', `/free-texts/${textId}/redact`, {
      reason: 'It named a person.',
    });
    expect(response.status).toBe(200);
    for (const who of ['admin', 'river'] as const) {
      const after = await json(await call(who, 'GET', '/submissions/RIVER/2026Q3/revisions'));
      expect(after.revisions[0].reply.text).toMatch(/^\[removed by an administrator on \d{4}-\d{2}-\d{2}\]$/);
    }
    expect(db.prepare('SELECT text FROM free_texts WHERE id = ?').pluck().get(textId)).toBe('');
  });
});

/** The values of a revision, or of a draft, as (element, option combination, value), in one order. */
const revisionCells = (db: Db, submissionId: number, revision: number) =>
  db
    .prepare(
      `SELECT v.element_id, v.coc_id, v.value FROM revision_values v
       JOIN submission_revisions r ON r.id = v.revision_id WHERE r.submission_id = ? AND r.revision = ?
       ORDER BY 1, 2`,
    )
    .raw()
    .all(submissionId, revision) as number[][];
const draftCells = (db: Db, submissionId: number) =>
  db
    .prepare('SELECT element_id, coc_id, value FROM data_values WHERE submission_id = ? ORDER BY 1, 2')
    .raw()
    .all(submissionId) as number[][];

describe('starting from the previous quarter’s figures', () => {
  test('copies exactly the previous quarter’s latest revision into the empty draft, marked, leaving out what the form has no box for', async ({
    approve,
    call,
    db,
  }) => {
    // RIVER's 2026Q3, corrected and approved; it also holds a law-enforcement count River Street's form has no box for.
    const previous = approve('river', '2026Q3', { ...figures, investigations_opened: 4 });
    expect((await json(await call('river', 'GET', '/submissions/RIVER/2026Q4'))).copyFrom).toBe('2026Q3');

    const response = await call('river', 'POST', '/submissions/RIVER/2026Q4/copy-previous');
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.copied).toEqual({
      from: '2026Q3',
      cells: Object.keys(figures).length,
      leftOut: [{ cell: 'investigations_opened', label: 'Investigations opened' }],
    });
    expect(body.submission).toMatchObject({ status: 'draft', copiedFromPeriod: '2026Q3', copyFrom: null });
    expect(body.submission.values).toEqual(figures);

    const draft = submissionRow(db, 'RIVER', '2026Q4');
    const investigations = db
      .prepare("SELECT id FROM data_elements WHERE code = 'investigations_opened'")
      .pluck()
      .all() as number[];
    expect(draftCells(db, draft.id)).toEqual(
      revisionCells(db, previous, 2).filter(([element]) => !investigations.includes(element as number)),
    );
    expect(draft).toMatchObject({ copiedFromPeriod: '2026Q3', draftExplanationIds: '{}' });
    const audit = auditActions(db).at(-1);
    expect(audit?.action).toBe('copy-previous');
    expect(JSON.parse(audit?.details ?? '{}')).toMatchObject({
      agency: 'RIVER',
      period: '2026Q4',
      from: '2026Q3',
      revision: 2,
      leftOut: 1,
    });
  });

  test('is refused over figures already entered, with nothing to copy, and when the quarter is not open; nothing changes', async ({
    approve,
    call,
    db,
  }) => {
    approve('river', '2026Q3', figures);
    await call('river', 'PUT', '/submissions/RIVER/2026Q4/values', { values: { trainings_delivered: 1 } });
    // HILLS's 2026Q3 was submitted without counts; its 2026Q1 is closed for entry.
    ensurePeriod(db, '2026Q1');
    const before = databaseDigest(db);
    for (const [who, path, status, code] of [
      ['river', '/submissions/RIVER/2026Q4/copy-previous', 409, 'report-not-empty'],
      ['river', '/submissions/RIVER/2026Q3/copy-previous', 409, 'submission-locked'],
      ['hills', '/submissions/HILLS/2026Q4/copy-previous', 409, 'nothing-to-copy'],
      ['hills', '/submissions/HILLS/2026Q1/copy-previous', 403, 'period-closed'],
    ] as const) {
      const response = await call(who, 'POST', path);
      expect([path, response.status, (await json(response)).error.code]).toEqual([path, status, code]);
    }
    expect(databaseDigest(db)).toBe(before);
  });

  test('only the agency’s own reporters, as people, may copy', async ({ approve, call, db }) => {
    approve('river', '2026Q3', figures);
    const expected: Record<Who, [number, string]> = {
      admin: [403, 'forbidden'],
      viewer: [404, 'not-found'],
      river: [200, ''],
      hills: [404, 'not-found'],
      token: [403, 'forbidden'],
      anonymous: [401, 'not-signed-in'],
    };
    const before = databaseDigest(db);
    for (const who of everyone.filter((w) => w !== 'river')) {
      const response = await call(who, 'POST', '/submissions/RIVER/2026Q4/copy-previous');
      expect([who, response.status, (await json(response)).error.code]).toEqual([who, ...expected[who]]);
      expect(databaseDigest(db)).toBe(before);
    }
    // The token's reporter sees no offer through it either.
    expect((await json(await call('token', 'GET', '/submissions/RIVER/2026Q4'))).copyFrom).toBeNull();
  });

  test('a copied draft is submitted only once the reporter says every figure is checked, which clears the mark', async ({
    approve,
    call,
    db,
  }) => {
    approve('river', '2026Q3', figures);
    await call('river', 'POST', '/submissions/RIVER/2026Q4/copy-previous');
    const before = databaseDigest(db);
    for (const body of [{}, { checkedCopied: false }]) {
      const response = await call('river', 'POST', '/submissions/RIVER/2026Q4/submit', body);
      expect(response.status).toBe(400);
      const { error } = await json(response);
      expect(error.code).toBe('copied-figures-unchecked');
      expect(error.message).toMatch(/copied from 2026Q3.*I have checked every figure/);
    }
    expect(databaseDigest(db)).toBe(before);

    const response = await call('river', 'POST', '/submissions/RIVER/2026Q4/submit', { checkedCopied: true });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ status: 'submitted', copiedFromPeriod: null });
    expect(submissionRow(db, 'RIVER', '2026Q4').copiedFromPeriod).toBeNull();
    expect(JSON.parse(auditActions(db).at(-1)?.details ?? '{}')).toMatchObject({ copiedFrom: '2026Q3' });
  });
});

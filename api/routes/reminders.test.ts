import { afterEach, describe, expect } from 'vitest';
import { hashPassword } from '../auth/password';
import type { Db } from '../db';
import { insertUser } from '../queries/users';
import { closeMailTransports } from '../services/mail';
import { apiTest, createTestApp, databaseDigest, type TestApp, testConfig, testPassword } from '../testing';
import { startTestMailServer, type TestMailServer } from '../testMail';

/**
 * Reminders to agencies missing a quarter's report. The tests' day is 10 January 2027, with three
 * quarters of history: 2026Q2 approved for both agencies; 2026Q3 returned to RIVER and submitted by
 * HILLS; 2026Q4 (due January 30, 2027) a draft at RIVER and not started at HILLS.
 */
const test = apiTest.override({ seed: 'history' });

afterEach(() => closeMailTransports());

// biome-ignore lint/suspicious/noExplicitAny: the tests read response bodies of several shapes.
const json = async (response: Response) => (await response.json()) as Record<string, any>;

const publicUrl = 'https://scope.example.org';

function request(app: TestApp, method: string, path: string, headers: Record<string, string>, body?: object) {
  return app.request(`/api/completeness${path}`, {
    method,
    headers: { ...headers, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

const reminderRows = (db: Db) =>
  db
    .prepare(
      `SELECT r.period_code AS period, a.code AS agency, r.channel, r.recipients, u.email AS sentBy
       FROM reminders r JOIN org_units a ON a.id = r.agency_id JOIN users u ON u.id = r.sent_by ORDER BY r.id`,
    )
    .all();

const reminderAudit = (db: Db) =>
  (
    db
      .prepare(
        "SELECT action, entity_id AS period, details FROM audit_log WHERE action LIKE '%-reminders' ORDER BY id",
      )
      .all() as Array<{ action: string; period: string; details: string }>
  ).map((row) => ({ ...row, details: JSON.parse(row.details) }));

const routes = [
  ['GET', '/reminders?period=2026Q4', undefined],
  ['POST', '/reminders', { period: '2026Q4', agencies: ['RIVER', 'HILLS'] }],
  ['POST', '/reminders/copied', { period: '2026Q4', agencies: ['RIVER'] }],
] as const;

describe('who may remind agencies', () => {
  test.for(routes)('%s %s: only an admin, as a person', async ([method, path, body], { app, db, signIn }) => {
    const { token } = await json(
      await app.request('/api/agencies/RIVER/tokens', {
        method: 'POST',
        headers: { Cookie: await signIn('river@test.example'), 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Case system' }),
      }),
    );
    // A token's first use records when it was used; the same moment again changes nothing.
    await app.request('/api/me', { headers: { Authorization: `Bearer ${token.secret}` } });
    const callers: Array<[string, Record<string, string>, number]> = [
      ['anonymous', {}, 401],
      ['reporter', { Cookie: await signIn('river@test.example') }, 403],
      ['viewer', { Cookie: await signIn('viewer@test.example') }, 403],
      ['API token', { Authorization: `Bearer ${token.secret}` }, 403],
    ];
    for (const [who, headers, status] of callers) {
      const digest = databaseDigest(db);
      const response = await request(app, method, path, headers, body);
      expect(response.status, who).toBe(status);
      // Signing in writes a session, so each refusal is compared with the moment just before it.
      expect(databaseDigest(db), who).toBe(digest);
    }
    const admin = await request(app, method, path, { Cookie: await signIn('admin@test.example') }, body);
    expect(admin.status).toBe(200);
  });
});

describe('the agencies missing a quarter', () => {
  const missing = async (app: TestApp, cookie: string, period: string) =>
    (await json(await request(app, 'GET', `/reminders?period=${period}`, { Cookie: cookie }))).agencies.map(
      (a: { code: string; status: string }) => [a.code, a.status],
    );

  test('returned ones are missing; submitted and approved ones are not', async ({ app, signIn }) => {
    const cookie = await signIn('admin@test.example');
    expect(await missing(app, cookie, '2026Q2')).toEqual([]);
    expect(await missing(app, cookie, '2026Q3')).toEqual([['RIVER', 'returned']]);
    expect(await missing(app, cookie, '2026Q4')).toEqual([
      ['HILLS', 'not_started'],
      ['RIVER', 'draft'],
    ]);
  });

  test('an inactive agency, or one that joined later, is not expected', async ({ app, db, signIn }) => {
    const cookie = await signIn('admin@test.example');
    db.prepare("UPDATE org_units SET active = 0 WHERE code = 'HILLS'").run();
    expect(await missing(app, cookie, '2026Q4')).toEqual([['RIVER', 'draft']]);
    db.prepare("UPDATE org_units SET active = 1 WHERE code = 'HILLS'").run();
    db.prepare("UPDATE org_units SET first_period = '2027Q1' WHERE code = 'HILLS'").run();
    expect(await missing(app, cookie, '2026Q4')).toEqual([['RIVER', 'draft']]);
    db.prepare("UPDATE org_units SET first_period = '2026Q4' WHERE code = 'HILLS'").run();
    expect(await missing(app, cookie, '2026Q4')).toEqual([
      ['HILLS', 'not_started'],
      ['RIVER', 'draft'],
    ]);
  });

  test('says whom a reminder reaches, and shows each reminder', async ({ app, signIn }) => {
    const answer = await json(
      await request(app, 'GET', '/reminders?period=2026Q3', { Cookie: await signIn('admin@test.example') }),
    );
    expect(answer.mailConfigured).toBe(false);
    expect(answer.period).toEqual({ code: '2026Q3', deadline: '2026-10-30', pastDeadline: true });
    const [river] = answer.agencies;
    expect(river).toMatchObject({
      name: 'River Street Advocates',
      reporters: [{ name: 'river', email: 'river@test.example' }],
      lastReminded: null,
      inviteUrl: null,
    });
    expect(river.text).toContain(
      "Subject: River Street Advocates' 2026Q3 report for the coalition was returned",
    );
    expect(river.text).toContain('Your 2026Q3 report was returned for correction.');
    expect(river.text).toMatch(/http:\/\/localhost:\d+\/report\/RIVER\/2026Q3 /);
    expect(answer.textForAll).not.toContain('River Street');
  });

  test('an unknown quarter is not found', async ({ app, signIn }) => {
    const response = await request(app, 'GET', '/reminders?period=2030Q1', {
      Cookie: await signIn('admin@test.example'),
    });
    expect(response.status).toBe(404);
  });
});

describe('reminders by mail', () => {
  const mailTest = test.extend<{ mail: { server: TestMailServer; app: TestApp } }>({
    mail: async ({ db }, use) => {
      const server = await startTestMailServer();
      const app = createTestApp(
        db,
        testConfig({
          SCOPE_SMTP_URL: server.url,
          SCOPE_PUBLIC_URL: publicUrl,
          SCOPE_MAIL_FROM: 'no-reply@scope.example.org',
        }),
      );
      await use({ server, app });
      await server.close();
    },
  });

  mailTest(
    "each agency's reporters receive one reminder with their form's link, and it is recorded",
    async ({ db, mail, coalition, signIn }) => {
      insertUser(db, {
        email: 'river2@test.example',
        name: 'Second River',
        passwordHash: hashPassword(testPassword),
        role: 'reporter',
        agencyId: coalition.agencies.river,
      });
      const cookie = await signIn('admin@test.example', mail.app);
      const response = await request(
        mail.app,
        'POST',
        '/reminders',
        { Cookie: cookie },
        {
          period: '2026Q4',
          agencies: ['RIVER', 'HILLS'],
          note: 'We publish the quarter on February 15.',
        },
      );
      expect(response.status).toBe(200);
      const answer = await json(response);
      expect(answer.mailProblem).toBeNull();
      expect(
        answer.results.map((r: { code: string; outcome: string; recipients: number }) => [
          r.code,
          r.outcome,
          r.recipients,
        ]),
      ).toEqual([
        ['RIVER', 'sent', 2],
        ['HILLS', 'sent', 1],
      ]);
      const received = await mail.server.waitFor(2);
      const river = received.find((m) => m.to.includes('river@test.example'));
      const hills = received.find((m) => m.to.includes('hills@test.example'));
      expect(river?.to.sort()).toEqual(['river2@test.example', 'river@test.example']);
      expect(river?.text).toContain(`${publicUrl}/report/RIVER/2026Q4`);
      expect(river?.text).toContain('quarterly counts for 2026Q4 (October to December 2026)');
      expect(river?.text).toContain('due by the end of January 30, 2027, Pacific Time (in 20 days)');
      expect(river?.text).toContain('Your 2026Q4 report has a draft saved');
      expect(river?.text).toContain('We publish the quarter on February 15.');
      expect(river?.raw).toMatch(/^Reply-To: admin@test\.example/im);
      expect(hills?.to).toEqual(['hills@test.example']);
      expect(hills?.text).toContain(`${publicUrl}/report/HILLS/2026Q4`);
      expect(hills?.text).not.toContain('RIVER');

      expect(reminderRows(db)).toEqual([
        { period: '2026Q4', agency: 'RIVER', channel: 'mail', recipients: 2, sentBy: 'admin@test.example' },
        { period: '2026Q4', agency: 'HILLS', channel: 'mail', recipients: 1, sentBy: 'admin@test.example' },
      ]);
      const audit = reminderAudit(db);
      expect(audit).toEqual([
        {
          action: 'send-reminders',
          period: '2026Q4',
          details: {
            period: '2026Q4',
            channel: 'mail',
            agencies: [
              { code: 'RIVER', recipients: 2 },
              { code: 'HILLS', recipients: 1 },
            ],
            withNote: true,
          },
        },
      ]);
      // Neither the note nor an address is kept in the append-only log.
      expect(JSON.stringify(audit)).not.toMatch(/February|@/);

      const overview = await json(
        await request(mail.app, 'GET', '/reminders?period=2026Q4', { Cookie: cookie }),
      );
      expect(overview.mailConfigured).toBe(true);
      expect(overview.agencies.map((a: { lastReminded: unknown }) => a.lastReminded)).toEqual([
        { at: '2027-01-10T17:00:00.000Z', channel: 'mail' },
        { at: '2027-01-10T17:00:00.000Z', channel: 'mail' },
      ]);
    },
  );

  mailTest(
    'a note with personal data is refused, and nothing is sent or recorded',
    async ({ db, mail, signIn }) => {
      const cookie = await signIn('admin@test.example', mail.app);
      const before = databaseDigest(db);
      const response = await request(
        mail.app,
        'POST',
        '/reminders',
        { Cookie: cookie },
        {
          period: '2026Q4',
          agencies: ['RIVER'],
          note: 'Please add the client Maria Lopez, born 03/14/2009, to your counts.',
        },
      );
      expect(response.status).toBe(400);
      const { error } = await json(response);
      expect(error.code).toBe('personal-data');
      expect(error.message).not.toContain('Maria');
      expect(databaseDigest(db)).toBe(before);
      expect(mail.server.received).toEqual([]);
    },
  );

  mailTest('an agency with no reporter is said to have no one to send to', async ({ db, mail, signIn }) => {
    db.prepare("UPDATE users SET active = 0 WHERE email = 'hills@test.example'").run();
    const cookie = await signIn('admin@test.example', mail.app);
    const overview = await json(
      await request(mail.app, 'GET', '/reminders?period=2026Q4', { Cookie: cookie }),
    );
    expect(overview.agencies[0]).toMatchObject({
      code: 'HILLS',
      reporters: [],
      inviteUrl: '/people?agency=HILLS',
    });
    const answer = await json(
      await request(
        mail.app,
        'POST',
        '/reminders',
        { Cookie: cookie },
        { period: '2026Q4', agencies: ['HILLS', 'RIVER'] },
      ),
    );
    expect(answer.results[0]).toMatchObject({
      code: 'HILLS',
      outcome: 'no-reporter',
      message: 'No one to send to: invite a reporter for this agency.',
      inviteUrl: '/people?agency=HILLS',
    });
    expect(answer.results[1]).toMatchObject({ code: 'RIVER', outcome: 'sent' });
    await mail.server.waitFor(1);
    expect(mail.server.received.map((m) => m.to)).toEqual([['river@test.example']]);
    expect(reminderRows(db)).toMatchObject([{ agency: 'RIVER', channel: 'mail' }]);
  });

  mailTest('an agency whose report arrived meanwhile is not reminded', async ({ db, mail, signIn }) => {
    const cookie = await signIn('admin@test.example', mail.app);
    const answer = await json(
      await request(
        mail.app,
        'POST',
        '/reminders',
        { Cookie: cookie },
        { period: '2026Q3', agencies: ['HILLS'] },
      ),
    );
    expect(answer.results).toMatchObject([{ code: 'HILLS', outcome: 'not-missing' }]);
    expect(mail.server.received).toEqual([]);
    expect(reminderRows(db)).toEqual([]);
  });

  mailTest(
    'a mail server that fails: the reminders come back to copy, and nothing is recorded',
    async ({ db, mail, signIn }) => {
      const cookie = await signIn('admin@test.example', mail.app);
      await mail.server.close();
      const before = databaseDigest(db);
      const answer = await json(
        await request(
          mail.app,
          'POST',
          '/reminders',
          { Cookie: cookie },
          { period: '2026Q4', agencies: ['RIVER', 'HILLS'] },
        ),
      );
      expect(answer.mailProblem).toMatch(/^The mail server didn’t take the message/);
      expect(answer.results.map((r: { outcome: string }) => r.outcome)).toEqual(['copy', 'copy']);
      expect(answer.results[0].text).toContain(`${publicUrl}/report/RIVER/2026Q4`);
      expect(databaseDigest(db)).toBe(before);
    },
  );
});

describe('reminders without mail', () => {
  test('nothing is pretended: the texts come back to copy, and only a copy is recorded', async ({
    app,
    db,
    signIn,
  }) => {
    const cookie = await signIn('admin@test.example');
    const before = databaseDigest(db);
    const answer = await json(
      await request(app, 'POST', '/reminders', { Cookie: cookie }, { period: '2026Q3', agencies: ['RIVER'] }),
    );
    expect(answer.mailProblem).toContain('Mail is not set up for Scope, so nothing was sent.');
    expect(answer.results).toMatchObject([
      {
        code: 'RIVER',
        outcome: 'copy',
        recipients: 0,
        message: 'Not sent. Copy the reminder and send it to river@test.example.',
      },
    ]);
    expect(answer.results[0].text).toContain('returned for correction');
    expect(databaseDigest(db)).toBe(before);

    const copied = await request(
      app,
      'POST',
      '/reminders/copied',
      { Cookie: cookie },
      {
        period: '2026Q3',
        agencies: ['RIVER'],
      },
    );
    expect(copied.status).toBe(200);
    expect(reminderRows(db)).toEqual([
      { period: '2026Q3', agency: 'RIVER', channel: 'copy', recipients: 0, sentBy: 'admin@test.example' },
    ]);
    expect(reminderAudit(db)).toEqual([
      {
        action: 'copy-reminders',
        period: '2026Q3',
        details: { period: '2026Q3', channel: 'copy', agencies: ['RIVER'] },
      },
    ]);
    const overview = await json(await request(app, 'GET', '/reminders?period=2026Q3', { Cookie: cookie }));
    expect(overview.agencies[0].lastReminded).toEqual({ at: '2027-01-10T17:00:00.000Z', channel: 'copy' });
  });

  test.for([
    ['an unknown agency', { period: '2026Q4', agencies: ['NOSUCH'] }, 'unknown-agency'],
    ['no agency at all', { period: '2026Q4', agencies: [] }, 'invalid-request'],
  ] as const)('%s is refused and changes nothing', async ([_, body, code], { app, db, signIn }) => {
    const cookie = await signIn('admin@test.example');
    for (const path of ['/reminders', '/reminders/copied']) {
      const before = databaseDigest(db);
      const response = await request(app, 'POST', path, { Cookie: cookie }, body);
      expect(response.status).toBe(400);
      expect((await json(response)).error.code).toBe(code);
      expect(databaseDigest(db)).toBe(before);
    }
  });
});

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect } from 'vitest';
import type { AgencyType } from '../domain/agencyTypes';
import { readDefaultCatalog } from '../queries/catalog';
import { getFreeText } from '../queries/freeTexts';
import { insertReport, insertReportFile, markReportReady } from '../queries/reports';
import { reportsSettled } from '../services/reports/history';
import { closeReportBrowser, pdfPageTexts } from '../services/reports/pdf';
import {
  apiTest,
  createTestApp,
  databaseDigest,
  releaseTimeout,
  survivorsQuarter,
  testConfig,
} from '../testing';

const catalog = readDefaultCatalog();
const survivors = (type: AgencyType, served: number, shared = 0) =>
  survivorsQuarter(catalog, type, served, shared);

type Who = 'anonymous' | 'reporter' | 'viewer' | 'admin';
const everyone: Who[] = ['anonymous', 'reporter', 'viewer', 'admin'];
const emails: Record<Exclude<Who, 'anonymous'>, string> = {
  reporter: 'river@test.example',
  viewer: 'viewer@test.example',
  admin: 'admin@test.example',
};

const purpose = 'Semiannual report to our federal grant officer';
const quarterly = { template: 'quarterly_funder', period: '2026Q2', area: 'coalition' };

/**
 * The small coalition with 2026Q2 approved for both members (55 survivors served), a way to publish
 * it, and a request as anyone: signed in as each role, or nobody.
 */
const test = apiTest
  .extend('approveBoth', ({ approve }) => (period: string, riverServed = 30) => {
    approve('river', period, survivors('victim_services', riverServed, 6));
    approve('hills', period, survivors('health_care', 25, 8));
  })
  .extend('call', async ({ app, signIn }) => {
    const cookies: Partial<Record<Who, string>> = {};
    for (const who of ['reporter', 'viewer', 'admin'] as const) cookies[who] = await signIn(emails[who]);
    return (who: Who, method: string, path: string, body?: unknown) =>
      app.request(`/api${path}`, {
        method,
        headers: {
          ...(cookies[who] ? { Cookie: cookies[who] } : {}),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
  });

afterAll(closeReportBrowser);

// biome-ignore lint/suspicious/noExplicitAny: the tests read response bodies of several shapes.
const json = async (response: Response) => (await response.json()) as Record<string, any>;

const sha256 = (bytes: ArrayBuffer) => createHash('sha256').update(Buffer.from(bytes)).digest('hex');

/** A kept report's PDF as text, downloaded by a viewer. */
async function printed(
  call: (who: Who, method: string, path: string) => Response | Promise<Response>,
  id: number,
): Promise<string> {
  const pdf = await (await call('viewer', 'GET', `/reports/${id}/file/pdf`)).arrayBuffer();
  return (await pdfPageTexts(new Uint8Array(pdf))).join(' ');
}

/** A kept report as the history keeps one, ready with small files: for the permission matrix, no Chromium. */
function keepReadyReport(
  db: Parameters<typeof insertReport>[0],
  kind: 'protected' | 'confidential',
  by: number,
) {
  const purposeId =
    kind === 'confidential'
      ? Number(
          db.prepare('INSERT INTO free_texts (text, created_by) VALUES (?, ?)').run(purpose, by)
            .lastInsertRowid,
        )
      : null;
  const id = insertReport(db, {
    templateCode: 'quarterly_funder',
    templateName: 'Quarterly funder report',
    templateVersion: 1,
    periodCode: '2026Q2',
    areaCode: 'coalition',
    areaName: 'Test Coalition',
    kind,
    request: { ...quarterly, kind },
    narrativeIds: {},
    purposeId,
    createdBy: by,
    createdAt: '2027-01-10T17:00:00.000Z',
    regenerationOf: null,
  });
  for (const format of ['pdf', 'xlsx', 'csv'] as const) {
    const bytes = Buffer.from(`${kind} ${format}`);
    insertReportFile(db, {
      reportId: id,
      format,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      pages: format === 'pdf' ? 1 : null,
    });
  }
  markReportReady(db, {
    id,
    document: JSON.stringify({ sections: [] }),
    catalogVersion: '1',
    audience: kind === 'protected' ? 'coalition' : null,
    pages: 1,
    at: '2027-01-10T17:00:00.000Z',
  });
  return id;
}

describe('who may do what', () => {
  /** Each route with what each caller gets; a refused request changes nothing. */
  const matrix: Array<{
    route: string;
    method: string;
    path: (ids: { open: number; confidential: number }) => string;
    body?: unknown;
    expected: Record<Who, number>;
  }> = [
    {
      route: 'GET /reports/settings',
      method: 'GET',
      path: () => '/reports/settings',
      expected: { anonymous: 401, reporter: 200, viewer: 200, admin: 200 },
    },
    {
      route: 'PUT /reports/settings',
      method: 'PUT',
      path: () => '/reports/settings',
      body: { confidentialReports: false },
      expected: { anonymous: 401, reporter: 403, viewer: 403, admin: 200 },
    },
    {
      route: 'GET /reports/choices',
      method: 'GET',
      path: () => '/reports/choices?template=quarterly_funder',
      expected: { anonymous: 401, reporter: 200, viewer: 200, admin: 200 },
    },
    {
      route: 'GET /reports/drafts',
      method: 'GET',
      path: () => '/reports/drafts?template=quarterly_funder&period=2026Q2&area=coalition',
      expected: { anonymous: 401, reporter: 200, viewer: 200, admin: 200 },
    },
    {
      route: 'PUT /reports/drafts',
      method: 'PUT',
      path: () => '/reports/drafts',
      body: { ...quarterly, texts: {} },
      expected: { anonymous: 401, reporter: 200, viewer: 200, admin: 200 },
    },
    {
      route: 'POST /reports/preview (confidential)',
      method: 'POST',
      path: () => '/reports/preview',
      body: { ...quarterly, kind: 'confidential', purpose },
      expected: { anonymous: 401, reporter: 403, viewer: 403, admin: 200 },
    },
    {
      route: 'POST /reports (confidential)',
      method: 'POST',
      path: () => '/reports',
      body: { ...quarterly, kind: 'confidential', purpose },
      expected: { anonymous: 401, reporter: 403, viewer: 403, admin: 202 },
    },
    {
      route: 'GET /reports',
      method: 'GET',
      path: () => '/reports',
      expected: { anonymous: 401, reporter: 200, viewer: 200, admin: 200 },
    },
    {
      route: 'GET /reports/{id} (protected)',
      method: 'GET',
      path: ({ open }) => `/reports/${open}`,
      expected: { anonymous: 401, reporter: 200, viewer: 200, admin: 200 },
    },
    {
      route: 'GET /reports/{id} (confidential)',
      method: 'GET',
      path: ({ confidential }) => `/reports/${confidential}`,
      expected: { anonymous: 401, reporter: 404, viewer: 404, admin: 200 },
    },
    {
      route: 'GET /reports/{id}/file/pdf (protected)',
      method: 'GET',
      path: ({ open }) => `/reports/${open}/file/pdf`,
      expected: { anonymous: 401, reporter: 200, viewer: 200, admin: 200 },
    },
    {
      route: 'GET /reports/{id}/file/xlsx (confidential)',
      method: 'GET',
      path: ({ confidential }) => `/reports/${confidential}/file/xlsx`,
      expected: { anonymous: 401, reporter: 404, viewer: 404, admin: 200 },
    },
    {
      route: 'GET /reports/{id}/changes (confidential)',
      method: 'GET',
      path: ({ confidential }) => `/reports/${confidential}/changes`,
      expected: { anonymous: 401, reporter: 404, viewer: 404, admin: 409 },
    },
    {
      route: 'POST /reports/{id}/regenerate (confidential)',
      method: 'POST',
      path: ({ confidential }) => `/reports/${confidential}/regenerate`,
      body: { purpose: 'Corrected figures for our federal grant officer' },
      expected: { anonymous: 401, reporter: 404, viewer: 404, admin: 202 },
    },
  ];

  test.for(matrix)(
    '$route',
    { timeout: releaseTimeout },
    async ({ method, path, body, expected }, { approveBoth, call, coalition, db }) => {
      approveBoth('2026Q2');
      const ids = {
        open: keepReadyReport(db, 'protected', coalition.users.viewer),
        confidential: keepReadyReport(db, 'confidential', coalition.users.admin),
      };
      for (const who of everyone) {
        const before = databaseDigest(db);
        const response = await call(who, method, path(ids), body);
        expect({ who, status: response.status }).toEqual({ who, status: expected[who] });
        if (response.status >= 400) expect(databaseDigest(db)).toBe(before);
      }
    },
  );

  test('the history lists confidential reports to admins only', async ({ call, coalition, db }) => {
    const open = keepReadyReport(db, 'protected', coalition.users.viewer);
    const confidential = keepReadyReport(db, 'confidential', coalition.users.admin);
    for (const who of ['reporter', 'viewer'] as const) {
      const { reports } = await json(await call(who, 'GET', '/reports'));
      expect(reports.map((r: { id: number }) => r.id)).toEqual([open]);
    }
    const { reports } = await json(await call('admin', 'GET', '/reports'));
    expect(reports.map((r: { id: number }) => r.id)).toEqual([confidential, open]);
    expect(reports[0]).toMatchObject({ kind: 'confidential', purpose, status: 'ready' });
  });
});

describe('confidential reports', { timeout: releaseTimeout }, () => {
  test('need a purpose line, and are refused while the setting is off', async ({
    approveBoth,
    call,
    coalition,
    db,
  }) => {
    approveBoth('2026Q2');
    const kept = keepReadyReport(db, 'confidential', coalition.users.admin);
    const before = databaseDigest(db);
    for (const path of ['/reports', '/reports/preview']) {
      const without = await call('admin', 'POST', path, { ...quarterly, kind: 'confidential' });
      expect(without.status).toBe(400);
      expect((await json(without)).error.message).toMatch(/purpose/);
      const blank = await call('admin', 'POST', path, { ...quarterly, kind: 'confidential', purpose: '  ' });
      expect(blank.status).toBe(400);
    }
    expect(databaseDigest(db)).toBe(before);

    expect((await call('admin', 'PUT', '/reports/settings', { confidentialReports: false })).status).toBe(
      200,
    );
    expect(await json(await call('viewer', 'GET', '/reports/settings'))).toEqual({
      confidentialReports: false,
    });
    const choices = await json(await call('admin', 'GET', '/reports/choices?template=quarterly_funder'));
    expect(choices.confidential).toEqual({ allowed: false, canMake: true });
    const off = databaseDigest(db);
    for (const path of ['/reports', '/reports/preview']) {
      const refused = await call('admin', 'POST', path, { ...quarterly, kind: 'confidential', purpose });
      expect(refused.status).toBe(403);
      expect((await json(refused)).error.message).toMatch(/switched confidential reports off/);
    }
    expect((await call('admin', 'POST', `/reports/${kept}/regenerate`)).status).toBe(403);
    expect(databaseDigest(db)).toBe(off);
    const change = db
      .prepare(`SELECT user_id AS userId, details FROM audit_log WHERE action = 'change-report-settings'`)
      .all();
    expect(change).toEqual([{ userId: expect.any(Number), details: '{"confidentialReports":false}' }]);
  });

  test('while the setting is off, a kept one is not downloaded, and one waiting its turn fails, saying why', async ({
    approveBoth,
    call,
    coalition,
    db,
    publish,
  }) => {
    approveBoth('2026Q2');
    await publish('2026Q2');
    const kept = keepReadyReport(db, 'confidential', coalition.users.admin);
    // A protected report is made first; the confidential one waits its turn behind it.
    const first = await json(await call('admin', 'POST', '/reports', { ...quarterly, kind: 'protected' }));
    const second = await json(
      await call('admin', 'POST', '/reports', { ...quarterly, kind: 'confidential', purpose }),
    );
    expect((await call('admin', 'PUT', '/reports/settings', { confidentialReports: false })).status).toBe(
      200,
    );
    const download = await call('admin', 'GET', `/reports/${kept}/file/pdf`);
    expect(download.status).toBe(403);
    expect((await json(download)).error.message).toMatch(/switched confidential reports off/);
    await reportsSettled(db);
    expect((await json(await call('admin', 'GET', `/reports/${first.id}`))).status).toBe('ready');
    expect(await json(await call('admin', 'GET', `/reports/${second.id}`))).toMatchObject({
      status: 'failed',
      files: null,
      failure:
        'The coalition switched confidential reports off before this one was made, so it was not made. An admin can switch them on again in the report settings, then make it again.',
    });
    expect(
      db
        .prepare(`SELECT count(*) FROM audit_log WHERE action = 'download-confidential-report'`)
        .pluck()
        .get(),
    ).toBe(0);
  });

  test('every one made, previewed or downloaded is in the audit log with who, what and why', async ({
    approveBoth,
    call,
    coalition,
    db,
  }) => {
    approveBoth('2026Q2');
    const preview = await call('admin', 'POST', '/reports/preview', {
      ...quarterly,
      kind: 'confidential',
      purpose,
    });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await preview.text()).toMatch(/Confidential/);

    const started = await call('admin', 'POST', '/reports', { ...quarterly, kind: 'confidential', purpose });
    expect(started.status).toBe(202);
    const { id } = await json(started);
    await reportsSettled(db);
    const report = await json(await call('admin', 'GET', `/reports/${id}`));
    expect(report).toMatchObject({ status: 'ready', kind: 'confidential', purpose, releases: [] });
    expect((await call('admin', 'GET', `/reports/${id}/file/pdf`)).status).toBe(200);

    const entries = db
      .prepare(
        `SELECT action, user_id AS userId, details FROM audit_log
         WHERE action LIKE '%confidential-report' ORDER BY id`,
      )
      .all() as Array<{ action: string; userId: number; details: string }>;
    expect(entries.map((e) => e.action)).toEqual([
      'preview-confidential-report',
      'make-confidential-report',
      'download-confidential-report',
    ]);
    for (const entry of entries) {
      expect(entry.userId).toBe(coalition.users.admin);
      const details = JSON.parse(entry.details);
      expect(details).toMatchObject({ template: 'quarterly_funder', period: '2026Q2', area: 'coalition' });
      expect(getFreeText(db, details.purposeId)?.text).toBe(purpose);
    }
    const audit = await json(await call('admin', 'GET', '/audit-log?action=make-confidential-report'));
    expect(audit.entries[0].description).toMatch(/^Made a confidential Quarterly funder report for 2026 Q2/);
  });

  test('a regeneration needs the regenerating admin’s own purpose, kept and audited as theirs', async ({
    approveBoth,
    call,
    coalition,
    db,
  }) => {
    approveBoth('2026Q2');
    const kept = keepReadyReport(db, 'confidential', coalition.users.admin);
    const before = databaseDigest(db);
    const without = await call('admin', 'POST', `/reports/${kept}/regenerate`);
    expect(without.status).toBe(400);
    expect((await json(without)).error.message).toMatch(/^Say why this confidential report is needed/);
    expect((await call('admin', 'POST', `/reports/${kept}/regenerate`, {})).status).toBe(400);
    expect(databaseDigest(db)).toBe(before);

    const mine = 'Corrected figures for the county board';
    const again = await call('admin', 'POST', `/reports/${kept}/regenerate`, { purpose: mine });
    expect(again.status).toBe(202);
    const { id } = await json(again);
    await reportsSettled(db);
    expect(await json(await call('admin', 'GET', `/reports/${id}`))).toMatchObject({
      purpose: mine,
      regenerationOf: kept,
    });
    const entry = db
      .prepare(`SELECT details FROM audit_log WHERE action = 'make-confidential-report'`)
      .pluck()
      .get() as string;
    expect(getFreeText(db, JSON.parse(entry).purposeId)?.text).toBe(mine);
  });

  test('a purpose that looks like personal data is refused, naming none of it', async ({
    approveBoth,
    call,
    db,
  }) => {
    approveBoth('2026Q2');
    const before = databaseDigest(db);
    const response = await call('admin', 'POST', '/reports', {
      ...quarterly,
      kind: 'confidential',
      purpose: 'For Maria Lopez, maria.lopez@example.org',
    });
    expect(response.status).toBe(400);
    const { error } = await json(response);
    expect(error.code).toBe('personal-data');
    expect(JSON.stringify(error)).not.toMatch(/maria/i);
    expect(databaseDigest(db)).toBe(before);
  });
});

describe('narrative drafts', () => {
  const draft = (texts: Record<string, string>) => ({ ...quarterly, texts });

  test('are kept per person, and read back as saved', async ({ call }) => {
    const choices = await json(
      await call('viewer', 'GET', '/reports/drafts?template=quarterly_funder&period=2026Q2&area=coalition'),
    );
    expect(choices).toEqual({ texts: {}, updatedAt: null });
    const saved = await call(
      'viewer',
      'PUT',
      '/reports/drafts',
      draft({ accomplishments: 'Two new shelters opened.' }),
    );
    expect(saved.status).toBe(200);
    expect(await json(saved)).toEqual({
      texts: { accomplishments: 'Two new shelters opened.' },
      updatedAt: '2027-01-10T17:00:00.000Z',
    });
    const mine = await json(
      await call('viewer', 'GET', '/reports/drafts?template=quarterly_funder&period=2026q2&area=coalition'),
    );
    expect(mine.texts).toEqual({ accomplishments: 'Two new shelters opened.' });
    const theirs = await json(
      await call('admin', 'GET', '/reports/drafts?template=quarterly_funder&period=2026Q2&area=coalition'),
    );
    expect(theirs.texts).toEqual({});
  });

  test('refuse personal data, a text too long for its section and a section the template lacks, saving nothing', async ({
    call,
    db,
  }) => {
    await call('viewer', 'PUT', '/reports/drafts', draft({ accomplishments: 'Two new shelters opened.' }));
    const before = databaseDigest(db);
    const personal = await call(
      'viewer',
      'PUT',
      '/reports/drafts',
      draft({ accomplishments: 'We helped a survivor, call her at 408-555-0199.' }),
    );
    expect(personal.status).toBe(400);
    expect((await json(personal)).error.code).toBe('personal-data');
    expect(
      JSON.stringify(
        await json(
          await call(
            'viewer',
            'GET',
            '/reports/drafts?template=quarterly_funder&period=2026Q2&area=coalition',
          ),
        ),
      ),
    ).not.toMatch(/555/);
    const long = await call(
      'viewer',
      'PUT',
      '/reports/drafts',
      draft({ accomplishments: 'a'.repeat(10_000) }),
    );
    expect(long.status).toBe(400);
    expect((await json(long)).error.message).toMatch(/too long/);
    const unknown = await call('viewer', 'PUT', '/reports/drafts', draft({ not_a_section: 'Words.' }));
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).error.message).toMatch(/no narrative section "not_a_section"/);
    expect(databaseDigest(db)).toBe(before);
  });

  test('a rewritten text is forgotten, not left behind', async ({ call, db }) => {
    await call('viewer', 'PUT', '/reports/drafts', draft({ accomplishments: 'First words.' }));
    await call('viewer', 'PUT', '/reports/drafts', draft({ accomplishments: 'Second words.' }));
    const texts = db.prepare('SELECT text FROM free_texts').pluck().all();
    expect(texts).toEqual(['Second words.']);
  });
});

describe('generated reports', { timeout: releaseTimeout * 3 }, () => {
  test('are kept byte for byte: two downloads are identical and match the SHA-256 the history gives', async ({
    approveBoth,
    call,
    db,
    publish,
  }) => {
    approveBoth('2026Q2');
    await publish('2026Q2');
    await call('viewer', 'PUT', '/reports/drafts', {
      ...quarterly,
      texts: { accomplishments: 'A good quarter.' },
    });
    const started = await call('viewer', 'POST', '/reports', { ...quarterly, kind: 'protected' });
    expect(started.status).toBe(202);
    const { id } = await json(started);
    await reportsSettled(db);
    const report = await json(await call('viewer', 'GET', `/reports/${id}`));
    expect(report).toMatchObject({
      status: 'ready',
      kind: 'protected',
      failure: null,
      progress: null,
      purpose: null,
      releases: [{ period: '2026Q2', sequence: 1 }],
      outdated: null,
      createdBy: 'viewer',
    });
    expect(report.pages).toBeGreaterThan(0);
    for (const format of ['pdf', 'xlsx', 'csv'] as const) {
      const first = await call('reporter', 'GET', `/reports/${id}/file/${format}`);
      expect(first.status).toBe(200);
      expect(first.headers.get('Content-Disposition')).toBe(
        `attachment; filename="scope-quarterly_funder-2026Q2-coalition-protected-${id}.${format}"`,
      );
      const bytes = await first.arrayBuffer();
      const again = await (await call('admin', 'GET', `/reports/${id}/file/${format}`)).arrayBuffer();
      expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
      expect(sha256(bytes)).toBe(report.files[format].sha256);
      expect(bytes.byteLength).toBe(report.files[format].bytes);
    }
    const pdf = Buffer.from(await (await call('viewer', 'GET', `/reports/${id}/file/pdf`)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The narrative was kept once, as a free text the report refers to, not copied into its document.
    const document = db.prepare('SELECT document FROM reports WHERE id = ?').pluck().get(id) as string;
    expect(document).not.toContain('A good quarter.');
  });

  test('a report whose release a correction replaced is outdated, regenerates, and lists the changed figures', async ({
    approve,
    approveBoth,
    call,
    db,
    publish,
  }) => {
    approveBoth('2026Q2');
    await publish('2026Q2');
    const { id } = await json(await call('viewer', 'POST', '/reports', { ...quarterly, kind: 'protected' }));
    await reportsSettled(db);
    expect((await json(await call('viewer', 'GET', `/reports/${id}`))).outdated).toBeNull();

    // A late correction: RIVER served 35 survivors, not 30, and 2026Q2 is published again.
    approve('river', '2026Q2', survivors('victim_services', 35, 6));
    await publish('2026Q2');
    const outdated = await json(await call('viewer', 'GET', `/reports/${id}`));
    expect(outdated.outdated).toEqual({ replaced: [{ period: '2026Q2', sequence: 1, by: 2 }] });

    const again = await call('reporter', 'POST', `/reports/${id}/regenerate`);
    expect(again.status).toBe(202);
    const { id: newId } = await json(again);
    await reportsSettled(db);
    const remade = await json(await call('viewer', 'GET', `/reports/${newId}`));
    expect(remade).toMatchObject({
      status: 'ready',
      regenerationOf: id,
      outdated: null,
      releases: [{ period: '2026Q2', sequence: 2 }],
    });
    expect((await json(await call('viewer', 'GET', `/reports/${id}`))).regeneratedAs).toBe(newId);

    const { against, changes } = await json(await call('viewer', 'GET', `/reports/${newId}/changes`));
    expect(against).toBe(id);
    // Survivors served, coalition-wide: 30 + 25 before, 35 + 25 after.
    expect(changes).toContainEqual(expect.objectContaining({ before: 55, after: 60 }));
    for (const change of changes) expect(change.before).not.toEqual(change.after);
  });

  test('removing a narrative it printed withdraws the report: its files are gone from the database file, and it regenerates without the text', async ({
    approveBoth,
    call,
    db,
    dbPath,
    publish,
  }) => {
    approveBoth('2026Q2');
    await publish('2026Q2');
    const narrative = 'Riverside opened its second shelter this quarter.';
    await call('viewer', 'PUT', '/reports/drafts', { ...quarterly, texts: { accomplishments: narrative } });
    const { id } = await json(await call('viewer', 'POST', '/reports', { ...quarterly, kind: 'protected' }));
    await reportsSettled(db);
    expect(await printed(call, id)).toContain(narrative);
    const textId = db.prepare('SELECT id FROM free_texts WHERE text = ?').pluck().get(narrative) as number;

    const removed = await call('admin', 'POST', `/free-texts/${textId}/redact`, {
      reason: 'It named a place.',
    });
    expect(removed.status).toBe(200);
    for (const format of ['pdf', 'xlsx', 'csv'] as const) {
      const download = await call('viewer', 'GET', `/reports/${id}/file/${format}`);
      expect(download.status).toBe(410);
      const { error } = await json(download);
      expect(error.code).toBe('report-withdrawn');
      expect(error.message).toBe(
        'This report was withdrawn on 2027-01-10 because a text it printed was removed. Regenerate it to make it again without that text.',
      );
    }
    expect(await json(await call('viewer', 'GET', `/reports/${id}`))).toMatchObject({
      status: 'ready',
      files: null,
      withdrawn: { at: '2027-01-10T17:00:00.000Z' },
    });
    expect(db.prepare('SELECT count(*) FROM report_files WHERE report_id = ?').pluck().get(id)).toBe(0);
    for (const file of [dbPath, `${dbPath}-wal`])
      if (existsSync(file)) expect(readFileSync(file).includes(narrative), file).toBe(false);

    const again = await call('viewer', 'POST', `/reports/${id}/regenerate`);
    expect(again.status).toBe(202);
    const { id: newId } = await json(again);
    await reportsSettled(db);
    expect(await json(await call('viewer', 'GET', `/reports/${newId}`))).toMatchObject({
      status: 'ready',
      withdrawn: null,
      regenerationOf: id,
    });
    const text = await printed(call, newId);
    expect(text).not.toContain(narrative);
    expect(text).toContain('[removed by an administrator on 2027-01-10]');
  });

  test('a failing render marks the report failed, saying why, and keeps no file', async ({
    approveBoth,
    call,
    db,
    signIn,
  }) => {
    approveBoth('2026Q2');
    const broken = createTestApp(db, testConfig({ SCOPE_CHROMIUM_PATH: '/nonexistent/chromium' }));
    const started = await broken.request('/api/reports', {
      method: 'POST',
      headers: { Cookie: await signIn(emails.admin, broken), 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...quarterly, kind: 'confidential', purpose }),
    });
    expect(started.status).toBe(202);
    const { id } = await json(started);
    await reportsSettled(db);
    const report = await json(await call('admin', 'GET', `/reports/${id}`));
    expect(report).toMatchObject({ status: 'failed', files: null, pages: null, progress: null });
    expect(report.failure).toMatch(/\/nonexistent\/chromium/);
    expect(db.prepare('SELECT count(*) FROM report_files').pluck().get()).toBe(0);
    const download = await call('admin', 'GET', `/reports/${id}/file/pdf`);
    expect(download.status).toBe(409);
    expect((await json(download)).error.code).toBe('report-not-ready');
  });

  test('reports are made one at a time, later ones waiting their turn, and the server answers meanwhile', async ({
    approveBoth,
    app,
    call,
    db,
  }) => {
    approveBoth('2026Q2');
    const ask = () => call('admin', 'POST', '/reports', { ...quarterly, kind: 'confidential', purpose });
    const first = await json(await ask());
    const second = await json(await ask());
    const waiting = await json(await call('admin', 'GET', `/reports/${second.id}`));
    expect(waiting).toMatchObject({ status: 'rendering', progress: { stage: 'waiting' } });
    // Wait until the first is being drawn, then ask the server something.
    let stage = 'waiting';
    while (stage === 'waiting' || stage === 'figures') {
      await new Promise((resolve) => setImmediate(resolve));
      const { progress, status } = await json(await call('admin', 'GET', `/reports/${first.id}`));
      if (status !== 'rendering') break;
      stage = progress.stage;
    }
    const health = await app.request('/api/health');
    expect(health.status).toBe(200);
    expect((await json(await call('admin', 'GET', `/reports/${second.id}`))).status).toBe('rendering');
    await reportsSettled(db);
    for (const { id } of [first, second])
      expect((await json(await call('admin', 'GET', `/reports/${id}`))).status).toBe('ready');
  });
});

import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { parseCsv } from '../domain/csv';
import { readDefaultCatalog } from '../queries/catalog';
import { apiTest, consistentQuarter, databaseDigest } from '../testing';

const catalog = readDefaultCatalog();
const base = '/api/submissions/RIVER/2026Q4';

/**
 * Three quarters of history, River Street's reporter signed in, and what they do with 2026Q4: read
 * the template, upload a file, read the draft.
 */
const test = apiTest
  .override({ seed: 'history' })
  .extend('cookie', ({ signIn }) => signIn('river@test.example'))
  .extend(
    'template',
    ({ app, cookie }) =>
      async () =>
        (await app.request(`${base}/template.csv`, { headers: { Cookie: cookie } })).text(),
  )
  .extend(
    'upload',
    ({ app, cookie }) =>
      (body: string | FormData, dryRun: boolean, type = 'text/csv') =>
        app.request(`${base}/upload?dryRun=${dryRun}`, {
          method: 'POST',
          headers: { Cookie: cookie, ...(typeof body === 'string' ? { 'Content-Type': type } : {}) },
          body,
        }),
  )
  .extend(
    'draft',
    ({ app, cookie }) =>
      async () =>
        (await (await app.request(base, { headers: { Cookie: cookie } })).json()) as {
          values: Record<string, number>;
        },
  );

/** The template with values filled in from a map of cell key → value. */
function filled(csv: string, values: Record<string, number>): string {
  const rows = parseCsv(csv).map((r) => r.cells);
  const header = rows[0] as string[];
  const categoryColumns = header.slice(3, -1);
  const lines = rows.slice(1).map((cells) => {
    const element = cells[2] as string;
    const given = categoryColumns.map((c, i) => [c, cells[3 + i]] as const).filter(([, v]) => v !== '');
    const combo = catalog.sections
      .flatMap((s) => s.elements)
      .find((e) => e.code === element)
      ?.disaggregations.find((d) => {
        const cats = catalog.categoryCombos.find((c) => c.code === d)?.categories ?? [];
        return cats.length === given.length && cats.every((cat) => given.some(([c]) => c === cat));
      });
    const cats = catalog.categoryCombos.find((c) => c.code === combo)?.categories ?? [];
    const key = combo
      ? `${element}.${combo}.${cats.map((cat) => given.find(([c]) => c === cat)?.[1]).join('|')}`
      : element;
    return [...cells.slice(0, -1), String(values[key] ?? '')];
  });
  return [header, ...lines].map((r) => r.join(',')).join('\r\n');
}

describe('the CSV template', () => {
  test('opens cleanly in Excel and has one row per cell, pre-filled with the draft', async ({
    app,
    cookie,
  }) => {
    await app.request(`${base}/values`, {
      method: 'PUT',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ values: { survivors_served: 7 } }),
    });
    const response = await app.request(`${base}/template.csv`, { headers: { Cookie: cookie } });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="scope-RIVER-2026Q4.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv.split('\r\n')[0]).toBe(
      '\ufeffagency,period,element,trafficking_type,age_group,gender,citizenship,race_ethnicity,lgbtq,disability,county,service,referral_source,venue,discipline,value',
    );
    expect(csv).not.toMatch(/[^\r]\n/);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(1 + Object.keys(consistentQuarter(catalog, 'victim_services')).length);
    expect(rows[1]?.cells).toEqual(['RIVER', '2026Q4', 'survivors_served', ...Array(12).fill(''), '7']);
    expect(
      rows.find((r) => r.cells[2] === 'survivors_served' && r.cells[3] === 'sex' && r.cells[4] === '12_17'),
    ).toBeTruthy();
  });
});

describe('uploading the template', () => {
  test('a dry run previews exactly what would change and writes nothing; applying writes it all', async ({
    db,
    draft,
    template,
    upload,
  }) => {
    const csv = filled(await template(), consistentQuarter(catalog, 'victim_services', 3));
    const before = databaseDigest(db);
    const preview = await upload(csv, true);
    expect(preview.status).toBe(200);
    const body = await preview.json();
    expect(body.dryRun).toBe(true);
    expect(body.changes).toContainEqual({
      cell: 'survivors_served',
      label: 'Survivors served',
      from: null,
      to: 3,
    });
    expect(body.changes).toHaveLength(Object.keys(consistentQuarter(catalog, 'victim_services')).length);
    expect(body.findings).toEqual([]);
    expect(databaseDigest(db)).toBe(before);

    const applied = await upload(csv, false);
    expect(applied.status).toBe(200);
    expect((await applied.json()).submission.values.survivors_served).toBe(3);
    expect((await draft()).values).toEqual(consistentQuarter(catalog, 'victim_services', 3));
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'upload'").pluck().get()).toBe(1);

    const again = await (await upload(csv, true)).json();
    expect(again.changes).toEqual([]);
  });

  test('what spreadsheets produce is accepted: BOM, CRLF, quotes, spaces, lower case, blank lines', async ({
    draft,
    upload,
  }) => {
    const csv =
      '\ufeffAgency , Period,element,trafficking_type,age_group,gender,value\r\n' +
      ' river ,2026q4,"survivors_served",,,, 4 \r\n' +
      'RIVER,2026Q4,survivors_served,"sex","12_17",,"4"\r\n' +
      'RIVER,2026Q4,survivors_served,,, Female ,4\r\n\r\n\r\n';
    const response = await upload(csv, false);
    expect(response.status).toBe(200);
    expect((await draft()).values).toEqual({
      survivors_served: 4,
      'survivors_served.type_age.sex|12_17': 4,
      'survivors_served.gender.female': 4,
    });
  });

  test('a multipart form with a file field works too', async ({ draft, upload }) => {
    const form = new FormData();
    form.set(
      'file',
      new File(['agency,period,element,value\r\nRIVER,2026Q4,trainings_delivered,2\r\n'], 'q4.csv', {
        type: 'text/csv',
      }),
    );
    const response = await upload(form, false);
    expect(response.status).toBe(200);
    expect((await draft()).values).toEqual({ trainings_delivered: 2 });
  });

  test('a blank value clears that count', async ({ draft, upload }) => {
    await upload(
      'agency,period,element,value\nRIVER,2026Q4,trainings_delivered,2\nRIVER,2026Q4,outreach_events,1\n',
      false,
    );
    const body = await (
      await upload('agency,period,element,value\nRIVER,2026Q4,trainings_delivered,\n', false)
    ).json();
    expect(body.changes).toEqual([
      { cell: 'trainings_delivered', label: 'Trainings delivered', from: 2, to: null },
    ]);
    expect((await draft()).values).toEqual({ outreach_events: 1 });
  });

  const header = 'agency,period,element,gender,value';
  test.for<[string, string, Array<{ row: number | null; column: string | null; message: RegExp }>]>([
    [
      'a fraction',
      `${header}\nRIVER,2026Q4,survivors_served,,2.5`,
      [{ row: 2, column: 'value', message: /whole number/ }],
    ],
    [
      'a negative count',
      `${header}\nRIVER,2026Q4,survivors_served,,-1`,
      [{ row: 2, column: 'value', message: /whole number/ }],
    ],
    [
      'words for a count',
      `${header}\nRIVER,2026Q4,survivors_served,,three`,
      [{ row: 2, column: 'value', message: /whole number/ }],
    ],
    [
      'an unknown element',
      `${header}\nRIVER,2026Q4,ghosts,,1`,
      [{ row: 2, column: 'element', message: /not an element of the catalog/ }],
    ],
    [
      'an element the agency does not report',
      `${header}\nRIVER,2026Q4,arrests,,1`,
      [{ row: 2, column: 'element', message: /doesn't report "arrests"/ }],
    ],
    [
      'an unknown option',
      `${header}\nRIVER,2026Q4,survivors_served,robot,1`,
      [{ row: 2, column: 'gender', message: /not an option of Gender identity/ }],
    ],
    [
      'a breakdown the element does not have',
      `${header}\nRIVER,2026Q4,trainings_delivered,female,1`,
      [{ row: 2, column: null, message: /can't be broken down by gender/ }],
    ],
    [
      'a duplicate row',
      `${header}\nRIVER,2026Q4,survivors_served,,1\nRIVER,2026Q4,survivors_served,,2`,
      [{ row: 3, column: null, message: /repeats the count on row 2/ }],
    ],
    [
      'another agency',
      `${header}\nHILLS,2026Q4,survivors_served,,1`,
      [{ row: 2, column: 'agency', message: /another agency/ }],
    ],
    [
      'another period',
      `${header}\nRIVER,2026Q3,survivors_served,,1`,
      [{ row: 2, column: 'period', message: /another period/ }],
    ],
    [
      'an unknown column',
      `${header},notes\nRIVER,2026Q4,survivors_served,,1,x`,
      [{ row: 1, column: 'notes', message: /not a column of the template/ }],
    ],
    [
      'a missing value column',
      'agency,period,element\nRIVER,2026Q4,survivors_served',
      [{ row: 1, column: 'value', message: /"value" column is missing/ }],
    ],
    [
      'an unclosed quote',
      `${header}\nRIVER,2026Q4,"survivors_served,,1`,
      [{ row: 2, column: null, message: /never closed/ }],
    ],
    ['an empty file', '', [{ row: null, column: null, message: /The file is empty/ }]],
  ])('%s is refused by row and column, and nothing changes', async ([_, csv, expected], { db, upload }) => {
    const before = databaseDigest(db);
    const response = await upload(csv, false);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('upload-refused');
    expect(error.message).toMatch(/Nothing was saved/);
    expect(error.details).toEqual(expected.map((e) => ({ ...e, message: expect.stringMatching(e.message) })));
    expect(databaseDigest(db)).toBe(before);
  });

  test.for<[string, string, string]>([
    [
      'a personal-data column',
      'agency,period,element,client_name,value\nRIVER,2026Q4,survivors_served,,1',
      'names',
    ],
    [
      'a phone number in a cell',
      'agency,period,element,value\nRIVER,2026Q4,survivors_served,408-555-0123',
      'phone number',
    ],
    ['an email in a cell', 'agency,period,element,value\nRIVER,2026Q4,rosa@example.org,1', 'email address'],
    [
      'a date of birth',
      'agency,period,element,value\nRIVER,2026Q4,survivors_served,03/14/2001',
      'date of birth',
    ],
    [
      'client-level records',
      'agency,period,element,age,sex,value\nRIVER,2026Q4,survivors_served,17,F,1',
      'client-level records',
    ],
  ])('%s is refused as personal data, without repeating it', async ([_, csv, kind], { db, upload }) => {
    const before = databaseDigest(db);
    const response = await upload(csv, true);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('personal-data');
    expect(JSON.stringify(error.details)).toContain(kind);
    for (const secret of ['client_name', '408-555', 'rosa@', '03/14/2001'])
      expect(JSON.stringify(error)).not.toContain(secret);
    expect(databaseDigest(db)).toBe(before);
  });

  test('a row for each person is recognised by its repeated counts', async ({ upload }) => {
    const rows = Array.from({ length: 12 }, () => 'RIVER,2026Q4,survivors_served,female,1').join('\n');
    const { error } = await (await upload(`agency,period,element,gender,value\n${rows}`, true)).json();
    expect(error.details[0].message).toMatch(/as if the file had a row for each person/);
  });

  test('a file over the size limit is refused', async ({ upload }) => {
    const big = `agency,period,element,value\n${'RIVER,2026Q4,survivors_served,1\n'.repeat(80_000)}`;
    const response = await upload(big, true);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('too-large');
  });

  test.for<[string, string, RegExp]>([
    [
      'a header of 100,000 columns',
      `agency,period,element,value${',x'.repeat(99_996)}\nRIVER,2026Q4,survivors_served,1`,
      /^This file has 100,000 columns; the template has 16\. Download the template again/,
    ],
    [
      'a cell of 128,000 digits',
      `agency,period,element,value\nRIVER,2026Q4,survivors_served,${'9'.repeat(128_000)}`,
      /^This cell is longer than 200 characters/,
    ],
    [
      'a row for each of 5,000 clients',
      `agency,period,element,value\n${'RIVER,2026Q4,survivors_served,1\n'.repeat(5000)}`,
      /^This file has more than 332 rows of counts; the template has one row per count, 166 at most\. If it lists clients, count them instead/,
    ],
    [
      'a page of writing in place of codes',
      `agency,period,element,value\n${`RIVER,2026Q4,${'Counts rose after the outreach event at the fairgrounds, '.repeat(3)},1\n`.repeat(120)}`,
      /^This file holds far more text than a template, which has only codes and counts, so it was not read to the end\./,
    ],
  ])(
    '%s is refused at once, in one problem a reporter can act on',
    async ([_, csv, message], { db, upload }) => {
      const before = databaseDigest(db);
      const response = await upload(csv, false);
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe('upload-refused');
      expect(error.details).toHaveLength(1);
      expect(error.details[0].message).toMatch(message);
      expect(databaseDigest(db)).toBe(before);
    },
  );

  test('JSON sent to the upload is refused with a pointer to the JSON endpoint', async ({ upload }) => {
    const response = await upload('{"values":{}}', true, 'application/json');
    expect(response.status).toBe(415);
  });
});

describe('fuzzing the ways data comes in', () => {
  const cellAlphabet = fc.constantFrom(
    'RIVER',
    '2026Q4',
    'survivors_served',
    'gender',
    'female',
    'value',
    '',
    ' ',
    '"',
    ',',
    '\n',
    '\r\n',
    '1',
    '-2',
    '3.5',
    '99999999',
    'sex',
    '12_17',
    'age_group',
    'agency',
    'period',
    'element',
    'x@y.org',
    '\ufeff',
    'é',
    'arrests',
  );
  const csvText = fc
    .array(
      fc.array(cellAlphabet, { maxLength: 8 }).map((cells) => cells.join(',')),
      { maxLength: 12 },
    )
    .map((lines) => lines.join('\n'));

  test('uploads: no 5xx, and a refused upload leaves the database byte-for-byte as it was', async ({
    db,
    upload,
  }) => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.boolean(), async (text, dryRun) => {
        const before = databaseDigest(db);
        const response = await upload(text, dryRun);
        expect(response.status).toBeLessThan(500);
        if (response.status !== 200 || dryRun) expect(databaseDigest(db)).toBe(before);
      }),
      { numRuns: 150 },
    );
  });

  test('JSON values: no 5xx, and a refused save leaves the database as it was', async ({
    app,
    cookie,
    db,
  }) => {
    const key = fc.constantFrom(
      'survivors_served',
      'survivors_served.gender.female',
      'survivors_served.gender',
      'arrests',
      '',
      '__proto__',
      'x.y.z',
      'survivors_served.type_age.sex|12_17',
      'constructor',
    );
    const value = fc.oneof(
      fc.integer({ min: -5, max: 2_000_000 }),
      fc.constant(null),
      fc.double(),
      fc.string(),
      fc.boolean(),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(key, value, { maxKeys: 6 }),
        fc.dictionary(
          fc.string({ maxLength: 20 }),
          fc.oneof(fc.string({ maxLength: 60 }), fc.constant(null)),
          { maxKeys: 3 },
        ),
        async (values, explanations) => {
          const before = databaseDigest(db);
          const response = await app.request(`${base}/values`, {
            method: 'PUT',
            headers: { Cookie: cookie, 'Content-Type': 'application/json' },
            body: JSON.stringify({ values, explanations }),
          });
          expect(response.status).toBeLessThan(500);
          if (response.status !== 200) expect(databaseDigest(db)).toBe(before);
        },
      ),
      { numRuns: 150 },
    );
  });
});

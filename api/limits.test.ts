import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { cellKey, cellsOfElement } from './domain/catalog';
import { maxJsonBytes } from './limits';
import { readDefaultCatalog } from './queries/catalog';
import { maxCellsPerSave, maxExplanations } from './routes/submissions';
import { apiTest, createTestApp, databaseDigest, testConfig } from './testing';

const json = { 'Content-Type': 'application/json' };

/** River Street's reporter, signed in, on a small coalition with three quarters of history. */
const test = apiTest
  .override({ seed: 'history' })
  .extend('river', ({ signIn }) => signIn('river@test.example'));

/**
 * A body of `bytes` bytes of JSON-ish filler, made only as it is read, and how much was read: a
 * server that stops at its limit pulls a small part of it.
 */
function streamedBody(bytes: number) {
  const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
  const read = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (read.bytes >= bytes) return controller.close();
      read.bytes += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { body, read };
}

describe('a body larger than its route takes', () => {
  test('50 MB to publish a release, from a reporter, is refused with 413 before the role is checked or the body read', async ({
    app,
    db,
    river,
  }) => {
    const before = databaseDigest(db);
    const { body, read } = streamedBody(50 * 1024 * 1024);
    const response = await app.request('/api/releases', {
      method: 'POST',
      headers: { Cookie: river, ...json },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    const { error } = await response.json();
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/larger than 256 KB/);
    // Read up to the limit and a little past it, never the rest.
    expect(read.bytes).toBeLessThan(1024 * 1024);
    expect(databaseDigest(db)).toBe(before);
  });

  test('the refusal comes before the session is looked up: a stranger gets 413 too, not 401', async ({
    app,
  }) => {
    const response = await app.request('/api/submissions/RIVER/2026Q4/values', {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ values: {}, filler: 'x'.repeat(maxJsonBytes) }),
    });
    expect(response.status).toBe(413);
  });

  test('the upload takes a file larger than a JSON body, and refuses one over its own limit', async ({
    app,
    db,
    river,
  }) => {
    const before = databaseDigest(db);
    const upload = (csv: string) =>
      app.request('/api/submissions/RIVER/2026Q4/upload?dryRun=true', {
        method: 'POST',
        headers: { Cookie: river, 'Content-Type': 'text/csv' },
        body: csv,
      });
    const header = 'agency,period,element,value\n';
    // 300 KB: past the JSON limit, so it reaches the file's own checks.
    const overJson = await upload(`${header}${'RIVER,2026Q4,survivors_served,1\n'.repeat(10_000)}`);
    expect(overJson.status).toBe(400);
    expect((await overJson.json()).error.code).toBe('upload-refused');
    const overFile = await upload(`${header}${'RIVER,2026Q4,survivors_served,1\n'.repeat(40_000)}`);
    expect(overFile.status).toBe(413);
    expect((await overFile.json()).error.message).toMatch(/larger than 1 MB/);
    expect(databaseDigest(db)).toBe(before);
  });
});

describe('the shape of a JSON body', () => {
  test(`a save naming more than ${maxCellsPerSave} counts is refused in one short sentence`, async ({
    app,
    db,
    river,
  }) => {
    const before = databaseDigest(db);
    const values = Object.fromEntries(Array.from({ length: maxCellsPerSave + 1 }, (_, i) => [`cell${i}`, 1]));
    const response = await app.request('/api/submissions/RIVER/2026Q4/values', {
      method: 'PUT',
      headers: { Cookie: river, ...json },
      body: JSON.stringify({ values }),
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error).toEqual({ code: 'invalid-request', message: 'values: Save at most 5,000 counts at once.' });
    expect(databaseDigest(db)).toBe(before);
  });

  test('an error lists the first ten problems and counts the rest, never echoing the whole request', async ({
    app,
    db,
    river,
  }) => {
    const before = databaseDigest(db);
    const unknown = Object.fromEntries(Array.from({ length: 4000 }, (_, i) => [`not_a_cell_${i}`, 1]));
    const response = await app.request('/api/submissions/RIVER/2026Q4/values', {
      method: 'PUT',
      headers: { Cookie: river, ...json },
      body: JSON.stringify({ values: unknown }),
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    const { error } = JSON.parse(text);
    expect(error.message).toMatch(/^4000 changes can't be saved: "not_a_cell_0" is not a count/);
    expect(error.details).toHaveLength(11);
    expect(error.details[10]).toEqual({ message: '…and 3990 more like these.' });
    expect(text).not.toContain('not_a_cell_3999');
    expect(text.length).toBeLessThan(2000);

    const wrongTypes = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`cell${i}`, 'many']));
    const invalid = await app.request('/api/submissions/RIVER/2026Q4/values', {
      method: 'PUT',
      headers: { Cookie: river, ...json },
      body: JSON.stringify({ values: wrongTypes }),
    });
    const message = (await invalid.json()).error.message as string;
    expect(message.split('; ')).toHaveLength(11);
    expect(message).toMatch(/; and 490 more problems$/);
    expect(databaseDigest(db)).toBe(before);
  });

  test('explanations are only for the catalog’s checks, and few at a time; nothing else is stored', async ({
    app,
    db,
    river,
  }) => {
    const before = databaseDigest(db);
    const save = (explanations: Record<string, string | null>) =>
      app.request('/api/submissions/RIVER/2026Q4/values', {
        method: 'PUT',
        headers: { Cookie: river, ...json },
        body: JSON.stringify({ values: {}, explanations }),
      });
    const junk = await save({ 'made-up': 'Nothing to explain.' });
    expect(junk.status).toBe(400);
    const { error } = await junk.json();
    expect(error.details).toEqual([
      { field: 'made-up', message: 'This is not the code of a warning on this form.' },
    ]);
    const many = Object.fromEntries(
      Array.from({ length: maxExplanations + 1 }, (_, i) => [`outlier.e${i}`, 'x']),
    );
    expect((await (await save(many)).json()).error.message).toBe(
      `explanations: Send at most ${maxExplanations} explanations at once.`,
    );
    expect(databaseDigest(db)).toBe(before);

    // A real check's explanation is kept, and one for a code no longer in the catalog can be removed.
    expect((await save({ 'outlier.survivors_served': 'A new program.', gone: null })).status).toBe(200);
  });

  test('a save of every count of the catalog fits well within the limits', () => {
    const catalog = readDefaultCatalog();
    const cells = catalog.sections.flatMap((s) => s.elements).flatMap((e) => cellsOfElement(catalog, e));
    const everyCount = JSON.stringify({
      values: Object.fromEntries(cells.map((cell) => [cellKey(cell), 1_000_000])),
    });
    expect(cells.length * 10).toBeLessThan(maxCellsPerSave);
    expect(everyCount.length * 10).toBeLessThan(maxJsonBytes);
  });
});

describe('caching', () => {
  test('API answers are not stored unless a route says they may be', async ({ app, river }) => {
    for (const [path, headers] of [
      ['/api/me', { Cookie: river }],
      ['/api/submissions/RIVER/2026Q4', { Cookie: river }],
      ['/api/me', {}],
      ['/api/health', {}],
      ['/api/no-such-thing', {}],
      ['/api/stats/tables', {}],
    ] as const) {
      const response = await app.request(path, { headers });
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
    const tooLarge = await app.request('/api/auth/login', {
      method: 'POST',
      headers: json,
      body: 'x'.repeat(maxJsonBytes + 1),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('cache-control')).toBe('no-store');
    const detail = await (
      await app.request('/api/submissions/RIVER/2026Q4', { headers: { Cookie: river } })
    ).json();
    // A catalog version never changes: its own header stands.
    const catalog = await app.request(`/api/catalog/${detail.catalogVersionId}`, {
      headers: { Cookie: river },
    });
    expect(catalog.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
  });

  test('a missing asset is a 404 that is never cached as the asset; an existing one is kept for good', async ({
    db,
  }) => {
    const dist = mkdtempSync(join(tmpdir(), 'scope-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Scope</title><div id="root"></div>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("scope")');
    const app = createTestApp(db, testConfig(), dist);

    const missing = await app.request('/assets/index-gone999.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control') ?? '').not.toMatch(/immutable/);
    expect(await missing.text()).not.toContain('<div id="root">');

    const present = await app.request('/assets/index-abc123.js');
    expect(present.status).toBe(200);
    expect(present.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const page = await app.request('/dashboard');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });
});

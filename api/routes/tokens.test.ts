import { describe, expect } from 'vitest';
import { readDefaultCatalog } from '../queries/catalog';
import { apiTest, consistentQuarter } from '../testing';

const catalog = readDefaultCatalog();

const json = { 'Content-Type': 'application/json' };

/** Three quarters of history, River Street's reporter signed in, and making a token as someone. */
const test = apiTest
  .override({ seed: 'history' })
  .extend('river', ({ signIn }) => signIn('river@test.example'))
  .extend(
    'createToken',
    ({ app }) =>
      async (cookie: string, agency = 'RIVER', name = 'Case management export') =>
        app.request(`/api/agencies/${agency}/tokens`, {
          method: 'POST',
          headers: { Cookie: cookie, ...json },
          body: JSON.stringify({ name }),
        }),
  );
const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

describe('API tokens for agency systems', () => {
  test('made once, shown once, stored only as a hash, listed without the secret', async ({
    app,
    createToken,
    db,
    river,
  }) => {
    const response = await createToken(river);
    expect(response.status).toBe(201);
    const { token } = await response.json();
    expect(token).toMatchObject({
      name: 'Case management export',
      createdBy: 'river',
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(token.secret).toMatch(/^scope_[\w-]{43}$/);
    expect(token.secret.startsWith(token.prefix)).toBe(true);

    const stored = db.prepare('SELECT token_hash FROM api_tokens').pluck().get() as string;
    expect(stored).not.toContain(token.secret);
    const list = await (
      await app.request('/api/agencies/RIVER/tokens', { headers: { Cookie: river } })
    ).json();
    expect(list.tokens).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(token.secret);
    expect(db.prepare("SELECT action FROM audit_log WHERE entity_type = 'api-token'").pluck().all()).toEqual([
      'create-token',
    ]);
  });

  test("a token reads and writes its own agency's quarter and submits, acting as a reporter", async ({
    app,
    createToken,
    db,
    river,
  }) => {
    const { token } = await (await createToken(river)).json();
    const put = await app.request('/api/submissions/RIVER/2026Q4/values', {
      method: 'PUT',
      headers: { ...bearer(token.secret), ...json },
      body: JSON.stringify({ values: consistentQuarter(catalog, 'victim_services') }),
    });
    expect(put.status).toBe(200);
    const got = await app.request('/api/submissions/RIVER/2026Q4/values', { headers: bearer(token.secret) });
    expect((await got.json()).values.survivors_served).toBe(2);
    const submit = await app.request('/api/submissions/RIVER/2026Q4/submit', {
      method: 'POST',
      headers: { ...bearer(token.secret), ...json },
      body: '{}',
    });
    expect(await submit.json()).toMatchObject({ status: 'submitted', revision: 1 });
    const audit = db.prepare("SELECT details FROM audit_log WHERE action = 'submit'").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ tokenId: token.id, agency: 'RIVER', period: '2026Q4' });
    const list = await (
      await app.request('/api/agencies/RIVER/tokens', { headers: { Cookie: river } })
    ).json();
    expect(list.tokens[0].lastUsedAt).not.toBeNull();
  });

  test("a token can't reach another agency, review, or make more tokens", async ({
    app,
    createToken,
    river,
  }) => {
    const { token } = await (await createToken(river)).json();
    expect(
      (await app.request('/api/submissions/HILLS/2026Q3', { headers: bearer(token.secret) })).status,
    ).toBe(404);
    expect(
      (
        await app.request('/api/submissions/RIVER/2026Q4/approve', {
          method: 'POST',
          headers: bearer(token.secret),
        })
      ).status,
    ).toBe(403);
    const more = await app.request('/api/agencies/RIVER/tokens', {
      method: 'POST',
      headers: { ...bearer(token.secret), ...json },
      body: JSON.stringify({ name: 'another' }),
    });
    expect(more.status).toBe(404);
  });

  test('a revoked or made-up token is refused with a clear message', async ({ app, createToken, river }) => {
    const { token } = await (await createToken(river)).json();
    const revoke = await app.request(`/api/agencies/RIVER/tokens/${token.id}`, {
      method: 'DELETE',
      headers: { Cookie: river },
    });
    expect(revoke.status).toBe(200);
    for (const secret of [token.secret, 'scope_made-up']) {
      const response = await app.request('/api/submissions/RIVER/2026Q4', { headers: bearer(secret) });
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe('invalid-token');
    }
    const list = await (
      await app.request('/api/agencies/RIVER/tokens', { headers: { Cookie: river } })
    ).json();
    expect(list.tokens[0].revokedAt).not.toBeNull();
  });

  test("reporters manage only their own agency's tokens; admins any; viewers none", async ({
    createToken,
    river,
    signIn,
  }) => {
    expect((await createToken(await signIn('hills@test.example'), 'RIVER')).status).toBe(404);
    expect((await createToken(await signIn('viewer@test.example'), 'RIVER')).status).toBe(404);
    expect((await createToken(await signIn('admin@test.example'), 'HILLS')).status).toBe(201);
    const blank = await createToken(river, 'RIVER', '  ');
    expect(blank.status).toBe(400);
    expect((await blank.json()).error.message).toMatch(/Give the token a name/);
  });
});

describe('the completeness matrix', () => {
  test('agencies × quarters with status and lateness, filtered by county and type', async ({
    app,
    river,
    signIn,
  }) => {
    const admin = await signIn('admin@test.example');
    const body = await (
      await app.request('/api/completeness?quarters=3', { headers: { Cookie: admin } })
    ).json();
    expect(
      body.periods.map((p: { code: string; pastDeadline: boolean }) => [p.code, p.pastDeadline]),
    ).toEqual([
      ['2026Q4', false],
      ['2026Q3', true],
      ['2026Q2', true],
    ]);
    expect(body.counties).toEqual([
      { code: 'SBN', name: 'San Benito County' },
      { code: 'SCL', name: 'Santa Clara County' },
    ]);
    const riverRow = body.agencies.find((a: { code: string }) => a.code === 'RIVER');
    expect(riverRow).toMatchObject({ type: 'victim_services', county: 'SCL' });
    expect(riverRow.cells).toEqual({
      '2026Q4': { status: 'draft', late: false, revision: 0 },
      '2026Q3': { status: 'returned', late: false, revision: 1 },
      '2026Q2': { status: 'approved', late: true, revision: 1 },
    });
    const sbn = await (
      await app.request('/api/completeness?county=SBN', { headers: { Cookie: admin } })
    ).json();
    expect(sbn.agencies.map((a: { code: string }) => a.code)).toEqual(['HILLS']);
    const shelters = await (
      await app.request('/api/completeness?type=shelter_housing', { headers: { Cookie: admin } })
    ).json();
    expect(shelters.agencies).toEqual([]);
    expect((await app.request('/api/completeness?type=castle', { headers: { Cookie: admin } })).status).toBe(
      400,
    );
    expect((await app.request('/api/completeness', { headers: { Cookie: river } })).status).toBe(403);
  });
});

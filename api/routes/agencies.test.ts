import { describe, expect } from 'vitest';
import { apiTest } from '../testing';

/** Three quarters of history, and GET as someone (signed in afresh) or as nobody. */
const test = apiTest.override({ seed: 'history' }).extend(
  'get',
  ({ app, signIn }) =>
    async (path: string, email?: string) =>
      app.request(path, { headers: email ? { Cookie: await signIn(email) } : {} }),
);

describe("an agency's quarters", () => {
  test('a reporter sees every quarter of their own agency, newest first, with status and return comment', async ({
    get,
  }) => {
    const response = await get('/api/agencies/RIVER/submissions', 'river@test.example');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.agency).toEqual({ code: 'RIVER', name: 'River Street Advocates', type: 'victim_services' });
    expect(body.quarters.map((q: { period: string }) => q.period)).toEqual(['2026Q4', '2026Q3', '2026Q2']);
    expect(body.quarters[0]).toMatchObject({
      status: 'draft',
      open: true,
      deadline: '2027-01-30',
      revision: 0,
    });
    expect(body.quarters[1]).toMatchObject({
      status: 'returned',
      returnComment: 'Please check the county breakdown.',
      late: false,
      revision: 1,
      submittedAt: '2026-10-20T17:00:00.000Z',
    });
    expect(body.quarters[2]).toMatchObject({
      status: 'approved',
      late: true,
      open: false,
      returnComment: null,
    });
  });

  test("a reporter cannot see another agency's quarters, and is told the same as for an unknown agency", async ({
    get,
  }) => {
    const other = await get('/api/agencies/HILLS/submissions', 'river@test.example');
    const unknown = await get('/api/agencies/NOPE/submissions', 'river@test.example');
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual(await unknown.json());
  });

  test('an admin sees any agency; a viewer sees none; signed-out is 401', async ({ get }) => {
    expect((await get('/api/agencies/HILLS/submissions', 'admin@test.example')).status).toBe(200);
    expect((await get('/api/agencies/HILLS/submissions', 'viewer@test.example')).status).toBe(404);
    expect((await get('/api/agencies/HILLS/submissions')).status).toBe(401);
  });

  test('a malformed agency code is a 400 naming the problem', async ({ get }) => {
    const response = await get('/api/agencies/not%20a%20code/submissions', 'admin@test.example');
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/agency code/);
  });
});

describe('completeness summary', () => {
  test('an admin sees, per recent quarter, how many agencies are in each state', async ({ get }) => {
    const response = await get('/api/completeness/summary?quarters=3', 'admin@test.example');
    expect(response.status).toBe(200);
    const { quarters } = await response.json();
    expect(quarters).toEqual([
      expect.objectContaining({
        period: '2026Q4',
        expected: 2,
        draft: 1,
        notStarted: 1,
        approved: 0,
        late: 0,
      }),
      expect.objectContaining({
        period: '2026Q3',
        expected: 2,
        returned: 1,
        submitted: 1,
        notStarted: 0,
        pastDeadline: true,
      }),
      expect.objectContaining({ period: '2026Q2', expected: 2, approved: 2, late: 1, open: false }),
    ]);
  });

  test('only admins may see it', async ({ get }) => {
    expect((await get('/api/completeness/summary', 'viewer@test.example')).status).toBe(403);
    expect((await get('/api/completeness/summary', 'river@test.example')).status).toBe(403);
  });

  test('a nonsense number of quarters is refused', async ({ get }) => {
    const response = await get('/api/completeness/summary?quarters=0', 'admin@test.example');
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/at least one quarter/);
  });
});

describe('periods', () => {
  test('any signed-in person sees which quarters have approved data', async ({ get }) => {
    const response = await get('/api/periods', 'viewer@test.example');
    expect(response.status).toBe(200);
    const { periods } = await response.json();
    expect(periods.map((p: { period: string; approved: number }) => [p.period, p.approved])).toEqual([
      ['2026Q4', 0],
      ['2026Q3', 0],
      ['2026Q2', 2],
    ]);
    expect(periods[0]).toMatchObject({
      expected: 2,
      open: true,
      startDate: '2026-10-01',
      endDate: '2026-12-31',
    });
    expect((await get('/api/periods')).status).toBe(401);
  });
});

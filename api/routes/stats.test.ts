import { describe, expect } from 'vitest';
import { type Db, openDatabase } from '../db';
import { type Cube, cellId } from '../disclosure/cube';
import { feasibilityIntervals, protect } from '../disclosure/protect';
import { type Audience, defaultThresholds } from '../disclosure/types';
import type { AgencyType } from '../domain/agencyTypes';
import { parseCsv } from '../domain/csv';
import { installCatalog, readDefaultCatalog, readDefaultPlan } from '../queries/catalog';
import { historyCube } from '../services/releases/history';
import { unduplicated } from '../services/stats';
import { apiTest, createTestApp, releaseTimeout, survivorsQuarter, testConfig } from '../testing';

const catalog = readDefaultCatalog();

const survivors = (type: AgencyType, served: number, shared = 0) =>
  survivorsQuarter(catalog, type, served, shared);

type StoredCell = { id: string; value: number | null; suppressed: boolean };

const test = apiTest
  /** Every published period's cells for an audience, rebuilt from the approved reports. */
  .extend(
    'trueCube',
    ({ db }) =>
      (audience: Audience): Cube =>
        historyCube(db, audience),
  )
  .extend('storedCells', ({ db }) => (releaseId: number, audience: Audience): Map<string, StoredCell> => {
    const rows = db
      .prepare(
        `SELECT period_code || '/' || geo_code || '/' || table_code || '/' || option_key AS id, value, suppressed
         FROM published_cells WHERE release_id = ? AND audience = ?`,
      )
      .all(releaseId, audience) as Array<{ id: string; value: number | null; suppressed: number }>;
    return new Map(rows.map((r) => [r.id, { ...r, suppressed: r.suppressed === 1 }]));
  })
  .extend('get', ({ app }) => async (path: string, cookie?: string) => {
    const response = await app.request(path, { headers: cookie ? { Cookie: cookie } : {} });
    return { status: response.status, body: await response.json() };
  });

describe('DISCLOSURE test 9: the API serves only the protected cube', { timeout: releaseTimeout }, () => {
  test.beforeEach(async ({ approve, publish }) => {
    approve('river', '2026Q2', survivors('victim_services', 30, 6));
    approve('hills', '2026Q2', survivors('health_care', 25, 8));
    expect((await publish('2026Q2')).status).toBe('published');
  }, releaseTimeout);

  test.for<[string, string, RegExp]>([
    ['an agency', '?period=2026Q2&agency=RIVER', /agency:.*never one agency or a chosen set/],
    ['a list of agencies', '?period=2026Q2&agencies=RIVER,HILLS', /agencies:.*never one agency/],
    ['a date range', '?from=2026-04-01&to=2026-05-31', /from:.*never a date range/],
    ['a range as the period', '?period=2026Q1..2026Q2', /period: Not a published period/],
    ['a date as the period', '?period=2026-04-01', /period: Not a published period/],
    ['two periods', '?period=2026Q1&period=2026Q2', /period: Give "period" once/],
    ['an unknown parameter', '?period=2026Q2&groupBy=agency', /groupBy.*not a parameter/],
    ['an unpublished period', '?period=2026Q3', /2026Q3 has not been published/],
    ['an unpublished year', '?period=2026', /2026 has not been published/],
    ['an unknown geography', '?period=2026Q2&geo=XYZ', /no geography "XYZ"/],
  ])('refuses %s with 400', async ([_name, query, message], { get }) => {
    const { status, body } = await get(`/api/stats/survivors_served.gender${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid-request');
    expect(body.error.message).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(/"value"/);
  });

  test.for<[string, string, RegExp]>([
    ['an unknown table', '/api/stats/survivors_by_agency?period=2026Q2', /no table "survivors_by_agency"/],
    [
      'a two-way table for the public',
      '/api/stats/survivors_served.type_age?period=2026Q2',
      /published to signed-in members only/,
    ],
    [
      'a county for the public',
      '/api/stats/survivors_served.gender?period=2026Q2&geo=SCL',
      /coalition-wide only/,
    ],
    [
      'an agency as a geography',
      '/api/stats/survivors_served.gender?period=2026Q2&geo=RIVER',
      /no geography "RIVER"/,
    ],
    ['a filter on the table list', '/api/stats/tables?agency=RIVER', /never one agency/],
    ['a filter on a release', '/api/releases/1/cells?agency=RIVER', /Only "audience" may be given/],
  ])('refuses %s with 400', async ([_name, path, message], { get }) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(message);
  });

  test('the coalition audience needs a signed-in member', async ({ get, signIn }) => {
    expect((await get('/api/stats/survivors_served.gender?period=2026Q2&audience=coalition')).status).toBe(
      401,
    );
    expect((await get('/api/releases/1/cells?audience=coalition')).status).toBe(401);
    expect((await get('/api/stats/tables?audience=coalition')).status).toBe(401);
    const viewer = await signIn('viewer@test.example');
    const table = await get('/api/stats/survivors_served.type_age?period=2026Q2&geo=SBN', viewer);
    expect(table.status).toBe(200);
    expect(table.body.audience).toBe('coalition');
    const publicView = await get('/api/stats/survivors_served.gender?period=2026Q2&audience=public', viewer);
    expect(publicView.body.audience).toBe('public');
  });

  test.for([
    ['public', null],
    ['coalition', 'viewer@test.example'],
  ] as const)(
    'every %s figure served is a published cell of the protected cube, with its true value',
    async ([audience, email], { db, get, signIn, storedCells, trueCube }) => {
      const cookie = email ? await signIn(email) : undefined;
      const release = db
        .prepare(`SELECT id FROM releases WHERE status = 'published'`)
        .pluck()
        .get() as number;
      const stored = storedCells(release, audience);
      const cube = new Map(trueCube(audience).cells.map((c) => [c.id, c]));
      const { body: list } = await get('/api/stats/tables', cookie);
      expect(list.audience).toBe(audience);
      expect(list.tables.length).toBeGreaterThan(0);
      let served = 0;
      for (const table of list.tables)
        for (const period of table.periods)
          for (const geo of table.geographies) {
            const { status, body } = await get(
              `/api/stats/${table.code}?period=${period}&geo=${geo}`,
              cookie,
            );
            expect(status).toBe(200);
            for (const cell of body.cells) {
              const key = table.dimensions.map((d: { category: string }) => cell[d.category]).join('|');
              const total = key === '' || key.split('|').every((k: string) => k === '_total');
              const id = total
                ? cellId(period, geo, table.element, '_total')
                : cellId(period, geo, table.code, key);
              const storedCell = stored.get(id);
              expect(storedCell, id).toBeDefined();
              expect(cell.suppressed).toBe(storedCell?.suppressed);
              if (cell.suppressed) expect(cell.value).toBeNull();
              else expect(cell.value).toBe(cube.get(id)?.value);
              served++;
            }
          }
      expect(served).toBeGreaterThan(20);
    },
  );

  test('a table says how complete it is and, for survivors served, the unduplicated range', async ({
    get,
    signIn,
  }) => {
    const viewer = await signIn('viewer@test.example');
    const { body } = await get('/api/stats/survivors_served.gender?period=2026Q2', viewer);
    expect(body).toMatchObject({
      table: 'survivors_served.gender',
      element: 'survivors_served',
      name: 'Survivors served · By gender identity',
      kind: 'people',
      period: '2026Q2',
      geo: 'coalition',
      release: { sequence: 1, catalogVersion: 1 },
      completeness: { reported: 2, expected: 2 },
    });
    expect(body.dimensions).toEqual([
      expect.objectContaining({ category: 'gender', name: 'Gender identity', additive: true }),
    ]);
    expect(body.cells.find((c: { gender: string }) => c.gender === '_total')).toEqual({
      gender: '_total',
      value: 55,
      suppressed: false,
    });
    // S = 55, D = 14, m = 2: [55 − 14 + 7, 55 − 14 + 7].
    expect(body.unduplicated).toEqual({ lower: 48, upper: 48 });
    const law = await get('/api/stats/arrests?period=2026Q2', viewer);
    expect(law.body.unduplicated).toBeNull();
    expect(law.body.completeness).toEqual({ reported: 0, expected: 0 });
  });
});

test.each([
  [100, 20, 3, { lower: 87, upper: 90 }],
  [100, 0, 5, { lower: 100, upper: 100 }],
  [100, 20, 1, { lower: 100, upper: 100 }],
  [10, 1, 2, { lower: 10, upper: 10 }],
])('the unduplicated range of S=%i, D=%i over %i agencies', (served, shared, agencies, range) => {
  expect(unduplicated(served, shared, agencies)).toEqual(range);
});

describe('DISCLOSURE test 10: years and revisions are audited with what was already published', {
  timeout: releaseTimeout,
}, () => {
  /** Checks with LPs that no sensitive hidden cell can be narrowed down, by an outsider or by an agency. */
  async function expectProtected(cube: Cube, hidden: ReadonlySet<string>, threshold: number) {
    const outsider = await feasibilityIntervals(cube.cells, cube.relations, hidden);
    const small = cube.cells.filter(
      (c) => hidden.has(c.id) && c.kind === 'people' && c.value >= 1 && c.value < threshold,
    );
    expect(small.length).toBeGreaterThan(0);
    for (const cell of small) {
      const interval = outsider.get(cell.id);
      expect(interval?.lower, cell.id).toBeLessThanOrEqual(1e-6);
      expect(interval?.upper, cell.id).toBeGreaterThanOrEqual(threshold - 1e-6);
    }
    for (const agency of ['RIVER', 'HILLS']) {
      const insider = await feasibilityIntervals(cube.cells, cube.relations, hidden, agency);
      for (const cell of cube.cells) {
        const remainder = cell.value - (cell.contributions.get(agency) ?? 0);
        if (!hidden.has(cell.id) || cell.kind !== 'people' || remainder <= 0 || remainder >= threshold)
          continue;
        if ((cell.contributions.get(agency) ?? 0) === 0) continue;
        const interval = insider.get(cell.id);
        expect(interval?.lower, `${cell.id} for ${agency}`).toBeLessThanOrEqual(1e-6);
        expect(interval?.upper, `${cell.id} for ${agency}`).toBeGreaterThanOrEqual(threshold - 1e-6);
      }
    }
  }

  test('a year total is audited with its quarters: together the published releases give nothing small away', async ({
    approve,
    get,
    publish,
    signIn,
    storedCells,
    trueCube,
  }) => {
    // San Benito's one agency serves 6, 7, 8 and then 2 survivors: the year (23) would be publishable
    // alone, and subtracting the first three quarters from it would give the last one away.
    const hills = [6, 7, 8, 2];
    ['2025Q1', '2025Q2', '2025Q3', '2025Q4'].forEach((quarter, i) => {
      approve('river', quarter, survivors('victim_services', 30 + i, 6));
      approve('hills', quarter, survivors('health_care', hills[i] as number, 1));
    });
    const releases = [];
    for (const quarter of ['2025Q1', '2025Q2', '2025Q3', '2025Q4']) releases.push(await publish(quarter));
    expect(releases.map((r) => r.status)).toEqual(['published', 'published', 'published', 'published']);
    expect(releases[3]?.periods).toEqual(['2025H2', '2025Q4', '2025']);

    const viewer = await signIn('viewer@test.example');
    const yearTable = await get('/api/stats/new_survivors.gender?period=2025&geo=SBN', viewer);
    expect(yearTable.body).toMatchObject({ period: '2025', release: { id: releases[3]?.id } });
    expect(yearTable.body.completeness).toEqual({ reported: 1, expected: 1 });
    const firstQuarter = await get('/api/stats/new_survivors.gender?period=2025Q1&geo=SBN', viewer);
    expect(firstQuarter.body.release.id).toBe(releases[0]?.id);
    const tables = (await get('/api/stats/tables', viewer)).body.tables;
    expect(tables.find((x: { code: string }) => x.code === 'arrests').periods).toEqual([
      '2025Q1',
      '2025Q2',
      '2025H1',
      '2025Q3',
      '2025Q4',
      '2025H2',
      '2025',
    ]);

    const yearRelease = releases[3]?.id as number;
    const yearCell = storedCells(yearRelease, 'coalition').get(
      cellId('2025', 'SBN', 'new_survivors', '_total'),
    );
    const q4Cell = storedCells(yearRelease, 'coalition').get(
      cellId('2025Q4', 'SBN', 'new_survivors', '_total'),
    );
    expect(q4Cell?.suppressed).toBe(true);
    expect(yearCell?.suppressed).toBe(true);

    for (const audience of ['coalition', 'public'] as const) {
      const hidden = new Set<string>();
      for (const r of releases)
        for (const [id, cell] of storedCells(r.id, audience)) if (cell.suppressed) hidden.add(id);
      const cube = trueCube(audience);
      // Every cell of the four quarters and the year is stored by exactly one release.
      const storedIds = new Set(releases.flatMap((r) => [...storedCells(r.id, audience).keys()]));
      expect(storedIds).toEqual(new Set(cube.cells.map((c) => c.id)));
      await expectProtected(cube, hidden, defaultThresholds[audience]);
    }
  });

  test('a late revision: a cell hidden in release 1 stays hidden in release 2, and unchanged published cells stay published', async ({
    approve,
    publish,
    storedCells,
    trueCube,
  }) => {
    approve('river', '2026Q2', survivors('victim_services', 30, 6));
    approve('hills', '2026Q2', survivors('health_care', 3, 0));
    const first = await publish('2026Q2');
    const firstCells = storedCells(first.id, 'coalition');
    const corrected = cellId('2026Q2', 'SBN', 'survivors_served.gender', 'female');
    expect(firstCells.get(corrected)?.suppressed).toBe(true);

    // Hills corrects its 3 survivors served to 20 (3 of them new): alone, 20 would now be published.
    const newSurvivors = Object.entries(survivors('health_care', 3, 0)).filter(([key]) =>
      key.startsWith('new_'),
    );
    approve('hills', '2026Q2', { ...survivors('health_care', 20, 0), ...Object.fromEntries(newSurvivors) });
    const fresh = trueCube('coalition');
    const alone = await protect({
      cells: fresh.cells,
      relations: fresh.relations,
      audience: 'coalition',
      threshold: 5,
    });
    expect(alone.cells.find((c) => c.id === corrected)?.suppressed).toBe(false);

    const second = await publish('2026Q2');
    expect(second).toMatchObject({ status: 'published', sequence: 2 });
    const secondCells = storedCells(second.id, 'coalition');
    expect(secondCells.get(corrected)).toEqual({ id: corrected, value: null, suppressed: true });
    const now = new Map(fresh.cells.map((c) => [c.id, c.value]));
    for (const [id, cell] of firstCells) {
      if (cell.suppressed) expect(secondCells.get(id)?.suppressed, id).toBe(true);
      else if (cell.value === now.get(id)) expect(secondCells.get(id)?.value, id).toBe(cell.value);
    }
    const hidden = new Set([...secondCells].filter(([, c]) => c.suppressed).map(([id]) => id));
    await expectProtected(fresh, hidden, 5);
  });
});

describe('DISCLOSURE test 11: one cell, one value, in every format; no hidden value anywhere', {
  timeout: releaseTimeout,
}, () => {
  test.beforeEach(async ({ approve, publish }) => {
    // River's 1234 and Hills' 3 make coalition cells of 1237 that River alone could take apart: hidden.
    approve('river', '2026Q2', survivors('victim_services', 1234, 0));
    approve('hills', '2026Q2', survivors('health_care', 3, 0));
    expect((await publish('2026Q2')).status).toBe('published');
  }, releaseTimeout);

  test.for([
    ['public', null],
    ['coalition', 'viewer@test.example'],
  ] as const)(
    'the %s cells are identical in JSON and CSV, and hidden ones have no value in either',
    async ([audience, email], { app, signIn, storedCells, trueCube }) => {
      const cookie = email ? await signIn(email) : undefined;
      const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
      const path = `/api/releases/1/cells?audience=${audience}`;
      const jsonResponse = await app.request(path, { headers });
      const csvResponse = await app.request(path, { headers: { ...headers, Accept: 'text/csv' } });
      expect(jsonResponse.status).toBe(200);
      expect(csvResponse.headers.get('Content-Type')).toMatch(/^text\/csv/);
      const jsonText = await jsonResponse.text();
      const csvText = await csvResponse.text();
      const body = JSON.parse(jsonText);
      expect(body).toMatchObject({ release: { id: 1, period: '2026Q2', sequence: 1 }, audience });
      const [header, ...rows] = parseCsv(csvText).map((r) => r.cells);
      expect(header?.slice(0, 4)).toEqual(['table', 'element', 'period', 'geo']);
      expect(header?.slice(-2)).toEqual(['value', 'suppressed']);
      expect(rows).toHaveLength(body.cells.length);
      const categories = (header as string[]).slice(4, -2);
      body.cells.forEach((cell: Record<string, unknown>, i: number) => {
        const row = rows[i] as string[];
        expect(row.slice(0, 4)).toEqual([cell.table, cell.element, cell.period, cell.geo]);
        categories.forEach((category, k) => {
          expect(row[4 + k]).toBe((cell[category] as string | undefined) ?? '');
        });
        expect(row.at(-1)).toBe(String(cell.suppressed));
        expect(row.at(-2)).toBe(cell.value === null ? '' : String(cell.value));
        if (cell.suppressed) expect(cell.value).toBeNull();
      });

      // The hidden cells' true values: none is in either payload, nor in the statistics or releases.
      const cube = trueCube(audience);
      const stored = storedCells(1, audience);
      const hiddenValues = new Set(
        cube.cells.filter((c) => stored.get(c.id)?.suppressed).map((c) => c.value),
      );
      const publishedValues = new Set([...stored.values()].map((c) => c.value));
      const searchable = [...hiddenValues].filter((v) => v >= 100 && !publishedValues.has(v));
      expect(searchable).toContain(1237);
      const statistics = await app.request('/api/stats/survivors_served.gender?period=2026Q2', { headers });
      const releases = await app.request('/api/releases', { headers });
      const payloads = [jsonText, csvText, await statistics.text(), await releases.text()];
      for (const value of searchable)
        for (const payload of payloads)
          expect(payload).not.toMatch(new RegExp(`(?<![0-9])${value}(?![0-9])`));
      const hiddenCount = body.cells.filter((c: { suppressed: boolean }) => c.suppressed).length;
      expect(hiddenCount).toBeGreaterThan(0);
    },
  );

  test('a statistics table shows each cell exactly as the release stored it', async ({ get, signIn }) => {
    const viewer = await signIn('viewer@test.example');
    const cells = (await get('/api/releases/1/cells?audience=coalition', viewer)).body.cells as Array<
      Record<string, string | number | boolean | null>
    >;
    for (const geo of ['coalition', 'SCL', 'SBN']) {
      const { body } = await get(`/api/stats/survivors_served.citizenship?period=2026Q2&geo=${geo}`, viewer);
      for (const cell of body.cells) {
        const match = cells.find(
          (c) =>
            c.geo === geo &&
            (cell.citizenship === '_total'
              ? c.table === 'survivors_served'
              : c.table === 'survivors_served.citizenship' && c.citizenship === cell.citizenship),
        );
        expect(match, `${geo} ${cell.citizenship}`).toBeDefined();
        expect([cell.value, cell.suppressed]).toEqual([match?.value, match?.suppressed]);
      }
    }
  });
});

describe('a series: one table over every published period of an interval', {
  timeout: releaseTimeout,
}, () => {
  test.beforeEach(async ({ approve, publish }) => {
    // Four quarters of 2025 and the first of 2026: the fourth release publishes the year 2025, the
    // third the federal fiscal year 2025 (which needs 2024Q4, never reported here, so it is not published).
    ['2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q1'].forEach((quarter, i) => {
      approve('river', quarter, survivors('victim_services', 30 + i, 6));
      approve('hills', quarter, survivors('health_care', 20 + i, 4));
    });
    for (const quarter of ['2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q1'])
      expect((await publish(quarter)).status).toBe('published');
  }, releaseTimeout);

  test.for<[string, string[]]>([
    ['quarter', ['2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q1']],
    ['half', ['2025H1', '2025H2']],
    ['year', ['2025']],
    ['fy', []],
  ])('interval=%s lists the published periods oldest first', async ([interval, periods], { get, signIn }) => {
    const viewer = await signIn('viewer@test.example');
    const { status, body } = await get(
      `/api/stats/survivors_served.gender/series?interval=${interval}&geo=SCL`,
      viewer,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      table: 'survivors_served.gender',
      element: 'survivors_served',
      kind: 'people',
      geo: 'SCL',
      interval,
      audience: 'coalition',
    });
    expect(body.periods.map((p: { period: string }) => p.period)).toEqual(periods);
  });

  test.for([
    ['public', null, 'coalition', 'survivors_served.gender'],
    ['coalition', 'viewer@test.example', 'SBN', 'survivors_served.type_age'],
    ['coalition', 'viewer@test.example', 'coalition', 'trainings_delivered'],
  ] as const)(
    'each period of a %s series is exactly what the one-period table serves (%s, %s)',
    async ([audience, email, geo, table], { get, signIn }) => {
      const cookie = email ? await signIn(email) : undefined;
      const { body } = await get(`/api/stats/${table}/series?geo=${geo}`, cookie);
      expect(body.audience).toBe(audience);
      expect(body.periods).toHaveLength(5);
      for (const point of body.periods) {
        const one = (await get(`/api/stats/${table}?period=${point.period}&geo=${geo}`, cookie)).body;
        expect(point).toEqual({
          period: one.period,
          release: one.release,
          provisional: one.provisional,
          coalitionCompleteness: one.coalitionCompleteness,
          completeness: one.completeness,
          unduplicated: one.unduplicated,
          cells: one.cells,
        });
        expect(body.dimensions).toEqual(one.dimensions);
      }
      // The quarters' releases are different releases.
      expect(new Set(body.periods.map((p: { release: { id: number } }) => p.release.id)).size).toBe(5);
    },
  );

  test.for<[string, string, RegExp]>([
    ['a period', '?period=2025Q1', /period: A series covers every published period/],
    ['a date range', '?from=2025-01-01&to=2025-06-30', /from:.*never a date range/],
    ['an agency', '?agency=RIVER', /agency:.*never one agency/],
    ['an unknown interval', '?interval=month', /interval: The interval is "quarter", "year"/],
    ['two intervals', '?interval=quarter&interval=year', /interval: Give "interval" once/],
    ['two geographies', '?geo=SCL&geo=SBN', /geo: Give "geo" once/],
    [
      'an unknown parameter',
      '?groupBy=agency',
      /groupBy.*not a parameter here: only geo, interval and audience/,
    ],
    ['an unknown geography', '?geo=XYZ', /no geography "XYZ"/],
  ])('refuses %s with 400', async ([_name, query, message], { get, signIn }) => {
    const viewer = await signIn('viewer@test.example');
    const { status, body } = await get(`/api/stats/survivors_served.gender/series${query}`, viewer);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid-request');
    expect(body.error.message).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(/"value"/);
  });

  test.for<[string, string, number, RegExp]>([
    ['an unknown table', '/api/stats/survivors_by_agency/series', 400, /no table "survivors_by_agency"/],
    [
      'a two-way table for the public',
      '/api/stats/survivors_served.type_age/series',
      400,
      /published to signed-in members only/,
    ],
    [
      'a county for the public',
      '/api/stats/survivors_served.gender/series?geo=SCL',
      400,
      /coalition-wide only/,
    ],
    [
      'the coalition audience signed out',
      '/api/stats/survivors_served.gender/series?audience=coalition',
      401,
      /sign in/,
    ],
  ])('refuses %s', async ([_name, path, status, message], { get }) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(response.body.error.message).toMatch(message);
  });

  test('an interval with nothing published gives a series with no periods', async ({ get }) => {
    const { body } = await get('/api/stats/survivors_served.gender/series?interval=fy');
    expect(body.periods).toEqual([]);
  });
});

describe('what the stats API keeps from published releases', { timeout: releaseTimeout }, () => {
  type Body = Record<string, unknown> & {
    release: { sequence: number };
    cells: Array<Record<string, unknown>>;
  };
  const genderTotal = (table: Body) => table.cells.find((c) => c.gender === '_total')?.value;
  const releaseOf = (db: Db, status: string, period: string) =>
    db
      .prepare(
        `SELECT r.id FROM releases r JOIN reporting_periods p ON p.id = r.period_id
         WHERE r.status = ? AND p.code = ?`,
      )
      .pluck()
      .get(status, period) as number;

  test('a new release, and a correction of a published quarter, are served at once', async ({
    approve,
    get,
    publish,
    signIn,
  }) => {
    const viewer = await signIn('viewer@test.example');
    const table = (period: string) => get(`/api/stats/survivors_served.gender?period=${period}`, viewer);
    const series = async () =>
      (await get('/api/stats/survivors_served.gender/series', viewer)).body.periods.map(
        (p: Body & { period: string }) => [p.period, p.release.sequence, genderTotal(p)],
      );
    const listed = async () =>
      (await get('/api/stats/tables', viewer)).body.tables.find(
        (x: { code: string }) => x.code === 'survivors_served.gender',
      )?.periods;

    approve('river', '2026Q1', survivors('victim_services', 30, 6));
    approve('hills', '2026Q1', survivors('health_care', 25, 8));
    expect((await publish('2026Q1')).status).toBe('published');
    // Read everything once, so each answer below would come from what was kept if it went stale.
    expect(genderTotal((await table('2026Q1')).body)).toBe(55);
    expect((await table('2026Q2')).status).toBe(400);
    expect(await series()).toEqual([['2026Q1', 1, 55]]);
    expect(await listed()).toEqual(['2026Q1']);

    approve('river', '2026Q2', survivors('victim_services', 31, 6));
    approve('hills', '2026Q2', survivors('health_care', 26, 8));
    expect((await publish('2026Q2')).status).toBe('published');
    expect(genderTotal((await table('2026Q2')).body)).toBe(57);
    expect(await series()).toEqual([
      ['2026Q1', 1, 55],
      ['2026Q2', 1, 57],
    ]);
    // 2026Q2 publishes its half-year too, made of quarters both published.
    expect(await listed()).toEqual(['2026Q1', '2026Q2', '2026H1']);

    // River corrects 2026Q1: the second release of the quarter supersedes the first.
    approve('river', '2026Q1', survivors('victim_services', 40, 6));
    expect((await publish('2026Q1')).status).toBe('published');
    const corrected = (await table('2026Q1')).body;
    expect(corrected.release.sequence).toBe(2);
    expect(genderTotal(corrected)).toBe(65);
    expect(await series()).toEqual([
      ['2026Q1', 2, 65],
      ['2026Q2', 1, 57],
    ]);
  });

  test('each audience gets its own cells, whichever audience asked first', async ({
    approve,
    db,
    dbPath,
    publish,
    signIn,
    storedCells,
  }) => {
    // 23 women and 7 men: some published for the coalition (5 or more) are hidden from the public
    // (under 11). Hills's 3 survivors are hidden in its county for the coalition; the public sees no
    // counties.
    approve('river', '2026Q2', {
      ...survivors('victim_services', 30, 6),
      'survivors_served.gender.female': 23,
      'survivors_served.gender.male': 7,
      'new_survivors.gender.female': 23,
      'new_survivors.gender.male': 7,
    });
    approve('hills', '2026Q2', survivors('health_care', 3, 0));
    expect((await publish('2026Q2')).status).toBe('published');
    const releaseId = releaseOf(db, 'published', '2026Q2');
    const config = testConfig();
    const warm = createTestApp(db, config);
    const viewer = await signIn('viewer@test.example', warm);
    const paths = [
      '/api/stats/tables',
      '/api/stats/survivors_served.gender?period=2026Q2',
      '/api/stats/survivors_served.gender/series',
      '/api/stats/survivors_served.gender?period=2026Q2&geo=SBN',
    ];
    const asked: Array<[string, string | undefined]> = paths.flatMap((path) => [
      [path, undefined],
      [path, viewer],
      [`${path}${path.includes('?') ? '&' : '?'}audience=public`, viewer],
      [path, viewer],
      [path, undefined],
    ]);
    const answer = async (a: ReturnType<typeof createTestApp>, path: string, cookie?: string) => {
      const response = await a.request(path, { headers: cookie ? { Cookie: cookie } : {} });
      return { status: response.status, body: await response.json() };
    };
    const answers: Array<Awaited<ReturnType<typeof answer>>> = [];
    for (const [path, cookie] of asked) answers.push(await answer(warm, path, cookie));

    // A second connection to the same file has kept nothing: it answers from the database afresh.
    const fresh = openDatabase(dbPath);
    try {
      const cold = createTestApp(fresh, config);
      for (const [i, [path, cookie]] of asked.entries())
        expect(answers[i], `${path} ${cookie ? 'signed in' : 'signed out'}`).toEqual(
          await answer(cold, path, cookie),
        );
    } finally {
      fresh.close();
    }

    // And every cell served is the stored cell of the audience it was served to.
    const county = answers.find((a) => a.body.geo === 'SBN' && a.body.audience === 'coalition');
    expect(county?.body.cells.find((c: { gender: string }) => c.gender === 'female')).toEqual({
      gender: 'female',
      value: null,
      suppressed: true,
    });
    expect(answers.filter((a) => a.body.geo === 'SBN' && a.body.audience === 'public')).toEqual([]);
    // Some gender is shown to members and hidden from the public: each audience got its own.
    const stored = {
      coalition: storedCells(releaseId, 'coalition'),
      public: storedCells(releaseId, 'public'),
    };
    const differs = ['female', 'male'].find((gender) => {
      const id = cellId('2026Q2', 'coalition', 'survivors_served.gender', gender);
      return stored.coalition.get(id)?.suppressed === false && stored.public.get(id)?.suppressed === true;
    });
    expect(differs).toBeDefined();
    const served = (audience: Audience) =>
      answers
        .filter((a) => a.body.geo === 'coalition' && a.body.audience === audience && a.body.cells)
        .map((a) => a.body.cells.find((c: { gender: string }) => c.gender === differs));
    expect(new Set(served('coalition').map((c) => c.suppressed))).toEqual(new Set([false]));
    expect(new Set(served('public').map((c) => JSON.stringify(c)))).toEqual(
      new Set([JSON.stringify({ gender: differs, value: null, suppressed: true })]),
    );
    for (const { body } of answers.filter((a) => a.body.period === '2026Q2' && a.body.cells)) {
      const stored = storedCells(releaseId, body.audience);
      for (const cell of body.cells as Array<{ gender: string; value: number | null; suppressed: boolean }>) {
        const id =
          cell.gender === '_total'
            ? cellId('2026Q2', body.geo, 'survivors_served', '_total')
            : cellId('2026Q2', body.geo, 'survivors_served.gender', cell.gender);
        expect({ value: cell.value, suppressed: cell.suppressed }, `${body.audience} ${id}`).toEqual({
          value: stored.get(id)?.value,
          suppressed: stored.get(id)?.suppressed,
        });
      }
    }
  });
});

describe('the tables list', { timeout: releaseTimeout }, () => {
  test('a two-way breakdown says at which periods each of its categories is published', async ({
    approve,
    db,
    get,
    publish,
    signIn,
  }) => {
    // The default plan publishes type of trafficking by half-year to members, age groups by year only.
    installCatalog(db, { ...catalog, version: catalog.version + 1 }, null, readDefaultPlan(catalog));
    for (const quarter of ['2026Q1', '2026Q2']) {
      approve('river', quarter, survivors('victim_services', 30, 6));
      approve('hills', quarter, survivors('health_care', 25, 8));
      expect((await publish(quarter)).status).toBe('published');
    }
    const viewer = await signIn('viewer@test.example');
    const { body } = await get('/api/stats/tables', viewer);
    const listed = (code: string) =>
      body.tables.find((t: { code: string }) => t.code === code) as {
        periods: string[];
        dimensions: Array<{ category: string; periods: string[] }>;
      };
    const typeAge = listed('survivors_served.type_age');
    expect(typeAge.periods).toEqual(['2026H1']);
    expect(typeAge.dimensions.map((d) => [d.category, d.periods])).toEqual([
      ['trafficking_type', ['2026H1']],
      ['age_group', []],
    ]);
    // A table of one category is published along it whenever it is published.
    const gender = listed('survivors_served.gender');
    expect(gender.dimensions.map((d) => [d.category, d.periods])).toEqual([['gender', ['2026H1']]]);
  });
});

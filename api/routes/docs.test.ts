import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { readDefaultCatalog } from '../queries/catalog';
import { apiTest, createTestApp, releaseTimeout, survivorsQuarter, type TestApp } from '../testing';

const catalog = readDefaultCatalog();

const test = apiTest
  /** The OpenAPI document, as the app serves it. */
  .extend(
    'getDoc',
    ({ app }) =>
      async (): Promise<Json> =>
        (await app.request('/api/openapi.json')).json(),
  )
  /** A release of 2026Q2, published from both members' approved reports: its id. */
  .extend('releaseId', async ({ approve, publish }) => {
    approve('river', '2026Q2', survivorsQuarter(catalog, 'victim_services', 3));
    approve('hills', '2026Q2', survivorsQuarter(catalog, 'health_care', 25, 8));
    const release = await publish('2026Q2');
    expect(release.status).toBe('published');
    return release.id;
  })
  /** The document, read once the release is published. */
  .extend('doc', async ({ releaseId: _published, getDoc }) => getDoc())
  /** A GET of the app, `{id}` in the url standing for the release: its status, type and body. */
  .extend(
    'request',
    ({ app, releaseId }) =>
      async (url: string, query: Record<string, string>, headers: Record<string, string> = {}) => {
        const response = await app.request(
          `${url.replace('{id}', String(releaseId))}?${new URLSearchParams(query)}`,
          { headers },
        );
        const type = response.headers.get('Content-Type') ?? '';
        return {
          status: response.status,
          type,
          body: type.includes('json') ? await response.json() : await response.text(),
        };
      },
  );

test('the OpenAPI document describes the submission endpoints from the validators’ own schemas', async ({
  app,
}) => {
  const response = await app.request('/api/openapi.json');
  expect(response.status).toBe(200);
  const doc = await response.json();
  expect(doc.openapi).toBe('3.1.0');
  for (const path of [
    '/api/submissions/{agency}/{period}/values',
    '/api/submissions/{agency}/{period}/submit',
    '/api/submissions/{agency}/{period}/upload',
    '/api/submissions/{agency}/{period}/template.csv',
    // The route names its path parameter agencyCode; the document uses the route's own name.
    '/api/agencies/{agencyCode}/tokens',
  ])
    expect(Object.keys(doc.paths)).toContain(path);
  const put = doc.paths['/api/submissions/{agency}/{period}/values'].put;
  expect(put.requestBody.content['application/json'].schema.properties.values.additionalProperties).toEqual({
    type: ['number', 'null'],
  });
  const returnBody = doc.paths['/api/submissions/{agency}/{period}/return'].post.requestBody;
  expect(returnBody.content['application/json'].schema.properties.comment).toMatchObject({
    type: 'string',
    maxLength: 2000,
  });
  expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
});

test('the interactive reference page and its assets are served from the project itself', async ({ app }) => {
  const page = await app.request('/api/docs');
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('Scope API reference');
  for (const src of [
    '/api/docs/assets/swagger-ui-bundle.js',
    '/api/docs/assets/swagger-ui.css',
    '/api/docs/init.js',
  ]) {
    expect(html).toContain(src);
    const asset = await app.request(src);
    expect(asset.status).toBe(200);
    expect((await asset.text()).length).toBeGreaterThan(20);
  }
  expect(html).not.toMatch(/https?:\/\//);
  expect((await app.request('/api/docs/assets/package.json')).status).toBe(404);
  // Names every object inherits are not files either.
  for (const inherited of ['toString', 'constructor', '__proto__'])
    expect((await app.request(`/api/docs/assets/${inherited}`)).status).toBe(404);
});

// ---- Published statistics and releases ------------------------------------------------------------

// biome-ignore lint/suspicious/noExplicitAny: the tests read the document and response bodies as plain JSON.
type Json = Record<string, any>;

/** The parameters of an operation, the path's and its own. */
const parametersOf = (doc: Json, path: string, method = 'get'): Json[] => [
  ...(doc.paths[path].parameters ?? []),
  ...(doc.paths[path][method].parameters ?? []),
];

const resolve = (doc: Json, schema: Json): Json =>
  schema.$ref ? resolve(doc, doc.components.schemas[schema.$ref.split('/').at(-1)]) : schema;

/**
 * Where a value breaks a documented schema (the parts of JSON Schema the document uses): empty when
 * it conforms. Objects may have only the properties documented, unless additionalProperties says more
 * (`false`, or left out, says no more).
 */
function problems(doc: Json, raw: Json, value: unknown, at = '$'): string[] {
  const schema = resolve(doc, raw);
  if (schema.anyOf) {
    const fits = schema.anyOf.some((s: Json) => problems(doc, s, value, at).length === 0);
    return fits ? [] : [`${at}: fits none of anyOf`];
  }
  if ('const' in schema && value !== schema.const) return [`${at}: not ${schema.const}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${String(value)} not in enum`];
  const types: string[] | undefined = schema.type === undefined ? undefined : [schema.type].flat();
  const typeOf = (v: unknown) =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v;
  if (types) {
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number')))
      return [`${at}: ${actual}, documented ${types.join(' | ')}`];
  }
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern).test(value))
    return [`${at}: "${value}" doesn't match ${schema.pattern}`];
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum)
    return [`${at}: below ${schema.minimum}`];
  if (Array.isArray(value) && schema.items)
    return value.flatMap((v, i) => problems(doc, schema.items, v, `${at}[${i}]`));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const found: string[] = [];
    for (const key of schema.required ?? []) if (!(key in value)) found.push(`${at}: missing ${key}`);
    for (const [key, v] of Object.entries(value)) {
      const property = schema.properties?.[key];
      if (property) found.push(...problems(doc, property, v, `${at}.${key}`));
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
        found.push(...problems(doc, schema.additionalProperties, v, `${at}.${key}`));
      else if (schema.properties && !schema.additionalProperties) found.push(`${at}.${key}: not documented`);
    }
    return found;
  }
  return [];
}

test('the OpenAPI document describes the published statistics and releases', async ({ getDoc }) => {
  const doc = await getDoc();
  const paths = {
    '/api/stats/tables': ['get'],
    '/api/stats/{table}': ['get'],
    '/api/stats/{table}/series': ['get'],
    '/api/releases': ['get', 'post'],
    '/api/releases/preview': ['get'],
    '/api/releases/policy': ['get', 'put'],
    '/api/releases/settings': ['get', 'put'],
    '/api/releases/{id}': ['get'],
    '/api/releases/{id}/cells': ['get'],
  };
  for (const [path, methods] of Object.entries(paths))
    for (const method of methods) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();

  const names = (path: string) => parametersOf(doc, path).map((p) => `${p.in}:${p.name}`);
  expect(names('/api/stats/tables')).toEqual(['query:audience']);
  expect(names('/api/stats/{table}')).toEqual(['path:table', 'query:period', 'query:geo', 'query:audience']);
  expect(names('/api/stats/{table}/series')).toEqual([
    'path:table',
    'query:geo',
    'query:interval',
    'query:audience',
  ]);
  expect(names('/api/releases/{id}/cells')).toEqual(['path:id', 'query:audience']);
  const parameter = (path: string, name: string) =>
    parametersOf(doc, path).find((p) => p.name === name) as Json;
  expect(parameter('/api/stats/{table}', 'period').schema.pattern).toBe(
    '^(\\d{4}Q[1-4]|\\d{4}H[12]|\\d{4}|FY\\d{4}|SFY\\d{4})$',
  );
  expect(parameter('/api/stats/{table}', 'geo').schema.pattern).toBe('^(coalition|[A-Za-z0-9]{2,16})$');
  expect(parameter('/api/stats/{table}/series', 'interval').schema.enum).toEqual([
    'quarter',
    'half',
    'year',
    'fy',
    'sfy',
  ]);
  expect(parameter('/api/releases/{id}/cells', 'audience').schema.enum).toEqual(['public', 'coalition']);
  for (const path of ['/api/stats/{table}', '/api/stats/{table}/series', '/api/stats/tables'])
    for (const p of parametersOf(doc, path)) expect(p.description, `${path} ${p.name}`).toBeTruthy();
  expect(parameter('/api/stats/{table}', 'audience').description).toMatch(/signed-out.*public.*signed-in/i);
  expect(doc.paths['/api/stats/{table}'].get.description).toMatch(/refused with 400.*naming it/);

  // A cell: its option of each category, a value that is null when hidden, and whether it is hidden.
  const cell = doc.components.schemas.StatsCell;
  expect(cell.required).toEqual(['value', 'suppressed']);
  expect(cell.properties.value.type).toEqual(['integer', 'null']);
  expect(cell.properties.suppressed.type).toBe('boolean');
  expect(cell.additionalProperties.description).toContain('_total');
  const releaseCell = doc.components.schemas.ReleaseCells.properties.cells.items;
  expect(releaseCell.properties.value.type).toEqual(['integer', 'null']);
  expect(releaseCell.properties.suppressed.type).toBe('boolean');
  expect(doc.components.schemas.Completeness.required).toEqual(['reported', 'expected']);
  const table = doc.components.schemas.StatsTable.properties;
  expect(table.cells.items).toEqual({ $ref: '#/components/schemas/StatsCell' });
  for (const key of ['completeness', 'unduplicated', 'release']) expect(table[key]).toBeDefined();

  // JSON by default, CSV when asked for.
  expect(Object.keys(doc.paths['/api/releases/{id}/cells'].get.responses[200].content).sort()).toEqual([
    'application/json',
    'text/csv',
  ]);

  // What only admins do is tagged for them and needs a person signed in, never a token.
  for (const [path, method] of [
    ['/api/releases', 'post'],
    ['/api/releases/preview', 'get'],
    ['/api/releases/policy', 'get'],
    ['/api/releases/policy', 'put'],
    ['/api/releases/settings', 'get'],
    ['/api/releases/settings', 'put'],
  ] as const) {
    expect(doc.paths[path][method].tags, `${method} ${path}`).toEqual(['Releases (admins)']);
    expect(doc.paths[path][method].security).toEqual([{ session: [] }]);
  }
  // The published figures are for anyone, signed in or not.
  expect(doc.paths['/api/stats/{table}'].get.security).toContainEqual({});

  // Every reference resolves, and nothing points outside the project.
  const text = JSON.stringify(doc);
  for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g))
    expect(doc.components.schemas[name as string], name).toBeDefined();
  expect(text).not.toMatch(/https?:\/\//);
  expect(text).not.toMatch(/\/\/[a-z0-9-]+\.[a-z]{2,}/i);
});

const methods = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

/** Every documented operation, as `method path`. */
const documentedOperations = (doc: Json) =>
  Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.keys(item as Json)
      .filter((key) => methods.includes(key))
      .map((method) => `${method} ${path}`),
  );

describe('the document covers every route', () => {
  test.override('app', ({ db }, { onCleanup }) => {
    // The app as it runs in production, with the web app's pages, so their routes are there to skip.
    const webDist = mkdtempSync(join(tmpdir(), 'scope-web-'));
    onCleanup(() => rmSync(webDist, { recursive: true, force: true }));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Scope</title>');
    return createTestApp(db, undefined, webDist);
  });

  /**
   * Every operation the app answers, as `method path` in the document's spelling. Middleware and
   * catch-alls are registered for every method (`ALL`); paths outside /api are the web app's.
   */
  const registeredOperations = (app: TestApp) =>
    new Set(
      app.routes
        .filter(({ method, path }) => method !== 'ALL' && path.startsWith('/api/'))
        .map(
          ({ method, path }) =>
            `${method.toLowerCase()} ${path.replace(/:([^/{?]+)(\{[^}]*\})?\??/g, '{$1}')}`,
        ),
    );

  test('every route the app registers is in the OpenAPI document, and the document has nothing else', async ({
    app,
    getDoc,
  }) => {
    const registered = registeredOperations(app);
    expect(registered.size).toBeGreaterThan(35);
    expect(registered).toContain('get /api/me');
    expect(registered).toContain('delete /api/agencies/{agencyCode}/tokens/{tokenId}');
    const documented = new Set(documentedOperations(await getDoc()));
    expect(
      [...registered].filter((operation) => !documented.has(operation)),
      'routes missing from the document',
    ).toEqual([]);
    expect(
      [...documented].filter((operation) => !registered.has(operation)),
      'documented, but no such route',
    ).toEqual([]);
  });

  test('every operation says what it does, who may call it and how it answers, errors in the one shape', async ({
    getDoc,
  }) => {
    const doc = await getDoc();
    const tags = (doc.tags as Json[]).map((tag) => tag.name);
    for (const operation of documentedOperations(doc)) {
      const [method, path] = operation.split(' ') as [string, string];
      const described = doc.paths[path][method] as Json;
      expect(described.summary, `${operation}: summary`).toBeTruthy();
      expect(described.tags?.length, `${operation}: tags`).toBe(1);
      expect(tags, `${operation}: a declared tag`).toContain(described.tags[0]);
      expect(described.security, `${operation}: security`).toBeDefined();
      for (const p of parametersOf(doc, path, method))
        expect(p.description, `${operation}: words for ${p.in} ${p.name}`).toBeTruthy();
      const statuses = Object.keys(described.responses);
      expect(
        statuses.some((status) => status.startsWith('2')),
        `${operation}: a success`,
      ).toBe(true);
      for (const status of statuses) {
        const response = described.responses[status];
        expect(response.description, `${operation} ${status}: words`).toBeTruthy();
        if (Number(status) >= 400)
          expect(response.content, `${operation} ${status}: the Error shape`).toEqual({
            'application/json': { schema: { $ref: '#/components/schemas/Error' } },
          });
      }
      // A route only for those signed in says how it refuses everyone else.
      const anyone =
        described.security.length === 0 || described.security.some((s: Json) => !Object.keys(s).length);
      if (!anyone) expect(statuses, `${operation}: 401`).toContain('401');
    }
  });
});

describe('the documented answers of the other routes match what they send', () => {
  test.override({ seed: 'history' });

  test('signed in as an admin, a reporter and a viewer, each JSON answer has its documented shape', async ({
    app,
    getDoc,
    signIn,
  }) => {
    const doc = await getDoc();
    const reads: Array<[string, string, string]> = [
      ['/api/health', '/api/health', 'viewer'],
      ['/api/me', '/api/me', 'viewer'],
      ['/api/me', '/api/me', 'river'],
      ['/api/periods', '/api/periods', 'viewer'],
      ['/api/agencies/{agencyCode}/submissions', '/api/agencies/RIVER/submissions', 'river'],
      ['/api/agencies/{agencyCode}/tokens', '/api/agencies/RIVER/tokens', 'river'],
      ['/api/completeness', '/api/completeness', 'admin'],
      ['/api/completeness/summary', '/api/completeness/summary', 'admin'],
      ['/api/catalog/{versionId}', '/api/catalog/1', 'river'],
      ['/api/report-templates', '/api/report-templates', 'viewer'],
      ['/api/submissions', '/api/submissions?period=2026Q3', 'admin'],
      ['/api/submissions/{agency}/{period}', '/api/submissions/RIVER/2026Q3', 'river'],
      ['/api/submissions/{agency}/{period}/values', '/api/submissions/RIVER/2026Q2/values', 'admin'],
      ['/api/submissions/{agency}/{period}/revisions', '/api/submissions/RIVER/2026Q3/revisions', 'river'],
      [
        '/api/submissions/{agency}/{period}/revisions/{revision}',
        '/api/submissions/RIVER/2026Q3/revisions/1',
        'river',
      ],
      [
        '/api/submissions/{agency}/{period}/diff',
        '/api/submissions/RIVER/2026Q3/diff?from=1&to=draft',
        'river',
      ],
      ['/api/releases/policy', '/api/releases/policy', 'admin'],
      ['/api/releases/settings', '/api/releases/settings', 'admin'],
    ];
    const cookies = new Map<string, string>();
    for (const [path, url, who] of reads) {
      const cookie = cookies.get(who) ?? (await signIn(`${who}@test.example`));
      cookies.set(who, cookie);
      const response = await app.request(url, { headers: { Cookie: cookie } });
      expect(response.status, url).toBe(200);
      const schema = doc.paths[path].get.responses[200].content['application/json'].schema;
      expect(problems(doc, schema, await response.json()), `${url} as ${who}`).toEqual([]);
    }

    const river = cookies.get('river') as string;
    const write = async (path: string, method: string, url: string, body: unknown, status = 200) => {
      const response = await app.request(url, {
        method,
        headers: { Cookie: river, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status, url).toBe(status);
      const schema =
        doc.paths[path][method.toLowerCase()].responses[status].content['application/json'].schema;
      expect(problems(doc, schema, await response.json()), `${method} ${url}`).toEqual([]);
    };
    await write(
      '/api/agencies/{agencyCode}/tokens',
      'POST',
      '/api/agencies/RIVER/tokens',
      { name: 'Case system' },
      201,
    );
    await write(
      '/api/agencies/{agencyCode}/tokens/{tokenId}',
      'DELETE',
      '/api/agencies/RIVER/tokens/1',
      undefined,
    );
    await write('/api/submissions/{agency}/{period}/values', 'PUT', '/api/submissions/RIVER/2026Q4/values', {
      values: { survivors_served: 4 },
    });
    await write('/api/auth/logout', 'POST', '/api/auth/logout', undefined);
    // Some twenty requests and three sign-ins: room for a busy machine.
  }, 20_000);
});

describe('the documented statistics endpoints match what the routes do', { timeout: releaseTimeout }, () => {
  /** A value the document allows and one it doesn't, for each parameter documented. */
  const examples: Record<string, { good: string; bad: string }> = {
    period: { good: '2026Q2', bad: '2026-04' },
    geo: { good: 'coalition', bad: 'x' },
    interval: { good: 'quarter', bad: 'month' },
    audience: { good: 'public', bad: 'everyone' },
  };

  const endpoints = [
    { path: '/api/stats/tables', url: '/api/stats/tables', schema: 'StatsTableList' },
    { path: '/api/stats/{table}', url: '/api/stats/survivors_served.gender', schema: 'StatsTable' },
    {
      path: '/api/stats/{table}/series',
      url: '/api/stats/survivors_served.gender/series',
      schema: 'StatsSeries',
    },
    { path: '/api/releases/{id}/cells', url: '/api/releases/{id}/cells', schema: 'ReleaseCells' },
  ];

  test('every documented parameter is accepted with a value the document allows, and refused with one it doesn’t', async ({
    doc,
    request,
  }) => {
    for (const { path, url } of endpoints) {
      const documented = parametersOf(doc, path).filter((p) => p.in === 'query');
      expect(documented.length).toBeGreaterThan(0);
      const all: Record<string, string> = {};
      for (const p of documented) {
        const example = examples[p.name];
        expect(example, `an example for ${p.name}`).toBeDefined();
        if (!example) continue;
        expect(problems(doc, p.schema, example.good), `${p.name}=${example.good}`).toEqual([]);
        expect(problems(doc, p.schema, example.bad), `${p.name}=${example.bad}`).not.toEqual([]);
        all[p.name] = example.good;
        const accepted = await request(url, { [p.name]: example.good });
        expect(accepted.status, `${path} ${p.name}=${example.good}: ${JSON.stringify(accepted.body)}`).toBe(
          200,
        );
        const refused = await request(url, { [p.name]: example.bad });
        expect(refused.status, `${path} ${p.name}=${example.bad}`).toBe(400);
        expect(refused.body.error.message).toContain(p.name);
      }
      expect((await request(url, all)).status, `${path} with every parameter`).toBe(200);
    }
  });

  test('a parameter the document doesn’t list is refused with 400 and a message naming it', async ({
    doc,
    request,
  }) => {
    for (const { path, url } of endpoints) {
      const documented = new Set(parametersOf(doc, path).map((p) => p.name));
      for (const name of ['from', 'to', 'agency', 'agencies', 'exclude', 'colour', 'period', 'interval']) {
        if (documented.has(name)) continue;
        const value = name === 'period' ? '2026Q2' : name === 'interval' ? 'quarter' : 'x';
        const refused = await request(url, { [name]: value });
        expect(refused.status, `${path} ${name}`).toBe(400);
        expect(refused.body.error.code).toBe('invalid-request');
        expect(refused.body.error.message, `${path} ${name}`).toContain(name);
      }
    }
  });

  test('the responses have the documented shape, signed out (public) and signed in (the coalition’s)', async ({
    doc,
    request,
    signIn,
  }) => {
    const admin = await signIn('admin@test.example');
    for (const cookie of [undefined, admin])
      for (const { path, url, schema } of endpoints) {
        const response = await request(url, {}, cookie ? { Cookie: cookie } : {});
        expect(response.status, path).toBe(200);
        expect(response.body.audience).toBe(cookie ? 'coalition' : 'public');
        expect(problems(doc, { $ref: `#/components/schemas/${schema}` }, response.body), path).toEqual([]);
      }
    // County figures for the coalition, and hidden cells as documented: value null, suppressed true
    // (River Street's 3 survivors are Santa Clara's only ones).
    const county = await request('/api/stats/survivors_served.gender', { geo: 'SCL' }, { Cookie: admin });
    expect(problems(doc, { $ref: '#/components/schemas/StatsTable' }, county.body)).toEqual([]);
    const cells = (await request('/api/releases/{id}/cells', {}, { Cookie: admin })).body.cells as Json[];
    expect(cells.some((c) => c.suppressed && c.value === null)).toBe(true);
    expect(cells.every((c) => c.suppressed === (c.value === null))).toBe(true);

    const list = await request('/api/releases', {});
    expect(
      problems(
        doc,
        doc.paths['/api/releases'].get.responses[200].content['application/json'].schema,
        list.body,
      ),
    ).toEqual([]);
    const preview = await request('/api/releases/preview', { period: '2026Q2' }, { Cookie: admin });
    expect(problems(doc, { $ref: '#/components/schemas/ReleasePreview' }, preview.body)).toEqual([]);
    const policy = await request('/api/releases/policy', {}, { Cookie: admin });
    expect(problems(doc, { $ref: '#/components/schemas/DisclosurePolicy' }, policy.body)).toEqual([]);
  });

  test('the cells of a release come as CSV when asked for', async ({ request }) => {
    const csv = await request('/api/releases/{id}/cells', {}, { Accept: 'text/csv' });
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(
      String(csv.body)
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/, 1)[0],
    ).toMatch(/^table,element,period,geo,.*value,suppressed$/);
  });
});

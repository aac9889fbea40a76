import { afterEach, beforeEach, expect, test } from 'vitest';
import { createTestApp, createTestDb, type TestDb } from '../testing';

let t: TestDb;
let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  t = createTestDb();
  app = createTestApp(t.db);
});
afterEach(() => t.cleanup());

test('the OpenAPI document describes the submission endpoints from the validators’ own schemas', async () => {
  const response = await app.request('/api/openapi.json');
  expect(response.status).toBe(200);
  const doc = await response.json();
  expect(doc.openapi).toBe('3.1.0');
  for (const path of [
    '/api/submissions/{agency}/{period}/values',
    '/api/submissions/{agency}/{period}/submit',
    '/api/submissions/{agency}/{period}/upload',
    '/api/submissions/{agency}/{period}/template.csv',
    '/api/agencies/{agency}/tokens',
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

test('the interactive reference page and its assets are served from the project itself', async () => {
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
});

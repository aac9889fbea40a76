import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../context';
import { notFound } from '../errors';
import { docsInit, docsPage, openApiDocument } from '../openapi';

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

/** The OpenAPI document and its interactive reference page; public, like any API's documentation. */
export const docsRoutes = new Hono<AppEnv>()
  .get('/openapi.json', (c) => c.json(openApiDocument()))
  .get('/docs', (c) => c.html(docsPage))
  .get('/docs/init.js', (c) => c.body(docsInit, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
  .get('/docs/assets/:file', (c) => {
    const file = c.req.param('file');
    const type = assets[file];
    if (!type) throw notFound();
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(readFileSync(join(swaggerDir, file)), 200, { 'Content-Type': type });
  });

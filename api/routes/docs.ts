import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Env, Hono, type Schema } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv } from '../context';
import { notFound } from '../errors';
import { callers, docsInit, docsPage, errorResponses, openApiDocument } from '../openapi';

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const reference = (summary: string, what: string) =>
  describeRoute({
    tags: ['Reference'],
    summary,
    security: callers.anyone,
    responses: { 200: { description: what } },
  });

/**
 * The OpenAPI document of `api` and its interactive reference page; public, like any API's
 * documentation. `api` is asked for when the document is first wanted, so it may include these routes.
 */
export function docsRoutes<E extends Env, S extends Schema, P extends string>(api: () => Hono<E, S, P>) {
  return new Hono<AppEnv>()
    .get(
      '/openapi.json',
      describeRoute({
        tags: ['Reference'],
        summary: 'This document: every operation of the API, generated from the routes themselves',
        security: callers.anyone,
        responses: { 200: { description: 'The OpenAPI 3.1 document', content: { 'application/json': {} } } },
      }),
      async (c) => c.json(await openApiDocument(api())),
    )
    .get(
      '/docs',
      reference(
        'The interactive reference: this document to read and try out in the browser',
        'The reference page (HTML)',
      ),
      (c) => c.html(docsPage),
    )
    .get('/docs/init.js', reference('The script that starts the reference page', 'JavaScript'), (c) =>
      c.body(docsInit, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
    )
    .get(
      '/docs/assets/:file',
      describeRoute({
        tags: ['Reference'],
        summary: "The reference page's styles and script, from the project's own copy of Swagger UI",
        security: callers.anyone,
        parameters: [
          {
            name: 'file',
            in: 'path',
            required: true,
            description: 'Which file',
            schema: { type: 'string', enum: Object.keys(assets) },
          },
        ],
        responses: {
          200: { description: 'The file' },
          ...errorResponses({ 404: 'not-found: not one of these files' }),
        },
      }),
      (c) => {
        const file = c.req.param('file');
        // Only the files listed: a name like `toString` is inherited by every object, never a file here.
        const type = Object.hasOwn(assets, file) ? assets[file] : undefined;
        if (!type) throw notFound();
        c.header('Cache-Control', 'public, max-age=86400');
        return c.body(readFileSync(join(swaggerDir, file)), 200, { 'Content-Type': type });
      },
    );
}

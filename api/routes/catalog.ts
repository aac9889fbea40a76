import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { notFound } from '../errors';
import { callers, errorResponses, jsonResponse, notSignedInWords } from '../openapi';
import { getCatalogVersionInfo } from '../queries/catalog';
import { catalogVersion } from '../services/catalog';
import { validate } from '../validate';

export const catalogParams = z.object({
  versionId: z.coerce
    .number()
    .int()
    .min(1)
    .describe('The catalog version’s id, as a submission’s `catalogVersionId` gives it'),
});

const catalogResponse = z.object({
  id: z.number().int(),
  version: z.number().int(),
  label: z.string(),
  catalog: z
    .looseObject({})
    .describe(
      'What agencies report: sections by agency type, elements with their categories and combinations, and the validation rules',
    ),
});

/** A catalog version, as the data-entry form draws it. Versions never change, so it may be cached for good. */
export const catalogRoutes = new Hono<AppEnv>().get(
  '/:versionId',
  describeRoute({
    tags: ['Catalog'],
    summary: 'One version of the catalog: what agencies count, and how it is checked',
    description:
      'A version never changes once made, so the answer may be cached for good (`Cache-Control: immutable`).',
    security: callers.signedIn,
    responses: {
      200: jsonResponse('The catalog version', catalogResponse),
      ...errorResponses({ 401: notSignedInWords, 404: 'not-found: no such catalog version' }),
    },
  }),
  validate('param', catalogParams),
  (c) => {
    requireUser(c);
    const { versionId } = c.req.valid('param');
    const row = getCatalogVersionInfo(c.var.db, versionId);
    if (!row) throw notFound(`There is no catalog version ${versionId}.`);
    c.header('Cache-Control', 'private, max-age=31536000, immutable');
    return c.json({ ...row, catalog: catalogVersion(c.var.db, versionId).catalog });
  },
);

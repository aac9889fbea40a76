import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { notFound } from '../errors';
import { getCatalogVersionInfo } from '../queries/catalog';
import { catalogVersion } from '../services/catalog';
import { validate } from '../validate';

export const catalogParams = z.object({ versionId: z.coerce.number().int().min(1) });

/** A catalog version, as the data-entry form draws it. Versions never change, so it may be cached for good. */
export const catalogRoutes = new Hono<AppEnv>().get('/:versionId', validate('param', catalogParams), (c) => {
  requireUser(c);
  const { versionId } = c.req.valid('param');
  const row = getCatalogVersionInfo(c.var.db, versionId);
  if (!row) throw notFound(`There is no catalog version ${versionId}.`);
  c.header('Cache-Control', 'private, max-age=31536000, immutable');
  return c.json({ ...row, catalog: catalogVersion(c.var.db, versionId).catalog });
});

import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { forbidden } from '../errors';
import { canChangeDisclosurePolicy } from '../permissions';
import { changeDisclosurePolicy, disclosurePolicy } from '../services/releases/policy';
import { previewRelease } from '../services/releases/preview';
import { startRelease } from '../services/releases/publish';
import { getReleaseView, listReleaseViews } from '../services/releases/views';
import { releaseCells, releaseCellsCsv } from '../services/stats';
import { validate } from '../validate';
import { quarterCode } from './params';

export const releaseBody = z.object({ period: quarterCode }).strict();
export const previewQuery = z.object({ period: quarterCode }).strict();
export const releaseParams = z.object({ id: z.coerce.number().int().min(1, 'Not a release id.') });
export const audienceQuery = z.strictObject(
  { audience: z.enum(['public', 'coalition'], 'The audience is "public" or "coalition".').optional() },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Only "audience" may be given (not ${issue.keys.join(', ')}): a release serves its published cells as they are.`
        : undefined,
  },
);
export const policyBody = z
  .object({
    coalition: z.number().int().min(1).max(100).optional(),
    public: z.number().int().min(1).max(100).optional(),
  })
  .strict();

/** Whether the caller asked for CSV rather than JSON. */
const wantsCsv = (accept: string | undefined) => /\btext\/csv\b/i.test(accept ?? '');

/** Releases: what was published when, their protection's outcome, and their cells. */
export const releaseRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.json({ releases: listReleaseViews(c.var.db, c.var.user) }))
  .get('/preview', validate('query', previewQuery), (c) =>
    c.json(previewRelease(c.var.db, requireUser(c), c.req.valid('query').period, c.var.now())),
  )
  .get('/policy', (c) => {
    const user = requireUser(c);
    if (!canChangeDisclosurePolicy(user)) throw forbidden('Only coalition admins see the disclosure policy.');
    return c.json({ policy: disclosurePolicy(c.var.db) });
  })
  .put('/policy', validate('json', policyBody), (c) =>
    c.json({ policy: changeDisclosurePolicy(c.var.db, requireUser(c), c.req.valid('json')) }),
  )
  .post('/', validate('json', releaseBody), (c) => {
    const release = startRelease(c.var.db, requireUser(c), c.req.valid('json').period, c.var.now);
    return c.json({ release }, 202);
  })
  .get('/:id', validate('param', releaseParams), (c) =>
    c.json({ release: getReleaseView(c.var.db, c.var.user, c.req.valid('param').id) }),
  )
  .get('/:id/cells', validate('param', releaseParams), validate('query', audienceQuery), (c) => {
    const { id } = c.req.valid('param');
    const { audience } = c.req.valid('query');
    c.header('Vary', 'Accept, Cookie');
    c.header('Cache-Control', 'private, no-cache');
    if (wantsCsv(c.req.header('Accept'))) {
      const { filename, csv } = releaseCellsCsv(c.var.db, c.var.user, id, audience);
      c.header('Content-Disposition', `attachment; filename="${filename}"`);
      return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    const { categories: _columns, ...body } = releaseCells(c.var.db, c.var.user, id, audience);
    return c.json(body);
  });

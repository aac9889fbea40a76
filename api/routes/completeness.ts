import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { agencyTypes } from '../domain/agencyTypes';
import { forbidden } from '../errors';
import { canViewCompleteness } from '../permissions';
import { completenessMatrix, summarizeCompleteness } from '../queries/submissions';
import { validate } from '../validate';

const summaryQuery = z.object({
  quarters: z.coerce.number().int().min(1, 'Ask for at least one quarter.').max(40).default(4),
});

const matrixQuery = z.object({
  quarters: z.coerce.number().int().min(1, 'Ask for at least one quarter.').max(40).default(8),
  county: z
    .string()
    .regex(/^[A-Z0-9]{2,16}$/, 'Not a county code.')
    .optional(),
  type: z.enum(agencyTypes).optional(),
});

export const completenessRoutes = new Hono<AppEnv>()
  .get('/', validate('query', matrixQuery), (c) => {
    const user = requireUser(c);
    if (!canViewCompleteness(user)) throw forbidden();
    const { quarters, county, type } = c.req.valid('query');
    const today = c.var.now().toISOString().slice(0, 10);
    const matrix = completenessMatrix(c.var.db, {
      quarters,
      county: county ?? null,
      agencyType: type ?? null,
    });
    return c.json({
      ...matrix,
      periods: matrix.periods.map(({ id: _id, ...p }) => ({ ...p, pastDeadline: today > p.deadline })),
    });
  })
  .get('/summary', validate('query', summaryQuery), (c) => {
    const user = requireUser(c);
    if (!canViewCompleteness(user)) throw forbidden();
    const today = c.var.now().toISOString().slice(0, 10);
    const quarters = summarizeCompleteness(c.var.db, c.req.valid('query').quarters).map((q) => ({
      ...q,
      pastDeadline: today > q.deadline,
    }));
    return c.json({ quarters });
  });

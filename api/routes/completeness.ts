import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { agencyTypes } from '../domain/agencyTypes';
import { todayOf } from '../domain/clock';
import { forbidden } from '../errors';
import { canViewCompleteness } from '../permissions';
import { completenessMatrix, summarizeCompleteness } from '../queries/submissions';
import { withEntryWindows } from '../services/entry';
import { validate } from '../validate';
import { clockOf } from './clock';

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
    const today = todayOf(clockOf(c));
    const matrix = completenessMatrix(c.var.db, {
      quarters,
      county: county ?? null,
      agencyType: type ?? null,
    });
    return c.json({
      ...matrix,
      periods: withEntryWindows(c.var.db, matrix.periods, (p) => p.code, today).map(({ id: _id, ...p }) => ({
        ...p,
        pastDeadline: today > p.deadline,
      })),
    });
  })
  .get('/summary', validate('query', summaryQuery), (c) => {
    const user = requireUser(c);
    if (!canViewCompleteness(user)) throw forbidden();
    const today = todayOf(clockOf(c));
    const summary = summarizeCompleteness(c.var.db, c.req.valid('query').quarters);
    const quarters = withEntryWindows(c.var.db, summary, (q) => q.period, today).map((q) => ({
      ...q,
      pastDeadline: today > q.deadline,
    }));
    return c.json({ quarters });
  });

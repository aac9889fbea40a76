import { Hono } from 'hono';
import { z } from 'zod';
import { requireUser } from '../auth/session';
import type { AppEnv } from '../context';
import { forbidden } from '../errors';
import { canViewCompleteness } from '../permissions';
import { summarizeCompleteness } from '../queries/submissions';
import { validate } from '../validate';

const summaryQuery = z.object({
  quarters: z.coerce.number().int().min(1, 'Ask for at least one quarter.').max(40).default(4),
});

export const completenessRoutes = new Hono<AppEnv>().get('/summary', validate('query', summaryQuery), (c) => {
  const user = requireUser(c);
  if (!canViewCompleteness(user)) throw forbidden();
  const today = new Date().toISOString().slice(0, 10);
  const quarters = summarizeCompleteness(c.var.db, c.req.valid('query').quarters).map((q) => ({
    ...q,
    pastDeadline: today > q.deadline,
  }));
  return c.json({ quarters });
});
